extension TemplateLoader {
    /// `"nextYear": {"keep": [{"form": "C", "rows": ["name"]}, {"form": "C", "section": "ind", "columns": ["name", "target"],
    /// "review": true}], "previous": [{"form": "A", "section": "funds", "from": "actual", "to": "prev"},
    /// {"from": "R.sangongAll.total", "to": "S.sangongPrev.amount"}]}` (docs/templates.md).
    static func readNextYear(_ node: TemplateNode?, forms: [FormSpec]) throws(TemplateError) -> NextYearSpec {
        guard let node else { return NextYearSpec() }
        var spec = NextYearSpec()
        for k in try node.array("keep") {
            let fid = try k.string("form")
            guard let form = forms.first(where: { $0.id == fid }) else { throw k.fail(.unknownForm(fid), at: "form") }
            let section = try k.optionalString("section")
            if let section, form.section(section) == nil { throw k.fail(.unknownCell(section), at: "section") }
            let rows = k.child("rows") == nil ? nil : try k.strings("rows")
            for r in rows ?? [] where form.row(r) == nil { throw k.fail(.unknownCell("\(fid).\(r)"), at: "rows") }
            let columns = k.child("columns") == nil ? nil : try k.strings("columns")
            let known = Set(form.sections.filter { section == nil || $0.id == section }.flatMap { $0.columns.map(\.id) })
            for c in columns ?? [] where !known.contains(c) { throw k.fail(.unknownCell("\(fid).\(c)"), at: "columns") }
            spec.keep.append(CellSelector(form: fid, section: section, rows: rows.map(Set.init), columns: columns.map(Set.init),
                                          review: try k.bool("review", default: false)))
        }
        for p in try node.array("previous") {
            if let fid = try p.optionalString("form") {
                guard let form = forms.first(where: { $0.id == fid }) else { throw p.fail(.unknownForm(fid), at: "form") }
                let sid = try p.string("section")
                guard let section = form.section(sid) else { throw p.fail(.unknownCell(sid), at: "section") }
                let from = try p.string("from"), to = try p.string("to")
                for (key, c) in [("from", from), ("to", to)] where section.column(c) == nil { throw p.fail(.unknownCell("\(sid).\(c)"), at: key) }
                spec.previous.append(.columns(form: fid, section: sid, from: from, to: to))
            } else {
                func cell(_ key: String, entered: Bool) throws(TemplateError) -> FormCellRef {
                    let text = try p.string(key)
                    guard let ref = FormCellRef.parse(text), let form = forms.first(where: { $0.id == ref.form }), !form.isRepeated,
                          let row = form.row(ref.cell.row), row.repeating == nil, row.columnIDs.contains(ref.cell.column),
                          !entered || row.formulas[ref.cell.column] == nil else { throw p.fail(.unknownCell(text), at: key) }
                    return ref
                }
                spec.previous.append(.cell(from: try cell("from", entered: false), to: try cell("to", entered: true)))
            }
        }
        return spec
    }
}
