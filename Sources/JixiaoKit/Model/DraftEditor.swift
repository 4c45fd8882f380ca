import Foundation

/// Every change to a draft goes through here, for the CLI and the TUI alike, so both refuse the same
/// things with the same words.
public struct DraftEditor: Sendable {
    public let template: Template

    public init(template: Template) { self.template = template }

    func form(_ id: String) throws(EditError) -> FormSpec {
        guard let f = template.form(id) else { throw .unknownForm(id) }
        return f
    }

    /// Parses what was typed for `a` and stores it; an empty input clears the cell. `lenient` keeps
    /// an unparseable number as typed (the TUI: nothing typed is lost, the checks flag it); otherwise
    /// it is refused (the CLI).
    public func set(_ draft: inout Draft, _ a: CellAddress, text: String, lenient: Bool = false) throws(EditError) {
        let f = try form(a.form)
        guard let row = f.row(a.row) else { throw .unknownRow(form: a.form, row: a.row) }
        guard a.formIndex >= 0, a.formIndex < draft.instances(of: a.form).count else {
            throw .noSuchInstance(path: template.path(a), count: draft.instances(of: a.form).count)
        }
        if let idx = a.rowIndex {
            guard row.repeating != nil else { throw .notRepeated(a.row) }
            let count = draft.forms[a.form]![a.formIndex].count(of: a.row)
            guard idx >= 0, idx < count else { throw .noSuchInstance(path: template.path(a), count: count) }
        } else if row.repeating != nil {
            throw .badPath(template.path(a))
        }
        let trimmed = text.trimmed
        // What is stored: long text as typed, anything else trimmed. Over the limit it could never be read back.
        let storedBytes = (f.section(row.sectionID)?.column(a.column)?.kind == .longtext ? text : trimmed).utf8.count
        guard storedBytes <= Limits.cellBytes else {
            throw .tooLong(path: a.description, bytes: storedBytes, limit: Limits.cellBytes)
        }
        if a.column == CellAddress.labelColumn {
            guard row.repeating?.named == true, let idx = a.rowIndex else { throw .unknownColumn(row: a.row, column: a.column) }
            draft.forms[a.form]![a.formIndex].rows[a.row]![idx].label = trimmed.isEmpty ? nil : trimmed
            return
        }
        guard row.columnIDs.contains(a.column), let column = f.section(row.sectionID)?.column(a.column) else {
            throw .unknownColumn(row: a.row, column: a.column)
        }
        guard row.formulas[a.column] == nil else { throw .computed(template.path(a)) }
        var entry: Entry?
        if trimmed.isEmpty {
            entry = nil
        } else if column.kind.isNumeric {
            switch NumberInput.parse(trimmed, kind: column.kind) {
            case let .success(d): entry = .number(d)
            case let .failure(e):
                if lenient { entry = .invalid(trimmed) } else {
                    throw .badValue(path: template.path(a), message: NumberText.message(e, kind: column.kind))
                }
            }
        } else if column.kind == .choice, !column.options.isEmpty, !column.options.contains(trimmed), !lenient {
            throw .badValue(path: template.path(a), message: EditText.notAnOption(trimmed, column.options))
        } else {
            // Long text keeps its line breaks and inner spacing; single-line text is trimmed.
            entry = .text(column.kind == .longtext ? text : trimmed)
        }
        draft.forms[a.form]![a.formIndex].set(row: a.row, index: a.rowIndex, column: a.column, to: entry)
        // Setting a cell, even to what it held, is the accountant's look at it: the mark goes.
        draft.forms[a.form]![a.formIndex].setCarried(row: a.row, index: a.rowIndex, column: a.column, false)
    }

    /// Adds an instance of a repeated row at `position` (default: the end); returns its index.
    @discardableResult
    public func addRow(_ draft: inout Draft, form formID: String, formIndex: Int, row rowID: String, at position: Int? = nil,
                       label: String? = nil) throws(EditError) -> Int {
        let f = try form(formID)
        guard let row = f.row(rowID) else { throw .unknownRow(form: formID, row: rowID) }
        guard row.repeating != nil else { throw .notRepeated(rowID) }
        guard formIndex >= 0, formIndex < draft.instances(of: formID).count else {
            throw .noSuchInstance(path: "\(formID)[\(formIndex + 1)]", count: draft.instances(of: formID).count)
        }
        var list = draft.forms[formID]![formIndex].rows[rowID] ?? []
        let at = min(max(position ?? list.count, 0), list.count)
        list.insert(RowEntry(label: label), at: at)
        draft.forms[formID]![formIndex].rows[rowID] = list
        return at
    }

    public func removeRow(_ draft: inout Draft, form formID: String, formIndex: Int, row rowID: String, index: Int) throws(EditError) {
        _ = try form(formID)
        guard var list = draft.forms[formID]?[safe: formIndex]?.rows[rowID], index >= 0, index < list.count else {
            throw .noSuchInstance(path: "\(formID).\(rowID)[\(index + 1)]", count: draft.forms[formID]?[safe: formIndex]?.count(of: rowID) ?? 0)
        }
        list.remove(at: index)
        draft.forms[formID]![formIndex].rows[rowID] = list.isEmpty ? nil : list
    }

    /// Moves a row instance up (−1) or down (+1); returns its new index.
    @discardableResult
    public func moveRow(_ draft: inout Draft, form formID: String, formIndex: Int, row rowID: String, index: Int, by delta: Int) throws(EditError) -> Int {
        guard var list = draft.forms[formID]?[safe: formIndex]?.rows[rowID], index >= 0, index < list.count else {
            throw .noSuchInstance(path: "\(formID).\(rowID)[\(index + 1)]", count: 0)
        }
        let to = min(max(index + delta, 0), list.count - 1)
        let item = list.remove(at: index)
        list.insert(item, at: to)
        draft.forms[formID]![formIndex].rows[rowID] = list
        return to
    }

    /// Adds an instance of a repeated form (a project), named as it is created; returns its index.
    @discardableResult
    public func addInstance(_ draft: inout Draft, form formID: String, name: String? = nil, at position: Int? = nil) throws(EditError) -> Int {
        let f = try form(formID)
        guard let rep = f.repeated else { throw .notRepeated(formID) }
        guard draft.instances(of: formID).count < Limits.projects.upperBound else { throw .tooManyInstances(form: formID) }
        var e = DraftFactory.newInstance(f)
        if let name, !name.isEmpty { e.set(row: rep.nameCell.row, index: nil, column: rep.nameCell.column, to: .text(name)) }
        var list = draft.forms[formID] ?? []
        let at = min(max(position ?? list.count, 0), list.count)
        list.insert(e, at: at)
        draft.forms[formID] = list
        return at
    }

    public func removeInstance(_ draft: inout Draft, form formID: String, index: Int) throws(EditError) {
        let f = try form(formID)
        guard f.isRepeated else { throw .notRepeated(formID) }
        guard var list = draft.forms[formID], index >= 0, index < list.count else {
            throw .noSuchInstance(path: "\(formID)[\(index + 1)]", count: draft.instances(of: formID).count)
        }
        list.remove(at: index)
        draft.forms[formID] = list
    }

    @discardableResult
    public func moveInstance(_ draft: inout Draft, form formID: String, index: Int, by delta: Int) throws(EditError) -> Int {
        guard var list = draft.forms[formID], index >= 0, index < list.count else {
            throw .noSuchInstance(path: "\(formID)[\(index + 1)]", count: draft.instances(of: formID).count)
        }
        let to = min(max(index + delta, 0), list.count - 1)
        let item = list.remove(at: index)
        list.insert(item, at: to)
        draft.forms[formID] = list
        return to
    }

    /// Stores the prose of one 自评报告 section as typed (line breaks and spacing kept); text that is
    /// only blanks removes it. The generated sentences are not the prose's: they are never stored.
    public func setReport(_ draft: inout Draft, section: String, text: String) throws(EditError) {
        guard template.report?.section(section) != nil else { throw .unknownReportSection(section) }
        guard text.utf8.count <= Limits.reportSectionBytes else {
            throw .tooLong(path: "report." + section, bytes: text.utf8.count, limit: Limits.reportSectionBytes)
        }
        draft.report[section] = text.allSatisfy(\.isWhitespace) ? nil : text
    }

    public func setParameter(_ draft: inout Draft, _ id: String, _ value: String) throws(EditError) {
        guard let p = template.parameters.first(where: { $0.id == id }) else { throw .unknownParameter(id) }
        guard p.options.isEmpty || p.options.contains(value) else { throw .badOption(parameter: id, value: value, options: p.options) }
        draft.parameters[id] = value
    }
}
