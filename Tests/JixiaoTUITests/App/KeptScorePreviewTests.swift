import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// F4 assembles the preview from cards and lines kept per instance (`AppState.scorecards`): after edits,
/// added projects and undo, its lines must be those of a scorecard and preview built afresh.
struct KeptScorePreviewTests {
    static func shown(_ lines: [(String, CellStyle)]) -> [String] { lines.map { "\($0.0)|\($0.1)" } }

    @Test func keptPreviewIsTheFreshOne() {
        var s = AppFixture.example()
        while !App.warmScorecards(&s) {}
        s.focus("C[1].quantity[1].target")
        let steps: [[Key]] = [[.enter, .ctrl("u"), .char("≥"), .char("9"), .char("0"), .char("%"), .enter],
                              [.down, .enter, .char("7"), .enter], [.ctrl("z")], [.f(5)], [.down, .down, .enter, .char("1"), .enter]]
        for (n, keys) in steps.enumerated() {
            for k in keys { s.press(k) }
            s.press(.f(4))
            guard case .score = s.overlay else { Issue.record("step \(n): F4 did not open the preview"); return }
            let fresh = ScorecardBuilder.build(s.evaluation, problems: s.checks.all(s.template))
            #expect(Self.shown((0..<s.panel.scoreLines.count).map { s.panel.scoreLines[$0] }) == Self.shown(ScoreView.lines(fresh)), "step \(n)")
            s.press(.f(4))
        }
    }
}
