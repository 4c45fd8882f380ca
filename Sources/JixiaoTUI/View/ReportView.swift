import JixiaoKit
import JixiaoTerminal

/// The 自评报告 page in the place of a form's table: the title as the forms fill it, then each section
/// with its guidance (dim), the sentences generated from the forms (set apart as computed cells are, and
/// marked), the prose as one cell, and the warnings on the prose's figures.
enum ReportView {
    static func draw(_ sc: inout Screen, _ s: AppState, in rect: Rect) {
        let layout = rect.width == View.tableRect(s).width ? App.reportLayout(s) : ReportLayout(s, width: rect.width)
        // More of the report off screen: said at the title line's end, where it hides none of the text.
        let more = (s.scroll > 0 ? UIText.Report.moreAbove : "") + (s.scroll + rect.height - 1 < layout.lines.count ? UIText.Report.moreBelow : "")
        let moreWidth = DisplayWidth.width(of: more)
        let title = s.template.report.map { UIText.Report.pageTitle(ReportSentences.render($0.title, s.evaluation) ?? "") } ?? ""
        sc.put(DisplayWidth.truncate(title, toWidth: max(0, rect.width - moreWidth - 1), ellipsis: "…"), row: rect.row, col: rect.col,
               style: CellStyle(.title, [.bold]))
        sc.put(more, row: rect.row, col: rect.col + max(0, rect.width - moreWidth), style: CellStyle(.title, [.bold]), maxWidth: rect.width)
        let focused = s.focus.row
        var cursorSet = false
        for i in 0..<(rect.height - 1) {
            let k = s.scroll + i
            guard k < layout.lines.count else { break }
            let line = layout.lines[k]
            let row = rect.row + 1 + i
            let x = line.kind == .heading || line.kind == .legend ? rect.col : rect.col + ReportLayout.indent
            let width = rect.col + rect.width - x
            var style: CellStyle
            switch line.kind {
            case .legend, .guidance, .emptyProse: style = .muted
            case .heading: style = CellStyle(.title, [.bold])
            case .generated: style = .computed
            case .prose, .blank: style = .normal
            case .warning: style = CellStyle(.warning)
            }
            if (line.kind == .prose || line.kind == .emptyProse) && line.section == focused {
                style = .focus
                sc.fill(Rect(row: row, col: x, height: 1, width: width), style: .focus)
                // The real cursor on the section's first line on screen, where an input method opens.
                if !cursorSet { sc.cursor = Position(row: row, col: x); cursorSet = true }
            }
            sc.put(line.text, row: row, col: x, style: style, maxWidth: width)
        }
    }
}
