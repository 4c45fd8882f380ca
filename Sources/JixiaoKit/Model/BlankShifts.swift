import Foundation

/// The instances a change added to or removed from resized rows, when each is blank: every cell of it
/// empty, entered or computed. A formula that reads such a row only whole (`all`, never at an index)
/// and only by rules that pass over empty cells (no `sumAll`, no `countOf`) has the same value before
/// and after: `Evaluation.update(draft:form:index:resized:)` keeps it instead of computing it again.
struct BlankShifts {
    let compiled: CompiledForm
    let old: FormEntry
    let new: FormEntry
    let before: InstanceValues
    let shifts: [Int: InstanceShift]

    /// Whether the cell `key` (row and column) moved only by blank instances, for `formula` reading it;
    /// `computed`: the new values so far (a computed cell is computed before what reads it).
    func isQuiet(_ key: Int, for formula: CompiledFormula, computed: ComputedValues) -> Bool {
        let row = key / compiled.columnCount, column = key % compiled.columnCount
        guard let shift = shifts[row], Self.readsWholeOnly(formula, row: row) else { return false }
        let id = compiled.rowIDs[row]
        let list = (shift.delta > 0 ? new.rows[id] : old.rows[id]) ?? []
        for k in shift.changed {
            guard k < list.count else { return false }
            if let j = compiled.computed(row: row, column: column) {
                let v = shift.delta > 0 ? computed.value(j, k, repeating: true) : before.computed.value(j, k, repeating: true)
                guard v.isEmpty else { return false }
            } else if column < compiled.columnIDs.count, !(list[k].cells[compiled.columnIDs[column]]?.value.isEmpty ?? true) {
                return false
            }
        }
        return true
    }

    /// No `sumAll` or `countOf` anywhere in `f`, and every local reference to `row` takes all its instances.
    static func readsWholeOnly(_ f: CompiledFormula, row: Int) -> Bool {
        switch f {
        case .number, .text: return true
        case let .cells(r):
            guard r.form == nil else { return true }
            return r.rows.allSatisfy { sel in
                switch sel {
                case let .single(x), let .current(x), let .sameIndex(x): return x != row
                case .all: return true
                }
            }
        case let .negate(x): return readsWholeOnly(x, row: row)
        case let .binary(_, a, b): return readsWholeOnly(a, row: row) && readsWholeOnly(b, row: row)
        case let .call(fn, args): return fn != .sumAll && fn != .countOf && args.allSatisfy { readsWholeOnly($0, row: row) }
        }
    }
}
