/// The cells a check reads, by form slot and cell key (`CompiledForm.key(row:column:)`, whatever the
/// row or form instance), so that after a change of known cells (`CellChanges`) only the checks that
/// read one of them run again. Made from the template alone; a check whose reading is not known cell
/// by cell reads its forms whole.
struct ReadSet: Sendable {
    /// Any cell of the instance checked (the checks that walk every cell).
    var anyLocal = false
    /// Cells of the instance checked.
    var local = Set<Int>()
    /// Cells of any instance of a form, by form slot; a form read whole is in `wholeForms`.
    var others: [Int: Set<Int>] = [:]
    var wholeForms = Set<Int>()

    /// Whether a change meets what the check reads: `local` the keys changed in the instance checked,
    /// `byForm` the keys changed in any instance, by form slot.
    func meets(local changed: Set<Int>, byForm: [Int: Set<Int>]) -> Bool {
        if !changed.isEmpty, anyLocal || !local.isDisjoint(with: changed) { return true }
        for (form, keys) in byForm where !keys.isEmpty {
            if wholeForms.contains(form) { return true }
            if let read = others[form], !read.isDisjoint(with: keys) { return true }
        }
        return false
    }

    /// The forms read other than through `local`.
    var forms: Set<Int> { wholeForms.union(others.keys) }
}

/// What every check of a template reads: per form, each part of an instance's check
/// (`Checker.parts`); and each of the template's cross-form checks.
struct CheckReads: Sendable {
    /// By form slot, then part.
    let parts: [[ReadSet]]
    /// By the template's check.
    let across: [ReadSet]
    /// By form slot: the forms whose changes may move a problem of its instances other than the one changed.
    let formsRead: [Set<Int>]

    init(_ template: Template) {
        parts = template.forms.map { form in
            var always = ReadSet()
            always.anyLocal = true
            // Overflows are of computed cells; the percent points of typed percent cells.
            let c = form.compiled
            var computed = ReadSet(), percent = ReadSet()
            for r in c.rowIDs.indices {
                for col in c.rowColumns[r] {
                    if c.isComputed(row: r, column: col) { computed.local.insert(c.key(row: r, column: col)) }
                    else if c.kind(row: r, column: col) == .percent { percent.local.insert(c.key(row: r, column: col)) }
                }
            }
            return [always, always, computed, always, percent] + form.checks.map { Self.reads($0, own: form, template, local: true) }
        }
        across = template.checks.map { spec in
            let own = spec.at?.form.flatMap { template.form($0) } ?? template.forms.first
            guard let own else { return ReadSet() }
            return Self.reads(spec, own: own, template, local: false)
        }
        formsRead = parts.map { list in list.reduce(into: Set<Int>()) { $0.formUnion($1.forms) } }
    }

    /// `local`: the check runs in an instance of `own`, and what names no form is that instance's.
    static func reads(_ spec: CheckSpec, own: FormSpec, _ template: Template, local: Bool) -> ReadSet {
        var out = ReadSet()
        func form(_ id: String?) -> FormSpec? { id.map { template.form($0) } ?? own }
        func whole(_ form: FormSpec) {
            if local && form.id == own.id { out.anyLocal = true } else { out.wholeForms.insert(form.compiled.slot) }
        }
        func add(_ form: FormSpec, rows: [String], columns: [String]) {
            let c = form.compiled
            var keys: [Int] = []
            for r in rows {
                guard let rs = c.row(r) else { whole(form); return }
                for col in columns {
                    guard let cs = c.column(col) else { whole(form); return }
                    keys.append(c.key(row: rs, column: cs))
                }
            }
            if local && form.id == own.id && spec.kind != .sameIndicators { out.local.formUnion(keys) } else { out.others[c.slot, default: []].formUnion(keys) }
        }
        let bound = spec.eachRow.map { [$0] } ?? spec.rows
        let columns = spec.columns.isEmpty ? [spec.at?.column ?? ""] : spec.columns
        func add(_ r: Reference) {
            guard let form = form(r.form) else { return }
            let cols: [String]
            switch r.column { case let .named(c): cols = [c]; case .current: cols = columns }
            switch r.row {
            case let .named(id), let .allInstances(id), let .sameIndex(id): add(form, rows: [id], columns: cols)
            case .this where !bound.isEmpty && r.form == nil: add(form, rows: bound, columns: cols)
            default: whole(form)
            }
        }
        func formulas(_ fs: [Formula?]) { for f in fs.compactMap({ $0 }) { for r in f.references { add(r) } } }
        func target(_ t: CheckTarget) {
            guard let form = form(t.form) else { return }
            add(form, rows: [t.row], columns: [t.column])
        }
        switch spec.kind {
        case .equal, .atLeast, .atMost:
            formulas([spec.left, spec.right, spec.detail])
            for t in spec.cells { target(t) }
        case .required, .dates:
            for t in spec.cells { target(t) }
        case .year where !spec.cells.isEmpty:
            // The year check reads its listed cells in the instance it runs in.
            for t in spec.cells { add(own, rows: [t.row], columns: [t.column]) }
        case .year:
            add(own, rows: own.rows.filter { r in spec.columns.contains { r.columnIDs.contains($0) } }.map(\.id),
                columns: spec.columns.filter { own.compiled.column($0) != nil })
        case .placeholder, .textArithmetic, .textRates:
            // The typed texts of the listed rows and columns (every one where none is listed).
            if spec.rows.isEmpty && spec.columns.isEmpty { whole(own) } else {
                let rows = spec.rows.isEmpty ? own.rows.map(\.id) : spec.rows
                let cols = spec.columns.isEmpty ? own.compiled.columnIDs : spec.columns.filter { own.compiled.column($0) != nil }
                add(own, rows: rows, columns: cols)
            }
            if let value = spec.value { for r in value.references { if r.form == nil { whole(own) } else { add(r) } } }
        case .indicators:
            // The indicator section's rows, every cell (names, targets, weights, scores, reasons, labels).
            guard let ind = own.indicators else { return out }
            add(own, rows: own.rows.filter { $0.sectionID == ind.section }.map(\.id), columns: own.compiled.columnIDs)
        case .sameIndicators:
            for id in spec.forms { if let f = template.form(id) { out.wholeForms.insert(f.compiled.slot) } }
        }
        return out
    }
}
