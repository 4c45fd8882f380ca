import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Hostile formulas (issue 11, item 12): nesting that overflowed the stack, digits that made `round`
/// run for minutes, arithmetic that overflowed to NaN or trapped. Each is refused or becomes a value.
struct FormulaLimitTests {
    func reason(_ text: String) -> FormulaSyntaxError.Reason? {
        do { _ = try FormulaParser.parse(text); return nil } catch { return error.reason }
    }

    func nested(_ open: String, _ inner: String, _ close: String, _ n: Int) -> String {
        String(repeating: open, count: n) + inner + String(repeating: close, count: n)
    }

    /// The probe: 4,000 brackets overflowed the stack in `FormulaParser.primary` (SIGSEGV).
    @Test func fourThousandBracketsAreRefusedNotACrash() {
        let text = nested("(", "a.x", ")", 4_000)
        #expect(reason(text) == .tooLong(length: text.count))
    }

    @Test func bracketsDeeperThanTheLimitAreRefused() {
        #expect(reason(nested("(", "a.x", ")", Limits.formulaDepth + 1)) == .tooDeep)
        #expect(reason(nested("(", "a.x", ")", Limits.formulaDepth)) == nil)
    }

    /// `- - - …`: within the length limit the parser's recursion through `unary` is bounded too.
    @Test func minusChainsAreBounded() {
        #expect(reason(String(repeating: "- ", count: 4_000) + "1") == .tooLong(length: 8_001))
        #expect(reason(String(repeating: "-", count: Limits.formulaDepth + 1) + "1") == .tooDeep)
        #expect(reason(String(repeating: "-", count: Limits.formulaDepth) + "1") == nil)
    }

    @Test func nestedCallsAreBounded() {
        #expect(reason(nested("abs(", "1", ")", Limits.formulaDepth + 1)) == .tooDeep)
    }

    /// A flat chain `1+1+…` builds a tree as deep as it is long, which the evaluator walks recursively.
    @Test func chainedOperatorsCountAsDepth() {
        let chain = { (n: Int) in "1" + String(repeating: "+1", count: n) }
        #expect(reason(chain(Limits.formulaDepth + 1)) == .tooDeep)
        #expect(reason(chain(Limits.formulaDepth)) == nil)
        #expect(reason("sum(" + Array(repeating: "1", count: 500).joined(separator: ",") + ")") == nil)
    }

    /// The deepest formula the parser admits evaluates without trouble.
    @Test func deepestAdmittedFormulaEvaluates() throws {
        let f = try FormulaParser.parse(String(repeating: "-", count: Limits.formulaDepth) + "a.x")
        #expect(FormulaEvaluatorTests().eval(f, ["a.x": .number(7)]) == .number(7))
    }

    @Test func roundDigitsOutsideTheRangeAreFound() throws {
        func bad(_ text: String) throws -> Bool { try FormulaParser.parse(text).badRoundDigits != nil }
        #expect(try bad("round(a.x, -2147483647)"))
        #expect(try bad("round(a.x, -9223372036854775808)"))
        #expect(try bad("1 + abs(round(a.x, 21))"))
        #expect(try bad("round(a.x, 1.5)"))
        #expect(try bad("round(a.x, b.y)"))
        #expect(try !bad("round(a.x, -20) + round(a.x, 20) + round(a.x) + round(a.x, 0)"))
    }

    /// A digits argument the loader cannot see (a formula built in code) is undefined, not a long loop.
    @Test func roundWithDigitsOutOfRangeIsUndefined() {
        let f = Formula.call(.round, [.ref(Reference(form: nil, allForms: false, row: .named("a"), column: .named("x"))), .number(-2_147_483_647)])
        #expect(FormulaEvaluatorTests().eval(f, ["a.x": .number(12)]) == .undefined)
        #expect(FormulaEvaluatorTests().eval("round(a.x, -1)", ["a.x": .number(15)]) == .number(20))
    }

    /// The probe: a product past Decimal's range was NaN, shown as "NaN.00" and written `<v>NaN</v>`.
    @Test func overflowingProductIsAnOverflowNotNaN() throws {
        let f = try FormulaParser.parse("a.x" + String(repeating: " * 100000000000000000000000000000", count: 6))
        let scope = FormulaEvaluatorTests().scope(["a.x": .number(15)])
        #expect(FormulaEvaluator.evaluate(f, in: scope) == .undefined)
        #expect(throws: FormulaOverflow.self) { try FormulaEvaluator.evaluateChecked(f, in: scope) }
    }

    /// Below NaN there is a range where Decimal still holds a number but no longer exactly: 10^38 on.
    @Test func resultsFromTenToThe38AreOverflows() throws {
        let big = Decimal(sign: .plus, exponent: 37, significand: 5)
        let t = FormulaEvaluatorTests()
        #expect(t.eval("a.x + a.x", ["a.x": .number(big)]) == .undefined)
        #expect(t.eval("sum(a.x, a.x, a.x)", ["a.x": .number(big)]) == .undefined)
        #expect(t.eval("a.x / 0.000001", ["a.x": .number(big)]) == .undefined)
        #expect(t.eval("over(a.x, -a.x)", ["a.x": .number(big)]) == .undefined)
        #expect(t.eval("a.x + 1", ["a.x": .number(big)]) == .number(big + 1))
        let huge = Value.number(Decimal(sign: .plus, exponent: 30, significand: 1))
        #expect(t.eval("execScore(a.x, 0 - 0.000000000000000000000001, a.x)", ["a.x": huge]) == .undefined)
    }

    /// Products of tiny numbers underflowed, which traps inside Foundation (SIGILL); quotients became NaN.
    @Test func tinyResultsRoundToZeroInsteadOfUnderflowing() {
        let tiny = Value.number(Decimal(sign: .plus, exponent: -30, significand: 1))
        let t = FormulaEvaluatorTests()
        #expect(t.eval("a.x * a.x * a.x * a.x * a.x * a.x", ["a.x": tiny]) == .number(0))
        #expect(t.eval("a.x / 100000000000000000000000000000 / 100000000000000000000000000000 / 100000000000000000000000000000 / 100000000000000000000000000000",
                       ["a.x": tiny]) == .number(0))
        // Forty decimals are kept: a ratio keeps its 38 significant digits.
        #expect(t.eval("a.x / 3", ["a.x": .number(1)]) == .number(Decimal(1) / Decimal(3)))
    }

    /// A number typed, stored or written in a formula cannot start out beyond the range: `1e400`
    /// (which traps `Decimal(string:)`) and 31 digits are refused everywhere they can be written.
    @Test func hugeLiteralsAreRefusedWhereverWritten() {
        #expect(reason("1e400") != nil)
        #expect(reason(String(repeating: "9", count: 31)) != nil)
        #expect(NumberInput.parse("1e400", kind: .money) == .failure(.notANumber(input: "1e400")))
        #expect(DraftCodec.entry("1e400", kind: .money) == .invalid("1e400"))
        #expect(DraftCodec.entry(String(repeating: "9", count: 31), kind: .money) == .invalid(String(repeating: "9", count: 31)))
        #expect(FormulaEvaluatorTests().eval("num(a.x)", ["a.x": .text("1e400")]) == .undefined)
    }
}

extension FormulaEvaluatorTests {
    func eval(_ f: Formula, _ cells: [String: Value]) -> Value {
        FormulaEvaluator.evaluate(f, in: scope(cells))
    }
}
