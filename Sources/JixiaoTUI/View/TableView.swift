import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// The focused form instance drawn like its paper form: section titles, column headings, row labels
/// indented under their 其中 parents, computed cells set apart, and only the lines that fit.
enum TableView {
    /// `lines`: only these lines of the layout (those visible), each on a cleared row, and the title above
    /// them with `title`; nil: the whole table on a cleared rectangle.
    static func draw(_ sc: inout Screen, _ s: AppState, in rect: Rect, lines: [Int?]? = nil, title drawTitle: Bool = true) {
        let layout = s.layout
        let labels = Labels(template: s.template, draft: s.draft)
        let geometry = TableGeometry.kept(s)
        // The lines `update` kept (all but the focused row's) are copied; the rest is drawn.
        let kept: TableKept? = s.tableKept.key == TableKept.Key(s) ? s.tableKept : nil
        if lines == nil || drawTitle {
            if lines != nil { sc.fill(Rect(row: rect.row, col: rect.col, height: 1, width: rect.width)) }
            sc.put(kept?.title ?? title(labels, layout), row: rect.row, col: rect.col, style: CellStyle(.title, [.bold]), maxWidth: rect.width)
        }
        let marks = kept?.marks ?? Self.marks(s)
        // The headings are kept by what they are made from, so any are good; the labels only with the key.
        let texts = kept ?? TableKept(headings: s.tableKept.headings)
        let focusLine = layout.lineOfRow[layout.rowRef(of: s.focus)]
        let height = rect.height - 1
        func show(_ i: Int) {
            let k = s.scroll + i
            let row = rect.row + 1 + i
            if k != focusLine, let line = kept?.lines[k] {
                sc.paste(line, row: row, col: rect.col)
                return
            }
            drawLine(&sc, s, layout, labels, geometry, k, marks, texts, row: row, x0: rect.col, width: rect.width)
        }
        guard let lines else {
            for i in 0..<max(0, min(height, layout.lines.count - s.scroll)) { show(i) }
            return
        }
        var done: [Int] = []
        for case let k? in lines where k >= s.scroll && k - s.scroll < height && k < layout.lines.count && !done.contains(k) {
            done.append(k)
            sc.fill(Rect(row: rect.row + 1 + k - s.scroll, col: rect.col, height: 1, width: rect.width))
            show(k - s.scroll)
        }
    }

    /// What the table's cells are drawn from when its lines are those `update` kept (`TableKept`); nil
    /// when they are not.
    struct Drawn: Equatable, Sendable {
        let key: TableKept.Key
        let scroll: Int
        let rect: Rect
        let focusLine: Int?

        /// What differs from a frame drawn from `under` in `s`'s table (whose lines this was made of): nil
        /// when the whole table may. For the same kept lines, the lines the focus left and entered; for
        /// lines carried from those, also the lines drawn since and the title.
        func changes(over under: Drawn, _ s: AppState) -> (title: Bool, lines: [Int?])? {
            guard scroll == under.scroll, rect == under.rect else { return nil }
            if key == under.key { return (false, [under.focusLine, focusLine]) }
            guard s.tableKept.carriedFrom == under.key else { return nil }
            return (true, [under.focusLine, focusLine] + s.tableKept.drawn.sorted())
        }
    }

    static func drawn(_ s: AppState, in rect: Rect) -> Drawn? {
        let key = TableKept.Key(s)
        guard s.tableKept.key == key else { return nil }
        let layout = s.layout
        return Drawn(key: key, scroll: s.scroll, rect: rect, focusLine: layout.lineOfRow[layout.rowRef(of: s.focus)])
    }

    /// The form's name and title above the table, with the project's name.
    static func title(_ labels: Labels, _ layout: FormLayout) -> String {
        var title = labels.formShort(layout.form, index: layout.index) + "  " + labels.formTitle(layout.form)
        if layout.form.isRepeated, let n = labels.instanceName(layout.form, index: layout.index) { title += "（\(n)）" }
        return title
    }

    /// The focused instance's cells with a problem, by the worst of their problems.
    static func marks(_ s: AppState) -> [CellAddress: Severity] {
        var marks: [CellAddress: Severity] = [:]
        for list in [s.checks.problems(form: s.focus.form, index: s.focus.formIndex), s.checks.acrossProblems(form: s.focus.form, index: s.focus.formIndex)] {
            for p in list {
                if let a = p.address, a.form == s.focus.form, a.formIndex == s.focus.formIndex { marks[a] = max(marks[a] ?? .info, p.severity) }
            }
        }
        return marks
    }

    /// Draws the table's line `k` (one of `layout.lines`) on screen row `row`.
    static func drawLine(_ sc: inout Screen, _ s: AppState, _ layout: FormLayout, _ labels: Labels, _ geometry: TableGeometry, _ k: Int,
                         _ marks: [CellAddress: Severity], _ kept: TableKept, row: Int, x0: Int, width: Int) {
        switch layout.lines[k] {
        case let .sectionTitle(t):
            sc.put("■ " + t, row: row, col: x0, style: CellStyle(.title, [.bold]), maxWidth: width)
        case let .note(t):
            sc.put(t, row: row, col: x0, style: .muted, maxWidth: width)
        case let .header(sectionID):
            header(&sc, s, layout, geometry, sectionID, kept, row: row, x0: x0, width: width, part: 0)
        case let .headerContinued(sectionID):
            header(&sc, s, layout, geometry, sectionID, kept, row: row, x0: x0, width: width, part: 1)
        case let .row(r):
            line(&sc, s, layout, labels, geometry, r, marks, kept, row: row, x0: x0, width: width)
        }
    }

    /// Keeps, for the next frame, the visible lines other than the focused row's, drawn as they will
    /// be shown: an arrow key then draws two table lines (the rows the focus left and entered).
    /// Kept for the draft version, the problems, the focused instance and the column positions
    /// (`TableKept.Key`); the headings' lines and the rows' labels are kept with them.
    static func keep(_ s: inout AppState) {
        guard !s.focus.isReport, s.size.rows >= App.minRows, s.size.cols >= App.minCols, s.overlay != .tooSmall else { return }
        let key = TableKept.Key(s)
        let layout = s.layout
        if s.tableKept.key != key {
            let labels = Labels(template: s.template, draft: s.draft)
            let geometry = TableGeometry.kept(s)
            let headings = s.tableKept.headings
            var next = TableKept(key: key, marks: marks(s), headings: headings.count > 2000 ? [:] : headings)
            next.layout = layout
            next.geometry = geometry
            next.title = title(labels, layout)
            carry(from: s.tableKept, into: &next, s)
            s.tableKept = next
        }
        let rect = View.tableRect(s)
        let focusLine = layout.lineOfRow[layout.rowRef(of: s.focus)]
        let visible = s.scroll..<min(layout.lines.count, s.scroll + max(0, rect.height - 1))
        // Lines scrolled far away are let go: what is kept stays a few screens.
        if s.tableKept.lines.count > 4 * max(1, visible.count) { s.tableKept.lines = s.tableKept.lines.filter { visible.contains($0.key) } }
        // Made for the first line to draw: an arrow key between kept lines draws none.
        var made: (labels: Labels, geometry: TableGeometry)?
        for k in visible where k != focusLine && s.tableKept.lines[k] == nil {
            let (labels, geometry) = made ?? (Labels(template: s.template, draft: s.draft), TableGeometry.kept(s))
            made = (labels, geometry)
            keepTexts(&s.tableKept, s, layout, labels, geometry, k, width: rect.width)
            var line = Screen(rows: 1, cols: rect.width)
            drawLine(&line, s, layout, labels, geometry, k, s.tableKept.marks, s.tableKept, row: 0, x0: 0, width: rect.width)
            s.tableKept.lines[k] = line
            s.tableKept.drawn.insert(k)
        }
    }

    /// After a change of the draft or of the problems that left the layout and the columns as they were
    /// (a value typed, a problem found), the lines of the rows that show the same values and marks are
    /// the lines kept before: an edit draws the rows it changed. After rows were added or removed
    /// (`RowShift`) the lines move with their rows.
    private static func carry(from old: TableKept, into next: inout TableKept, _ s: AppState) {
        // The same column positions (the same object) for the same instance.
        guard let was = old.key, let now = next.key, let layout = next.layout, let before = old.layout, old.geometry === next.geometry else { return }
        if before !== layout {
            carry(from: old, into: &next, s, shifted: before)
            return
        }
        var changed: Set<RowRef>
        if was.geometry.version == now.geometry.version {
            changed = []
        } else if let c = s.columnContent, c.layout === layout, c.version == now.geometry.version, c.changedFrom == was.geometry.version {
            changed = c.changedRows
        } else {
            return
        }
        for (a, m) in old.marks where next.marks[a] != m { changed.insert(layout.rowRef(of: a)) }
        for (a, m) in next.marks where old.marks[a] != m { changed.insert(layout.rowRef(of: a)) }
        next.labels = old.labels
        next.lines.reserveCapacity(old.lines.count)
        for (k, line) in old.lines {
            if case let .row(r) = layout.lines[k], changed.contains(r) { continue }
            next.lines[k] = line
        }
        next.carriedFrom = was
    }

    /// `carry` across rows added or removed (`s.rowShift`) between the layout `before` and the new one:
    /// each kept line goes to its row's new place, except the rows whose values or marks changed, the
    /// group's closing line, and a row that became or stopped being its group's first (which shows
    /// the group's label).
    private static func carry(from old: TableKept, into next: inout TableKept, _ s: AppState, shifted before: FormLayout) {
        guard let was = old.key, let now = next.key, let layout = next.layout, let shift = s.rowShift,
              shift.from == was.geometry.version, shift.to == now.geometry.version,
              before.form.id == shift.form, before.index == shift.formIndex, layout.form.id == shift.form, layout.index == shift.formIndex,
              let c = s.columnContent, c.layout === layout, c.version == shift.to, c.changedFrom == shift.from,
              let closing = before.lineOfRow[RowRef(row: shift.row, index: nil, isPlaceholder: true)] else { return }
        func shifted(_ a: CellAddress, _ to: (Int) -> Int?) -> CellAddress? {
            guard a.row == shift.row, a.form == shift.form, a.formIndex == shift.formIndex, let i = a.rowIndex else { return a }
            var b = a
            guard let j = to(i) else { return nil }
            b.rowIndex = j
            return b
        }
        var changed = c.changedRows
        for (a, m) in old.marks {
            guard let b = shifted(a, shift.destination(of:)) else { continue }
            if next.marks[b] != m { changed.insert(layout.rowRef(of: b)) }
        }
        for (a, m) in next.marks where shifted(a, shift.origin(of:)).map({ old.marks[$0] != m }) ?? true { changed.insert(layout.rowRef(of: a)) }
        next.labels = old.labels
        for (k, line) in old.lines {
            guard case let .row(r) = before.lines[k] else {
                next.lines[k > closing ? k + shift.delta : k] = line
                continue
            }
            var to = r
            if r.row == shift.row {
                guard let i = r.index, let j = shift.destination(of: i), (i == 0) == (j == 0) else { continue }
                to.index = j
            }
            guard !changed.contains(to), let n = layout.lineOfRow[to] else { continue }
            next.lines[n] = line
        }
    }

    /// Makes the heading lines and row labels line `k` needs, once: a heading is wrapped once per
    /// column width and year, a label fitted once per layout.
    private static func keepTexts(_ kept: inout TableKept, _ s: AppState, _ layout: FormLayout, _ labels: Labels, _ g: TableGeometry, _ k: Int,
                                  width: Int) {
        switch layout.lines[k] {
        case let .header(sectionID), let .headerContinued(sectionID):
            guard let section = layout.form.section(sectionID) else { return }
            let twoLines = layout.lines.contains(.headerContinued(section: sectionID))
            for c in g.columns(of: sectionID).cells where c.x < width {
                let key = headingKey(section, c.id, s.draft.year, width: min(c.width, width - c.x), twoLines: twoLines)
                if kept.headings[key] == nil { kept.headings[key] = headingLines(key) }
            }
        case let .row(r):
            guard !r.isPlaceholder, let spec = layout.form.row(r.row) else { return }
            let cols = g.columns(of: spec.sectionID)
            if kept.labels[r.row] == nil { kept.labels[r.row] = rowLabel(labels, layout, spec, width: cols.label) }
        default: return
        }
    }

    /// What a column's heading lines are made from.
    struct HeadingKey: Hashable, Sendable {
        let label: String
        let width: Int
        let twoLines: Bool
        let numeric: Bool
    }

    static func headingKey(_ section: SectionSpec, _ column: String, _ year: Int, width: Int, twoLines: Bool) -> HeadingKey {
        let spec = section.column(column)
        return HeadingKey(label: YearText.render(spec?.label ?? "", year: year), width: width, twoLines: twoLines,
                          numeric: (spec?.kind ?? .text).isNumeric)
    }

    /// The heading's two lines, each fitted to the column.
    static func headingLines(_ key: HeadingKey) -> [String] {
        let label = key.label, w = key.width, twoLines = key.twoLines
        // Two heading lines: the heading wrapped at the column's width, the last line cut with an ellipsis.
        // Balanced: "2022年 / 决算数" rather than "2022年决算 / 数".
        let lw = DisplayWidth.width(of: label)
        var lines = twoLines && lw > w ? TextLines.wrap(label, width: min(w, max((lw + 1) / 2, 4))) : [label]
        if lines.count > 2, twoLines, lw > w { lines = TextLines.wrap(label, width: w) }
        if twoLines && lines.count > 2 { lines[1] = lines[1...].joined() }
        if twoLines && key.numeric && lines.count == 1 { lines.insert("", at: 0) }  // numbers' headings sit on the line above them
        let align: DisplayWidth.Alignment = key.numeric ? .right : .left
        return (0..<2).map { DisplayWidth.fit(lines[safe: $0] ?? "", toWidth: w, alignment: align, ellipsis: "…") }
    }

    /// A row's label as its label column shows it: indented under its parent, cut to the column.
    static func rowLabel(_ labels: Labels, _ layout: FormLayout, _ spec: RowSpec, width: Int) -> String {
        let text = labels.rowLabel(layout.form, index: layout.index, row: spec, rowIndex: nil)
        return DisplayWidth.fit(String(repeating: " ", count: spec.depth * 2) + text, toWidth: width, ellipsis: "…")
    }

    static func header(_ sc: inout Screen, _ s: AppState, _ layout: FormLayout, _ g: TableGeometry, _ sectionID: String, _ kept: TableKept,
                       row: Int, x0: Int, width: Int, part: Int) {
        guard let section = layout.form.section(sectionID) else { return }
        let cols = g.columns(of: sectionID)
        let twoLines = layout.lines.contains(.headerContinued(section: sectionID))
        // Underlined once, under the last heading line.
        let style = CellStyle(.muted, twoLines && part == 0 ? [] : [.underline])
        let heading = part == 0 ? YearText.render(section.labelHeading, year: s.draft.year) : ""
        sc.put(DisplayWidth.fit(heading, toWidth: cols.label), row: row, col: x0, style: style)
        for c in cols.cells where c.x < width {
            let key = headingKey(section, c.id, s.draft.year, width: min(c.width, width - c.x), twoLines: twoLines)
            let lines = kept.headings[key] ?? headingLines(key)
            sc.put(lines[part], row: row, col: x0 + c.x, style: style)
        }
        // Columns off screen: a sign on the side where they are (the focus scrolls them into view).
        guard part == 0 else { return }
        let more = g.overflow(of: sectionID)
        if more.left { sc.put(UIText.App.columnsLeft, row: row, col: x0 + cols.label - 1, style: CellStyle(.title, [.bold])) }
        if more.right { sc.put(UIText.App.columnsRight, row: row, col: x0 + width - 1, style: CellStyle(.title, [.bold])) }
    }

    static func line(_ sc: inout Screen, _ s: AppState, _ layout: FormLayout, _ labels: Labels, _ g: TableGeometry, _ r: RowRef,
                     _ marks: [CellAddress: Severity], _ kept: TableKept, row: Int, x0: Int, width: Int) {
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
        if !isNamed {
            // The paper form merges the 二级指标 cell over a repeated row's instances.
            let text = spec.repeating != nil && (r.index ?? 0) > 0 ? DisplayWidth.fit(indent, toWidth: cols.label, ellipsis: "…")
                : kept.labels[r.row] ?? rowLabel(labels, layout, spec, width: cols.label)
            sc.put(text, row: row, col: x0, style: spec.childIDs.isEmpty ? .normal : CellStyle(.normal, [.bold]))
        }
        let compiled = layout.form.compiled
        let rowSlot = compiled.row(r.row)
        for c in cols.cells where spec.columnIDs.contains(c.id) && c.x < width {
            let a = layout.address(r, c.id)
            let kind = section?.column(c.id)?.kind ?? .text
            let required = rowSlot.flatMap { rs in compiled.column(c.id).map { compiled.isRequired(row: rs, column: $0) } } ?? false
            drawCell(&sc, s, a, kind: kind, computed: spec.formulas[c.id] != nil, x: x0 + c.x, width: min(c.width, width - c.x),
                     mark: marks[a], alignRight: kind.isNumeric, row: row, required: { required })
        }
        if isNamed {
            let a = layout.address(r, CellAddress.labelColumn)
            drawCell(&sc, s, a, kind: .text, computed: false, x: x0 + spec.depth * 2, width: cols.label - spec.depth * 2, mark: marks[a],
                     alignRight: false, row: row, required: { isRequired(s, a) })
        }
    }

    /// Whether a cell must be filled, from the template's rows, columns and checks (the table reads the
    /// compiled form's flags for the cells of its columns; this for a named row's own name).
    static func isRequired(_ s: AppState, _ a: CellAddress) -> Bool {
        guard let form = s.template.form(a.form), let row = form.row(a.row) else { return false }
        if row.required || form.section(row.sectionID)?.column(a.column)?.required == true { return true }
        // As FillableCells counts them: a form's own `required` checks too.
        return form.checks.contains { c in c.kind == .required && c.cells.contains { $0.form == nil && $0.row == a.row && $0.column == a.column } }
    }

    static func drawCell(_ sc: inout Screen, _ s: AppState, _ a: CellAddress, kind: CellKind, computed: Bool, x: Int, width: Int,
                         mark: Severity?, alignRight: Bool, row: Int = -1, required: () -> Bool) {
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
            text = required() ? String(repeating: UIText.App.blankMark, count: min(width, 6)) : UIText.App.optionalMark
            if mark == nil { style = .muted }
        }
        sc.put(DisplayWidth.fit(text, toWidth: width, alignment: alignRight ? .right : .left, ellipsis: "…"), row: row, col: x, style: style)
    }
}

/// The table's lines as `update` last drew them, for the next frames: every visible line but the
/// focused row's, with what they were drawn from.
struct TableKept: Sendable {
    /// Everything a line other than the focused row's is drawn from: the draft (its version), the
    /// problems (`LiveChecks.revision`), the instance, and the column positions (`TableGeometry.Key`).
    struct Key: Equatable, Sendable {
        let geometry: TableGeometry.Key
        let checks: Int

        init(_ s: AppState) {
            geometry = TableGeometry.key(s)
            checks = s.checks.revision
        }
    }

    var key: Key?
    var marks: [CellAddress: Severity] = [:]
    /// Heading lines by what they are made from, so they outlive the key: a heading changes only with
    /// its column's width and the year.
    var headings: [TableView.HeadingKey: [String]] = [:]
    /// Each row's label as shown, by row id (for the key's layout and label width).
    var labels: [String: String] = [:]
    /// Line number in the layout → that line drawn alone, `TableGeometry.tableWidth` wide.
    var lines: [Int: Screen] = [:]
    /// The key of the lines these were carried from, each at its own line number (`TableView.carry`
    /// without rows added or removed), and the lines `keep` drew since: over a frame drawn from the
    /// lines of that key, only these lines, the focused rows' and the title differ (a digit typed).
    var carriedFrom: Key?
    var drawn: Set<Int> = []
    /// The line above the table (`TableView.title`).
    var title: String?
    /// The layout and the column positions the lines were drawn with.
    var layout: FormLayout?
    var geometry: TableGeometry?

    init(key: Key? = nil, marks: [CellAddress: Severity] = [:], headings: [TableView.HeadingKey: [String]] = [:]) {
        self.key = key
        self.marks = marks
        self.headings = headings
    }
}
