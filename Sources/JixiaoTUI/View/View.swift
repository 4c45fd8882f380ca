import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// Renders the state into a screen grid. Pure: the same state gives the same screen, so tests compare
/// lines and the driver paints only what changed.
public enum View {
    /// The outline takes more room on wide terminals, where project names would otherwise be cut.
    static func outlineWidth(_ cols: Int) -> Int { cols >= 120 ? 32 : (cols >= 100 ? 26 : 18) }

    public static func render(_ s: AppState, rows: Int, cols: Int) -> Screen {
        var sc = Screen(rows: rows, cols: cols)
        if rows < App.minRows || cols < App.minCols || s.overlay == .tooSmall {
            TooSmallView.draw(&sc, rows: rows, cols: cols)
            return sc
        }
        var state = s
        state.size = (rows, cols)
        TitleBar.draw(&sc, state)
        // A full panel covers the outline and the table whole (`Panel.frame`): drawing them under it was
        // a fifth of each frame with F3 or F4 open.
        if !coversBody(s.overlay) {
            OutlineView.draw(&sc, state, in: outlineRect(state))
            if s.focus.isReport { ReportView.draw(&sc, state, in: tableRect(state)) } else { TableView.draw(&sc, state, in: tableRect(state)) }
        }
        StatusBar.draw(&sc, state)
        KeyBar.draw(&sc, state)
        // A panel over the table hides the table's cursor (a prompt puts its own back).
        if s.overlay != .none, s.overlay != .tooSmall, !s.overlay.isOutline { sc.cursor = nil }
        switch s.overlay {
        case .none, .tooSmall, .outline: break
        case let .help(scroll): HelpView.draw(&sc, state, scroll: scroll)
        case let .problems(selected): ProblemsView.draw(&sc, state, selected: selected)
        case let .score(scroll): ScoreView.draw(&sc, state, scroll: scroll)
        case let .printPreview(scroll): PrintPreviewView.draw(&sc, state, scroll: scroll)
        case let .confirm(c): DialogView.confirm(&sc, state, c)
        case let .prompt(p): DialogView.prompt(&sc, state, p)
        }
        if let e = s.editing, e.area != nil, s.overlay == .none { AreaEditorView.draw(&sc, state, e) }
        return sc
    }

    /// The panels framed at the full size (`Panel.frame` without a height or width): their frame takes
    /// the rows and columns of `bodyRect` exactly.
    static func coversBody(_ overlay: Overlay) -> Bool {
        switch overlay {
        case .help, .problems, .score, .printPreview: true
        default: false
        }
    }

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
