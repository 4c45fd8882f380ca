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
}
