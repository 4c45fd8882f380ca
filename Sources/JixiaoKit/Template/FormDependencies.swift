/// Which computed cells of a form read which cells, made once when the template compiles, so that a
/// change of a few cells recomputes only what reads them (`Evaluation.update(draft:form:index:cells:)`).
/// Cells are keyed by slot, row slot × column count + column slot, whatever the row instance.
public struct FormDependencies: Sendable {
    /// Per computed cell (its number in `CompiledForm.cells`): the cells of this form it reads directly.
    public let inputs: [[Int]]
    /// Per cell: the computed cells that read it, directly or through other computed cells, in
    /// evaluation order (ascending numbers in `CompiledForm.cells`).
    public let dependents: [[Int]]
    /// For a form whose cells read others: by the other form's slot, then by its cell, the computed
    /// cells of this form that read that cell directly.
    public let foreignReaders: [Int: [Int: [Int]]]

    init() { inputs = []; dependents = []; foreignReaders = [:] }

    /// `widths`: the column count of every form, to key the cells of the forms a reference reads.
    init(cells: [ComputedCell], rowCount: Int, width: Int, widths: [Int]) {
        var inputs: [[Int]] = []
        var readers = [[Int]](repeating: [], count: rowCount * width)
        var foreign: [Int: [Int: [Int]]] = [:]
        for (j, cell) in cells.enumerated() {
            var read = Set<Int>()
            for r in cell.formula.references {
                for rows in r.rows {
                    let row: Int
                    switch rows { case let .single(k), let .all(k), let .current(k), let .sameIndex(k): row = k }
                    if let other = r.form {
                        let key = row * widths[other] + r.column
                        if foreign[other, default: [:]][key, default: []].last != j { foreign[other, default: [:]][key, default: []].append(j) }
                    } else {
                        read.insert(row * width + r.column)
                    }
                }
            }
            let sorted = read.sorted()
            inputs.append(sorted)
            for key in sorted { readers[key].append(j) }
        }
        // Cells are in evaluation order, so a reader comes after what it reads: the transitive readers of
        // a computed cell are its direct readers' and theirs, gathered from the last cell back.
        var closure = [[Int]](repeating: [], count: cells.count)
        for j in cells.indices.reversed() {
            var all = Set<Int>()
            for d in readers[cells[j].row * width + cells[j].column] { all.insert(d); all.formUnion(closure[d]) }
            closure[j] = all.sorted()
        }
        dependents = readers.map { direct in
            guard !direct.isEmpty else { return [] }
            var all = Set(direct)
            for d in direct { all.formUnion(closure[d]) }
            return all.sorted()
        }
        self.inputs = inputs
        foreignReaders = foreign
    }

    /// The computed cells that read any of `keys`, directly or not, in evaluation order.
    func dependents(of keys: some Sequence<Int>) -> [Int] {
        var all = Set<Int>()
        for k in keys where k >= 0 && k < dependents.count { all.formUnion(dependents[k]) }
        return all.sorted()
    }
}
