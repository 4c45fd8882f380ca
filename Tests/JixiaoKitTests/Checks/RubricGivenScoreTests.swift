import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, class 5 for hunan-unit: its 评分表 computes each rubric row from 附件1 and 附件2, while the
/// paper (seed 000's 评分表) prints a 自评得分 beside every row and a 总分. Both are entered
/// (纸面自评得分, 纸面总分) and compared with the rule; the table's total stays the rule's. The report
/// form's 评分表 gains the same 纸面总分.
struct RubricGivenScoreTests {
    static func given(_ ws: Workspace) -> [Worded] { ws.worded.filter { ($0.path ?? "").hasSuffix(".given") } }

    /// Seed 001: 15 in post for 15 posts gives 5; 三公 0 of 3 gives 6.
    @Test func aSelfScoreThatBreaksTheRuleIsAWarningQuotingBoth() {
        let ws = TT.set(Fixtures.example(), [("S.staffRate.given", "4"), ("S.sangongControl.given", "6")])
        let found = Self.given(ws)
        #expect(found.map(\.path) == ["S.staffRate.given"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("应为 5.00，现为 4.00") == true)
        #expect(ws.number("S.staffRate.points") == 5)
    }

    @Test func noSelfScoreOrAnAgreeingOneSaysNothing() {
        #expect(Self.given(Fixtures.example()).isEmpty)
        #expect(Self.given(TT.set(Fixtures.example(), [("S.staffRate.given", "5"), ("S.sangongControl.given", "6.00")])).isEmpty)
    }

    /// The paper's 总分 against the rule's, once every row is scored: the seed's own figures where it
    /// has them, and the inputs of the rows it does not document.
    @Test func thePaperTotal() {
        let filled: [(String, String)] = [
            ("S.keySpending.rate", "95%"), ("S.payment.count", "0"), ("S.sys1.met", "符合"), ("S.sys2.met", "符合"), ("S.sys3.met", "符合"),
            ("S.compliance.count", "0"), ("S.pub1.met", "符合"), ("S.pub2.met", "符合"), ("S.pub3.met", "符合"), ("S.pub4.met", "符合"),
            ("S.pub5.met", "符合"), ("S.card.rate", "80%"), ("S.as1.met", "符合"), ("S.as2.met", "符合"), ("S.assetSafety.count", "0"),
            ("S.assetUse.rate", "100%"), ("S.duty1.points", "5"), ("S.duty2.points", "7"), ("S.duty3.points", "5"), ("S.duty4.points", "2"),
            ("S.duty5.points", "2"), ("S.duty6.points", "4"), ("S.economic.points", "5"), ("S.social.points", "5"), ("S.ecological.points", "5"),
            ("S.satisfactionRate.rate", "98%")]
        let ws = TT.set(Fixtures.example(), filled)
        guard let total = ws.number("S.total.points") else { Issue.record("the rubric should be complete"); return }
        #expect(Self.given(TT.set(ws, [("S.total.given", total.plain)])).isEmpty)
        let off = Self.given(TT.set(ws, [("S.total.given", "100")]))
        #expect(off.map(\.path) == ["S.total.given"])
        #expect(off.first?.message.contains("现为 100.00") == true && off.first?.message.contains(NumberFormat.money(total)) == true)
        // Before the table is complete a typed total is not compared.
        #expect(Self.given(TT.set(Fixtures.example(), [("S.total.given", "100")])).isEmpty)
    }

    @Test func theReportFormsPaperTotal() {
        let ws = TT.set(TT.example("hunan-dept-report-2022"), [("S.total.given", "99")])
        #expect(Self.given(ws).isEmpty)  // its rubric is not complete: nothing to compare yet
        #expect(TT.fresh("hunan-dept-report", year: 2022).template.form("S")?.row("total")?.columnIDs.contains("given") == true)
    }
}
