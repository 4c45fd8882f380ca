import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

extension App {
    /// F5: a new instance of the focused repeated row (a special fund, goal or indicator), after it.
    static func addRow(_ s: inout AppState) {
        guard !s.readOnly else { s.say(UIText.App.readOnlyNoEdit, error: true); return }
        let f = s.focus
        guard let spec = s.template.form(f.form)?.row(f.row), let rep = spec.repeating else {
            s.say(UIText.App.notRepeated, error: true)
            return
        }
        let before = s.draft
        var d = s.draft
        // On the line that ends the group: after its last row.
        let position = f.rowIndex.map { $0 + 1 } ?? (s.draft.instances(of: f.form)[safe: f.formIndex]?.count(of: f.row) ?? 0)
        guard let at = try? DraftEditor(template: s.template).addRow(&d, form: f.form, formIndex: f.formIndex, row: f.row, at: position) else { return }
        replaceDraft(&s, d, form: f.form, index: f.formIndex)
        recordChange(&s, before: before, focus: f)
        let first = rep.named ? CellAddress.labelColumn : (spec.columnIDs.first { spec.formulas[$0] == nil } ?? "")
        s.focus = CellAddress(form: f.form, formIndex: f.formIndex, row: f.row, rowIndex: at, column: first)
        keepFocusVisible(&s)
        s.say(UIText.App.rowAdded(rep.noun))
    }

    /// F6: removing a row (or, on a project's name, the project) asks first.
    static func askRemove(_ s: inout AppState) {
        guard !s.readOnly else { s.say(UIText.App.readOnlyNoEdit, error: true); return }
        let f = s.focus
        guard let form = s.template.form(f.form) else { return }
        if let rep = form.repeated, f.row == rep.nameCell.row {
            s.overlay = .confirm(.removeProject(form: f.form, index: f.formIndex))
            return
        }
        guard form.row(f.row)?.repeating != nil, f.rowIndex != nil else { s.say(UIText.App.notRepeated, error: true); return }
        s.overlay = .confirm(.removeRow(f))
    }

    static func removeRow(_ s: inout AppState, _ a: CellAddress) {
        guard let idx = a.rowIndex else { return }
        let before = s.draft
        var d = s.draft
        guard (try? DraftEditor(template: s.template).removeRow(&d, form: a.form, formIndex: a.formIndex, row: a.row, index: idx)) != nil else { return }
        replaceDraft(&s, d, form: a.form, index: a.formIndex)
        recordChange(&s, before: before, focus: a)
        s.focus = validFocus(s, a)
        keepFocusVisible(&s)
        s.say(UIText.App.rowRemoved)
    }

    static func removeProject(_ s: inout AppState, form: String, index: Int) {
        let before = s.draft
        var d = s.draft
        guard (try? DraftEditor(template: s.template).removeInstance(&d, form: form, index: index)) != nil else { return }
        resetDraft(&s, d)
        recordChange(&s, before: before, focus: s.focus)
        let count = s.evaluation.instanceCount(form)
        if count > 0 { focusInstance(&s, form: form, index: min(index, count - 1)) }
        else if let first = allInstances(s).first { focusInstance(&s, form: first.form, index: first.index) }
        keepFocusVisible(&s)
        s.say(UIText.App.projectRemoved)
    }

    /// F7 / F8: a repeated row, or (on a project's name) the project, one place up or down.
    static func moveRow(_ s: inout AppState, by delta: Int) {
        guard !s.readOnly else { s.say(UIText.App.readOnlyNoEdit, error: true); return }
        let f = s.focus
        guard let form = s.template.form(f.form) else { return }
        let before = s.draft
        var d = s.draft
        let editor = DraftEditor(template: s.template)
        if let rep = form.repeated, f.row == rep.nameCell.row {
            guard let to = try? editor.moveInstance(&d, form: f.form, index: f.formIndex, by: delta), to != f.formIndex else { return }
            resetDraft(&s, d)
            recordChange(&s, before: before, focus: f)
            s.focus.formIndex = to
        } else {
            guard let idx = f.rowIndex, let to = try? editor.moveRow(&d, form: f.form, formIndex: f.formIndex, row: f.row, index: idx, by: delta),
                  to != idx else { if f.rowIndex == nil { s.say(UIText.App.notRepeated, error: true) }; return }
            replaceDraft(&s, d, form: f.form, index: f.formIndex)
            recordChange(&s, before: before, focus: f)
            s.focus.rowIndex = to
        }
        keepFocusVisible(&s)
    }

    /// F9: a new project (an instance of the repeated form), named as it is created.
    static func askNewProject(_ s: inout AppState) {
        guard !s.readOnly else { s.say(UIText.App.readOnlyNoEdit, error: true); return }
        guard let form = s.template.forms.first(where: { $0.isRepeated }) else { s.say(UIText.App.noRepeatedForm, error: true); return }
        s.overlay = .prompt(Prompt(purpose: .newProject(form: form.id), title: UIText.App.newProjectTitle(form.repeated?.noun ?? ""),
                                   editor: LineEditor()))
    }

    /// A new project's other header cells (主管部门, 实施单位) are those of the project before it, or
    /// for the first one the unit's name: they are the same for nearly every project of a unit.
    static func fillHeaderDefaults(_ d: inout Draft, _ s: AppState, form: String, at: Int) {
        guard let spec = s.template.form(form), let rep = spec.repeated, let nameRow = spec.row(rep.nameCell.row),
              let header = spec.section(nameRow.sectionID) else { return }
        let unit = ScorecardUnit.name(s)
        let editor = DraftEditor(template: s.template)
        for row in spec.rows where row.sectionID == header.id && row.id != nameRow.id && row.repeating == nil {
            for c in row.columnIDs where row.formulas[c] == nil && header.column(c)?.kind == .text {
                let before = at > 0 ? s.evaluation.value(form: spec, index: at - 1, row: row.id, rowIndex: nil, column: c).text : nil
                guard let text = [before, unit].compactMap({ $0 }).first(where: { !$0.isEmpty }) else { continue }
                try? editor.set(&d, CellAddress(form: form, formIndex: at, row: row.id, column: c), text: text, lenient: true)
            }
        }
    }

    static func addProject(_ s: inout AppState, form: String, name: String) {
        let before = s.draft
        var d = s.draft
        let position = s.focus.form == form ? s.focus.formIndex + 1 : nil
        let at: Int
        do { at = try DraftEditor(template: s.template).addInstance(&d, form: form, name: name, at: position) } catch {
            s.say(EditText.message(error), error: true)
            return
        }
        fillHeaderDefaults(&d, s, form: form, at: at)
        resetDraft(&s, d)
        recordChange(&s, before: before, focus: s.focus)
        focusInstance(&s, form: form, index: at)
        keepFocusVisible(&s)
        s.say(UIText.App.projectAdded(name))
    }
}
