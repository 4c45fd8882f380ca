import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, class 1: the budget, not only the execution, reconciles across 附件2 and the 附件3s, with
/// the figures in the message.
struct CrossFormBudgetTests {
    static func budgetProblems(_ ws: Workspace) -> [Worded] {
        ws.worded.filter { $0.message.hasPrefix("附件2 全年预算数应能容纳") || $0.message.hasPrefix("附件2 执行率已达 100%") }
    }

    /// Seed 001: 附件2 says 1034.36 budgeted and 1034.36 spent (100%), but 附件3-5 shows 92 budgeted and
    /// 84.69 spent: 基本支出 360.71 + the projects' 680.96 is 1041.67, and 7.31 is left unspent.
    @Test func seed001BudgetDoesNotCoverItsProjects() {
        let found = Self.budgetProblems(Fixtures.example())
        #expect(found.map(\.path) == ["B.total.budget", "B.total.actual"])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found[0].message.contains("1041.67") && found[0].message.contains("1034.36") && found[0].message.contains("360.71")
            && found[0].message.contains("680.96"))
        #expect(found[1].message.contains("7.31") && found[1].message.contains("673.65"))
    }

    @Test func figuresThatAgreeSayNothing() {
        // 附件3-5 fully spent: 360.71 + 673.65 = 1034.36 exactly, every project at 100%.
        #expect(Self.budgetProblems(Fixtures.setting(Fixtures.example(), "C[5].fiscal.budget", "84.69")).isEmpty)
        // Or 附件2's budget states the unspent 7.31: it covers the projects, and its rate is below 100%.
        #expect(Self.budgetProblems(Fixtures.setting(Fixtures.example(), "B.total.budget", "1041.67")).isEmpty)
        #expect(Self.budgetProblems(TT.fresh("hunan-unit", year: 2023)).isEmpty)
    }

    @Test func onlyTheUnspentRuleNeedsAFullRate() {
        // A budget too small for its parts, spent at 90%: the first rule alone.
        let ws = TT.set(TT.fresh("hunan-unit", year: 2023), [("B.total.budget", "100"), ("B.total.actual", "90"), ("B.basic.value", "60"),
                                                               ("C[1].fiscal.budget", "50"), ("C[1].fiscal.actual", "30")])
        #expect(Self.budgetProblems(ws).map(\.path) == ["B.total.budget"])
        #expect(Self.budgetProblems(ws).first?.message.contains("110.00") == true)
    }
}
