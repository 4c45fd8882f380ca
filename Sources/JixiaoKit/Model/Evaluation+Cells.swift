import Foundation

extension Evaluation {
    /// Replaces the draft after a change of known cells of one instance (no row added or removed:
    /// `FormEntry.changedCells` says which), and recomputes only what reads them: the computed cells
    /// that read a changed cell, in evaluation order, each only when one of its inputs' values moved;
    /// the indicator rows a changed cell is in; in forms that read others, only the cells reading a
    /// cell whose value moved (nothing when none did). Returns every cell whose entry or value
    /// changed, for `LiveChecks.refresh(_:changes:)`; nil when the evaluation is not complete yet, after
    /// computing what `update(draft:form:index:)` would.
    public mutating func update(draft newDraft: Draft, form formID: String, index: Int, cells: [CellSlot]) -> CellChanges? {
        guard let (form, started) = narrowing(newDraft, formID, index), let at = started.origin else { return nil }
        var changes = started
        for c in cells { changes.insert(c, at: at) }
        var keys = Set(cells.map { form.compiled.key(row: $0.row, column: $0.column) })
        recompute(form, index: index, keys: &keys, forced: [], changes: &changes)
        recomputeReaders(of: form, keys: keys, changes: &changes)
        return changes
    }

    /// Replaces the draft after rows were added to or removed from one instance (`FormEntry.resizedRows`):
    /// the instance is computed again whole (its values shift), but what reads it only where a value
    /// moved: every cell of the resized rows counts as changed, and each computed cell whose values
    /// differ. nil, as `update(draft:form:index:cells:)`, while the evaluation is not complete.
    public mutating func update(draft newDraft: Draft, form formID: String, index: Int, resized rows: [Int]) -> CellChanges? {
        let was = draft.instances(of: formID)[safe: index]
        guard let (form, started) = narrowing(newDraft, formID, index), let at = started.origin else { return nil }
        var changes = started
        let c = form.compiled
        let before = forms[c.slot][index]
        let entry = newDraft.instances(of: formID)[index]
        var shifts: [Int: InstanceShift] = [:]
        if let was {
            for r in rows {
                let id = c.rowIDs[r]
                if let shift = InstanceShift(old: was.rows[id] ?? [], new: entry.rows[id] ?? []) { shifts[r] = shift }
            }
            if !shifts.isEmpty { changes.shifts[at, default: [:]].merge(shifts) { $1 } }
        }
        let foreign: Evaluation? = form.readsOtherForms ? self : nil
        let blank = was.map { BlankShifts(compiled: c, old: $0, new: entry, before: before, shifts: shifts) }
        let after = Self.resized(form, entry, rows: rows, before: before, settings: template.settings, foreign: foreign, index: index, blank: blank)
            ?? Self.compute(form, entry, settings: template.settings, foreign: foreign, index: index, previous: before)
        forms[c.slot][index] = after
        changes.resized[at] = rows
        var keys = Set<Int>()
        // The cells of a resized row, at every instance (the checks read them by cell, whatever the instance).
        for r in rows {
            for col in c.rowColumns[r] + [c.labelSlot] {
                keys.insert(c.key(row: r, column: col))
                changes.insert(CellSlot(row: r, index: 0, column: col), at: at)
            }
        }
        for (j, cell) in c.cells.enumerated() {
            let old = before.computed.values[before.computed.start[j]..<before.computed.start[j + 1]]
            let new = after.computed.values[after.computed.start[j]..<after.computed.start[j + 1]]
            let overflows = before.overflowed.filter { $0.cell == j } != after.overflowed.filter { $0.cell == j }
            guard !old.elementsEqual(new) || overflows else { continue }
            keys.insert(c.key(row: cell.row, column: cell.column))
            changes.insert(CellSlot(row: cell.row, index: c.repeating[cell.row] ? 0 : nil, column: cell.column), at: at)
        }
        recomputeReaders(of: form, keys: keys, changes: &changes)
        return changes
    }

    /// The form a change of one instance's cells or rows is in, with the new draft in place and the
    /// changes' origin set; nil, after computing the instance as `update(draft:form:index:)` does, while
    /// the evaluation is not complete or the form's instances were added or removed.
    private mutating func narrowing(_ newDraft: Draft, _ formID: String, _ index: Int) -> (FormSpec, CellChanges)? {
        guard isComplete, let form = template.form(formID), index >= 0, index < newDraft.instances(of: formID).count,
              forms[form.compiled.slot].count == newDraft.instances(of: formID).count else {
            update(draft: newDraft, form: formID, index: index)
            return nil
        }
        draft = newDraft
        var changes = CellChanges()
        changes.origin = InstanceSlot(form: form.compiled.slot, index: index)
        return (form, changes)
    }

    /// An instance's values after rows were added or removed, computing again only the resized rows'
    /// computed cells and those reading a resized row; the rest are the values before, moved to their
    /// new places. Nil when an indicator row would be read again (its reviews shift): computed whole.
    private static func resized(_ form: FormSpec, _ entry: FormEntry, rows: [Int], before: InstanceValues, settings: TemplateSettings,
                                foreign: Evaluation?, index: Int, blank: BlankShifts? = nil) -> InstanceValues? {
        let c = form.compiled
        var keys: [Int] = []
        for r in rows { for col in c.rowColumns[r] { keys.append(c.key(row: r, column: col)) } }
        var again = Set(c.dependencies.dependents(of: keys))
        for (j, cell) in c.cells.enumerated() where rows.contains(cell.row) { again.insert(j) }
        guard !again.contains(where: { (c.indicatorRowAt[safe: c.cells[$0].row] ?? -1) >= 0 }),
              !rows.contains(where: { (c.indicatorRowAt[safe: $0] ?? -1) >= 0 }) else { return nil }
        var values = before
        var computed = emptyValues(c, entry)
        for j in c.cells.indices where !again.contains(j) {
            let old = before.computed.start[j]..<before.computed.start[j + 1]
            guard old.count == computed.start[j + 1] - computed.start[j] else { return nil }
            computed.values.replaceSubrange(computed.start[j]..<computed.start[j + 1], with: before.computed.values[old])
        }
        values.overflowed.removeAll { again.contains($0.cell) }
        // In evaluation order, each cell outside the resized rows only when one of its inputs moved: an
        // empty row added under 3、 sums 3、 again, but leaves the totals that read 3、 as they were (they
        // keep their values from before, overflows with them).
        var moved = Set(keys)
        for r in rows { moved.insert(c.key(row: r, column: c.labelSlot)) }
        for j in again.sorted() {
            let cell = c.cells[j]
            let old = before.computed.start[j]..<before.computed.start[j + 1]
            let new = computed.start[j]..<computed.start[j + 1]
            // A row given or rid of blank instances (F5, and its undo) leaves a cell that reads it only
            // whole, by rules that pass over empty cells, as it was: a sum of 40 rows is not added again.
            if !rows.contains(cell.row),
               !c.dependencies.inputs[j].contains(where: { moved.contains($0) && !(blank?.isQuiet($0, for: cell.formula, computed: computed) ?? false) }) {
                guard old.count == new.count else { return nil }
                computed.values.replaceSubrange(new, with: before.computed.values[old])
                values.overflowed += before.overflowed.filter { $0.cell == j }
                continue
            }
            computeCell(j, c, entry, &computed, overflowed: &values.overflowed, foreign: foreign, index: index, settings: settings)
            if rows.contains(cell.row) || !computed.values[new].elementsEqual(before.computed.values[old])
                || values.overflowed.filter({ $0.cell == j }) != before.overflowed.filter({ $0.cell == j }) {
                moved.insert(c.key(row: cell.row, column: cell.column))
            }
        }
        values.overflowed.sort { ($0.cell, $0.index ?? -1) < ($1.cell, $1.index ?? -1) }
        values.computed = computed
        return values
    }

    /// In forms whose cells read others, recomputes the cells that read a cell of `keys` of `form`
    /// (and what reads them), in template order: one may read another that read this change.
    private mutating func recomputeReaders(of form: FormSpec, keys: Set<Int>, changes: inout CellChanges) {
        let formID = form.id
        // Forms whose cells read others, in template order (one may read another that read this edit).
        var moved: [Int: Set<Int>] = [form.compiled.slot: keys]
        for other in template.forms where other.readsOtherForms && other.id != formID {
            let readers = other.compiled.dependencies.foreignReaders
            var forced = Set<Int>()
            for (slot, changed) in moved {
                guard let byCell = readers[slot] else { continue }
                for key in changed { forced.formUnion(byCell[key] ?? []) }
            }
            guard !forced.isEmpty else { continue }
            var all = Set<Int>()
            for k in 0..<forms[other.compiled.slot].count {
                var local = Set<Int>()
                recompute(other, index: k, keys: &local, forced: forced, changes: &changes)
                all.formUnion(local)
            }
            moved[other.compiled.slot] = all
        }
    }

    /// Recomputes in one instance the computed cells `forced` and those reading a cell of `keys`, in
    /// evaluation order, each only when it is forced or one of its inputs moved; adds the cells whose
    /// value moved to `keys` and `changes`, and reads again the indicator rows a change is in.
    private mutating func recompute(_ form: FormSpec, index: Int, keys: inout Set<Int>, forced: Set<Int>, changes: inout CellChanges) {
        let compiled = form.compiled
        let deps = compiled.dependencies
        var candidates = Set(forced)
        for j in forced { candidates.formUnion(deps.dependents[compiled.key(row: compiled.cells[j].row, column: compiled.cells[j].column)]) }
        for k in keys where k < deps.dependents.count { candidates.formUnion(deps.dependents[k]) }
        let at = InstanceSlot(form: compiled.slot, index: index)
        guard let entry = draft.forms[form.id]?[safe: index], index < forms[compiled.slot].count else { return }
        let foreign: Evaluation? = form.readsOtherForms ? self : nil
        // Taken out of the array while it changes, so its arrays are not copied on write.
        var inst = forms[compiled.slot][index]
        forms[compiled.slot][index] = InstanceValues()
        var overflowMoved = false
        for j in candidates.sorted() where forced.contains(j) || deps.inputs[j].contains(where: keys.contains) {
            let cell = compiled.cells[j]
            let base = inst.computed.start[j]
            var moved = false
            for k in 0..<(inst.computed.start[j + 1] - base) {
                let rowIndex: Int? = compiled.repeating[cell.row] ? k : nil
                let v: Value
                var over = false
                do {
                    v = try SlotReading(form: compiled, entry: entry, computed: inst.computed, rowIndex: rowIndex,
                                        foreign: foreign, formIndex: index, settings: template.settings).evaluate(cell.formula)
                } catch {
                    v = .undefined
                    over = true
                }
                let o = OverflowedCell(cell: j, index: rowIndex)
                let was = inst.overflowed.firstIndex(of: o)
                if over != (was != nil) {
                    if let was { inst.overflowed.remove(at: was) } else { inst.overflowed.append(o) }
                    overflowMoved = true
                    changes.insert(CellSlot(row: cell.row, index: rowIndex, column: cell.column), at: at)
                }
                if v != inst.computed.values[base + k] {
                    changes.insert(CellSlot(row: cell.row, index: rowIndex, column: cell.column), at: at)
                    moved = true
                }
                inst.computed.values[base + k] = v
            }
            if moved { keys.insert(compiled.key(row: cell.row, column: cell.column)) }
        }
        // A full computation lists the overflows in evaluation order, and the checks report them so.
        if overflowMoved { inst.overflowed.sort { ($0.cell, $0.index ?? -1) < ($1.cell, $1.index ?? -1) } }
        if compiled.indicatorColumns != nil, let changed = changes.cells[at] {
            var rows = Set<RowInstance>()
            for c in changed where c.index != nil && (compiled.indicatorRowAt[safe: c.row] ?? -1) >= 0 { rows.insert(RowInstance(row: c.row, index: c.index)) }
            for r in rows.sorted(by: { ($0.row, $0.index ?? -1) < ($1.row, $1.index ?? -1) }) {
                Self.reread(compiled, entry, &inst, row: r.row, k: r.index ?? 0, index: index, settings: template.settings)
            }
        }
        forms[compiled.slot][index] = inst
    }

    /// Reads one indicator row instance again: its review (kept when its inputs are the same) and its
    /// fact, put in its place among the instance's facts (in row order).
    private static func reread(_ compiled: CompiledForm, _ entry: FormEntry, _ inst: inout InstanceValues, row r: Int, k: Int,
                               index: Int, settings: TemplateSettings) {
        let n = Int(compiled.indicatorRowAt[r])
        let rowID = compiled.rowIDs[r]
        guard let list = entry.rows[rowID], k < list.count, n < inst.reviews.count, k < inst.reviews[n].count else { return }
        let reader = SlotReading(form: compiled, entry: entry, computed: inst.computed, rowIndex: nil, foreign: nil, formIndex: index, settings: settings)
        let old = inst.indicatorFacts.firstIndex { $0.row == rowID && $0.rowIndex == k }
        let (fact, review) = readRow(compiled, reader, list, row: r, k: k, settings: settings,
                                     oldFact: old.map { inst.indicatorFacts[$0] }, oldReview: inst.reviews[n][k])
        inst.reviews[n][k] = review
        if let old { inst.indicatorFacts.remove(at: old) }
        guard let fact else { return }
        let place = inst.indicatorFacts.firstIndex { f in
            let s = compiled.row(f.row).map { Int(compiled.indicatorRowAt[$0]) } ?? -1
            return (s, f.rowIndex) > (n, k)
        } ?? inst.indicatorFacts.count
        inst.indicatorFacts.insert(fact, at: place)
    }
}
