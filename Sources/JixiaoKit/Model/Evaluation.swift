import Foundation

/// Key of a computed cell within one form instance.
struct CellKey: Hashable, Sendable {
    let row: String
    let index: Int
    let column: String
    init(_ row: String, _ index: Int?, _ column: String) {
        self.row = row
        self.index = index ?? -1
        self.column = column
    }
}

/// The computed cells of one form instance.
public struct InstanceValues: Sendable {
    var computed: [CellKey: Value] = [:]
    /// Each indicator row read once (`RowReview`), by row and index. Arrays of exactly the rows: a
    /// dictionary by cell held twice the room for these large values (3.8 MB on a 200-project draft).
    var reviews: [String: [RowReview]] = [:]
    /// The named indicator rows, in row order, for the comparison across forms (`sameIndicators`).
    public internal(set) var indicatorFacts: [IndicatorFact] = []
    /// Computed cells whose own formula overflowed (held as undefined, reported by the checks).
    var overflowed: Set<CellKey> = []
}

/// Every value of a draft: entered cells as parsed, computed cells from the template's formulas.
/// Computed cells depend only on their own form instance, so an edit recomputes one instance
/// (`recompute(form:index:)`), which keeps a 200-project draft instant.
public struct Evaluation: Sendable {
    public let template: Template
    public private(set) var draft: Draft
    var forms: [String: [InstanceValues]] = [:]
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
        let partial = only.map { ids in !template.forms.contains { ids.contains($0.id) && $0.readsOtherForms } } ?? false
        computeMissing(only: partial ? only : nil)
    }

    /// Computes the forms a partial evaluation left out; the ones computed already are kept.
    public mutating func complete() {
        if !isComplete { computeMissing(only: nil) }
    }

    private mutating func computeMissing(only: Set<String>?) {
        let settings = template.settings
        for form in template.forms where !form.readsOtherForms && forms[form.id] == nil && only?.contains(form.id) != false {
            forms[form.id] = Parallel.map(draft.instances(of: form.id)) { Self.compute(form, $0, settings: settings) }
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
            forms[form.id] = draft.instances(of: form.id).enumerated().map { k, entry in
                Self.compute(form, entry, settings: template.settings,
                             foreign: { r, c in snapshot.foreignValues(r, column: c, currentIndex: k) })
            }
        }
    }

    /// Replaces the draft after an edit confined to one form instance and recomputes only that one.
    public mutating func update(draft newDraft: Draft, form formID: String, index: Int) {
        draft = newDraft
        guard let form = template.form(formID) else { return }
        let entries = draft.instances(of: formID)
        var list = forms[formID] ?? []
        if list.count != entries.count {
            list = entries.map { Self.compute(form, $0, settings: template.settings) }
        } else if index >= 0 && index < entries.count {
            list[index] = Self.compute(form, entries[index], settings: template.settings, previous: list[index])
        }
        if !form.readsOtherForms { forms[formID] = list }
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
        forms[form.id]?[safe: index]?.reviews[row]?[safe: rowIndex]
    }

    /// The named indicator rows of an instance. An optional form not begun has none: it has no rows.
    public func indicatorFacts(form: String, index: Int) -> [IndicatorFact] {
        forms[form]?[safe: index]?.indicatorFacts ?? []
    }

    /// Whether an instance counts for checks and printouts: always, unless its form is optional and
    /// nothing has been entered in it yet.
    public func counts(_ form: FormSpec, index: Int) -> Bool {
        guard form.optional else { return true }
        guard let e = draft.instances(of: form.id)[safe: index] else { return false }
        return !e.cells.isEmpty || e.rows.values.contains { !$0.isEmpty }
    }

    /// The value of a cell; `.empty` for a cell the row does not have.
    public func value(_ a: CellAddress) -> Value {
        guard let form = template.form(a.form) else { return .undefined }
        return value(form: form, index: a.formIndex, row: a.row, rowIndex: a.rowIndex, column: a.column)
    }

    public func value(form: FormSpec, index: Int, row: String, rowIndex: Int?, column: String) -> Value {
        let entries = draft.instances(of: form.id)
        guard index >= 0, index < entries.count else { return .empty }
        if let spec = form.row(row), spec.formulas[column] != nil {
            return forms[form.id]?[index].computed[CellKey(row, rowIndex, column)] ?? .empty
        }
        if column == CellAddress.labelColumn, let rowIndex {
            return entries[index].rows[row]?[safe: rowIndex]?.label.map(Value.text) ?? .empty
        }
        return entries[index].entry(row: row, index: rowIndex, column: column)?.value ?? .empty
    }

    /// Values a reference into another form stands for (used by cross-form checks and rubrics).
    public func foreignValues(_ r: Reference, column: String, currentIndex: Int?) -> [Value] {
        guard let formID = r.form, let form = template.form(formID) else { return [.undefined] }
        let count = instanceCount(formID)
        let indices: [Int] = r.allForms ? Array(0..<count) : (count > 0 ? [form.isRepeated ? (currentIndex ?? 0) : 0] : [])
        var out: [Value] = []
        // A named row (`C[]!total.actual`) is read directly: building a scope per instance cost ~25k
        // instructions each, and the cross-form checks read every project on every keystroke.
        switch r.row {
        case let .named(row), let .allInstances(row):
            let c: String
            switch r.column { case let .named(name): c = name; case .current: c = column }
            let repeating = form.row(row)?.repeating != nil
            let entries = draft.instances(of: formID)
            for k in indices {
                if repeating {
                    for i in 0..<(entries[safe: k]?.count(of: row) ?? 0) { out.append(value(form: form, index: k, row: row, rowIndex: i, column: c)) }
                } else {
                    out.append(value(form: form, index: k, row: row, rowIndex: nil, column: c))
                }
            }
            return out
        default: break
        }
        for k in indices {
            let scope = scopeFor(form: form, index: k, row: "", rowIndex: nil, column: column)
            var local = r
            local.form = nil
            out.append(contentsOf: FormulaEvaluator.values(of: local, in: scope))
        }
        return out
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

    /// `previous`: the instance's values before an edit, so rows whose inputs did not change keep their review.
    static func compute(_ form: FormSpec, _ entry: FormEntry, settings: TemplateSettings,
                        foreign: ((Reference, String) -> [Value])? = nil, previous: InstanceValues? = nil) -> InstanceValues {
        var values = InstanceValues()
        func local(_ row: String, _ index: Int?, _ column: String) -> Value {
            if let spec = form.row(row), spec.formulas[column] != nil {
                return values.computed[CellKey(row, index, column)] ?? .empty
            }
            return entry.entry(row: row, index: index, column: column)?.value ?? .empty
        }
        for cell in form.evaluationOrder {
            guard let spec = form.row(cell.row) else { continue }
            let indices: [Int?] = spec.repeating == nil ? [nil] : (0..<entry.count(of: cell.row)).map { $0 }
            for idx in indices {
                let scope = FormulaScope(
                    row: cell.row, index: idx, column: cell.column,
                    local: local,
                    instances: { entry.count(of: $0) },
                    children: { form.row($0)?.childIDs ?? [] },
                    isRepeating: { form.row($0)?.repeating != nil },
                    foreign: foreign, settings: settings)
                let key = CellKey(cell.row, idx, cell.column)
                do { values.computed[key] = try FormulaEvaluator.evaluateChecked(cell.formula, in: scope) } catch {
                    values.computed[key] = .undefined
                    values.overflowed.insert(key)
                }
            }
        }
        if let ind = form.indicators {
            var factsBefore: [CellKey: IndicatorFact] = [:]
            for f in previous?.indicatorFacts ?? [] { factsBefore[CellKey(f.row, f.rowIndex, "")] = f }
            for row in form.rows where row.sectionID == ind.section && row.repeating != nil {
                var reviews: [RowReview] = []
                reviews.reserveCapacity(entry.count(of: row.id))
                for k in 0..<entry.count(of: row.id) {
                    func text(_ c: String) -> String? { local(row.id, k, c).text.flatMap { $0.isEmpty ? nil : $0 } }
                    let name = local(row.id, k, ind.name).text ?? "", target = text(ind.target), actual = text(ind.actual)
                    let label = entry.rows[row.id]?[safe: k]?.label
                    if let old = factsBefore[CellKey(row.id, k, "")], old.isSame(name: name, target: target ?? "", actual: actual ?? "", label: label) {
                        values.indicatorFacts.append(old)
                    } else if let fact = IndicatorFact(row: row.id, rowIndex: k, name: name, target: target ?? "", actual: actual ?? "", label: label) {
                        values.indicatorFacts.append(fact)
                    }
                    let inputs = RowReview.Inputs(target: target, actual: actual, weight: local(row.id, k, ind.weight).number,
                                                  score: local(row.id, k, ind.score).number, reason: text(ind.reason))
                    if let old = previous?.reviews[row.id]?[safe: k], old.inputs == inputs {
                        reviews.append(old)
                    } else {
                        reviews.append(RowReview(inputs, overAchievement: settings.overAchievement, rules: settings.review))
                    }
                }
                if !reviews.isEmpty { values.reviews[row.id] = reviews }
            }
        }
        return values
    }
}

extension Array {
    /// The element at `i`, or nil past either end.
    public subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
