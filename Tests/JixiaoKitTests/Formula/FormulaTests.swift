import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

struct FormulaParserTests {
    @Test func parsesReferencesOfEveryShape() throws {
        let f = try FormulaParser.parse("sum(children.@) + _.actual / staff.authorized - B!project.value + sum(C[]!total.actual) + sum(item[].x)")
        let refs = f.references
        #expect(refs.contains(Reference(form: nil, allForms: false, row: .children, column: .current)))
        #expect(refs.contains(Reference(form: nil, allForms: false, row: .this, column: .named("actual"))))
        #expect(refs.contains(Reference(form: "B", allForms: false, row: .named("project"), column: .named("value"))))
        #expect(refs.contains(Reference(form: "C", allForms: true, row: .named("total"), column: .named("actual"))))
        #expect(refs.contains(Reference(form: nil, allForms: false, row: .allInstances("item"), column: .named("x"))))
    }

    @Test func precedence() throws {
        #expect(try FormulaParser.parse("1 + 2 * 3") == .binary(.add, .number(1), .binary(.mul, .number(2), .number(3))))
        #expect(try FormulaParser.parse("100%") == .number(1))
    }

    @Test(arguments: ["1 +", "sum(", "a.", "a..b", "foo(1)", "1 2", "(1", "a!b", "\"x"])
    func rejectsMalformed(text: String) {
        #expect(throws: FormulaSyntaxError.self) { try FormulaParser.parse(text) }
    }
}

struct FormulaEvaluatorTests {
    /// A scope over a little table of values, enough to exercise the arithmetic rules.
    func scope(_ cells: [String: Value], settings: TemplateSettings = .standard) -> FormulaScope {
        FormulaScope(row: "r", index: nil, column: "c",
                     local: { row, _, col in cells["\(row).\(col)"] ?? .empty },
                     instances: { _ in 0 }, children: { _ in [] }, isRepeating: { _ in false },
                     foreign: nil, settings: settings)
    }

    func eval(_ text: String, _ cells: [String: Value]) -> Value {
        FormulaEvaluator.evaluate(try! FormulaParser.parse(text), in: scope(cells))
    }

    @Test func emptyPlusEmptyIsEmpty() {
        #expect(eval("a.x + b.x", [:]) == .empty)
        #expect(eval("sum(a.x, b.x)", [:]) == .empty)
    }

    @Test func emptyCountsAsZeroBesideAFilledCell() {
        #expect(eval("a.x + b.x", ["a.x": .number(2)]) == .number(2))
    }

    @Test func zeroOrEmptyBaseIsUndefinedNeverInfinite() {
        #expect(eval("a.x / b.x", ["a.x": .number(2), "b.x": .number(0)]) == .undefined)
        #expect(eval("a.x / b.x", ["a.x": .number(2)]) == .undefined)
        #expect(eval("a.x / b.x", ["a.x": .number(0), "b.x": .number(0)]) == .undefined)
        #expect(eval("a.x / b.x", ["b.x": .number(3)]) == .empty)
    }

    @Test func invalidEntryMakesTheTotalUndefined() {
        #expect(eval("a.x + b.x", ["a.x": .number(2), "b.x": .invalid("12a")]) == .undefined)
    }

    @Test func exactDecimalSum() {
        #expect(eval("a.x + b.x", ["a.x": .number(Decimal(string: "0.1")!), "b.x": .number(Decimal(string: "0.2")!)]) == .number(Decimal(string: "0.3")!))
    }

    @Test func executionScoreIsCappedAtTheWeight() throws {
        let s = TemplateSettings.standard
        #expect(try FormulaEvaluator.executionScore(actual: .number(120), budget: .number(100), weight: .number(10), settings: s) == .number(10))
        #expect(try FormulaEvaluator.executionScore(actual: .number(Decimal(string: "84.69")!), budget: .number(92), weight: .number(10), settings: s)
                == .number(Decimal(string: "9.21")!))
        #expect(try FormulaEvaluator.executionScore(actual: .number(5), budget: .number(0), weight: .number(10), settings: s) == .undefined)
        #expect(try FormulaEvaluator.executionScore(actual: .number(-5), budget: .number(10), weight: .number(10), settings: s) == .number(0))
    }

    @Test func executionRateRoundingPolicyReproducesSeed001Form3_5() throws {
        var s = TemplateSettings.standard
        s.executionRateDecimals = 2
        #expect(try FormulaEvaluator.executionScore(actual: .number(Decimal(string: "84.69")!), budget: .number(92), weight: .number(10), settings: s)
                == .number(Decimal(string: "9.2")!))
    }

    @Test func gradeBandsAreInclusive() {
        #expect(eval("grade(a.x)", ["a.x": .number(90)]) == .text("优"))
        #expect(eval("grade(a.x)", ["a.x": .number(Decimal(string: "89.995")!)]) == .text("优"))
        #expect(eval("grade(a.x)", ["a.x": .number(Decimal(string: "89.99")!)]) == .text("良"))
        #expect(eval("grade(a.x)", ["a.x": .number(80)]) == .text("良"))
        #expect(eval("grade(a.x)", ["a.x": .number(60)]) == .text("中"))
        #expect(eval("grade(a.x)", ["a.x": .number(Decimal(string: "59.99")!)]) == .text("差"))
    }
}
