import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// `View.frame` draws over the previous frame's grid only the regions whose inputs changed: after any
/// key, the frame drawn so must be the frame drawn whole (`View.render`), cell by cell, styles and the
/// cursor too. A region left as it was while what it shows changed (a table line the focus left, the
/// outline's highlight, the title's unsaved mark, the key bar after Enter) makes them differ.
struct IncrementalFrameTests {
    /// Draws `s` over `frame` and compares it with the whole frame; returns the new frame.
    static func expectSame(_ s: AppState, over frame: View.Frame?, _ step: String) -> View.Frame {
        let next = View.frame(s, rows: s.size.rows, cols: s.size.cols, over: frame)
        let whole = View.render(s, rows: s.size.rows, cols: s.size.cols)
        if next.screen != whole {
            let a = next.screen.lines(), b = whole.lines()
            let row = a.indices.first { a[$0] != b[$0] }
            Issue.record("\(step): the frame drawn over the last differs from the whole frame (row \(row.map(String.init) ?? "styles or cursor"): \(row.map { "\(a[$0]) | \(b[$0])" } ?? "\(String(describing: next.screen.cursor)) | \(String(describing: whole.cursor))"))")
        }
        return next
    }

    /// Random keys, most of them moves (the keys that change least), on the example: every frame is
    /// drawn over the one before, as the driver draws them.
    @Test(arguments: [UInt64(0xF2A3_0001), 0xF2A3_0002])
    func aFrameDrawnOverTheLastIsTheWholeFrame(seed: UInt64) {
        var rng = FuzzRandom(seed: seed)
        var s = AppFixture.example(file: "examples/hunan-unit-2023-report.json")
        var frame: View.Frame?
        var over = 0
        let moves: [Key] = [.up, .down, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .ctrl("n"), .ctrl("p"), .ctrl("l")]
        for k in 0..<1200 {
            let action: Action = rng.chance(0.6) ? .key(rng.pick(moves)) : AppFuzzTests.randomAction(&rng)
            var effects = App.update(&s, action)
            while !effects.isEmpty {
                switch effects.removeFirst() {
                case .save: App.update(&s, .saved(.failure(.readOnly(path: s.path)), revision: s.revision))
                case .quit: s.quitRequested = false
                case .print: App.update(&s, .printed(.failure(PrintFailure("磁盘已满"))))
                case .openEditor: effects += App.update(&s, .editorFinished(.failure(.exitStatus("vi", 1))))
                }
            }
            if frame?.drawn != nil { over += 1 }
            frame = Self.expectSame(s, over: frame, "key \(k) \(action)")
        }
        // Most frames were drawn over the last (the property is about them).
        #expect(over > 250, "only \(over) of 1,200 frames were drawn over the last")
    }

    /// The frames that are drawn whole, and those after them: a message longer than the status lines
    /// (it covers the table's last lines), a panel, the too-small screen, a resize.
    @Test func framesAfterWhatCoversTheTable() {
        var s = AppFixture.example()
        var frame = Self.expectSame(s, over: nil, "first")
        #expect(frame.drawn != nil, "a plain frame tells what it was drawn from")
        s.press(.down)
        frame = Self.expectSame(s, over: frame, "down")
        s.say(String(repeating: "很长的一条消息，", count: 40))
        frame = Self.expectSame(s, over: frame, "a long message")
        #expect(frame.drawn == nil, "the next frame after a message over the table is drawn whole")
        s.press(.down)
        frame = Self.expectSame(s, over: frame, "after the message")
        for key: Key in [.f(3), .escape, .f(4), .escape, .f(1), .escape, .ctrl("l"), .down, .escape, .down] {
            s.press(key)
            frame = Self.expectSame(s, over: frame, "\(key)")
        }
        for (rows, cols) in [(20, 60), (30, 100), (36, 120), (30, 100)] {
            App.update(&s, .resize(rows: rows, cols: cols))
            frame = Self.expectSame(s, over: frame, "\(cols)x\(rows)")
            s.press(.down)
            frame = Self.expectSame(s, over: frame, "\(cols)x\(rows), down")
        }
        // A value typed: the focused line shows the editor, the title the unsaved mark, the key bar the
        // editing keys; committed, each goes back.
        s.focus("A.carPurchase.budget")
        frame = Self.expectSame(s, over: frame, "focused")
        for key: Key in [.enter, .char("7"), .char("8"), .enter, .down, .ctrl("z"), .up, .ctrl("y")] {
            s.press(key)
            frame = Self.expectSame(s, over: frame, "\(key)")
        }
    }
}
