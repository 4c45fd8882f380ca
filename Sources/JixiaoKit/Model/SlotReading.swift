import Foundation

/// A `CompiledFormula` read against one form instance while it is computed: computed cells from the
/// instance's values so far, entered cells from its entry, each by slot.
struct SlotReading: FormulaReading {
    let form: CompiledForm
    let entry: FormEntry
    let computed: ComputedValues
    /// The instance of the repeated row being computed (`_`, `row[_]`); nil in a single row.
    let rowIndex: Int?
    /// Where references into other forms read (a rubric's), with this instance's index.
    let foreign: Evaluation?
    let formIndex: Int
    let settings: TemplateSettings

    func evaluate(_ f: CompiledFormula) throws(FormulaOverflow) -> Value {
        switch f {
        case let .number(d): return .number(d)
        case let .text(s): return .text(s)
        case let .cells(r):
            // One cell is its own sum: no list for the common case.
            if r.form == nil, r.rows.count == 1 {
                switch r.rows[0] {
                case let .single(row): return local(row, nil, r.column)
                case let .current(row): return local(row, rowIndex, r.column)
                case .all, .sameIndex: break
                }
            }
            var out: [Value] = []
            cells(r, into: &out)
            return try FormulaEvaluator.sum(out)
        case let .negate(x): return FormulaEvaluator.negate(try evaluate(x))
        case let .binary(op, a, b): return try FormulaEvaluator.binary(op, try evaluate(a), try evaluate(b))
        case let .call(fn, args): return try FormulaEvaluator.call(fn, args, in: self)
        }
    }

    func spread(_ f: CompiledFormula, into out: inout [Value]) throws(FormulaOverflow) {
        if case let .cells(r) = f { cells(r, into: &out) } else { out.append(try evaluate(f)) }
    }

    /// A cell of this instance (a computed cell not computed yet is empty).
    func local(_ row: Int, _ k: Int?, _ column: Int) -> Value {
        if let j = form.computed(row: row, column: column) { return computed.value(j, k, repeating: form.repeating[row]) }
        return entry.entry(row: form.rowIDs[row], index: k, column: form.columnIDs[column])?.value ?? .empty
    }

    /// Every cell a reference stands for, in row order.
    func cells(_ r: SlotReference, into out: inout [Value]) {
        guard r.form == nil else {
            if let foreign { foreign.foreignCells(r, currentIndex: formIndex, into: &out) } else { out.append(.undefined) }
            return
        }
        for rows in r.rows {
            switch rows {
            case let .single(row): out.append(local(row, nil, r.column))
            case let .current(row): out.append(local(row, rowIndex, r.column))
            case let .sameIndex(row):
                guard let k = rowIndex, k < entry.count(of: form.rowIDs[row]) else { out.append(.empty); continue }
                out.append(local(row, k, r.column))
            case let .all(row):
                let list = entry.rows[form.rowIDs[row]] ?? []
                if form.isComputed(row: row, column: r.column) {
                    for k in list.indices { out.append(local(row, k, r.column)) }
                } else {
                    // The instances' entries are at hand: no lookup of the row per instance.
                    let column = form.columnIDs[r.column]
                    for e in list { out.append(e.cells[column]?.value ?? .empty) }
                }
            }
        }
    }
}
