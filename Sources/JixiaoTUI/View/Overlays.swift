import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// A framed panel over the middle of the screen, returning its inside.
enum Panel {
    /// A panel as wide as the screen (help, F3, F4, the print preview) is ruled above and below, not
    /// boxed: with a right edge, every line's blank end had to be erased and stepped over to draw it, two
    /// cursor movements that curses works out anew for each line (a sixth of opening the score preview);
    /// without one, a line's end is one erase.
    static func frame(_ sc: inout Screen, title: String, height: Int? = nil, width: Int? = nil, left: Int = 0) -> Rect {
        let rect = rect(rows: sc.rows, cols: sc.cols, height: height, width: width, left: left)
        sc.fill(rect, style: .normal)
        let titled = " " + title + " "
        if rect.col + rect.width == sc.cols, height == nil, width == nil {
            return sc.rules(rect, title: titled, style: .normal, titleStyle: CellStyle(.title, [.bold]))
        }
        return sc.box(rect, title: titled, style: .normal, titleStyle: CellStyle(.title, [.bold]))
    }

    /// Where a panel goes on a screen of `rows` × `cols`.
    static func rect(rows: Int, cols: Int, height: Int? = nil, width: Int? = nil, left: Int = 0) -> Rect {
        // Full-width panels hide the table completely, so nothing behind them reads as part of them; one
        // beside the outline (`left`) runs from there to the right edge.
        let beside = width == nil && left > 0 && left < cols
        let w = beside ? cols - left : min(width ?? cols, cols)
        let h = min(height ?? rows - 4, rows - 3)
        return Rect(row: max(1, (rows - 1 - h) / 2), col: beside ? left : (cols - w) / 2, height: h, width: w)
    }

    /// The inside of a full panel (`frame` without a height or width), as `frame` returns it.
    static func inside(rows: Int, cols: Int, left: Int = 0) -> Rect {
        let r = rect(rows: rows, cols: cols, left: left)
        return r.width >= 2 && r.height >= 2 ? r.inset(by: 1) : Rect(row: r.row, col: r.col, height: 0, width: 0)
    }
}

enum HelpView {
    static let keyWidth = 22
    /// Lines of help a full panel shows (the frame takes two of the rows between title and status).
    static func visibleRows(_ rows: Int) -> Int { max(1, rows - 6) }

    /// Help at `width` cells: keys in a column, what they do wrapped beside them; keys too long for
    /// the column get a line of their own. (key text, its style, description text)
    static func lines(width: Int) -> [(keys: String, style: CellStyle, what: String)] {
        var out: [(String, CellStyle, String)] = []
        let textWidth = max(10, width - keyWidth - 1)
        for (keys, what) in UIText.Help.lines {
            if keys.isEmpty {
                out += TextLines.wrap(what, width: width).map { ($0, CellStyle(.title, [.bold]), "") }
                continue
            }
            var wrapped = TextLines.wrap(what, width: textWidth)
            if DisplayWidth.width(of: keys) > keyWidth {
                out.append((keys, CellStyle(.normal, [.bold]), ""))
            } else {
                out.append((keys, CellStyle(.normal, [.bold]), wrapped.isEmpty ? "" : wrapped.removeFirst()))
            }
            out += wrapped.map { ("", .normal, $0) }
        }
        return out
    }

    static func draw(_ sc: inout Screen, _ s: AppState, scroll: Int) {
        let inner = Panel.frame(&sc, title: UIText.Help.title)
        let all = lines(width: inner.width)
        let top = min(scroll, max(0, all.count - inner.height))
        for (k, line) in all.dropFirst(top).prefix(inner.height).enumerated() {
            sc.put(line.keys, row: inner.row + k, col: inner.col, style: line.style, maxWidth: inner.width)
            sc.put(line.what, row: inner.row + k, col: inner.col + keyWidth + 1, maxWidth: inner.width - keyWidth - 1)
        }
        // More below (or above): said on the frame, where it takes no line of help.
        if top + inner.height < all.count { sc.put(UIText.App.moreBelow, row: inner.bottom, col: inner.right - 12, style: CellStyle(.title, [.bold])) }
        if top > 0 { sc.put(UIText.App.moreAbove, row: inner.row - 1, col: inner.right - 12, style: CellStyle(.title, [.bold])) }
    }
}

enum ProblemsView {
    static func draw(_ sc: inout Screen, _ s: AppState, selected: Int) {
        let all = s.panel.problems
        // Made only for a problem not worded by `keep` (a frame drawn without an update, in tests): it
        // copies the draft's labels.
        var words: ProblemText?
        func text() -> ProblemText {
            if let words { return words }
            let made = ProblemText(template: s.template, draft: s.draft)
            words = made
            return made
        }
        let form = !s.problemFilter.thisFormOnly ? nil : s.focus.isReport ? UIText.Report.outlineName
            : s.template.form(s.focus.form).map { text().labels.formShort($0, index: s.focus.formIndex) }
        let inner = Panel.frame(&sc, title: UIText.App.problemsTitle(s.panel.problemsSummary ?? ProblemReport.summary(all), errorsOnly: s.problemFilter.errorsOnly, form: form),
                                left: View.panelLeft(s.overlay, cols: sc.cols))
        guard !all.isEmpty else {
            sc.put(UIText.App.noProblems, row: inner.row, col: inner.col, maxWidth: inner.width)
            return
        }
        // Only the few problems around the selection are worded and wrapped, so a draft with hundreds of
        // problems costs no more; those kept by `keep` are not worded again.
        var blocks = s.panel.problemLinesWidth == inner.width ? s.panel.problemLines : [:]
        func block(_ i: Int) -> [String] {
            if let b = blocks[i] { return b }
            let b = lines(all[i], text(), width: inner.width)
            blocks[i] = b
            return b
        }
        let top = top(selected: selected, height: inner.height, block)
        var row = inner.row
        for i in top..<all.count {
            guard row < inner.bottom else { break }
            let p = all[i]
            let sel = i == selected
            let lines = block(i)
            let style: CellStyle = sel ? .focus : (p.severity == .error ? CellStyle(.error, [.bold]) : CellStyle(.warning))
            if sel { sc.fill(Rect(row: row, col: inner.col, height: min(lines.count, inner.bottom - row), width: inner.width), style: .focus) }
            for (k, l) in lines.enumerated() where row + k < inner.bottom {
                sc.put(l, row: row + k, col: inner.col, style: k == 0 ? style : (sel ? .focus : .normal), maxWidth: inner.width)
            }
            row += lines.count
        }
    }
}

extension ProblemsView {
    /// One problem as the panel shows it at `width`: where (cut with an ellipsis), then what, wrapped whole.
    static func lines(_ p: Problem, _ text: ProblemText, width: Int) -> [String] {
        [DisplayWidth.truncate("\(ProblemReport.severityWord(p.severity)) \(text.location(p))", toWidth: width, ellipsis: "…")]
            + TextLines.wrap(text.message(p), width: max(10, width - 4)).map { "    " + $0 }
    }

    /// The first problem shown: from the selection upwards for about half the panel (`height` rows),
    /// then downwards to fill it. `block`: a problem's lines.
    static func top(selected: Int, height: Int, _ block: (Int) -> [String]) -> Int {
        var top = selected, used = block(selected).count
        while top > 0 {
            let h = block(top - 1).count
            guard used + h <= height / 2 else { break }
            top -= 1
            used += h
        }
        return top
    }

    /// The panel's inside, where its problems are wrapped.
    static func inside(_ s: AppState) -> Rect {
        Panel.inside(rows: s.size.rows, cols: s.size.cols, left: View.besideOutline(cols: s.size.cols))
    }

    /// Keeps the lines of the problems the next frame shows (`PanelContent.problemLines`), adding to those
    /// kept: moving in F3, or opening it again on the same draft, words and wraps only problems not shown
    /// before (the wording and wrapping were most of each F3 frame).
    static func keep(_ s: inout AppState) {
        guard case let .problems(selected) = s.overlay, s.size.rows >= App.minRows, s.size.cols >= App.minCols,
              selected >= 0, selected < s.panel.problems.count else { return }
        let inner = inside(s)
        var kept = s.panel.problemLinesWidth == inner.width && s.panel.problemLines.count < 2000 ? s.panel.problemLines : [:]
        s.panel.problemLines = [:]
        let all = s.panel.problems
        var text: ProblemText?
        func block(_ i: Int) -> [String] {
            if let b = kept[i] { return b }
            let words = text ?? ProblemText(template: s.template, draft: s.draft)
            text = words
            let b = lines(all[i], words, width: inner.width)
            kept[i] = b
            return b
        }
        var row = 0
        for i in top(selected: selected, height: inner.height, block)..<all.count {
            guard row < inner.height else { break }
            row += block(i).count
        }
        s.panel.problemLines = kept
        s.panel.problemLinesWidth = inner.width
    }
}

enum ScoreView {
    static func draw(_ sc: inout Screen, _ s: AppState, scroll: Int) {
        let inner = Panel.frame(&sc, title: UIText.App.scoreTitle, left: View.panelLeft(s.overlay, cols: sc.cols))
        let lines = s.panel.scoreLines
        let top = min(scroll, max(0, lines.count - inner.height))
        for k in 0..<inner.height {
            guard top + k < lines.count else { break }
            sc.put(lines[top + k].0, row: inner.row + k, col: inner.col, style: lines[top + k].1, maxWidth: inner.width)
        }
    }

    /// The preview's lines, built once per change of the draft (`App.preparePanel`); `forms`: each
    /// card's lines (`lines(of:)`), kept with the card between changes.
    static func lines(_ card: Scorecard, forms: [[(String, CellStyle)]]) -> ScoreLines {
        let head = [("\(card.unit.isEmpty ? ReportText.noUnit : card.unit) · \(card.year) 年度", CellStyle(.title, [.bold]))]
        let foot = [("", CellStyle.normal),
                    ("\(ReportText.checks)：\(ProblemReport.summary(card.problems))", card.errorCount > 0 ? CellStyle(.error, [.bold]) : .normal)]
        return ScoreLines([head] + forms + [foot])
    }

    static func lines(_ card: Scorecard) -> [(String, CellStyle)] { lines(card, forms: card.forms.map(lines(of:))).all }

    /// One card's lines of the preview.
    @Sendable static func lines(of f: FormCard) -> [(String, CellStyle)] {
        var lines: [(String, CellStyle)] = []
        lines.append(("", .normal))
        lines.append(("\(f.short) \(f.name ?? f.title)", CellStyle(.normal, [.bold])))
        if let e = f.execution {
            lines.append(("  " + UIText.App.executionLine(rate: ValueText.display(e.rate, kind: .percent), weight: ValueText.display(e.weight, kind: .decimal),
                                                          score: ValueText.display(e.score, kind: .decimal)), .normal))
        }
        let given = f.indicators.compactMap(\.score.number).reduce(Decimal(0), +)
        if !f.indicators.isEmpty {
            let quantitative = f.indicators.filter { $0.suggestion?.score != nil }.count
            lines.append(("  " + UIText.App.indicatorLine(count: f.indicators.count, given: given.fixed(2), quantitative: quantitative,
                                                          flagged: f.indicators.filter { !$0.findings.isEmpty }.count), .normal))
        }
        for r in f.rubric {
            lines.append(("  \(r.name)：\(r.figure.isEmpty ? "—" : r.figure) → \(ValueText.display(r.points, kind: .decimal))/\(ValueText.display(r.weight, kind: .decimal))", .normal))
        }
        if let t = f.total {
            let g = f.grade.map { ValueText.display($0, kind: .text) } ?? ""
            lines.append(("  \(ReportText.total) \(ValueText.display(t, kind: .decimal))  \(ReportText.grade) \(g.isEmpty ? "—" : g)", CellStyle(.title, [.bold])))
        }
        return lines
    }
}

enum DialogView {
    static func confirm(_ sc: inout Screen, _ s: AppState, _ c: Confirmation) {
        let text: String
        switch c {
        case let .removeRow(a): text = UIText.App.confirmRemoveRow(Labels(template: s.template, draft: s.draft).location(a))
        case let .removeProject(form, index):
            let labels = Labels(template: s.template, draft: s.draft)
            let name = s.template.form(form).map { labels.formShort($0, index: index) + "（" + (labels.instanceName($0, index: index) ?? "") + "）" } ?? ""
            text = UIText.App.confirmRemoveProject(name)
        case .quitUnsaved: text = UIText.App.confirmQuit
        }
        let inner = Panel.frame(&sc, title: UIText.App.confirmTitle, height: 7, width: min(sc.cols - 4, 70))
        _ = sc.text(text, in: Rect(row: inner.row + 1, col: inner.col + 1, height: inner.height - 2, width: inner.width - 2))
    }

    static func prompt(_ sc: inout Screen, _ s: AppState, _ p: Prompt) {
        let inner = Panel.frame(&sc, title: p.title, height: 5, width: min(sc.cols - 4, 60))
        let slice = p.editor.visibleSlice(width: inner.width - 2)
        sc.put(DisplayWidth.fit(slice.text, toWidth: inner.width - 2), row: inner.row + 1, col: inner.col + 1, style: CellStyle(.focus, [.underline]))
        sc.cursor = Position(row: inner.row + 1, col: inner.col + 1 + slice.cursorColumn)
    }
}

/// The inline multi-line editor for long text, opened over the lower part of the table.
enum AreaEditorView {
    static func draw(_ sc: inout Screen, _ s: AppState, _ e: Editing) {
        guard let area = e.area else { return }
        let h = max(6, min(sc.rows - 6, 14))
        let rect = Rect(row: sc.rows - 3 - h, col: 2, height: h, width: sc.cols - 4)
        // The whole band, not only the box: figures beside it would read as part of the text.
        sc.fill(Rect(row: rect.row, col: 0, height: h, width: sc.cols), style: .normal)
        let inner = sc.box(rect, title: " " + ReportPage.location(s, e.address) + " ", style: .focus, titleStyle: CellStyle(.title, [.bold]))
        let wrapped = area.wrapped(width: inner.width)
        let top = max(0, wrapped.cursor.row - inner.height + 1)
        for k in 0..<inner.height {
            guard top + k < wrapped.lines.count else { break }
            sc.put(wrapped.lines[top + k], row: inner.row + k, col: inner.col, maxWidth: inner.width)
        }
        sc.cursor = Position(row: inner.row + wrapped.cursor.row - top, col: inner.col + wrapped.cursor.col)
    }
}

/// The text printout at the screen's width, as `jixiao print` writes it.
enum PrintPreviewView {
    /// The width the printout is laid out at: the panel's inside (full width less its frame).
    static func textWidth(cols: Int) -> Int { max(0, cols - 2) }

    static func draw(_ sc: inout Screen, _ s: AppState, scroll: Int) {
        let inner = Panel.frame(&sc, title: UIText.App.printTitle(final: s.panel.printMark == nil, errors: s.panel.scorecard?.errorCount ?? 0))
        let lines = s.panel.printLines
        let top = min(scroll, max(0, lines.count - inner.height))
        for k in 0..<inner.height where top + k < lines.count {
            sc.put(String(lines[top + k]), row: inner.row + k, col: inner.col, maxWidth: inner.width)
        }
    }
}
