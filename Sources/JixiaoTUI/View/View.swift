import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// Renders the state into a screen grid. Pure: the same state gives the same screen, so tests compare
/// lines and the driver paints only what changed.
public enum View {
    /// The outline takes more room on wide terminals, where project names would otherwise be cut.
    static func outlineWidth(_ cols: Int) -> Int { cols >= 120 ? 32 : (cols >= 100 ? 26 : 18) }

    public static func render(_ s: AppState, rows: Int, cols: Int) -> Screen { frame(s, rows: rows, cols: cols, over: nil).screen }

    /// The frame of `s`, drawn onto a copy of `previous`'s grid where `previous` tells what its regions were
    /// drawn from: only the regions whose inputs changed are drawn again (an arrow key within a form draws
    /// the two table lines the focus left and entered, and the status lines). The screen is the one
    /// `render` draws whole.
    public static func frame(_ s: AppState, rows: Int, cols: Int, over previous: Frame?) -> Frame {
        if s.size == (rows, cols) { return draw(s, over: previous) }
        var state = s
        state.size = (rows, cols)
        return draw(state, over: previous)
    }

    private static func draw(_ s: AppState, over previous: Frame?) -> Frame {
        let rows = s.size.rows, cols = s.size.cols
        if rows < App.minRows || cols < App.minCols || s.overlay == .tooSmall {
            var sc = Screen(rows: max(0, rows), cols: max(0, cols))
            TooSmallView.draw(&sc, rows: rows, cols: cols)
            return Frame(screen: sc)
        }
        // Only the title, the outline, the table, the status lines and the key bar: anything drawn over
        // them (a panel, a dialog, the text-area editor, the report page) and the next frame is drawn whole.
        let plain = (s.overlay == .none || s.overlay.isOutline) && s.editing?.area == nil && !s.focus.isReport
        let title = TitleBar.Key(s, known: s.titleKept?.key), keys = KeyBar.items(s)
        let outline = OutlineView.Drawn(s, in: outlineRect(s))
        let table = plain ? TableView.drawn(s, in: tableRect(s)) : nil
        if plain, let was = previous?.drawn, let below = previous?.screen, was.rows == rows, was.cols == cols {
            var sc = below
            sc.cursor = nil
            if title != was.title { TitleBar.draw(&sc, s, title) }
            if outline != was.outline {
                sc.fill(Rect(row: outline.rect.row, col: outline.rect.col, height: outline.rect.height, width: outline.rect.width + 1))
                OutlineView.draw(&sc, s, in: outline.rect)
            }
            if let table, let under = was.table, let changes = table.changes(over: under, s) {
                TableView.draw(&sc, s, in: table.rect, lines: changes.lines, title: changes.title)
            } else {
                sc.fill(tableRect(s))
                TableView.draw(&sc, s, in: tableRect(s))
            }
            let spilled = StatusBar.draw(&sc, s)
            if keys != was.keys { KeyBar.draw(&sc, keys) }
            return Frame(screen: sc, drawn: spilled ? nil : Drawn(rows: rows, cols: cols, title: title, outline: outline, table: table, keys: keys))
        }
        var sc = Screen(rows: rows, cols: cols)
        TitleBar.draw(&sc, s, title)
        // A full panel covers the table whole, and the outline too unless it sits beside it (`panelLeft`):
        // drawing what it covers was a fifth of each frame with F3 or F4 open.
        if !coversOutline(s.overlay, cols: cols) { OutlineView.draw(&sc, s, in: outline.rect) }
        if !coversBody(s.overlay) {
            if s.focus.isReport { ReportView.draw(&sc, s, in: tableRect(s)) } else { TableView.draw(&sc, s, in: tableRect(s)) }
        }
        let spilled = StatusBar.draw(&sc, s)
        KeyBar.draw(&sc, keys)
        // A panel over the table hides the table's cursor (a prompt puts its own back).
        if s.overlay != .none, s.overlay != .tooSmall, !s.overlay.isOutline { sc.cursor = nil }
        switch s.overlay {
        case .none, .tooSmall, .outline: break
        case let .help(scroll): HelpView.draw(&sc, s, scroll: scroll)
        case let .problems(selected): ProblemsView.draw(&sc, s, selected: selected)
        case let .score(scroll): ScoreView.draw(&sc, s, scroll: scroll)
        case let .printPreview(scroll): PrintPreviewView.draw(&sc, s, scroll: scroll)
        case let .confirm(c): DialogView.confirm(&sc, s, c)
        case let .prompt(p): DialogView.prompt(&sc, s, p)
        }
        if let e = s.editing, e.area != nil, s.overlay == .none { AreaEditorView.draw(&sc, s, e) }
        let drawn = plain && !spilled ? Drawn(rows: rows, cols: cols, title: title, outline: outline, table: table, keys: keys) : nil
        return Frame(screen: sc, drawn: drawn)
    }

    /// A frame, with what its regions were drawn from when the next frame may draw over its grid.
    public struct Frame: Sendable {
        public let screen: Screen
        let drawn: Drawn?

        init(screen: Screen, drawn: Drawn? = nil) {
            self.screen = screen
            self.drawn = drawn
        }
    }

    /// What each region of a frame was drawn from: a region whose inputs are the same in the next frame
    /// shows the same cells.
    struct Drawn: Equatable, Sendable {
        let rows: Int, cols: Int
        let title: TitleBar.Key
        let outline: OutlineView.Drawn
        /// Nil when the table was not drawn from the lines `update` kept.
        let table: TableView.Drawn?
        let keys: KeyBar.Items
    }

    /// The panels framed at the full size (`Panel.frame` without a height or width): their frame takes
    /// the rows and columns of `bodyRect` exactly.
    static func coversBody(_ overlay: Overlay) -> Bool {
        switch overlay {
        case .help, .problems, .score, .printPreview: true
        default: false
        }
    }

    /// The panels that sit beside the outline instead of over it: F3 and F4 are about the forms the
    /// outline lists with their counts, so it stays in view where the terminal is wide enough.
    static func panelLeft(_ overlay: Overlay, cols: Int) -> Int {
        switch overlay {
        case .problems, .score: besideOutline(cols: cols)
        default: 0
        }
    }

    /// The first column right of the outline's edge where a panel sits beside it; 0 below 100 columns.
    static func besideOutline(cols: Int) -> Int { cols >= 100 ? outlineWidth(cols) + 1 : 0 }

    /// The full panels drawn over the outline too.
    static func coversOutline(_ overlay: Overlay, cols: Int) -> Bool { coversBody(overlay) && panelLeft(overlay, cols: cols) == 0 }

    /// Layout: title (row 0), outline and table, then status (2 rows) and the key bar.
    static func bodyRect(_ s: AppState) -> Rect { Rect(row: 1, col: 0, height: max(1, s.size.rows - 4), width: s.size.cols) }

    static func outlineRect(_ s: AppState) -> Rect {
        let b = bodyRect(s)
        return Rect(row: b.row, col: 0, height: b.height, width: outlineWidth(s.size.cols))
    }

    static func tableRect(_ s: AppState) -> Rect {
        let b = bodyRect(s)
        let w = outlineWidth(s.size.cols)
        return Rect(row: b.row, col: w + 1, height: b.height, width: max(10, s.size.cols - w - 1))
    }
}
