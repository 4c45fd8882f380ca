/// The cells a person fills in, in form order: for `jixiao fields`, the TUI's "next cell to fill"
/// and the progress counts (filled / required).
public struct FillableCell: Sendable {
    public let address: CellAddress
    public let kind: CellKind
    public let required: Bool
}

public enum FillableCells {
    public static func list(_ ev: Evaluation, form: FormSpec, index: Int) -> [FillableCell] {
        let entry = ev.draft.instances(of: form.id)[safe: index] ?? FormEntry()
        return FormCells(form, entry, names: true).filter { !$0.computed }.map {
            FillableCell(address: $0.address(form: form.id, index: index), kind: $0.kind, required: mustFill($0))
        }
    }

    public static func list(_ ev: Evaluation) -> [FillableCell] {
        ev.template.forms.flatMap { f in (0..<ev.instanceCount(f.id)).flatMap { list(ev, form: f, index: $0) } }
    }

    /// (filled, required) of one form instance: the progress shown beside it in the outline.
    public static func progress(_ ev: Evaluation, form: FormSpec, index: Int) -> (filled: Int, required: Int) {
        progress(FormCells(form, ev.draft.instances(of: form.id)[safe: index] ?? FormEntry(), names: true))
    }

    static func progress(_ cells: FormCells) -> (filled: Int, required: Int) {
        var filled = 0, required = 0
        for cell in cells where !cell.computed && mustFill(cell) {
            required += 1
            if cell.entered?.value.isFilled == true { filled += 1 }
        }
        return (filled, required)
    }

    /// How adding or removing instances of repeated rows (`FormEntry.resizedRows`) moves an instance's
    /// progress: those rows counted before and after, the rest as it was; of a row whose other instances
    /// only moved (`shifts`, `CellChanges.shifts`), only the instances added or removed.
    public static func progressDelta(form: FormSpec, old: FormEntry, new: FormEntry, rows: [Int],
                                     shifts: [Int: InstanceShift] = [:]) -> (filled: Int, required: Int) {
        var filled = 0, required = 0
        for r in rows {
            if let shift = shifts[r] {
                let (entry, sign) = shift.delta > 0 ? (new, 1) : (old, -1)
                for k in shift.changed {
                    let p = progress(FormCells(form, entry, names: true, only: RowInstance(row: r, index: k)))
                    filled += sign * p.filled
                    required += sign * p.required
                }
                continue
            }
            let a = progress(FormCells(form, new, names: true, only: RowInstance(row: r, index: nil)))
            let b = progress(FormCells(form, old, names: true, only: RowInstance(row: r, index: nil)))
            filled += a.filled - b.filled
            required += a.required - b.required
        }
        return (filled, required)
    }

    /// How a change of known cells (`FormEntry.changedCells`) moves an instance's count of filled cells
    /// that must be filled, without walking the instance again.
    public static func filledDelta(form: FormSpec, old: FormEntry, new: FormEntry, cells: [CellSlot]) -> Int {
        let c = form.compiled
        var delta = 0
        for cell in cells where !c.isComputed(row: cell.row, column: cell.column) {
            let isLabel = cell.column == c.labelSlot && c.named[cell.row] && cell.index != nil
            guard isLabel || (c.kind(row: cell.row, column: cell.column) != nil && c.rowColumns[cell.row].contains(cell.column)
                              && c.requirement[c.key(row: cell.row, column: cell.column)] != 0) else { continue }
            func filled(_ e: FormEntry) -> Bool {
                let row = c.rowIDs[cell.row]
                if isLabel { return e.rows[row]?[safe: cell.index!]?.label.map { Value.text($0).isFilled } ?? false }
                return e.entry(row: row, index: cell.index, column: c.columnIDs[cell.column])?.value.isFilled ?? false
            }
            delta += (filled(new) ? 1 : 0) - (filled(old) ? 1 : 0)
        }
        return delta
    }

    /// A name of a named instance, and a cell its row, its column or a `required` check of the form asks for.
    static func mustFill(_ cell: FormCell) -> Bool { cell.isLabel || cell.required || cell.requiredByCheck }
}

/// How a value reads on screen and in lists: money with two decimals, rates in percent, "—" for undefined.
public enum ValueText {
    public static func display(_ v: Value, kind: CellKind) -> String {
        switch v {
        case .empty: return ""
        case .undefined: return "—"
        case let .text(s), let .invalid(s): return s
        case let .number(d):
            switch kind {
            case .money: return NumberFormat.money(d)
            case .percent: return NumberFormat.percent(d)
            case .count: return NumberFormat.count(d)
            default: return d.rounded(2).plain
            }
        }
    }
}
