import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The general extensions of template format 1 made for rubrics (docs/templates.md): the rubric
/// functions, `row[_]`, `fixed` cells, checks over listed rows, text equality and years before a space.
struct RubricFunctionTests {
    func scope(_ cells: [String: Value]) -> FormulaScope {
        FormulaScope(row: "r", index: nil, column: "c",
                     local: { row, _, col in cells["\(row).\(col)"] ?? .empty },
                     instances: { _ in 0 }, children: { _ in ["k1", "k2", "k3"] }, isRepeating: { _ in false },
                     foreign: nil, settings: .standard)
    }

    func eval(_ text: String, _ cells: [String: Value] = [:]) -> Value {
        FormulaEvaluator.evaluate(try! FormulaParser.parse(text), in: scope(cells))
    }

    func n(_ s: String) -> Value { .number(TT.d(s)) }

    @Test func overAndUnderAreDistancesAndKeepEmpty() {
        #expect(eval("over(a.x, 100%)", ["a.x": n("1.1111")]) == n("0.1111"))
        #expect(eval("over(a.x, 100%)", ["a.x": n("0.9")]) == n("0"))
        #expect(eval("under(a.x, 50%)", ["a.x": n("0.49")]) == n("0.01"))
        #expect(eval("under(a.x, 50%)", ["a.x": n("0.8")]) == n("0"))
        #expect(eval("over(a.x, 100%)") == .empty)
        #expect(eval("over(a.x, b.x)", ["a.x": n("1")]) == .empty)
        #expect(eval("over(a.x, 1)", ["a.x": .text("多")]) == .undefined)
    }

    @Test func deductClampsRoundsAndNeverTurnsEmptyIntoFullMarks() {
        #expect(eval("deduct(5, 1, 0.5)") == n("4.5"))
        #expect(eval("deduct(5, 11.1111, 0.5)") == n("0"))
        #expect(eval("deduct(3, 0.333, 0.1)") == n("2.97"))       // 2.9667 rounded half-up
        #expect(eval("deduct(3, -2, 1)") == n("3"))               // never above full
        #expect(eval("deduct(5, a.x * 100, 0.5)") == .empty)       // the figure is missing
        #expect(eval("deduct(a.w, 1, 0.5)") == .empty)             // the weight is missing
        // The trap the function exists for: 5 − 50 × max(x − 1, 0) is 5 when x is empty.
        #expect(eval("5 - 50 * max(a.x - 1, 0)") == n("5"))
        #expect(eval("deduct(5, over(a.x, 100%) * 100, 0.5)") == .empty)
    }

    @Test func whenFilledWaitsForEveryInput() {
        #expect(eval("whenFilled(a.x, b.x, a.x / b.x)", ["a.x": n("3")]) == .empty)
        #expect(eval("a.x / b.x", ["a.x": n("3")]) == .undefined)  // what whenFilled avoids
        #expect(eval("whenFilled(a.x, b.x, a.x / b.x)", ["a.x": n("3"), "b.x": n("4")]) == n("0.75"))
        #expect(eval("whenFilled(a.x, b.x, a.x / b.x)", ["a.x": n("3"), "b.x": n("0")]) == .undefined)
        #expect(eval("whenFilled(a.x, \"x\")", ["a.x": .text("  ")]) == .empty)
    }

    @Test func matchComparesTextsAndNumbers() {
        #expect(eval("match(a.x, \"符合\", 1, 0)", ["a.x": .text("符合")]) == n("1"))
        #expect(eval("match(a.x, \"符合\", 1, 0)", ["a.x": .text(" 符合 ")]) == n("1"))
        #expect(eval("match(a.x, \"符合\", 1, 0)", ["a.x": .text("不符合")]) == n("0"))
        #expect(eval("match(a.x, \"符合\", 1)", ["a.x": .text("不符合")]) == .empty)
        #expect(eval("match(a.x, \"符合\", 1, 0)") == .empty)
        #expect(eval("match(a.x, 1, \"一\", 2, \"二\")", ["a.x": n("2.00")]) == .text("二"))
        // A key may be a cell: full weight when the actual reads as the target, 80% otherwise.
        let cells: [String: Value] = ["r.actual": .text("一般合理"), "r.target": .text("合理"), "r.weight": n("2")]
        #expect(eval("match(r.actual, r.target, r.weight, r.weight * 80%)", cells) == n("1.6"))
    }

    @Test func sumAllIsEmptyUntilEveryCellIsFilled() {
        #expect(eval("sumAll(a.x, b.x)", ["a.x": n("1")]) == .empty)
        #expect(eval("sum(a.x, b.x)", ["a.x": n("1")]) == n("1"))
        #expect(eval("sumAll(a.x, b.x)", ["a.x": n("1"), "b.x": n("2.5")]) == n("3.5"))
        #expect(eval("sumAll(children.x)", ["k1.x": n("1"), "k2.x": n("1"), "k3.x": n("1")]) == n("3"))
    }

    @Test func countOfCountsEqualCells() {
        let all: [String: Value] = ["k1.m": .text("符合"), "k2.m": .text("不符合"), "k3.m": .text("符合")]
        #expect(eval("countOf(\"符合\", children.m)", all) == n("2"))
        #expect(eval("countOf(\"符合\", children.m)", ["k1.m": .text("符合")]) == .empty)
    }

    @Test func showAndConcatWriteTheFigure() {
        #expect(eval("show(a.x, \"percent\")", ["a.x": n("1.11111")]) == .text("111.11%"))
        #expect(eval("show(a.x, \"money\")", ["a.x": n("7.5")]) == .text("7.50"))
        #expect(eval("show(a.x, \"percent\")") == .empty)
        #expect(eval("concat(\"实有 \", a.x, \" 人 = \", show(a.x / b.x, \"percent\"))", ["a.x": n("40"), "b.x": n("36")])
                == .text("实有 40 人 = 111.11%"))
        #expect(eval("concat(\"实有 \", a.x, \" 人\")") == .empty)
        #expect(eval("concat(\"率 \", a.x / b.x)", ["a.x": n("1"), "b.x": n("0")]) == .text("率 —"))
    }

    @Test(arguments: [("(100%)", "1"), ("（0.1%）", "0.001"), ("98.95%", "0.9895"), ("≤3.5%", "0.035"), ("47.96万元", "47.96"), ("１００％", "1")])
    func numReadsWhatAccountantsWrite(text: String, expected: String) {
        #expect(eval("num(a.x)", ["a.x": .text(text)]) == n(expected))
    }

    @Test func numOfWordsIsUndefinedAndOfNothingEmpty() {
        #expect(eval("num(a.x)", ["a.x": .text("一般合理")]) == .undefined)
        #expect(eval("num(a.x)") == .empty)
        #expect(eval("num(a.x)", ["a.x": n("0.5")]) == n("0.5"))
    }

    @Test func bandWaitsForAThresholdStillToBeEntered() {
        #expect(eval("bandAtMost(a.x, 0, 3, b.x, 2, 0)", ["a.x": n("0")]) == n("3"))      // decided before b.x
        #expect(eval("bandAtMost(a.x, 0, 3, b.x, 2, 0)", ["a.x": n("5")]) == .empty)
        #expect(eval("bandAtMost(a.x, 0, 3, b.x, 2, 0)", ["a.x": n("5"), "b.x": n("9")]) == n("2"))
        #expect(eval("bandAtMost(a.x, 0, 3, b.x, 2, 0)", ["a.x": n("5"), "b.x": .text("无")]) == .undefined)
    }

    @Test func sameIndexReferenceParses() throws {
        let f = try FormulaParser.parse("incomeUnit[_].total - _.total")
        #expect(f.references.contains(Reference(form: nil, allForms: false, row: .sameIndex("incomeUnit"), column: .named("total"))))
        #expect(throws: FormulaSyntaxError.self) { try FormulaParser.parse("B[_]!x.y") }
    }
}

/// The loader and the checks, on a small template written here.
struct FormatExtensionTemplateTests {
    /// Two parallel tables of institutions, a rubric-like section with fixed cells, and checks that
    /// use `row[_]`, `rows` and text equality.
    static let json = """
    {"format": 1, "id": "t", "version": "1", "title": "t", "forms": [{"id": "F", "short": "表", "title": "表",
      "sections": [
        {"id": "inc", "title": "收入", "columns": [{"id": "total", "kind": "money"}, {"id": "a", "kind": "money"}],
         "rows": [{"id": "incUnit", "label": "机构", "repeat": {"noun": "机构", "named": true}}]},
        {"id": "exp", "title": "支出", "columns": [{"id": "total", "kind": "money"}, {"id": "left", "kind": "money"}],
         "rows": [{"id": "expUnit", "label": "机构", "repeat": {"noun": "机构", "named": true},
                   "formulas": {"left": "incUnit[_].total - _.total"}}]},
        {"id": "rub", "title": "评分", "columns": [{"id": "weight", "kind": "decimal"}, {"id": "rule", "kind": "text"},
           {"id": "points", "kind": "decimal"}, {"id": "grade", "kind": "text"}],
         "rows": [{"id": "r1", "fixed": {"weight": 5, "rule": "“规则”，100%"}},
                  {"id": "r2", "fixed": {"weight": "3"}},
                  {"id": "sum", "columns": ["points", "grade"], "formulas": {"points": "sumAll(r1.points, r2.points)"}}]}],
      "checks": [
        {"kind": "atMost", "severity": "error", "label": "得分不能大于分值", "left": "_.points", "right": "_.weight", "at": "_.points", "rows": ["r1", "r2"]},
        {"kind": "equal", "severity": "warning", "label": "机构应相同", "left": "_.label", "right": "incUnit[_].label", "at": "_.label", "each": "expUnit"},
        {"kind": "equal", "severity": "error", "label": "等次应与得分相符", "left": "sum.grade", "right": "grade(sum.points)", "at": "sum.grade"}
      ]}]}
    """

    func workspace(_ pairs: [(String, String)]) -> Workspace {
        let t = try! TT.load(Self.json)
        let ws = Workspace(draft: DraftFactory.new(template: t, year: 2022), template: t)
        return TT.set(ws, pairs)
    }

    @Test func fixedCellsAreConstantAndCannotBeTyped() {
        let ws = workspace([])
        #expect(ws.value("F.r1.weight") == .number(5))
        #expect(ws.value("F.r2.weight") == .number(3))
        #expect(ws.value("F.r1.rule") == .text("“规则”，100%"))
        var d = ws.draft
        #expect(throws: EditError.self) { try DraftEditor(template: ws.template).set(&d, CellAddress(form: "F", row: "r1", column: "weight"), text: "6") }
    }

    @Test func sameIndexPairsParallelRows() {
        let ws = workspace([("F.incUnit[+].label", "社保中心"), ("F.incUnit[$].total", "898.32"),
                            ("F.incUnit[+].label", "就业中心"), ("F.incUnit[$].total", "1078.69"),
                            ("F.expUnit[+].label", "社保中心"), ("F.expUnit[$].total", "894.93"),
                            ("F.expUnit[+].label", "就业中心"), ("F.expUnit[$].total", "1035.71"),
                            ("F.expUnit[+].label", "档案中心"), ("F.expUnit[$].total", "1")])
        #expect(ws.number("F.expUnit[1].left") == TT.d("3.39"))
        #expect(ws.number("F.expUnit[2].left") == TT.d("42.98"))
        // No third institution in the income table: its pair is empty, so the difference is −1 by the
        // forms' sum rule (an empty term counts as 0 beside a filled one).
        #expect(ws.number("F.expUnit[3].left") == TT.d("-1"))
    }

    @Test func textEqualityFlagsARenamedInstitutionOnly() {
        let same = workspace([("F.incUnit[+].label", "社保中心"), ("F.expUnit[+].label", "社保中心")])
        #expect(TT.problems(same, code: "equal").isEmpty)
        let renamed = workspace([("F.incUnit[+].label", "社保中心"), ("F.expUnit[+].label", "市社保中心")])
        let p = TT.problems(renamed, code: "equal", at: "F.expUnit[1].label")
        #expect(p.count == 1 && p[0].severity == .warning && p[0].message.contains("「社保中心」") && p[0].message.contains("「市社保中心」"))
    }

    @Test func textEqualityComparesAGradeWithItsScore() {
        let ws = workspace([("F.r1.points", "5"), ("F.r2.points", "3"), ("F.sum.grade", "优")])
        let p = TT.problems(ws, code: "equal", at: "F.sum.grade")
        // 8 points is 差 under the standard bands.
        #expect(p.count == 1 && p[0].message.contains("应为「差」") && p[0].message.contains("现为「优」"))
        #expect(TT.problems(Fixtures.setting(ws, "F.sum.grade", "差"), code: "equal", at: "F.sum.grade").isEmpty)
        #expect(TT.problems(Fixtures.setting(ws, "F.sum.grade", ""), code: "equal", at: "F.sum.grade").isEmpty)
    }

    @Test func checkOverListedRowsPointsAtEachRow() {
        let ws = workspace([("F.r1.points", "6"), ("F.r2.points", "3")])
        let p = TT.problems(ws, code: "atMost")
        #expect(p.map(\.path) == ["F.r1.points"])
        #expect(p[0].message.contains("得分不能大于分值") && p[0].message.contains("5.00") && p[0].message.contains("6.00"))
        #expect(ws.number("F.sum.points") == 9)
        #expect(workspace([("F.r1.points", "5")]).value("F.sum.points") == .empty)
    }

    @Test func loaderRefusesMisusedExtensions() {
        // `[_]` from a row that does not repeat.
        let e1 = TT.reason(Self.json.replacingOccurrences(of: "\"formulas\": {\"points\": \"sumAll(r1.points, r2.points)\"}",
                                                          with: "\"formulas\": {\"points\": \"incUnit[_].total\"}"))
        #expect(e1 == .unknownCell("incUnit[_].total"))
        // `rows` naming a repeated row, or a row without the cell.
        let e2 = TT.reason(Self.json.replacingOccurrences(of: "\"rows\": [\"r1\", \"r2\"]", with: "\"rows\": [\"r1\", \"expUnit\"]"))
        #expect(e2 == .unknownCell("expUnit"))
        let e3 = TT.reason(Self.json.replacingOccurrences(of: "\"rows\": [\"r1\", \"r2\"]", with: "\"rows\": [\"r1\", \"sum\"]"))
        #expect(e3 == .unknownCell("sum.weight"))
        // `fixed` on a column the row does not have, and a non-number in a number column.
        let e4 = TT.reason(Self.json.replacingOccurrences(of: "{\"id\": \"r2\", \"fixed\": {\"weight\": \"3\"}}",
                                                          with: "{\"id\": \"r2\", \"columns\": [\"points\"], \"fixed\": {\"weight\": \"3\"}}"))
        #expect(e4 == .unknownCell("r2.weight"))
        let e5 = TT.reason(Self.json.replacingOccurrences(of: "\"fixed\": {\"weight\": \"3\"}", with: "\"fixed\": {\"weight\": \"三\"}"))
        #expect(e5 == .badNumber("三"))
        // `_` in a check with neither `each` nor `rows`.
        let e6 = TT.reason(Self.json.replacingOccurrences(of: ", \"rows\": [\"r1\", \"r2\"]", with: ""))
        #expect(e6 == .unknownCell("_ (需要 each 或 rows)"))
    }

    @Test(arguments: [("截至 2020 年底", [2020]), ("2024 年 5 月", [2024]), ("2023年2月20日", [2023]), ("共 2020 人", [Int]()), ("湘办〔2021〕28号", [Int]())])
    func yearsBeforeASpacedNianAreFound(text: String, years: [Int]) {
        #expect(YearScan.years(in: text) == years)
    }
}
