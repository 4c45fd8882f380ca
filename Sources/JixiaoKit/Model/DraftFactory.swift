/// New drafts: one instance of each single form, the template's initial rows, the unit's name filled.
public enum DraftFactory {
    public static func new(template: Template, year: Int, unitName: String? = nil, projects: Int? = nil) -> Draft {
        var d = Draft(templateID: template.id, templateVersion: template.version, year: year)
        for p in template.parameters { d.parameters[p.id] = p.defaultValue }
        for form in template.forms {
            // The command line refuses a count outside `Limits.projects` with a message; here it is
            // only kept inside, so that no caller can trap the range or exhaust the memory.
            let count = form.isRepeated ? min(max(projects ?? 1, Limits.projects.lowerBound), Limits.projects.upperBound) : 1
            d.forms[form.id] = (0..<count).map { _ in newInstance(form) }
        }
        if let unitName, let cell = template.unitNameCell {
            for form in template.forms where form.row(cell.row)?.columnIDs.contains(cell.column) == true {
                for k in d.instances(of: form.id).indices {
                    d.forms[form.id]![k].set(row: cell.row, index: nil, column: cell.column, to: .text(unitName))
                }
            }
        }
        return d
    }

    public static func newInstance(_ form: FormSpec) -> FormEntry {
        var e = FormEntry()
        for row in form.rows {
            if let rep = row.repeating, rep.initial > 0 {
                e.rows[row.id] = Array(repeating: RowEntry(), count: rep.initial)
            }
        }
        return e
    }
}

extension Template {
    /// The cell that holds the unit's name (预算单位名称), by convention row `unitName`, column `value`.
    public var unitNameCell: CellRef? {
        let ref = CellRef(row: "unitName", column: "value")
        return forms.contains { $0.row(ref.row)?.columnIDs.contains(ref.column) == true } ? ref : nil
    }
}
