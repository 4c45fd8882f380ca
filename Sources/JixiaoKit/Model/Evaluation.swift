import Foundation

/// The computed cells of one form instance, by slot: the values of computed cell `j` of the compiled
/// form (one, or one per instance of its repeated row) are `values[start[j] ..< start[j + 1]]`.
struct ComputedValues: Equatable, Sendable {
    var values: [Value] = []
    var start: [Int] = [0]

    /// Instance `k` of cell `j` (nil for a single row); empty for an instance the row does not have.
    func value(_ j: Int, _ k: Int?, repeating: Bool) -> Value {
        guard j + 1 < start.count else { return .empty }
        let base = start[j]
        guard repeating else { return k == nil ? values[base] : .empty }
        guard let k, k >= 0, base + k < start[j + 1] else { return .empty }
        return values[base + k]
    }
}

/// A computed cell whose own formula overflowed: its number in `CompiledForm.cells` and its instance.
struct OverflowedCell: Equatable, Sendable {
    let cell: Int
    let index: Int?
}

/// The computed cells of one form instance.
public struct InstanceValues: Sendable, Equatable {
    var computed = ComputedValues()
    /// Each indicator row read once (`RowReview`), by the row's place in `CompiledForm.indicatorRows`,
    /// then by instance. Arrays of exactly the rows: a dictionary by cell held twice the room for these
    /// large values (3.8 MB on a 200-project draft).
    var reviews: [[RowReview]] = []
    /// The named indicator rows, in row order, for the comparison across forms (`sameIndicators`).
    public internal(set) var indicatorFacts: [IndicatorFact] = []
    /// Computed cells whose own formula overflowed (held as undefined, reported by the checks).
    var overflowed: [OverflowedCell] = []
}

/// Every value of a draft: entered cells as parsed, computed cells from the template's formulas.
/// Computed cells depend only on their own form instance, so an edit recomputes one instance
/// (`recompute(form:index:)`), which keeps a 200-project draft instant. They are kept and computed by
/// slot (`CompiledForm`); the methods taking row and column names are for the edges.
public struct Evaluation: Sendable {
    public let template: Template
    public internal(set) var draft: Draft
    /// By form slot, then by instance.
    var forms: [[InstanceValues]] = []
    /// By form slot: whether the form is computed yet. All are, except while a partial evaluation
    /// (`init(template:draft:only:)`) waits for `complete()`; the others read as empty meanwhile.
    private var computed: [Bool] = []
    /// False while only some forms are computed (`init(template:draft:only:)`), until `complete()`.
    public private(set) var isComplete = true

    public init(template: Template, draft: Draft) {
        self.init(template: template, draft: draft, only: nil)
    }

    /// `only`: compute just these forms, for a first frame that shows one of them before the rest is
    /// ready; every other form reads as empty until `complete()`. A form that reads others needs them all.
    public init(template: Template, draft: Draft, only: Set<String>?) {
        self.template = template
        self.draft = draft
        forms = Array(repeating: [], count: template.forms.count)
        computed = Array(repeating: false, count: template.forms.count)
        let partial = only.map { ids in !template.forms.contains { ids.contains($0.id) && $0.readsOtherForms } } ?? false
        computeMissing(only: partial ? only : nil)
    }

    /// Computes the forms a partial evaluation left out; the ones computed already are kept.
    public mutating func complete() {
        if !isComplete { computeMissing(only: nil) }
    }

    /// `complete()` on `whole`, the draft whose forms left out were read only after the first frame
    /// (`DraftStore.loadFirst`): the forms computed already must be as they were. (Complete already,
    /// nothing was left out to compute later: everything is computed again.)
    public mutating func complete(draft whole: Draft) {
        guard !isComplete else { return reset(draft: whole) }
        draft = whole
        complete()
    }

    private mutating func computeMissing(only: Set<String>?) {
        let settings = template.settings
        for form in template.forms where !form.readsOtherForms && !computed[form.compiled.slot] && only?.contains(form.id) != false {
            forms[form.compiled.slot] = Parallel.map(draft.instances(of: form.id)) { Self.compute(form, $0, settings: settings) }
            computed[form.compiled.slot] = true
        }
        isComplete = only == nil
        if isComplete { recomputeFormsThatReadOthers() }
    }

    /// Forms whose cells read other forms (rubrics) depend on everything else: recomputed last, whole.
    /// `after`: the form just edited; only forms that read it (or it itself) are recomputed.
    mutating func recomputeFormsThatReadOthers(after edited: String? = nil) {
        for form in template.forms where form.readsOtherForms {
            if let edited, edited != form.id, !form.formsRead.contains(edited) { continue }
            let snapshot = self
            forms[form.compiled.slot] = draft.instances(of: form.id).enumerated().map { k, entry in
                Self.compute(form, entry, settings: template.settings, foreign: snapshot, index: k)
            }
        }
    }

    /// Replaces the draft after an edit confined to one form instance and recomputes only that one.
    public mutating func update(draft newDraft: Draft, form formID: String, index: Int) {
        draft = newDraft
        guard let form = template.form(formID) else { return }
        let entries = draft.instances(of: formID)
        let slot = form.compiled.slot
        var list = forms[slot]
        if list.count != entries.count {
            list = entries.map { Self.compute(form, $0, settings: template.settings) }
        } else if index >= 0 && index < entries.count {
            list[index] = Self.compute(form, entries[index], settings: template.settings, previous: list[index])
        }
        if !form.readsOtherForms { forms[slot] = list }
        recomputeFormsThatReadOthers(after: formID)
    }

    /// Replaces the draft after a change of the 自评报告's prose only: no cell reads the prose, so
    /// nothing is recomputed. (The caller vouches that the forms are those of the current draft.)
    public mutating func updateReport(draft newDraft: Draft) {
        draft = newDraft
    }

    /// Replaces the draft and recomputes everything (after undo, reload or a structural change).
    public mutating func reset(draft newDraft: Draft) {
        self = Evaluation(template: template, draft: newDraft)
    }

    public func instanceCount(_ form: String) -> Int { draft.instances(of: form).count }

    /// The indicator row read once (`RowReview`); nil for a row that is not an indicator.
    public func review(form: FormSpec, index: Int, row: String, rowIndex: Int) -> RowReview? {
        form.compiled.row(row).flatMap { review(form: form, index: index, rowSlot: $0, rowIndex: rowIndex) }
    }

    public func review(form: FormSpec, index: Int, rowSlot: Int, rowIndex: Int) -> RowReview? {
        let n = form.compiled.indicatorRowAt[safe: rowSlot] ?? -1
        guard n >= 0 else { return nil }
        return forms[safe: form.compiled.slot]?[safe: index]?.reviews[safe: Int(n)]?[safe: rowIndex]
    }

    /// The named indicator rows of an instance. An optional form not begun has none: it has no rows.
    public func indicatorFacts(form: String, index: Int) -> [IndicatorFact] {
        guard let f = template.form(form) else { return [] }
        return forms[f.compiled.slot][safe: index]?.indicatorFacts ?? []
    }

    /// Whether an instance counts for checks and printouts: always, unless its form is optional and
    /// nothing has been entered in it yet.
    public func counts(_ form: FormSpec, index: Int) -> Bool {
        guard form.optional else { return true }
        guard let e = draft.instances(of: form.id)[safe: index] else { return false }
        return !e.cells.isEmpty || e.rows.values.contains { !$0.isEmpty }
    }

    /// What was computed for one instance (nil while its form waits to be computed): what is read of
    /// it, apart from its entry, is the same while these are (the score preview keeps a card by them).
    public func values(_ form: FormSpec, index: Int) -> InstanceValues? {
        guard isComplete else { return nil }
        return forms[safe: form.compiled.slot]?[safe: index]
    }

    /// The value of a cell; `.empty` for a cell the row does not have.
    public func value(_ a: CellAddress) -> Value {
        guard let form = template.form(a.form) else { return .undefined }
        return value(form: form, index: a.formIndex, row: a.row, rowIndex: a.rowIndex, column: a.column)
    }

    public func value(form: FormSpec, index: Int, row: String, rowIndex: Int?, column: String) -> Value {
        if let r = form.compiled.row(row), let c = form.compiled.column(column) {
            return value(form: form, index: index, rowSlot: r, rowIndex: rowIndex, columnSlot: c)
        }
        // A name the form does not have: only what a draft may hold under it.
        guard let entry = draft.instances(of: form.id)[safe: index] else { return .empty }
        return entry.entry(row: row, index: rowIndex, column: column)?.value ?? .empty
    }

    /// The value of a cell by slot (`CompiledForm`); `.empty` for a cell the row does not have.
    public func value(form: FormSpec, index: Int, rowSlot r: Int, rowIndex: Int?, columnSlot c: Int) -> Value {
        guard let entry = draft.forms[form.id]?[safe: index] else { return .empty }
        let compiled = form.compiled
        if let j = compiled.computed(row: r, column: c) {
            return forms[compiled.slot][safe: index]?.computed.value(j, rowIndex, repeating: compiled.repeating[r]) ?? .empty
        }
        if c == compiled.labelSlot, let rowIndex {
            return entry.rows[compiled.rowIDs[r]]?[safe: rowIndex]?.label.map(Value.text) ?? .empty
        }
        return entry.entry(row: compiled.rowIDs[r], index: rowIndex, column: compiled.columnIDs[c])?.value ?? .empty
    }

    /// Values a reference into another form stands for (used by cross-form checks and rubrics).
    public func foreignValues(_ r: Reference, column: String, currentIndex: Int?) -> [Value] {
        guard let formID = r.form, let form = template.form(formID) else { return [.undefined] }
        // A named row (`C[]!total.actual`) is read by slot: building a scope per instance cost ~25k
        // instructions each, and the cross-form checks read every project on every keystroke.
        switch r.row {
        case let .named(row), let .allInstances(row):
            let c: String
            switch r.column { case let .named(name): c = name; case .current: c = column }
            let compiled = form.compiled
            if let rs = compiled.row(row), let cs = compiled.column(c) {
                let rows: SlotReference.Rows = compiled.repeating[rs] ? .all(rs) : .single(rs)
                var out: [Value] = []
                foreignCells(SlotReference(form: compiled.slot, allForms: r.allForms, rows: [rows], column: cs),
                             currentIndex: currentIndex, into: &out)
                return out
            }
        default: break
        }
        var out: [Value] = []
        for k in foreignIndices(form, allForms: r.allForms, currentIndex: currentIndex) {
            let scope = scopeFor(form: form, index: k, row: "", rowIndex: nil, column: column)
            var local = r
            local.form = nil
            out.append(contentsOf: FormulaEvaluator.values(of: local, in: scope))
        }
        return out
    }

    /// The instances of another form a reference reads: every one (`C[]!`), the one with the current
    /// index of a repeated form, else the only one.
    func foreignIndices(_ form: FormSpec, allForms: Bool, currentIndex: Int?) -> [Int] {
        let count = instanceCount(form.id)
        return allForms ? Array(0..<count) : (count > 0 ? [form.isRepeated ? (currentIndex ?? 0) : 0] : [])
    }

    /// The cells a compiled reference into another form stands for, by slot.
    func foreignCells(_ ref: SlotReference, currentIndex: Int?, into out: inout [Value]) {
        guard let slot = ref.form, let form = template.forms[safe: slot] else { out.append(.undefined); return }
        let entries = draft.instances(of: form.id)
        for k in foreignIndices(form, allForms: ref.allForms, currentIndex: currentIndex) {
            for rows in ref.rows {
                switch rows {
                case let .all(r):
                    for i in 0..<(entries[safe: k]?.count(of: form.compiled.rowIDs[r]) ?? 0) {
                        out.append(value(form: form, index: k, rowSlot: r, rowIndex: i, columnSlot: ref.column))
                    }
                case let .single(r), let .current(r), let .sameIndex(r):
                    out.append(value(form: form, index: k, rowSlot: r, rowIndex: nil, columnSlot: ref.column))
                }
            }
        }
    }

    /// A scope for evaluating a formula against instance `index` of `form`, with cross-form access.
    public func scopeFor(form: FormSpec, index: Int, row: String, rowIndex: Int?, column: String) -> FormulaScope {
        let entry = draft.instances(of: form.id)[safe: index] ?? FormEntry()
        return FormulaScope(
            row: row, index: rowIndex, column: column,
            local: { self.value(form: form, index: index, row: $0, rowIndex: $1, column: $2) },
            instances: { entry.count(of: $0) },
            children: { form.row($0)?.childIDs ?? [] },
            isRepeating: { form.row($0)?.repeating != nil },
            foreign: { r, c in self.foreignValues(r, column: c, currentIndex: index) },
            settings: template.settings)
    }

    /// Computes an instance's cells by slot, in the compiled order. `foreign`: the evaluation a form
    /// that reads others reads them from, `index` its instance; `previous`: the instance's values before
    /// an edit, so rows whose inputs did not change keep their review.
    static func compute(_ form: FormSpec, _ entry: FormEntry, settings: TemplateSettings,
                        foreign: Evaluation? = nil, index: Int = 0, previous: InstanceValues? = nil) -> InstanceValues {
        let compiled = form.compiled
        var values = InstanceValues()
        var computed = emptyValues(compiled, entry)
        for j in compiled.cells.indices {
            computeCell(j, compiled, entry, &computed, overflowed: &values.overflowed, foreign: foreign, index: index, settings: settings)
        }
        values.computed = computed
        guard compiled.indicatorColumns != nil else { return values }
        let reader = SlotReading(form: compiled, entry: entry, computed: computed, rowIndex: nil, foreign: nil, formIndex: index, settings: settings)
        var factsBefore: [RowInstance: IndicatorFact] = [:]
        for f in previous?.indicatorFacts ?? [] {
            if let r = compiled.row(f.row) { factsBefore[RowInstance(row: r, index: f.rowIndex)] = f }
        }
        values.reviews.reserveCapacity(compiled.indicatorRows.count)
        for (n, r) in compiled.indicatorRows.enumerated() {
            let rowID = compiled.rowIDs[r]
            let list = entry.rows[rowID] ?? []
            var reviews: [RowReview] = []
            reviews.reserveCapacity(list.count)
            for k in 0..<list.count {
                let (fact, review) = readRow(compiled, reader, list, row: r, k: k, settings: settings,
                                             oldFact: factsBefore[RowInstance(row: r, index: k)], oldReview: previous?.reviews[safe: n]?[safe: k])
                if let fact { values.indicatorFacts.append(fact) }
                reviews.append(review)
            }
            values.reviews.append(reviews)
        }
        return values
    }
}

extension Evaluation {
    /// An instance's computed values laid out (one per cell, or one per instance of its repeated row), all empty.
    static func emptyValues(_ compiled: CompiledForm, _ entry: FormEntry) -> ComputedValues {
        var computed = ComputedValues()
        computed.start.reserveCapacity(compiled.cells.count + 1)
        var total = 0
        for cell in compiled.cells {
            total += compiled.repeating[cell.row] ? entry.count(of: compiled.rowIDs[cell.row]) : 1
            computed.start.append(total)
        }
        computed.values = [Value](repeating: .empty, count: total)
        return computed
    }

    /// Computes every instance of computed cell `j` into `computed`, noting the ones that overflowed.
    static func computeCell(_ j: Int, _ compiled: CompiledForm, _ entry: FormEntry, _ computed: inout ComputedValues,
                            overflowed: inout [OverflowedCell], foreign: Evaluation?, index: Int, settings: TemplateSettings) {
        let cell = compiled.cells[j]
        let base = computed.start[j]
        for k in 0..<(computed.start[j + 1] - base) {
            let rowIndex: Int? = compiled.repeating[cell.row] ? k : nil
            let v: Value
            do {
                v = try SlotReading(form: compiled, entry: entry, computed: computed, rowIndex: rowIndex,
                                    foreign: foreign, formIndex: index, settings: settings).evaluate(cell.formula)
            } catch {
                v = .undefined
                overflowed.append(OverflowedCell(cell: j, index: rowIndex))
            }
            // The reader above holds the array only while it evaluates: written here, it is not copied.
            computed.values[base + k] = v
        }
    }

    /// Reads instance `k` of indicator row `r`: its fact (nil without a name) and its review, each the
    /// old one when what it reads is the same.
    static func readRow(_ compiled: CompiledForm, _ reader: SlotReading, _ list: [RowEntry], row r: Int, k: Int, settings: TemplateSettings,
                        oldFact: IndicatorFact?, oldReview: RowReview?) -> (IndicatorFact?, RowReview) {
        let ind = compiled.indicatorColumns!
        // An entered cell from the instance at hand, not looked up by its row again.
        func cell(_ c: Int) -> Value {
            compiled.isComputed(row: r, column: c) ? reader.local(r, k, c) : list[k].cells[compiled.columnIDs[c]]?.value ?? .empty
        }
        func text(_ c: Int) -> String? { cell(c).text.flatMap { $0.isEmpty ? nil : $0 } }
        let name = cell(ind.name).text ?? "", target = text(ind.target), actual = text(ind.actual)
        let label = list[k].label
        let fact: IndicatorFact?
        if let old = oldFact, old.isSame(name: name, target: target ?? "", actual: actual ?? "", label: label) {
            fact = old
        } else {
            fact = IndicatorFact(row: compiled.rowIDs[r], rowIndex: k, name: name, target: target ?? "", actual: actual ?? "", label: label)
        }
        let inputs = RowReview.Inputs(target: target, actual: actual, weight: cell(ind.weight).number,
                                      score: cell(ind.score).number, reason: text(ind.reason))
        if let old = oldReview, old.inputs == inputs { return (fact, old) }
        return (fact, RowReview(inputs, overAchievement: settings.overAchievement, rules: settings.review))
    }
}

/// An instance of a row by slot (a single row's is nil).
struct RowInstance: Hashable, Sendable {
    let row: Int
    let index: Int?
}

extension Array {
    /// The element at `i`, or nil past either end.
    public subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
