import Foundation

extension CheckContext {
    /// One named indicator row of an instance of a form known from the context.
    struct IndicatorFacts {
        let index: Int
        let fact: IndicatorFact
    }

    /// The same 三级指标 in 附件2 and a 附件3 is one fact: its 年度指标值 and 实际完成值 must agree. A
    /// difference is a warning at both places, each naming the other. Values agree when they read as
    /// the same target or measure (≥5500份 and ≥ 5500 份), or as the same text once spaces and
    /// punctuation are dropped. The TUI keeps this check by name (`SameIndicatorsIndex`); this whole
    /// pass is what it must always equal.
    mutating func sameIndicators(_ spec: CheckSpec) {
        guard let (first, second) = Self.comparedForms(spec, ev.template) else { return }
        // Only the names the first form has can differ: the rows of the second are kept for those alone.
        var names = Set<String>()
        for k in 0..<ev.instanceCount(first.id) { for f in ev.indicatorFacts(form: first.id, index: k) { names.insert(f.key) } }
        var right: [String: [IndicatorFacts]] = [:]
        for k in 0..<ev.instanceCount(second.id) {
            for f in ev.indicatorFacts(form: second.id, index: k) where names.contains(f.key) { right[f.key, default: []].append(IndicatorFacts(index: k, fact: f)) }
        }
        for k in 0..<ev.instanceCount(first.id) {
            for f in ev.indicatorFacts(form: first.id, index: k) { compare(spec, first, IndicatorFacts(index: k, fact: f), second, right[f.key] ?? []) }
        }
    }

    /// The two forms a `sameIndicators` check compares, when both have indicator rows.
    static func comparedForms(_ spec: CheckSpec, _ template: Template) -> (FormSpec, FormSpec)? {
        guard spec.forms.count == 2, let first = template.form(spec.forms[0]), let second = template.form(spec.forms[1]),
              first.indicators != nil, second.indicators != nil else { return nil }
        return (first, second)
    }

    /// One row of the first form against the rows of the same name in the second, in their order.
    mutating func compare(_ spec: CheckSpec, _ lf: FormSpec, _ l: IndicatorFacts, _ rf: FormSpec, _ rights: [IndicatorFacts]) {
        guard let ind = lf.indicators, let rind = rf.indicators, let row = lf.row(l.fact.row) else { return }
        for r in rights where !(rf.id == lf.id && r.index == l.index) {
            if !Self.sameTarget(l.fact.target, r.fact.target) {
                differs(spec, (lf, l), ind.target, (rf, r), rind.target, what: ColumnRef(form: lf.id, row: row.id, column: ind.target), l.fact.target, r.fact.target)
            }
            if !Self.sameActual(l.fact.actual, r.fact.actual) {
                differs(spec, (lf, l), ind.actual, (rf, r), rind.actual, what: ColumnRef(form: lf.id, row: row.id, column: ind.actual), l.fact.actual, r.fact.actual)
            }
        }
    }

    private mutating func differs(_ spec: CheckSpec, _ left: (FormSpec, IndicatorFacts), _ lc: String, _ right: (FormSpec, IndicatorFacts), _ rc: String,
                                  what: ColumnRef, _ lv: String, _ rv: String) {
        let (lf, l) = left, (rf, r) = right
        let la = address(l.fact.row, l.fact.rowIndex, lc, in: lf, formIndex: l.index)
        let ra = address(r.fact.row, r.fact.rowIndex, rc, in: rf, formIndex: r.index)
        report(spec.severity, la, .indicatorDiffers(name: l.fact.name, column: what, here: lv, there: rv, other: FormInstance(form: rf.id, index: r.index)))
        report(spec.severity, ra, .indicatorDiffers(name: r.fact.name, column: what, here: rv, there: lv, other: FormInstance(form: lf.id, index: l.index)))
    }

    /// A name or value normalised for comparison (`IndicatorFact.normalised`).
    static func key(_ s: String) -> String { IndicatorFact.normalised(s) }

    /// Empty on either side is not a difference: the row is still being filled.
    static func sameTarget(_ a: String, _ b: String) -> Bool {
        if a.isBlank || b.isBlank { return true }
        if case .quantitative = TargetReader.readTarget(a), TargetReader.readTarget(a) == TargetReader.readTarget(b) { return true }
        return key(a) == key(b)
    }

    static func sameActual(_ a: String, _ b: String) -> Bool {
        if a.isBlank || b.isBlank { return true }
        if let x = TargetReader.readActual(a), let y = TargetReader.readActual(b), x == y { return true }
        return key(a) == key(b)
    }
}
