import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoTerminal

/// `ColumnContent` is measured once per layout and then brought up to date after each change of the
/// draft: after a change of known cells only those cells' texts are looked at (`AppState.cellLog`). Any
/// cell it misses would leave a stale width in its column, and the table would be laid out for a value
/// no longer there. After every random key, the kept texts and widths equal a fresh measure.
struct ColumnContentTests {
    static func expectFresh(_ s: AppState, _ step: String) {
        guard let kept = s.columnContent, kept.isCurrent(s) else {
            Issue.record("\(step): no content kept for the focused instance")
            return
        }
        let fresh = ColumnContent(s, layout: s.layout)
        #expect(kept.widths == fresh.widths, "\(step): the kept widths differ from a fresh measure")
        let texts = fresh.texts
        #expect(Set(s.shownTexts.keys) == Set(texts.keys), "\(step): the kept texts are of other cells")
        let stale = texts.filter { s.shownTexts[$0.key]?.text != $0.value.text }.map(\.key.description).sorted()
        #expect(stale.isEmpty, "\(step): stale texts kept for \(stale.prefix(5))")
    }

    @Test func keptTextsAndWidthsFollowRandomEdits() {
        var s = AppFixture.example()
        var seed: UInt64 = 0x00C0_FFEE
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        // Figures wide and narrow, so that totals widen and narrow their columns; text in text cells.
        let typed = ["7", "123456789012.5", "0", "", "99.5", "甲", "2,000", "-3"]
        // F5 and F6 add and remove rows: the kept widths then follow rows that moved.
        let moves: [Key] = [.down, .down, .up, .right, .left, .pageDown, .pageUp, .ctrl("n"), .ctrl("p"), .tab, .f(5), .f(6)]
        var edits = 0
        for step in 0..<300 {
            switch next(10) {
            case 0...3:
                s.press(.enter, .ctrl("u"))
                for c in typed[next(typed.count)] {
                    s.press(.char(c))
                    Self.expectFresh(s, "step \(step): typed \(c)")
                }
                s.press(.enter)
                edits += 1
            case 4: s.press(.ctrl("z"))
            case 5: s.press(.ctrl("y"))
            default:
                let key = moves[next(moves.count)]
                s.press(key)
                if key == .f(6), case .confirm = s.overlay { s.press(.char("y")) }
            }
            Self.expectFresh(s, "step \(step)")
        }
        #expect(edits > 60, "edits \(edits)")
    }
}
