import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// F3 keeps the lines of the problems it has shown (`PanelContent.problemLines`): after moving in it,
/// edits, filters and resizes, each frame must be the one drawn with nothing kept.
struct KeptProblemLinesTests {
    static func expectFresh(_ s: AppState, _ step: String) {
        var fresh = s
        fresh.panel.problemLines = [:]
        fresh.panel.problemLinesWidth = -1
        #expect(s.screen.lines() == fresh.screen.lines(), "\(step)")
    }

    @Test func keptProblemLinesAreTheFreshOnes() {
        var s = AppFixture.example(rows: 30, cols: 100)
        s.focus("C[1].quantity[1].target")
        let steps: [(String, [Key])] = [
            ("open", [.f(3)]), ("down", [.down, .down, .down]), ("page down", [.pageDown]), ("close and reopen", [.f(3), .f(3)]),
            ("edit a target", [.f(3), .enter, .ctrl("u"), .char("≥"), .char("9"), .char("%"), .enter, .f(3)]),
            ("errors only", [.char("e")]), ("all again", [.char("e"), .down]),
            ("undo", [.f(3), .ctrl("z"), .f(3), .down]),
        ]
        for (name, keys) in steps {
            for k in keys { s.press(k) }
            guard case .problems = s.overlay else { Issue.record("\(name): F3 is not open"); return }
            Self.expectFresh(s, name)
        }
        // A wider screen wraps the messages at another width.
        App.update(&s, .resize(rows: 40, cols: 130))
        Self.expectFresh(s, "resized")
        s.press(.down)
        Self.expectFresh(s, "resized, down")
        #expect(!s.panel.problemLines.isEmpty, "the lines shown are kept")
    }

    /// Between keys after a change the driver words F3's first page (`App.warmProblems`): nothing on the
    /// screen moves, F3 then opens on those lines and draws what it would have drawn without them, F4
    /// keeps them, and once done there is nothing left to warm (so the idle loop stays idle).
    @Test func warmedProblemLinesAreTheOnesF3Draws() {
        var s = AppFixture.example(rows: 30, cols: 100)
        s.focus("C[1].quantity[1].target")
        for k: Key in [.enter, .ctrl("u"), .char("≥"), .char("9"), .char("%"), .enter] { s.press(k) }
        #expect(App.problemsNeedWarming(s), "an edit leaves F3 to be built")
        let cold = s
        let before = s.screen.lines()
        App.warmProblems(&s)
        #expect(s.screen.lines() == before, "warming changes nothing on the screen")
        #expect(s.overlay == .none)
        #expect(!App.problemsNeedWarming(s), "warmed once, nothing left to do")
        #expect(!s.panel.problemLines.isEmpty)

        var warmF3 = s, coldF3 = cold
        warmF3.press(.f(3))
        coldF3.press(.f(3))
        #expect(warmF3.screen.lines() == coldF3.screen.lines())
        Self.expectFresh(warmF3, "F3 on warmed lines")

        // F4 builds the scorecard on the same list and keeps the worded lines for F3 after it.
        let kept = s.panel.problemLines
        s.press(.f(4))
        #expect(s.panel.problemLines.keys.sorted() == kept.keys.sorted())
        s.press(.f(4))
        s.press(.f(3))
        Self.expectFresh(s, "F3 after F4")
        #expect(s.screen.lines() == coldF3.screen.lines())
    }

    /// After F3's, the driver assembles F4's scorecard between keys (`App.warmScorecard`): nothing on the
    /// screen moves, F3's worded lines stay, F4 then opens on that scorecard and draws what it would have
    /// drawn without it, and once done there is nothing left to warm.
    @Test func warmedScorecardIsTheOneF4Draws() {
        var s = AppFixture.example(rows: 30, cols: 100)
        s.focus("C[1].quantity[1].target")
        for k: Key in [.enter, .ctrl("u"), .char("≥"), .char("9"), .char("%"), .enter] { s.press(k) }
        s.scorecardsWarm = true
        #expect(!App.scorecardNeedsWarming(s), "F3's list comes first")
        App.warmProblems(&s)
        #expect(App.scorecardNeedsWarming(s), "an edit leaves F4 to be assembled")
        let cold = s
        let before = s.screen.lines()
        let lines = s.panel.problemLines
        App.warmScorecard(&s)
        #expect(s.screen.lines() == before, "warming changes nothing on the screen")
        #expect(s.overlay == .none)
        #expect(s.panel.scorecard != nil)
        #expect(!App.scorecardNeedsWarming(s) && !App.problemsNeedWarming(s), "warmed once, nothing left to do")
        #expect(s.panel.problemLines.keys.sorted() == lines.keys.sorted(), "F3's worded lines stay")

        var warmF4 = s, coldF4 = cold
        warmF4.press(.f(4))
        coldF4.press(.f(4))
        #expect(warmF4.screen.lines() == coldF4.screen.lines())
        warmF4.press(.pageDown)
        coldF4.press(.pageDown)
        #expect(warmF4.screen.lines() == coldF4.screen.lines())

        // With F3 filtered, its list is not the scorecard's: nothing is warmed on it.
        var filtered = cold
        filtered.press(.f(3))
        filtered.press(.char("e"))
        filtered.press(.f(3))
        App.warmProblems(&filtered)
        #expect(!App.scorecardNeedsWarming(filtered), "the errors-only list is F3's, not the scorecard's")
    }

    /// The driver's step between keys (`App.warmPanels`) does F3's work first, F4's at the next pause,
    /// then nothing.
    @Test func panelsAreWarmedF3First() {
        var s = AppFixture.example(rows: 30, cols: 100)
        s.focus("C[1].quantity[1].target")
        for k: Key in [.enter, .ctrl("u"), .char("≥"), .char("9"), .char("%"), .enter] { s.press(k) }
        s.scorecardsWarm = true
        #expect(App.panelsNeedWarming(s))
        App.warmPanels(&s)
        #expect(!App.problemsNeedWarming(s) && s.panel.scorecard == nil, "F3's list first")
        #expect(App.panelsNeedWarming(s))
        App.warmPanels(&s)
        #expect(s.panel.scorecard != nil && !App.panelsNeedWarming(s), "then F4's scorecard, then nothing")
    }
}
