import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, class 5: where the paper's 评分表 shows a self-score beside a row the template computes
/// (seed 000: 资金结余 2, 财政供养人员控制率 5 …), the self-score is entered and compared with the rule.
struct RubricSelfScoreTests {
    static func given(_ ws: Workspace) -> [Worded] { ws.worded.filter { ($0.path ?? "").hasSuffix(".given") } }

    /// Seed 002 entered: 实有 40 of 编制 36 is 111.11%, so the rule gives 0 of 5; 三公 7.50 of 9.69 gives 6.
    @Test func aSelfScoreThatBreaksTheRuleIsAWarning() {
        let ws = TT.set(TT.example("hunan-dept-report-2022"), [("S.staffRate.given", "5"), ("S.sangongControl.given", "6")])
        let found = Self.given(ws)
        #expect(found.map(\.path) == ["S.staffRate.given"])
        #expect(found.first?.severity == .warning && found.first?.message.contains("5.00") == true && found.first?.message.contains("0.00") == true)
        // The rubric's total is still the rule's.
        #expect(ws.number("S.staffRate.points") == 0)
    }

    @Test func noSelfScoreOrAnAgreeingOneSaysNothing() {
        #expect(Self.given(TT.example("hunan-dept-report-2022")).isEmpty)
        #expect(Self.given(TT.set(TT.example("hunan-dept-report-2022"), [("S.staffRate.given", "0"), ("S.sangongControl.given", "6.00")])).isEmpty)
    }
}
