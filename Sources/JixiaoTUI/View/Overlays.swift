import Foundation
import JixiaoKit

/// A framed panel over the middle of the screen, returning its inside.
enum Panel {
    static func frame(_ sc: inout Screen, title: String, height: Int? = nil, width: Int? = nil) -> Rect {
        // Full-width panels hide the table completely, so nothing behind them reads as part of them.
        let w = min(width ?? sc.cols, sc.cols)
        let h = min(height ?? sc.rows - 4, sc.rows - 3)
        let rect = Rect(row: max(1, (sc.rows - 1 - h) / 2), col: (sc.cols - w) / 2, height: h, width: w)
        sc.fill(rect, style: .normal)
        return sc.box(rect, title: " " + title + " ", style: .normal, titleStyle: CellStyle(.title, [.bold]))
    }
}

enum HelpView {
    static func draw(_ sc: inout Screen, _ s: AppState) {
        let inner = Panel.frame(&sc, title: UIText.Help.title)
        var row = inner.row
        for (keys, what) in UIText.Help.lines {
            guard row < inner.bottom else { break }
            if keys.isEmpty {
                sc.put(what, row: row, col: inner.col, style: CellStyle(.title, [.bold]), maxWidth: inner.width)
            } else {
                sc.put(DisplayWidth.fit(keys, toWidth: 22), row: row, col: inner.col, style: CellStyle(.normal, [.bold]))
                sc.put(what, row: row, col: inner.col + 23, maxWidth: inner.width - 23)
            }
            row += 1
        }
    }
}

enum ProblemsView {
    static func draw(_ sc: inout Screen, _ s: AppState, selected: Int) {
        let all = s.panel.problems
        let inner = Panel.frame(&sc, title: UIText.App.problemsTitle(ProblemReport.summary(all)))
        guard !all.isEmpty else {
            sc.put(UIText.App.noProblems, row: inner.row, col: inner.col, maxWidth: inner.width)
            return
        }
        // Two lines a problem: where, then what.
        let per = 2
        let visible = max(1, inner.height / per)
        let top = max(0, min(selected - visible / 2, all.count - visible))
        for k in 0..<visible {
            let i = top + k
            guard i < all.count else { break }
            let p = all[i]
            let row = inner.row + k * per
            let sel = i == selected
            let sev = ProblemReport.severityWord(p.severity)
            let style: CellStyle = sel ? .focus : (p.severity == .error ? CellStyle(.error, [.bold]) : CellStyle(.warning))
            if sel { sc.fill(Rect(row: row, col: inner.col, height: per, width: inner.width), style: .focus) }
            sc.put("\(sev) \(p.location)", row: row, col: inner.col, style: style, maxWidth: inner.width)
            sc.put("    " + p.message, row: row + 1, col: inner.col, style: sel ? .focus : .normal, maxWidth: inner.width)
        }
    }
}

enum ScoreView {
    static func draw(_ sc: inout Screen, _ s: AppState, scroll: Int) {
        let inner = Panel.frame(&sc, title: UIText.App.scoreTitle)
        let lines = s.panel.scoreLines
        let top = min(scroll, max(0, lines.count - inner.height))
        for k in 0..<inner.height {
            guard top + k < lines.count else { break }
            sc.put(lines[top + k].0, row: inner.row + k, col: inner.col, style: lines[top + k].1, maxWidth: inner.width)
        }
    }

    /// The preview's lines, built once per change of the draft (`App.preparePanel`).
    static func lines(_ card: Scorecard) -> [(String, CellStyle)] {
        var lines: [(String, CellStyle)] = []
        lines.append(("\(card.unit.isEmpty ? ReportText.noUnit : card.unit) · \(card.year) 年度", CellStyle(.title, [.bold])))
        for f in card.forms {
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
        }
        lines.append(("", .normal))
        lines.append(("\(ReportText.checks)：\(ProblemReport.summary(card.problems))", card.errorCount > 0 ? CellStyle(.error, [.bold]) : .normal))
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
        let labels = Labels(template: s.template, draft: s.draft)
        let h = max(6, min(sc.rows - 6, 14))
        let rect = Rect(row: sc.rows - 3 - h, col: 2, height: h, width: sc.cols - 4)
        // The whole band, not only the box: figures beside it would read as part of the text.
        sc.fill(Rect(row: rect.row, col: 0, height: h, width: sc.cols), style: .normal)
        let inner = sc.box(rect, title: " " + labels.location(e.address) + " ", style: .focus, titleStyle: CellStyle(.title, [.bold]))
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
