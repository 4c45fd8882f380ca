import Foundation

extension CheckContext {
    /// One indicator row, as the comparison across forms needs it.
    struct IndicatorFacts {
        let form: FormSpec
        let index: Int
        let row: String
        let rowIndex: Int
        let name: String
        let target: String
        let actual: String
    }

    /// The same 三级指标 in 附件2 and a 附件3 is one fact: its 年度指标值 and 实际完成值 must agree. A
    /// difference is a warning at both places, each naming the other. Values agree when they read as
    /// the same target or measure (≥5500份 and ≥ 5500 份), or as the same text once spaces and
    /// punctuation are dropped.
    mutating func sameIndicators(_ spec: CheckSpec) {
        guard spec.forms.count == 2, let first = ev.template.form(spec.forms[0]), let second = ev.template.form(spec.forms[1]) else { return }
        let left = (0..<ev.instanceCount(first.id)).flatMap { indicatorFacts(first, $0) }
        var right: [String: [IndicatorFacts]] = [:]
        for k in 0..<ev.instanceCount(second.id) { for f in indicatorFacts(second, k) { right[Self.key(f.name), default: []].append(f) } }
        for l in left {
            for r in right[Self.key(l.name)] ?? [] where !(r.form.id == l.form.id && r.index == l.index) {
                guard let ind = l.form.indicators, let rind = r.form.indicators else { continue }
                if !Self.sameTarget(l.target, r.target) {
                    differs(spec, l, ind.target, r, rind.target, what: labels.columnLabel(l.form, row: l.form.row(l.row)!, column: ind.target), l.target, r.target)
                }
                if !Self.sameActual(l.actual, r.actual) {
                    differs(spec, l, ind.actual, r, rind.actual, what: labels.columnLabel(l.form, row: l.form.row(l.row)!, column: ind.actual), l.actual, r.actual)
                }
            }
        }
    }

    private mutating func differs(_ spec: CheckSpec, _ l: IndicatorFacts, _ lc: String, _ r: IndicatorFacts, _ rc: String,
                                  what: String, _ lv: String, _ rv: String) {
        let la = address(l.row, l.rowIndex, lc, in: l.form, formIndex: l.index)
        let ra = address(r.row, r.rowIndex, rc, in: r.form, formIndex: r.index)
        report(spec.severity, la, CheckText.indicatorDiffers(name: l.name, what: what, here: lv, there: rv, other: formName(r.form, r.index)), code: "sameIndicator")
        report(spec.severity, ra, CheckText.indicatorDiffers(name: r.name, what: what, here: rv, there: lv, other: formName(l.form, l.index)), code: "sameIndicator")
    }

    /// 附件3-1（业务工作经费）: the form and, for a project, its name.
    private func formName(_ f: FormSpec, _ k: Int) -> String {
        labels.formShort(f, index: k) + (labels.instanceName(f, index: k).map { "（\($0)）" } ?? "")
    }

    /// The indicator rows of one form instance with a name, a target or an actual filled; rows with
    /// neither value are not compared (a row being typed).
    private func indicatorFacts(_ f: FormSpec, _ k: Int) -> [IndicatorFacts] {
        guard let ind = f.indicators, ev.counts(f, index: k) else { return [] }
        let entry = ev.draft.instances(of: f.id)[safe: k] ?? FormEntry()
        var out: [IndicatorFacts] = []
        for row in f.rows where row.sectionID == ind.section && row.repeating != nil {
            for i in 0..<entry.count(of: row.id) {
                func v(_ c: String) -> String { ev.value(form: f, index: k, row: row.id, rowIndex: i, column: c).text ?? "" }
                let name = v(ind.name)
                guard !Self.key(name).isEmpty else { continue }
                out.append(IndicatorFacts(form: f, index: k, row: row.id, rowIndex: i, name: name.trimmed, target: v(ind.target), actual: v(ind.actual)))
            }
        }
        return out
    }

    /// A name or value with spaces, punctuation and symbols dropped and full-width folded: Word wraps
    /// 人事人才\n档案管理数, and people write 无挪用，专项专用 and 无挪用专项专用.
    static func key(_ s: String) -> String {
        String(String.UnicodeScalarView(FullWidth.fold(s).unicodeScalars.filter {
            !($0.properties.isWhitespace || $0.properties.generalCategory.isPunctuation)
        }))
    }

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

private extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
