import Foundation

/// One cell of a form instance as `FormCells` walks them: where it is (slots and ids), its kind,
/// whether a formula computes it, whether it must be filled, and what was typed in it.
public struct FormCell: Sendable {
    public struct Slot: Sendable {
        public let slot: Int
        public let id: String
    }
    public let row: Slot
    /// The instance of a repeated row; nil in a single row.
    public let rowIndex: Int?
    /// The column; `label` for a named instance's own name.
    public let column: Slot
    public let kind: CellKind
    /// Computed by the template's formulas: nobody types it.
    public let computed: Bool
    /// A named instance's own name (`CellAddress.labelColumn`), which must be filled.
    public let isLabel: Bool
    /// Must be filled because its row or its column says so.
    public let required: Bool
    /// Named by a `required` check of the form.
    public let requiredByCheck: Bool
    /// What was typed in the cell (a named instance's name as text); nil for a computed or empty cell.
    public let entered: Entry?

    public func address(form: String, index: Int) -> CellAddress {
        CellAddress(form: form, formIndex: index, row: row.id, rowIndex: rowIndex, column: column.id)
    }
}

/// Every cell of a form instance, in form order: each row (each instance of a repeated row), a named
/// instance's own name first when `names` is set, then the row's columns in its order. The one walk
/// over cells that progress, `fields` and the checks share, with each cell's kind and whether it is
/// computed from the compiled tables instead of looked up by name per cell.
public struct FormCells: Sequence, IteratorProtocol {
    let form: CompiledForm
    let entry: FormEntry
    let names: Bool
    var row = 0
    var instance = 0
    /// The next of the row's columns; -1 before a named instance's name.
    var position = -1
    /// The current row's instances (a repeated row) and the current instance's typed cells.
    var instances: [RowEntry] = []
    var typed: [String: Entry] = [:]
    var started = false
    /// Only the cells of this row instance (of every instance of a repeated row when its index is nil):
    /// a check rerun for the rows a change touched.
    let only: RowInstance?

    public init(_ form: FormSpec, _ entry: FormEntry, names: Bool = false) {
        self.init(form, entry, names: names, only: nil)
    }

    init(_ form: FormSpec, _ entry: FormEntry, names: Bool, only: RowInstance?) {
        self.form = form.compiled
        self.entry = entry
        self.names = names
        self.only = only
    }

    var instanceCount: Int { form.repeating[row] ? instances.count : 1 }

    mutating func enterRow() {
        instance = 0
        position = -1
        guard row < form.rowIDs.count else { return }
        let id = form.rowIDs[row]
        if form.repeating[row] {
            instances = entry.rows[id] ?? []
            typed = instances.first?.cells ?? [:]
        } else {
            instances = []
            typed = entry.cells[id] ?? [:]
        }
    }

    public mutating func next() -> FormCell? {
        if !started {
            started = true
            if let only {
                row = only.row
                enterRow()
                instance = only.index ?? 0
                if instance < instances.count { typed = instances[instance].cells }
            } else {
                enterRow()
            }
        }
        while row < form.rowIDs.count {
            if instance >= instanceCount {
                row += 1
                enterRow()
                continue
            }
            if let only, row != only.row || (only.index != nil && instance != only.index) { return nil }
            let rowSlot = FormCell.Slot(slot: row, id: form.rowIDs[row])
            let rowIndex: Int? = form.repeating[row] ? instance : nil
            if position < 0 {
                position = 0
                if names && form.named[row] {
                    return FormCell(row: rowSlot, rowIndex: rowIndex, column: FormCell.Slot(slot: form.labelSlot, id: CellAddress.labelColumn),
                                    kind: .text, computed: false, isLabel: true, required: true, requiredByCheck: false,
                                    entered: instances[instance].label.map(Entry.text))
                }
            }
            let columns = form.rowColumns[row]
            if position < columns.count {
                let c = columns[position]
                position += 1
                let at = row * form.columnCount + c
                let id = form.columnIDs[c]
                let computed = form.computedAt[at] >= 0
                return FormCell(row: rowSlot, rowIndex: rowIndex, column: FormCell.Slot(slot: c, id: id), kind: form.kinds[at] ?? .text,
                                computed: computed, isLabel: false,
                                required: form.requirement[at] & CompiledForm.requiredByRow != 0,
                                requiredByCheck: form.requirement[at] & CompiledForm.requiredByCheck != 0,
                                entered: computed ? nil : typed[id])
            }
            instance += 1
            position = -1
            if instance < instances.count { typed = instances[instance].cells }
        }
        return nil
    }
}
