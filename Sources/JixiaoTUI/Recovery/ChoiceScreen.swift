import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// A full-screen question with a few explicit answers: the recovery prompt, a draft held by another
/// program, a save conflict. Esc never picks an answer that changes a file: it means the `escape`
/// answer (quit or cancel), so nothing is ever decided by guessing.
public struct ChoiceState: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        /// The letter that picks it directly (shown as "R", matched either case).
        public var key: Character
        public var label: String
        public var answer: ChoiceAnswer
    }

    public var title: String
    /// Paragraphs; each is wrapped to the screen width.
    public var body: [Line]
    public var options: [Option]
    public var selected = 0
    public var escape: ChoiceAnswer
    /// Shown above the key bar: why the last answer could not be carried out.
    public var message: String?

    public struct Line: Sendable, Equatable {
        public var text: String
        public var style: CellStyle
        public var indent: Int
        public init(_ text: String, style: CellStyle = .normal, indent: Int = 0) {
            self.text = text
            self.style = style
            self.indent = indent
        }
    }

    public init(title: String, body: [Line], options: [Option], escape: ChoiceAnswer) {
        self.title = title
        self.body = body
        self.options = options
        self.escape = escape
    }
}

public enum ChoiceAnswer: Sendable, Equatable {
    case restore, discard, keepBoth, quit
    case readOnly
    case overwrite, saveAsNew, cancel
}

public enum ChoiceApp {
    public static func update(_ s: inout ChoiceState, _ key: Key) -> ChoiceAnswer? {
        s.message = nil
        switch key {
        case .up, .backTab: s.selected = (s.selected + s.options.count - 1) % max(1, s.options.count)
        case .down, .tab: s.selected = (s.selected + 1) % max(1, s.options.count)
        case .enter: return s.options[safe: s.selected]?.answer
        case .escape, .f(10), .ctrl("q"), .ctrl("c"): return s.escape
        case let .char(c):
            let folded = Character(c.lowercased())
            if let o = s.options.first(where: { Character($0.key.lowercased()) == folded }) { return o.answer }
        default: break
        }
        return nil
    }
}

public enum ChoiceView {
    public static func render(_ s: ChoiceState, rows: Int, cols: Int) -> Screen {
        var sc = Screen(rows: rows, cols: cols)
        if rows < App.minRows || cols < App.minCols {
            TooSmallView.draw(&sc, rows: rows, cols: cols)
            return sc
        }
        sc.fill(Rect(row: 0, col: 0, height: 1, width: cols), style: .title)
        sc.put(" " + UIText.App.programName + " · " + s.title, row: 0, col: 0, style: .title, maxWidth: cols)
        let width = cols - 4
        // Options and the key bar are kept on screen, each option whole (wrapped under its label);
        // the body gives way when the window is short, and then says so.
        let optionLines = s.options.map { TextLines.wrap($0.label, width: width - 5) }
        let bottom = rows - 3 - optionLines.map(\.count).reduce(0, +) - 1
        var row = 2
        let body = s.body.flatMap { line in TextLines.wrap(line.text, width: width - line.indent).map { (line, $0) } }
        for (k, (line, piece)) in body.enumerated() {
            guard row < bottom else { break }
            let cut = row == bottom - 1 && k < body.count - 1
            sc.put(cut ? DisplayWidth.truncate(piece + "…", toWidth: width - line.indent, ellipsis: "…") : piece,
                   row: row, col: 2 + line.indent, style: line.style, maxWidth: width - line.indent)
            row += 1
        }
        row = min(row + 1, bottom)
        for (k, o) in s.options.enumerated() {
            let sel = k == s.selected
            let lines = optionLines[k]
            if sel { sc.fill(Rect(row: row, col: 2, height: lines.count, width: width), style: .focus) }
            let style = sel ? CellStyle(.focus, [.bold]) : CellStyle.normal
            sc.put((sel ? "▶ " : "  ") + String(o.key).uppercased() + "  ", row: row, col: 2, style: style)
            if sel { sc.cursor = Position(row: row, col: 2) }
            for piece in lines {
                sc.put(piece, row: row, col: 7, style: style, maxWidth: width - 5)
                row += 1
            }
        }
        if let m = s.message { sc.put(" " + m, row: rows - 2, col: 0, style: CellStyle(.error, [.bold]), maxWidth: cols) }
        var col = 0
        for (k, label) in UIText.Recovery.keys + [("Esc", s.escape == .quit ? UIText.Recovery.quit : UIText.Recovery.cancel)] {
            guard col < cols else { break }
            col = sc.put(k, row: rows - 1, col: col, maxWidth: cols - col)
            col = sc.put(label, row: rows - 1, col: col, style: .keybar, maxWidth: cols - col) + 1
        }
        return sc
    }
}
