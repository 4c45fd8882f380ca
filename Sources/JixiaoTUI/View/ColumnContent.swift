import JixiaoKit
import JixiaoTerminal

/// What the focused instance's cells show, for the table's column widths (`TableGeometry.held`) and
/// its lines: measured once per layout, then, after a change of the draft, brought up to date by
/// reading each cell's value by slot and formatting and measuring again only the cells whose value
/// changed (formatting a `Decimal` and hashing each cell's address were most of the measure).
struct ColumnContent: Sendable {
    /// One cell of the layout: where it is, and what it shows.
    struct Item: Sendable {
        var address: CellAddress
        var row: RowRef
        let rowSlot: Int
        let columnSlot: Int
        let kind: CellKind
        /// Its place in `columns`; nil for a named row's own name, which the label column shows.
        let column: Int?
        var shown: ShownText
        var width: Int
    }

    let layout: FormLayout
    private(set) var version: Int
    /// The version the last update started from, and the rows whose cells show something else since.
    private(set) var changedFrom: Int
    private(set) var changedRows: Set<RowRef> = []
    private var items: [Item] = []
    /// Each item's place in `items` by its cell's slots, made at the first update of known cells.
    private var itemAt: [CellSlot: Int]?
    private var columns: [(section: String, column: String)] = []
    /// Per section and column, the display width of each value it holds (0 for none left out), in
    /// the layout's order.
    private(set) var widths: [String: [String: [Int]]] = [:]

    /// Measures every cell of `layout` (the focused instance's) in `s`; `kept`: texts made before, taken
    /// again for the cells whose value they show.
    init(_ s: AppState, layout: FormLayout, kept: [CellAddress: ShownText] = [:]) {
        self.layout = layout
        version = s.draftVersion
        changedFrom = s.draftVersion
        var columnAt: [String: Int] = [:]
        for case let .row(r) in layout.lines where !r.isPlaceholder { add(r, s, &columnAt, kept: kept) }
        widths = gathered()
    }

    /// `old`'s content moved across `shift` (instances of a repeated row added or removed) into `layout`,
    /// the layout after it: the cells of the rows after the change keep their texts and widths at
    /// their new places, the added rows are measured, and then, as `update` does, every cell whose value
    /// is not the one its text shows is formatted again. `texts` follows. Nil when `old` does not
    /// line up with `layout` across the shift (then the content is measured whole).
    private init?(_ s: AppState, layout: FormLayout, shifting old: ColumnContent, _ shift: RowShift,
                  texts: inout [CellAddress: ShownText]) {
        self.layout = layout
        version = s.draftVersion
        changedFrom = old.version
        columns = old.columns
        var columnAt: [String: Int] = [:]
        for (k, c) in columns.enumerated() { columnAt[c.section + "\u{0}" + c.column] = k }
        let before = old.items
        items.reserveCapacity(before.count + max(0, shift.delta) * 8)
        var cursor = 0
        // Both layouts list the rows in the same order: the old cells are walked once, alongside.
        func skipRemoved() {
            while cursor < before.count, before[cursor].row.row == shift.row, let j = before[cursor].row.index, shift.removes(j) {
                texts[before[cursor].address] = nil
                cursor += 1
            }
        }
        for case let .row(r) in layout.lines where !r.isPlaceholder {
            skipRemoved()
            guard r.row == shift.row, let index = r.index else {
                while cursor < before.count, before[cursor].row == r { items.append(before[cursor]); cursor += 1 }
                continue
            }
            guard let was = shift.origin(of: index) else {
                add(r, s, &columnAt, kept: [:])
                changedRows.insert(r)
                continue
            }
            let moved = was != index
            while cursor < before.count, before[cursor].row.row == r.row, before[cursor].row.index == was {
                var i = before[cursor]
                cursor += 1
                if moved {
                    i.row = r
                    i.address.rowIndex = index
                    if i.column != nil { texts[i.address] = i.shown }
                }
                items.append(i)
            }
        }
        skipRemoved()
        guard cursor == before.count else { return nil }
        // The last instances' old places, now past the end of the group.
        if shift.delta < 0 {
            let count = layout.rows.count { $0.row == shift.row && !$0.isPlaceholder }
            for i in before where i.row.row == shift.row && (i.row.index ?? 0) >= count { texts[i.address] = nil }
        }
        refresh(s, texts: &texts)
        widths = gathered()
    }

    /// Appends the cells of row `r` (made from `s`'s values), taking from `kept` the texts that show them.
    private mutating func add(_ r: RowRef, _ s: AppState, _ columnAt: inout [String: Int], kept: [CellAddress: ShownText]) {
        let form = layout.form, compiled = form.compiled
        guard let spec = form.row(r.row), let section = form.section(spec.sectionID), let rs = compiled.row(r.row) else { return }
        if spec.repeating?.named == true {
            let a = layout.address(r, CellAddress.labelColumn)
            let value = s.evaluation.value(form: form, index: layout.index, rowSlot: rs, rowIndex: r.index, columnSlot: compiled.labelSlot)
            items.append(Item(address: a, row: r, rowSlot: rs, columnSlot: compiled.labelSlot, kind: .text, column: nil,
                              shown: ShownText(value: value, kind: .text, text: ""), width: 0))
        }
        for c in section.columns where spec.columnIDs.contains(c.id) {
            guard let cs = compiled.column(c.id) else { continue }
            let key = section.id + "\u{0}" + c.id
            let k = columnAt[key] ?? columns.count
            if k == columns.count { columnAt[key] = k; columns.append((section.id, c.id)) }
            let value = s.evaluation.value(form: form, index: layout.index, rowSlot: rs, rowIndex: r.index, columnSlot: cs)
            let a = layout.address(r, c.id)
            let shown = kept[a].flatMap { $0.shows(value, c.kind) ? $0 : nil }
                ?? ShownText(value: value, kind: c.kind, text: ValueText.display(value, kind: c.kind))
            items.append(Item(address: a, row: r, rowSlot: rs, columnSlot: cs, kind: c.kind, column: k,
                              shown: shown, width: DisplayWidth.width(of: shown.text)))
        }
    }

    /// The texts the table shows, by cell.
    var texts: [CellAddress: ShownText] {
        var out: [CellAddress: ShownText] = [:]
        out.reserveCapacity(items.count)
        for i in items where i.column != nil { out[i.address] = i.shown }
        return out
    }

    /// Brings the content up to `s`'s draft (same layout): the cells whose value changed are formatted
    /// again, their texts replaced in `texts` and their rows noted in `changedRows`.
    mutating func update(_ s: AppState, texts: inout [CellAddress: ShownText]) {
        let known = s.cellLog.since == version ? s.cellLog.cells : nil
        changedFrom = version
        version = s.draftVersion
        changedRows = []
        if refresh(s, texts: &texts) { widths = gathered() }
    }

    /// Formats again the cells whose value is not the one their text shows; whether a width changed.
    @discardableResult
    private mutating func refresh(_ s: AppState, texts: inout [CellAddress: ShownText]) -> Bool {
        let form = layout.form
        var widthChanged = false
        // After a change of known cells only their items can show something else: a key typed into a
        // cell of a 2,000-row instance looks at a handful, not at every cell.
        let visit: [Int]
        if let known {
            let cells = known[InstanceSlot(form: form.compiled.slot, index: layout.index)] ?? []
            if itemAt == nil { itemAt = Dictionary(items.indices.map { (CellSlot(row: items[$0].rowSlot, index: items[$0].row.index, column: items[$0].columnSlot), $0) }) { a, _ in a } }
            visit = cells.compactMap { itemAt![$0] }
        } else {
            visit = Array(items.indices)
        }
        for k in visit {
            let i = items[k]
            let value = s.evaluation.value(form: form, index: layout.index, rowSlot: i.rowSlot, rowIndex: i.row.index, columnSlot: i.columnSlot)
            guard !i.shown.shows(value, i.kind) else { continue }
            changedRows.insert(i.row)
            guard i.column != nil else {
                items[k].shown = ShownText(value: value, kind: i.kind, text: "")
                continue
            }
            let shown = ShownText(value: value, kind: i.kind, text: ValueText.display(value, kind: i.kind))
            let w = DisplayWidth.width(of: shown.text)
            if w != i.width { widthChanged = true }
            items[k].shown = shown
            items[k].width = w
            texts[i.address] = shown
        }
        return widthChanged
    }

    private func gathered() -> [String: [String: [Int]]] {
        var byColumn = [[Int]](repeating: [], count: columns.count)
        for i in items where i.width > 0 { if let c = i.column { byColumn[c].append(i.width) } }
        var out: [String: [String: [Int]]] = [:]
        for (k, c) in columns.enumerated() where !byColumn[k].isEmpty { out[c.section, default: [:]][c.column] = byColumn[k] }
        return out
    }

    /// Whether this content is of the focused instance's layout at the state's draft version.
    func isCurrent(_ s: AppState) -> Bool {
        version == s.draftVersion && layout.form.id == s.focus.form && layout.index == s.focus.formIndex
    }

    /// Keeps the content of the focused instance's layout (`AppState.columnContent`) up to date.
    static func keep(_ s: inout AppState) {
        let layout = s.layout
        if var c = s.columnContent, c.layout === layout {
            guard c.version != s.draftVersion else { return }
            // `c` and `texts` alone hold their storage while they change: no copy of either (passed
            // beside `s`, `s.shownTexts` was copied whole on every key).
            s.columnContent = nil
            var texts = s.shownTexts
            s.shownTexts = [:]
            c.update(s, texts: &texts)
            s.shownTexts = texts
            s.columnContent = c
            return
        }
        if let shift = s.rowShift, shift.to == s.draftVersion, let old = s.columnContent, old.version == shift.from,
           old.layout.form.id == shift.form, old.layout.index == shift.formIndex, layout.form.id == shift.form, layout.index == shift.formIndex {
            s.columnContent = nil  // as in `update`: `old` alone holds its cells while they move
            if let c = ColumnContent(s, layout: layout, shifting: old, shift, texts: &s.shownTexts) {
                s.columnContent = c
                return
            }
        }
        let c = ColumnContent(s, layout: layout, kept: s.shownTexts)
        s.columnContent = c
        s.shownTexts = c.texts
    }
}
