import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

extension App {
    /// Puts a new draft in place after an edit inside one form instance and recomputes and rechecks
    /// only what reads what it changed (its cells, or its resized rows), else the whole instance.
    static func replaceDraft(_ s: inout AppState, _ d: Draft, form: String, index: Int) {
        let before = s.draft
        let logged = s.cellLog
        s.workspace.draft = d
        s.draftVersion += 1
        s.rowShift = nil
        // A change of cells recomputes and rechecks only what reads them; rows added or removed (F5, F6,
        // and their undo) compute the instance again, and what reads it only where a value moved. Any
        // other change, or one these cannot follow (nil changes), computes and checks the instance whole.
        var narrow: (changes: CellChanges, spec: FormSpec, progress: () -> (filled: Int, required: Int))?
        var computed = false
        if let spec = s.template.form(form), let old = before.forms[form]?[safe: index], let new = d.forms[form]?[safe: index],
           before.forms[form]?.count == d.forms[form]?.count {
            if let cells = new.changedCells(from: old, in: spec.compiled) {
                computed = true
                narrow = s.workspace.evaluation.update(draft: d, form: form, index: index, cells: cells)
                    .map { ($0, spec, { (FillableCells.filledDelta(form: spec, old: old, new: new, cells: cells), 0) }) }
                if let changes = narrow?.changes { s.cellLog.cells = logged.cells?.merging(changes.cells) { $0.union($1) } }
            } else if let rows = new.resizedRows(from: old, in: spec.compiled) {
                computed = true
                let changes = s.workspace.evaluation.update(draft: d, form: form, index: index, resized: rows)
                let shifts = changes.flatMap { c in c.origin.flatMap { c.shifts[$0] } }
                narrow = changes.map { changes in
                    (changes, spec, { FillableCells.progressDelta(form: spec, old: old, new: new, rows: rows, shifts: shifts ?? [:]) })
                }
                // The shift the evaluation found; before the evaluation is complete (just after opening) it
                // found none, and the shift is found here.
                if rows.count == 1, let id = spec.compiled.rowIDs[safe: rows[0]],
                   let shift = shifts.map({ $0[rows[0]] }) ?? InstanceShift(old: old.rows[id] ?? [], new: new.rows[id] ?? []) {
                    s.rowShift = RowShift(form: form, formIndex: index, row: id, shift: shift, from: s.draftVersion - 1, to: s.draftVersion)
                }
            }
        }
        if !computed { s.workspace.evaluation.update(draft: d, form: form, index: index) }
        if let narrow {
            if let origin = narrow.changes.origin {
                s.cellLog.instances = logged.instances?.union(narrow.changes.cells.keys).union([origin])
            }
            s.checks.refresh(s.workspace.evaluation, changes: narrow.changes)
            let delta = narrow.progress()
            s.moveProgress(form: narrow.spec, index: index, filled: delta.filled, required: delta.required)
        } else {
            s.checks.refresh(s.workspace.evaluation, form: form, index: index)
            s.refreshProgress(form: form, index: index)
        }
        // The focused instance's lines, made once for what follows (the focus kept in view, `update`):
        // after rows were added or removed each of them made the layout again. Rows added or removed
        // move the lines after them in the layout before.
        if s.focus.form == form, s.focus.formIndex == index {
            let shifted = s.rowShift.flatMap { shift in
                s.layoutKept.flatMap { $0.version == shift.from ? FormLayout(shifting: $0.layout, shift, draft: d) : nil }
            }
            s.layoutKept = (s.draftVersion, form, shifted ?? s.layout)
        }
    }

    /// After a change that may touch anything (undo, redo, a project added or removed).
    static func resetDraft(_ s: inout AppState, _ d: Draft) {
        s.workspace.draft = d
        s.draftVersion += 1
        s.workspace.evaluation.reset(draft: d)
        s.checks.refreshAll(s.workspace.evaluation)
        s.refreshAllProgress()
    }

    /// Puts `d` in place after a change whose extent is not known (undo, redo): finds the form instances
    /// that differ from the draft in memory and recomputes only those. Untouched instances share their
    /// storage with the current draft, so finding them costs a pointer comparison each; a change of the
    /// draft's shape (an instance added or removed, the year, the parameters) recomputes everything.
    static func switchDraft(_ s: inout AppState, to d: Draft) {
        let old = s.draft
        guard old.year == d.year, old.parameters == d.parameters, old.templateID == d.templateID else { resetDraft(&s, d); return }
        var changed: [(form: String, index: Int)] = []
        for form in s.template.forms {
            let a = old.instances(of: form.id), b = d.instances(of: form.id)
            // A form the change did not touch shares its array with the draft in memory: one comparison.
            guard a != b else { continue }
            guard a.count == b.count else { resetDraft(&s, d); return }
            for i in 0..<a.count where a[i] != b[i] { changed.append((form.id, i)) }
        }
        guard !changed.isEmpty else {
            // Only the report's prose may differ: its figure checks follow it.
            if old.report != d.report { replaceReport(&s, d) } else {
                s.workspace.draft = d
                s.draftVersion += 1
            }
            return
        }
        for c in changed { replaceDraft(&s, d, form: c.form, index: c.index) }
    }

    /// Records `before` as an undo step and marks a new revision.
    static func recordChange(_ s: inout AppState, before: Draft, focus: CellAddress) {
        s.undo.append(Snapshot(draft: before, focus: focus, revision: s.revision))
        if s.undo.count > 500 { s.undo.removeFirst(s.undo.count - 500) }
        s.redo.removeAll()
        s.revision = s.nextRevision
        s.nextRevision += 1
    }

    static func undo(_ s: inout AppState) { step(&s, back: true) }

    static func redo(_ s: inout AppState) { step(&s, back: false) }

    /// Undo and redo are the same move between the two stacks, in opposite directions.
    private static func step(_ s: inout AppState, back: Bool) {
        guard let snap = back ? s.undo.popLast() : s.redo.popLast() else {
            s.say(back ? UIText.App.nothingToUndo : UIText.App.nothingToRedo)
            return
        }
        let current = Snapshot(draft: s.draft, focus: s.focus, revision: s.revision)
        if back { s.redo.append(current) } else { s.undo.append(current) }
        switchDraft(&s, to: snap.draft)
        s.revision = snap.revision
        s.focus = validFocus(s, snap.focus)
        keepFocusVisible(&s)
        s.say(back ? UIText.App.undone : UIText.App.redone)
    }

    /// The focus if it still names a cell, else the nearest cell of the same form.
    static func validFocus(_ s: AppState, _ f: CellAddress) -> CellAddress {
        if f.isReport, ReportPage.exists(s.template) {
            return s.template.report?.section(f.row) != nil ? f : ReportPage.address(s.template.report?.sections.first?.id ?? "")
        }
        guard s.template.form(f.form) != nil else { return s.focus }
        var f = f
        f.formIndex = min(max(f.formIndex, 0), max(s.evaluation.instanceCount(f.form) - 1, 0))
        var probe = s
        probe.focus = f
        let layout = probe.layout
        let r = layout.rowRef(of: f)
        if layout.lineOfRow[r] != nil, layout.columns(of: r).contains(f.column) { return f }
        if let idx = f.rowIndex, idx > 0 {
            var g = f
            g.rowIndex = idx - 1
            let rr = layout.rowRef(of: g)
            if layout.lineOfRow[rr] != nil { return g }
        }
        if layout.lineOfRow[RowRef(row: f.row, index: nil, isPlaceholder: true)] != nil {
            return CellAddress(form: f.form, formIndex: f.formIndex, row: f.row, rowIndex: nil, column: "")
        }
        guard let first = layout.rows.first else { return f }
        return layout.address(first, layout.columns(of: first).first ?? "")
    }
}
