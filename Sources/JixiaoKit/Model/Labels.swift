/// Human names of forms, rows and cells, for locations in messages and the screen.
public struct Labels: Sendable {
    public let template: Template
    public let draft: Draft

    public init(template: Template, draft: Draft) {
        self.template = template
        self.draft = draft
    }

    /// "附件1", or "附件3-2" for the second project.
    public func formShort(_ form: FormSpec, index: Int) -> String {
        YearText.render(form.short, year: draft.year, parameters: draft.parameters, number: index + 1)
    }

    public func formTitle(_ form: FormSpec) -> String { YearText.render(form.title, year: draft.year, parameters: draft.parameters) }

    /// The name of a repeated form's instance (项目支出名称), if entered.
    public func instanceName(_ form: FormSpec, index: Int) -> String? {
        guard let rep = form.repeated, let entry = draft.instances(of: form.id)[safe: index],
              case let .text(s)? = entry.entry(row: rep.nameCell.row, index: nil, column: rep.nameCell.column) else { return nil }
        let t = s.trimmed
        return t.isEmpty ? nil : t
    }

    public func rowLabel(_ form: FormSpec, index: Int, row: RowSpec, rowIndex: Int?) -> String {
        let base = YearText.render(row.label, year: draft.year, parameters: draft.parameters)
        guard let rowIndex else { return base }
        if row.repeating?.named == true,
           let name = draft.instances(of: form.id)[safe: index]?.rows[row.id]?[safe: rowIndex]?.label, !name.isEmpty {
            return name
        }
        let noun = row.repeating?.noun ?? ""
        return base.isEmpty ? "\(noun)\(rowIndex + 1)" : "\(base) 第\(rowIndex + 1)\(noun.isEmpty ? "行" : "个" + noun)"
    }

    public func columnLabel(_ form: FormSpec, row: RowSpec, column: String) -> String {
        if column == CellAddress.labelColumn { return (row.repeating?.noun ?? "") + "名称" }
        let label = form.section(row.sectionID)?.column(column)?.label ?? column
        return YearText.render(label, year: draft.year, parameters: draft.parameters)
    }

    /// "附件1 · 经费控制情况(万元) · 三公经费 · 2023年决算数".
    public func location(_ a: CellAddress) -> String { location(a, columnLabel: nil) }

    /// `location`, with the column's label (`columnLabel(_:row:column:)`) when the caller knows it already.
    public func location(_ a: CellAddress, columnLabel known: String?) -> String {
        guard let form = template.form(a.form) else { return a.description }
        var parts = [formShort(form, index: a.formIndex)]
        if form.isRepeated, let name = instanceName(form, index: a.formIndex) { parts[0] += "（\(name)）" }
        guard let row = form.row(a.row) else { return parts.joined(separator: " · ") }
        if let section = form.section(row.sectionID), !section.title.isEmpty { parts.append(YearText.render(section.title, year: draft.year, parameters: draft.parameters)) }
        var rowPart = rowLabel(form, index: a.formIndex, row: row, rowIndex: a.rowIndex)
        if let name = indicatorName(form, a) { rowPart += "「\(name)」" }
        if !rowPart.isEmpty { parts.append(rowPart) }
        let col = known ?? columnLabel(form, row: row, column: a.column)
        if !col.isEmpty && a.column != "value" { parts.append(col) }
        return parts.joined(separator: " · ")
    }

    /// An indicator row is known by its 三级指标 name rather than its position.
    func indicatorName(_ form: FormSpec, _ a: CellAddress) -> String? {
        guard let ind = form.indicators, a.rowIndex != nil, form.row(a.row)?.sectionID == ind.section,
              case let .text(s)? = draft.instances(of: form.id)[safe: a.formIndex]?.entry(row: a.row, index: a.rowIndex, column: ind.name)
        else { return nil }
        let t = s.split(whereSeparator: \.isNewline).joined()
        return t.isEmpty ? nil : String(t.prefix(24))
    }
}
