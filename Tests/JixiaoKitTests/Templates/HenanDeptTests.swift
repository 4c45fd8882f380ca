import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The Henan 部门整体绩效自评表 (seed 003 附件1): its 指标说明 rules as formulas, and the example's findings.
struct HenanDeptTests {
    static let example = TT.example("henan-dept-2022")

    @Test func templateLoads() {
        let t = Fixtures.template("henan-dept")
        #expect(t.forms.map(\.id) == ["A"])
        let a = t.form("A")!
        #expect(a.indicators?.section == "ind")
        #expect(a.scorecard?.rubric?.rule == "note")
        #expect(a.row("keyTasks")?.repeating != nil && a.row("adjustRate")?.repeating == nil)
        #expect(a.row("adjustRate")?.isComputed("note") == true)  // the 指标说明 is the template's text
    }

    @Test func seed003WeightsAreHenans() {
        let ws = Self.example
        #expect(ws.number("A.total.weight") == 10)
        #expect(ws.number("A.input.weight") == 30)
        #expect(ws.number("A.output.weight") == 25)
        #expect(ws.number("A.benefit.weight") == 35)
        #expect(ws.number("A.sumTotal.weight") == 100)
        #expect(TT.problems(ws, code: "equal", at: "A.input.weight").isEmpty)
    }

    /// Seed 003's own sums: 效益 8 + 9 + 14 = 31, not the 32 its 表3-1 prints; the total is 96, not 97.
    @Test func seed003ReportedScoresAreCheckedAgainstTheTable() {
        let ws = Self.example
        #expect(ws.number("A.sumInput.score") == 30)
        #expect(ws.number("A.sumOutput.score") == 25)
        #expect(ws.number("A.sumBenefit.score") == 31)
        #expect(ws.number("A.sumTotal.score") == 96)
        #expect(ws.value("A.sumTotal.grade") == .text("优"))
        let benefit = TT.problems(ws, code: "equal", at: "A.sumBenefit.reported")
        #expect(benefit.count == 1 && benefit[0].severity == .error && benefit[0].message.contains("31.00") && benefit[0].message.contains("32.00"))
        let total = TT.problems(ws, code: "equal", at: "A.sumTotal.reported")
        #expect(total.count == 1 && total[0].message.contains("96.00") && total[0].message.contains("97.00"))
        #expect(TT.problems(ws, code: "equal", at: "A.sumInput.reported").isEmpty)
        #expect(TT.problems(ws, code: "equal", at: "A.sumTotal.reportedGrade").isEmpty)
    }

    /// 表4-1: 基本支出 1633.25 + 项目支出 280 = 1913.25, printed 1913.2; 附件1's 全年执行数 1633.2 is the
    /// 基本支出 alone, not the year's 1913.2.
    @Test func seed003FinalAccountsDoNotAddUp() {
        let ws = Self.example
        let p = TT.problems(ws, code: "equal", at: "A.expenseTotal.value")
        #expect(p.count == 1 && p[0].severity == .error && p[0].message.contains("1913.25") && p[0].message.contains("0.05"))
        #expect(TT.problems(ws, code: "equal", at: "A.basic.value").isEmpty)  // 1516.4 + 116.85
        let q = TT.problems(ws, code: "equal", at: "A.total.actual")
        #expect(q.count == 1 && q[0].severity == .warning && q[0].message.contains("1913.20") && q[0].message.contains("1633.20"))
    }

    @Test func seed003ScoresThatBreakTheirRule() {
        let ws = Self.example
        // 结转结余率 typed 100% beside 全年数 = 全年执行数: scored as computed, 0% → 1, as given; the
        // typed rate is the warning (StatedRateCheckTests).
        #expect(ws.number("A.carryRate.points") == 1)
        #expect(TT.problems(ws, code: "equal", at: "A.carryRate.actual").count == 1)
        // 预算调整率 "(0.1%)" beside 年初数 = 全年数: scored as computed, 0% → 2 (StatedRateTests).
        #expect(ws.number("A.adjustRate.points") == 2)
        #expect(TT.problems(ws, code: "equal", at: "A.adjustRate.score").isEmpty)
        // 绩效指标合理性: actual "一般合理" against target "合理", yet full marks: at most 80% of 2.
        let q = TT.problems(ws, code: "atMost", at: "A.rationality.score")
        #expect(q.count == 1 && q[0].message.contains("1.60"))
        #expect(TT.problems(ws, code: "atMost", at: "A.relevance.score").isEmpty)
        // Every other rule row agrees with its score.
        let scoreWarnings = TT.problems(ws, code: "equal").filter { $0.path?.hasSuffix(".score") == true }
        #expect(scoreWarnings.isEmpty)
    }

    @Test func seed003YearsAndReasons() {
        let ws = Self.example
        #expect(TT.problems(ws, code: "year", at: "A.goal[2].completion").count == 1)  // "2020年专业技术人员继续教育"
        #expect(TT.problems(ws, code: "year", at: "A.goal[3].completion").count == 1)  // "截至2020年底"
        #expect(TT.problems(ws, code: "year", at: "A.reportDate.value").count == 1)    // dated 2024 for 2022
        // 群众满意度 met its target: its 14 of 15 is note 3's warning (ReviewRulesTests), not a missing reason.
        #expect(TT.problems(ws, code: "indicator.belowWeightWithoutReason").count == 2)
        #expect(ws.errorsAndWarnings == (3, 10))  // + the stated 预算调整率 (StatedRateTests)
    }

    /// Each rule of the 指标说明 on a fresh table, at its edges.
    static func row(_ id: String, actual: String, target: String = "100%", weight: String = "2") -> Workspace {
        TT.set(TT.fresh("henan-dept", year: 2022), [("A.\(id).actual", actual), ("A.\(id).target", target), ("A.\(id).weight", weight)])
    }

    @Test(arguments: [
        // 预算调整率 / 结转结余率: −5% of the weight per point of deviation, down to 0.
        ("adjustRate", "0%", "2", "2"), ("adjustRate", "1%", "2", "1.9"), ("adjustRate", "10%", "2", "1"),
        ("adjustRate", "20%", "2", "0"), ("adjustRate", "25%", "2", "0"), ("carryRate", "0%", "1", "1"), ("carryRate", "4%", "1", "0.8"),
        // “三公经费”控制率: −2% of the weight per point over 100%.
        ("sangongRate", "100%", "1", "1"), ("sangongRate", "80%", "1", "1"), ("sangongRate", "110%", "1", "0.8"),
        ("sangongRate", "150%", "1", "0"),
        // 完成率 rows: weight × rate.
        ("monitorRate", "100%", "2", "2"), ("deptEvalRate", "43%", "2", "0.86"), ("applyRate", "0%", "1", "0"),
        // Quantitative rows without a rule of their own: the table's note 3, weight × actual ÷ target.
        ("specialRate", "95%", "2", "1.9"), ("procurementRate", "100%", "1", "1"),
    ])
    func ruleOfTheNote(id: String, actual: String, weight: String, expected: String) {
        #expect(Self.row(id, actual: actual, weight: weight).number("A.\(id).points") == TT.d(expected))
    }

    @Test func ruleRowsWithoutAFigureStayEmpty() {
        let ws = TT.fresh("henan-dept", year: 2022)
        #expect(ws.value("A.adjustRate.points") == .empty)
        #expect(ws.value("A.monitorRate.points") == .empty)
        // A word where a rate belongs is "—", not a score.
        #expect(Self.row("adjustRate", actual: "未调整").value("A.adjustRate.points") == .undefined)
    }

    @Test func executionRateRowScoresFromTheBudgetTable() {
        let ws = TT.set(TT.fresh("henan-dept", year: 2022), [("A.total.budget", "100"), ("A.total.actual", "92"), ("A.execRate.weight", "2")])
        #expect(ws.number("A.total.score") == TT.d("9.2"))
        #expect(ws.number("A.execRate.points") == TT.d("1.84"))
    }
}
