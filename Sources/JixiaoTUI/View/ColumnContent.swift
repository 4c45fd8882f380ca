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

    private(set) var layout: FormLayout
    private(set) var version: Int
    /// The version the last update started from, and the rows whose cells show something else since.
    private(set) var changedFrom: Int
    private(set) var changedRows: Set<RowRef> = []
    private var items: [Item] = []
    /// Each item's place in `items` by its cell's slots, made at the first update of known cells.
    private var itemAt: [CellSlot: Int]?
    private var columns: [(section: String, column: String)] = []
    /// Per section and column, the display width of each value it holds (0 for none left out), sorted:
    /// what the geometry asks of them (the widest, how many are wider than a width) does not depend on
    /// the order, and sorted they stay equal when rows move.
    private(set) var widths: [String: [String: [Int]]] = [:]

    /// Measures every cell of `layout` (the focused instance's) in `s`; `kept`: texts made before, taken
    /// again for the cells whose value they show.
    init(_ s: AppState, layout: FormLayout, kept: [CellAddress: ShownText] = [:]) {
        self.layout = layout
        version = s.draftVersion
        changedFrom = s.draftVersion
        var columnAt: [String: Int] = [:]
        var items: [Item] = []
        for case let .row(r) in layout.lines where !r.isPlaceholder { add(r, s, &columnAt, kept: kept, into: &items) }
        self.items = items
        widths = gathered()
    }

    /// Moves the content across `shift` (instances of a repeated row added or removed) into `layout`, the
    /// layout after it: the cells of the rows after the change keep their texts and widths at their new
    /// places (in place: the other cells are not touched), the added rows are measured, and then, as
    /// `update` does, every computed cell whose value is not the one its text shows is formatted again.
    /// `texts` follows. False, with the content unchanged, when the group had no cells before or the
    /// counts do not match the draft (then the content is measured whole).
    private mutating func shift(_ s: AppState, to layout: FormLayout, _ shift: RowShift, texts: inout [CellAddress: ShownText]) -> Bool {
        func inGroup(_ i: Item) -> Bool { i.row.index != nil && i.row.row == shift.row }
        guard let first = items.firstIndex(where: inGroup) else { return false }
        let end = items[first...].firstIndex { !inGroup($0) } ?? items.endIndex
        let oldCount = (items[end - 1].row.index ?? 0) + 1
        let newCount = s.draft.instances(of: shift.form)[safe: shift.formIndex]?.count(of: shift.row) ?? -1
        guard oldCount + shift.delta == newCount else { return false }
        let from = items[first..<end].firstIndex { ($0.row.index ?? 0) >= shift.at } ?? end
        changedFrom = version
        version = s.draftVersion
        changedRows = []
        self.layout = layout
        var moved = from
        // Whether a value went or came with a width: else the widths held stay as they were (they are
        // held sorted, so the rows moving leaves them the same).
        var widthsMoved = false
        if shift.delta < 0 {
            let gone = items[from..<end].firstIndex { ($0.row.index ?? 0) >= shift.at - shift.delta } ?? end
            widthsMoved = items[from..<gone].contains { $0.column != nil && $0.width > 0 }
            items.removeSubrange(from..<gone)
        } else {
            var columnAt: [String: Int] = [:]
            for (k, c) in columns.enumerated() { columnAt[c.section + "\u{0}" + c.column] = k }
            var added: [Item] = []
            for index in shift.at..<(shift.at + shift.delta) {
                let r = RowRef(row: shift.row, index: index)
                add(r, s, &columnAt, into: &added)
                changedRows.insert(r)
            }
            for i in added where i.column != nil { texts[i.address] = i.shown }
            widthsMoved = added.contains { $0.column != nil && $0.width > 0 }
            items.insert(contentsOf: added, at: from)
            moved += added.count
        }
        var k = moved
        while k < items.count, inGroup(items[k]) {
            let index = (items[k].row.index ?? 0) + shift.delta
            items[k].row.index = index
            items[k].address.rowIndex = index
            if items[k].column != nil { texts[items[k].address] = items[k].shown }
            k += 1
        }
        // The last instances' old places, now past the end of the group.
        if shift.delta < 0 {
            for index in (oldCount + shift.delta)..<oldCount {
                for c in layout.columns(of: RowRef(row: shift.row, index: index)) {
                    texts[layout.address(RowRef(row: shift.row, index: index), c)] = nil
                }
            }
        }
        itemAt = nil  // the items after the change moved
        // The entries moved with their rows (`RowShift`): only a computed cell can show another value.
        let compiled = layout.form.compiled
        if refresh(s, items.indices.filter { compiled.isComputed(row: items[$0].rowSlot, column: items[$0].columnSlot) }, texts: &texts)
            || widthsMoved {
            widths = gathered()
        }
        return true
    }

    /// Appends to `items` the cells of row `r` (made from `s`'s values), taking from `kept` the texts that show them.
    private mutating func add(_ r: RowRef, _ s: AppState, _ columnAt: inout [String: Int], kept: [CellAddress: ShownText] = [:], into items: inout [Item]) {
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
        let known = s.cellLog.cells(of: InstanceSlot(form: layout.form.compiled.slot, index: layout.index), since: version)
        changedFrom = version
        version = s.draftVersion
        changedRows = []
        // After a change of known cells only their items can show something else: a key typed into a
        // cell of a 2,000-row instance looks at a handful, not at every cell.
        let visit: [Int]
        if let known {
            if itemAt == nil { itemAt = Dictionary(items.indices.map { (CellSlot(row: items[$0].rowSlot, index: items[$0].row.index, column: items[$0].columnSlot), $0) }) { a, _ in a } }
            visit = known.compactMap { itemAt![$0] }
        } else {
            visit = Array(items.indices)
        }
        if refresh(s, visit, texts: &texts) { widths = gathered() }
    }

    /// Formats again the cells of `visit` (places in `items`) whose value is not the one their text
    /// shows; whether a width changed.
    @discardableResult
    private mutating func refresh(_ s: AppState, _ visit: [Int], texts: inout [CellAddress: ShownText]) -> Bool {
        let form = layout.form
        var widthChanged = false
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
        for (k, c) in columns.enumerated() where !byColumn[k].isEmpty { out[c.section, default: [:]][c.column] = byColumn[k].sorted() }
        return out
    }

    /// Whether this content is of the focused instance's layout at the state's draft version.
    func isCurrent(_ s: AppState) -> Bool {
        version == s.draftVersion && layout.form.id == s.focus.form && layout.index == s.focus.formIndex
    }

    /// Keeps the content of the focused instance's layout (`AppState.columnContent`) up to date.
    static func keep(_ s: inout AppState) {
        let layout = s.layout
        // Asked of the kept content before it is changed in place (a binding of it would be a second holder).
        let same = s.columnContent.map { $0.layout === layout }
        let version = s.columnContent?.version, before = s.columnContent?.layout
        if same == true {
            guard version != s.draftVersion else { return }
            inPlace(&s) { c, s, texts in
                c.update(s, texts: &texts)
                return true
            }
            return
        }
        if let shift = s.rowShift, shift.to == s.draftVersion, version == shift.from, let before,
           before.form.id == shift.form, before.index == shift.formIndex, layout.form.id == shift.form, layout.index == shift.formIndex,
           inPlace(&s, { c, s, texts in c.shift(s, to: layout, shift, texts: &texts) }) {
            return
        }
        let c = ColumnContent(s, layout: layout, kept: s.shownTexts)
        s.columnContent = c
        s.shownTexts = c.texts
    }

    /// Changes the kept content and texts in place: both are taken out of the state meanwhile, so that
    /// neither is copied (the state handed to `change` would be a second holder). `change` returns
    /// false when it left them as they were.
    @discardableResult
    private static func inPlace(_ s: inout AppState, _ change: (inout ColumnContent, AppState, inout [CellAddress: ShownText]) -> Bool) -> Bool {
        guard var c = s.columnContent else { return false }
        s.columnContent = nil
        var texts = s.shownTexts
        s.shownTexts = [:]
        let changed = change(&c, s, &texts)
        s.shownTexts = texts
        s.columnContent = c
        return changed
    }
}
