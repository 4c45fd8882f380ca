import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// The focused form instance drawn like its paper form: section titles, column headings, row labels
/// indented under their 其中 parents, computed cells set apart, and only the lines that fit.
enum TableView {
    static func draw(_ sc: inout Screen, _ s: AppState, in rect: Rect) {
        let layout = s.layout
        let labels = Labels(template: s.template, draft: s.draft)
        let geometry = TableGeometry.kept(s)
        var title = labels.formShort(layout.form, index: s.focus.formIndex) + "  " + labels.formTitle(layout.form)
        if layout.form.isRepeated, let n = labels.instanceName(layout.form, index: s.focus.formIndex) { title += "（\(n)）" }
        sc.put(title, row: rect.row, col: rect.col, style: CellStyle(.title, [.bold]), maxWidth: rect.width)
        var marks: [CellAddress: Severity] = [:]
        for p in s.checks.problems(form: s.focus.form, index: s.focus.formIndex) + s.checks.acrossProblems(form: s.focus.form, index: s.focus.formIndex) {
            if let a = p.address, a.form == s.focus.form, a.formIndex == s.focus.formIndex { marks[a] = max(marks[a] ?? .info, p.severity) }
        }
        let height = rect.height - 1
        for i in 0..<height {
            let k = s.scroll + i
            guard k < layout.lines.count else { break }
            let row = rect.row + 1 + i
            switch layout.lines[k] {
            case let .sectionTitle(t):
                sc.put("■ " + t, row: row, col: rect.col, style: CellStyle(.title, [.bold]), maxWidth: rect.width)
            case let .note(t):
                sc.put(t, row: row, col: rect.col, style: .muted, maxWidth: rect.width)
            case let .header(sectionID):
                header(&sc, s, layout, geometry, sectionID, row: row, x0: rect.col, width: rect.width, part: 0)
            case let .headerContinued(sectionID):
                header(&sc, s, layout, geometry, sectionID, row: row, x0: rect.col, width: rect.width, part: 1)
            case let .row(r):
                line(&sc, s, layout, labels, geometry, r, marks, row: row, x0: rect.col, width: rect.width)
            }
        }
    }

    static func header(_ sc: inout Screen, _ s: AppState, _ layout: FormLayout, _ g: TableGeometry, _ sectionID: String,
                       row: Int, x0: Int, width: Int, part: Int) {
        guard let section = layout.form.section(sectionID) else { return }
        let cols = g.columns(of: sectionID)
        let twoLines = layout.lines.contains(.headerContinued(section: sectionID))
        // Underlined once, under the last heading line.
        let style = CellStyle(.muted, twoLines && part == 0 ? [] : [.underline])
        let heading = part == 0 ? YearText.render(section.labelHeading, year: s.draft.year) : ""
        sc.put(DisplayWidth.fit(heading, toWidth: cols.label), row: row, col: x0, style: style)
        for c in cols.cells where c.x < width {
            let label = YearText.render(section.column(c.id)?.label ?? "", year: s.draft.year)
            let kind = section.column(c.id)?.kind ?? .text
            let align: DisplayWidth.Alignment = kind.isNumeric ? .right : .left
            let w = min(c.width, width - c.x)
            // Two heading lines: the heading wrapped at the column's width, the last line cut with an ellipsis.
            // Balanced: "2022年 / 决算数" rather than "2022年决算 / 数".
            let lw = DisplayWidth.width(of: label)
            var lines = twoLines && lw > w ? TextLines.wrap(label, width: min(w, max((lw + 1) / 2, 4))) : [label]
            if lines.count > 2, twoLines, lw > w { lines = TextLines.wrap(label, width: w) }
            if twoLines && lines.count > 2 { lines[1] = lines[1...].joined() }
            if twoLines && kind.isNumeric && lines.count == 1 { lines.insert("", at: 0) }  // numbers' headings sit on the line above them
            let text = lines[safe: part] ?? ""
            sc.put(DisplayWidth.fit(text, toWidth: w, alignment: align, ellipsis: "…"), row: row, col: x0 + c.x, style: style)
        }
        // Columns off screen: a sign on the side where they are (the focus scrolls them into view).
        guard part == 0 else { return }
        let more = g.overflow(of: sectionID)
        if more.left { sc.put(UIText.App.columnsLeft, row: row, col: x0 + cols.label - 1, style: CellStyle(.title, [.bold])) }
        if more.right { sc.put(UIText.App.columnsRight, row: row, col: x0 + width - 1, style: CellStyle(.title, [.bold])) }
    }

    static func line(_ sc: inout Screen, _ s: AppState, _ layout: FormLayout, _ labels: Labels, _ g: TableGeometry, _ r: RowRef,
                     _ marks: [CellAddress: Severity], row: Int, x0: Int, width: Int) {
        guard let spec = layout.form.row(r.row) else { return }
        let cols = g.columns(of: spec.sectionID)
        let section = layout.form.section(spec.sectionID)
        let indent = String(repeating: " ", count: spec.depth * 2)
        let focusedRow = layout.rowRef(of: s.focus) == r
        // Label column.
        if r.isPlaceholder {
            let empty = (s.draft.instances(of: layout.form.id)[safe: layout.index]?.count(of: spec.id) ?? 0) == 0
            let text = empty ? indent + labels.rowLabel(layout.form, index: layout.index, row: spec, rowIndex: nil) + "  " + UIText.App.emptyGroup
                             : indent + UIText.App.addAnother(spec.repeating?.noun ?? "")
            sc.put(DisplayWidth.fit(text, toWidth: min(width, cols.label + 30), ellipsis: "…"), row: row, col: x0, style: focusedRow ? .focus : .muted)
            if focusedRow { sc.cursor = nil }
            return
        }
        let isNamed = spec.repeating?.named == true
        var labelText: String
        if isNamed {
            labelText = ""
        } else if spec.repeating != nil && (r.index ?? 0) > 0 {
            labelText = ""  // The paper form merges the 二级指标 cell over its rows.
        } else {
            labelText = labels.rowLabel(layout.form, index: layout.index, row: spec, rowIndex: nil)
        }
        if !isNamed {
            sc.put(DisplayWidth.fit(indent + labelText, toWidth: cols.label, ellipsis: "…"), row: row, col: x0,
                   style: spec.childIDs.isEmpty ? .normal : CellStyle(.normal, [.bold]))
        }
        for c in cols.cells where spec.columnIDs.contains(c.id) && c.x < width {
            let a = layout.address(r, c.id)
            let kind = section?.column(c.id)?.kind ?? .text
            drawCell(&sc, s, a, kind: kind, computed: spec.formulas[c.id] != nil, x: x0 + c.x, width: min(c.width, width - c.x),
                     mark: marks[a], alignRight: kind.isNumeric, row: row)
        }
        if isNamed {
            let a = layout.address(r, CellAddress.labelColumn)
            drawCell(&sc, s, a, kind: .text, computed: false, x: x0 + spec.depth * 2, width: cols.label - spec.depth * 2, mark: marks[a],
                     alignRight: false, row: row)
        }
    }

    static func isRequired(_ s: AppState, _ a: CellAddress) -> Bool {
        guard let form = s.template.form(a.form), let row = form.row(a.row) else { return false }
        if row.required || form.section(row.sectionID)?.column(a.column)?.required == true { return true }
        // As FillableCells counts them: a form's own `required` checks too.
        return form.checks.contains { c in c.kind == .required && c.cells.contains { $0.form == nil && $0.row == a.row && $0.column == a.column } }
    }

    static func drawCell(_ sc: inout Screen, _ s: AppState, _ a: CellAddress, kind: CellKind, computed: Bool, x: Int, width: Int,
                         mark: Severity?, alignRight: Bool, row: Int = -1) {
        guard row >= 0, width > 0 else { return }
        let focused = s.focus == a
        if focused, let e = s.editing, e.address == a, let line = e.line {
            let slice = line.visibleSlice(width: width)
            sc.put(DisplayWidth.fit(slice.text, toWidth: width), row: row, col: x, style: CellStyle(.focus, [.underline]))
            sc.cursor = Position(row: row, col: x + slice.cursorColumn)
            return
        }
        let value = s.evaluation.value(a)
        var text = ShownText.text(s.shownTexts[a], value, kind: kind)
        // A line break would end the table line: shown as ⏎ (Foundation's replacing is too slow per cell).
        if text.utf8.contains(0x0A) { text = String(text.map { $0 == "\n" ? "⏎" : $0 }) }
        if case .invalid = value { text = "‼" + text }
        var style: CellStyle = computed ? .computed : .normal
        if let mark { style = mark == .error ? CellStyle(.error, [.bold, .underline]) : (mark == .warning ? CellStyle(.warning, [.underline]) : style) }
        if focused {
            style = CellStyle(.focus)
            // The real cursor sits on the focused cell so an input method opens its window there.
            sc.cursor = Position(row: row, col: x)
        } else if value == .empty, !computed {
            // A blank to fill, as on paper: a line where a required cell is still empty, a dot where
            // an optional one could be filled, so the work to do shows before the cursor gets there.
            text = isRequired(s, a) ? String(repeating: UIText.App.blankMark, count: min(width, 6)) : UIText.App.optionalMark
            if mark == nil { style = .muted }
        }
        sc.put(DisplayWidth.fit(text, toWidth: width, alignment: alignRight ? .right : .left, ellipsis: "…"), row: row, col: x, style: style)
    }
}
