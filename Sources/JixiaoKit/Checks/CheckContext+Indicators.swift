import Foundation

extension CheckContext {
    /// Indicator rows: every level-1/level-2 heading with a fixed weight must get exactly that many
    /// points from the rows under it, and each row is reviewed by the scoring library.
    mutating func indicators(_ spec: CheckSpec) {
        guard let ind = form.indicators else { return }
        for row in form.rows where row.sectionID == ind.section {
            if let weight = row.weight { weightGroup(row, expected: weight, column: ind.weight) }
        }
        reviewIndicatorRows(spec, ind)
        shiftedRows(spec, ind)
    }

    /// Σ weights of every instance below `row` against the heading's fixed weight.
    mutating func weightGroup(_ row: RowSpec, expected: Decimal, column: String) {
        var total = Decimal(0)
        var any = false
        var stack = row.childIDs
        while let id = stack.popLast() {
            guard let r = form.row(id) else { continue }
            stack += r.childIDs
            guard r.columnIDs.contains(column) else { continue }
            let indices: [Int?] = r.repeating == nil ? [nil] : (0..<entry.count(of: id)).map { $0 }
            for k in indices {
                if let d = ev.value(form: form, index: index, row: id, rowIndex: k, column: column).number { total += d; any = true }
            }
        }
        guard any, abs(total - expected) > tolerance else { return }
        report(.error, address(row.id, nil, column), .weightGroup(sum: total, expected: expected))
    }
}
