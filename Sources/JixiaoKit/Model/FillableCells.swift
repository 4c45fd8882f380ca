/// The cells a person fills in, in form order: for `jixiao fields`, the TUI's "next cell to fill"
/// and the progress counts (filled / required).
public struct FillableCell: Sendable {
    public let address: CellAddress
    public let kind: CellKind
    public let required: Bool
}

public enum FillableCells {
    public static func list(_ ev: Evaluation, form: FormSpec, index: Int) -> [FillableCell] {
        var out: [FillableCell] = []
        let entry = ev.draft.instances(of: form.id)[safe: index] ?? FormEntry()
        var requiredCells = Set<String>()
        for c in form.checks where c.kind == .required { for t in c.cells where t.form == nil { requiredCells.insert("\(t.row).\(t.column)") } }
        for row in form.rows {
            let section = form.section(row.sectionID)
            let indices: [Int?] = row.repeating == nil ? [nil] : (0..<entry.count(of: row.id)).map { $0 }
            for k in indices {
                if row.repeating?.named == true {
                    out.append(FillableCell(address: CellAddress(form: form.id, formIndex: index, row: row.id, rowIndex: k, column: CellAddress.labelColumn),
                                            kind: .text, required: true))
                }
                for c in row.columnIDs where row.formulas[c] == nil {
                    guard let col = section?.column(c) else { continue }
                    let required = row.required || col.required || requiredCells.contains("\(row.id).\(c)")
                    out.append(FillableCell(address: CellAddress(form: form.id, formIndex: index, row: row.id, rowIndex: k, column: c),
                                            kind: col.kind, required: required))
                }
            }
        }
        return out
    }

    public static func list(_ ev: Evaluation) -> [FillableCell] {
        ev.template.forms.flatMap { f in (0..<ev.instanceCount(f.id)).flatMap { list(ev, form: f, index: $0) } }
    }

    /// (filled, required) of one form instance: the progress shown beside it in the outline.
    public static func progress(_ ev: Evaluation, form: FormSpec, index: Int) -> (filled: Int, required: Int) {
        let req = list(ev, form: form, index: index).filter(\.required)
        return (req.filter { ev.value($0.address).isFilled }.count, req.count)
    }
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
