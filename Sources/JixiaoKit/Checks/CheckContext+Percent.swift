import Foundation

extension CheckContext {
    /// A percent cell reads a bare number as percent points, so `0.95` is 0.95%. Typed among whole
    /// percents (95%, 100%), a figure under 1.5% was most likely meant as a ratio (0.95 → 95%): a
    /// warning asks. Only typed cells of the same column and section are neighbours; with none filled
    /// beside it, or with a neighbour under 1.5% itself, nothing is said.
    mutating func percentPoints() {
        let limit = Decimal(string: "0.015")!
        for section in form.sections {
            for column in section.columns where column.kind == .percent {
                var typed: [(row: String, index: Int?, value: Decimal)] = []
                for (row, idx) in rowInstances() where row.sectionID == section.id && row.columnIDs.contains(column.id) && row.formulas[column.id] == nil {
                    if case let .number(d)? = entry.entry(row: row.id, index: idx, column: column.id) { typed.append((row.id, idx, d)) }
                }
                let small = typed.filter { $0.value > 0 && $0.value < limit }
                let whole = typed.filter { $0.value >= limit && ($0.value * 100).rounded(0) == $0.value * 100 }
                guard !small.isEmpty, !whole.isEmpty, small.count + whole.count == typed.count, whole.count >= small.count else { continue }
                for s in small {
                    report(.warning, address(s.row, s.index, column.id), .percentPoints(found: s.value, neighbour: whole[0].value))
                }
            }
        }
    }
}
