import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, class 1 in the families other than hunan-unit: a budget figure stated twice is compared,
/// with the figures in the message. The report form (湖南 自评报告表) states its budget only in the
/// 评分表 (年初 and 全年预算数) and in the report's prose; 河南's 附件1 states the year's spending in its
/// 预算执行情况 and in 表4-1.
struct BudgetAcrossFamiliesTests {
    static func overBudget(_ ws: Workspace) -> [Worded] { TT.problems(ws, code: "atMost", at: "S.budgetFinal.amount") }

    /// Seed 002: 支出合计 1209.14 against 全年预算数 1209.14 and 上年结转 0.
    @Test func seed002SpendingFitsItsBudget() {
        #expect(Self.overBudget(TT.example("hunan-dept-report-2022")).isEmpty)
    }

    @Test func spendingBeyondTheBudgetAndTheCarryOverIsAWarning() {
        let ws = TT.set(TT.example("hunan-dept-report-2022"), [("S.budgetFinal.amount", "1100")])
        let found = Self.overBudget(ws)
        #expect(found.count == 1 && found[0].severity == .warning)
        #expect(found[0].message.contains("1209.14") && found[0].message.contains("1100.00") && found[0].message.contains("上年结转 0.00"))
        // A carry-over that pays for the rest.
        let carried = TT.set(ws, [("R.incomeBureau.carryOver", "109.14"), ("R.incomeBureau.fiscal", "1100")])
        #expect(Self.overBudget(carried).isEmpty)
        // No 全年预算数 typed: nothing to compare.
        #expect(Self.overBudget(TT.set(TT.example("hunan-dept-report-2022"), [("S.budgetFinal.amount", "")])).isEmpty)
    }

    /// Seed 002's prose: 「2022年初省财政批复部门预算为987.68万元」 and 「“三公”经费预算数为9.69万元」 agree
    /// with the 评分表's 年初预算数 and 本年“三公经费”预算数; typed otherwise, the prose is flagged.
    @Test func theProseBudgetAgainstThe评分表() {
        let ws = TT.example("hunan-dept-report-2022-report")
        let text = ProblemText(template: ws.template, draft: ws.draft)
        let budgets = ReportFigures.comparisons(ws.evaluation).filter { text.figureLabel($0.figure, name: $0.name).hasPrefix("评分表") }
        #expect(budgets.count == 2 && budgets.allSatisfy(\.agrees))
        let changed = TT.set(ws, [("S.budgetInitial.amount", "900"), ("S.sangongBudget.amount", "9.96")])
        let flagged = changed.worded.filter { $0.code == "report.figure" }
        #expect(flagged.count == 2)
        #expect(flagged.contains { $0.message.contains("987.68") && $0.message.contains("900") })
        #expect(flagged.contains { $0.message.contains("9.69") && $0.message.contains("9.96") })
    }

    /// Seed 003: 全年执行数 1633.2 against 表4-1's 1913.2; the message shows what 表4-1 is made of, so
    /// that 1633.2 ≈ 基本支出 1633.25 is seen at once.
    @Test func henanSpendingShowsItsParts() {
        let found = TT.problems(TT.example("henan-dept-2022"), code: "equal", at: "A.total.actual")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("其中：决算表基本支出 1633.25 + 项目支出 280.00") == true)
    }
}
