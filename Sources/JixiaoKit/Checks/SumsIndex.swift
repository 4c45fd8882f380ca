/// A cross-form `equal`/`atLeast`/`atMost` check that sums over every instance of a repeated form
/// (`sum(C[]!total.actual)`), kept for the TUI. The whole pass reads the summed cells of every project
/// on each keystroke in 附件1 or 附件2, and in any project. Here the values each instance gives every
/// such reference are kept: an edit of one project reads that project's cells again, and the check is
/// evaluated again only when they changed (or when the edit was in a form the check reads directly).
/// The evaluation itself is the whole pass's, fed the kept values, so the problems are the same.
struct SumsIndex: Sendable {
    let spec: CheckSpec
    /// One reference over every instance, with the column it was asked for (`@` binds one).
    private struct Key: Hashable, Sendable {
        let reference: Reference
        let column: String
    }
    private let keys: [Key]
    /// Forms read through `C[]!…` only, and forms read otherwise (the form it runs in, other references).
    private let summed: Set<String>
    private let direct: Set<String>
    /// The values each instance gives each key, and their concatenation in instance order.
    private var perInstance: [Key: [[Value]]] = [:]
    private var joined: [Key: [Value]] = [:]
    private(set) var problems: [Problem] = []
    /// Labels in messages follow the year and the draft's parameters: a change of either checks again.
    private var year = 0
    private var parameters: [String: String] = [:]

    /// Nil for a check that sums over no repeated form.
    init?(_ ev: Evaluation, spec: CheckSpec) {
        guard [.equal, .atLeast, .atMost].contains(spec.kind) else { return nil }
        let refs = [spec.left, spec.right, spec.detail].compactMap { $0 }.flatMap(\.references)
        let columns = spec.columns.isEmpty ? [spec.at?.column ?? ""] : spec.columns
        var keys: [Key] = []
        var summed = Set<String>(), direct = Set<String>()
        for r in refs {
            guard let id = r.form else { continue }
            guard r.allForms, ev.template.form(id)?.isRepeated == true else { direct.insert(id); continue }
            summed.insert(id)
            switch r.column {
            case let .named(c): keys.append(Key(reference: r, column: c))
            case .current: keys += columns.map { Key(reference: r, column: $0) }
            }
        }
        guard !keys.isEmpty else { return nil }
        let own = spec.at?.form ?? ev.template.forms.first?.id ?? ""
        direct.insert(own)
        for t in spec.cells { direct.insert(t.form ?? own) }
        self.spec = spec
        self.keys = Array(Set(keys))
        self.summed = summed
        self.direct = direct
        rebuild(ev)
    }

    func reads(_ form: String) -> Bool { summed.contains(form) || direct.contains(form) }

    private mutating func rebuild(_ ev: Evaluation) {
        year = ev.draft.year
        parameters = ev.draft.parameters
        perInstance = [:]
        joined = [:]
        for key in keys {
            let lists = (0..<ev.instanceCount(key.reference.form ?? "")).map { Self.values(ev, key, $0) }
            perInstance[key] = lists
            joined[key] = lists.flatMap { $0 }
        }
        evaluate(ev)
    }

    /// After an edit of one instance (rows added or removed in it included).
    mutating func update(_ ev: Evaluation, form: String, index: Int) {
        guard reads(form) else { return }
        guard ev.draft.year == year, ev.draft.parameters == parameters,
              keys.allSatisfy({ perInstance[$0]?.count == ev.instanceCount($0.reference.form ?? "") }) else { rebuild(ev); return }
        var changed = false
        for key in keys where key.reference.form == form {
            guard var lists = perInstance[key], index >= 0, index < lists.count else { rebuild(ev); return }
            let new = Self.values(ev, key, index)
            guard new != lists[index] else { continue }
            lists[index] = new
            perInstance[key] = lists
            joined[key] = lists.flatMap { $0 }
            changed = true
        }
        if changed || direct.contains(form) { evaluate(ev) }
    }

    private mutating func evaluate(_ ev: Evaluation) {
        let kept = joined
        problems = Checker.checkAcrossForms(ev, spec: spec) { r, c in kept[Key(reference: r, column: c)] }
    }

    /// What one instance gives a reference over every instance: the all-instances pass reads each in turn.
    private static func values(_ ev: Evaluation, _ key: Key, _ index: Int) -> [Value] {
        var one = key.reference
        one.allForms = false
        return ev.foreignValues(one, column: key.column, currentIndex: index)
    }
}
