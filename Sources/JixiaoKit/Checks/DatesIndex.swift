/// A `dates` check (one 填报日期 for 附件2 and every project) kept for the TUI. The whole pass reads and
/// scans the date of every project on each keystroke in any of them. Here each instance's date is kept:
/// an edit reads the edited instance's again, and the problems are made again only when it changed. They
/// are made by the whole pass's code, fed the kept dates.
struct DatesIndex: Sendable {
    let spec: CheckSpec
    /// The form the check runs in: a listed cell that names no form is in its first instance.
    private let own: String
    /// By listed cell, then instance (every instance for `C[]!…`, else the one it reads): the date (nil
    /// without one, or when the instance does not count).
    private var seen: [[FormDate?]] = []
    private(set) var problems: [Problem] = []
    private var year = 0
    private var parameters: [String: String] = [:]

    /// Nil for a check that is not a `dates` one.
    init?(_ ev: Evaluation, spec: CheckSpec) {
        guard spec.kind == .dates else { return nil }
        self.spec = spec
        own = spec.at?.form ?? ev.template.forms.first?.id ?? ""
        rebuild(ev)
    }

    func reads(_ form: String) -> Bool { form == own || spec.cells.contains { $0.form == form } }

    private func formID(_ t: CheckTarget) -> String { t.form ?? own }

    /// The instances a listed cell reads, as the whole pass does (it runs in instance 0 of its form).
    private func instances(_ ev: Evaluation, _ t: CheckTarget) -> Int { t.allInstances ? ev.instanceCount(formID(t)) : 1 }

    private mutating func rebuild(_ ev: Evaluation) {
        year = ev.draft.year
        parameters = ev.draft.parameters
        seen = spec.cells.map { t in (0..<instances(ev, t)).map { Self.seen(ev, own, t, formID(t), $0) } }
        find(ev)
    }

    /// After an edit of one instance (rows added or removed in it included).
    mutating func update(_ ev: Evaluation, form: String, index: Int) {
        guard reads(form) else { return }
        guard ev.draft.year == year, ev.draft.parameters == parameters, seen.count == spec.cells.count,
              spec.cells.indices.allSatisfy({ seen[$0].count == instances(ev, spec.cells[$0]) }) else { rebuild(ev); return }
        var changed = false
        for (j, t) in spec.cells.enumerated() where formID(t) == form && index < seen[j].count {
            let new = Self.seen(ev, own, t, form, index)
            if new != seen[j][index] {
                seen[j][index] = new
                changed = true
            }
        }
        if changed { find(ev) }
    }

    private static func seen(_ ev: Evaluation, _ own: String, _ t: CheckTarget, _ formID: String, _ k: Int) -> FormDate? {
        guard let f = ev.template.form(formID), let ownForm = ev.template.form(own) else { return nil }
        return CheckContext(ev: ev, form: ownForm, index: 0).date(t, in: f, index: k)
    }

    private mutating func find(_ ev: Evaluation) {
        guard let ownForm = ev.template.form(own), ev.instanceCount(own) > 0 else { problems = []; return }
        var ctx = CheckContext(ev: ev, form: ownForm, index: 0)
        var found: [(address: CellAddress, date: FormDate)] = []
        for (j, t) in spec.cells.enumerated() {
            guard let f = ev.template.form(formID(t)) else { continue }
            for (k, s) in seen[j].enumerated() {
                if let d = s { found.append((ctx.address(t.row, nil, t.column, in: f, formIndex: k), d)) }
            }
        }
        ctx.dates(spec, found: found)
        problems = ctx.problems
    }
}
