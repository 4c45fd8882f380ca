/// A `sameIndicators` check kept by indicator name, for the TUI. The whole pass compares every
/// indicator of 附件2 with every 附件3: on a 200-project draft that was most of a keystroke. Here an
/// edit of one instance reads that instance's facts (kept by the evaluation), and compares again only
/// the names whose rows in it changed; the problems of every other name stay as they were.
struct SameIndicatorsIndex: Sendable {
    let spec: CheckSpec
    private let left: String
    private let right: String

    /// What an instance contributed when it was last compared: its named rows, and its name in the
    /// messages of the other side.
    private struct Seen: Sendable, Equatable {
        var facts: [IndicatorFact] = []
        var formName = ""
    }
    private var seen: [String: [Seen]] = [:]
    /// Which instances of each side have a row of a name (normalised).
    private var holders: [String: (left: Set<Int>, right: Set<Int>)] = [:]
    private var byName: [String: [Problem]] = [:]
    /// Labels in messages follow the year and the draft's parameters: a change of either compares all again.
    private var year = 0
    private var parameters: [String: String] = [:]

    /// Nil for a check that is not a `sameIndicators` one.
    init?(_ ev: Evaluation, spec: CheckSpec) {
        guard spec.kind == .sameIndicators else { return nil }
        self.spec = spec
        left = spec.forms.first ?? ""
        right = spec.forms.count == 2 ? spec.forms[1] : ""
        rebuild(ev)
    }

    /// The problems, grouped by name (in no particular order: the problem list sorts them). Gathered again
    /// only when a name's changed: on a 200-project draft they are 1,500, and `LiveChecks` compares them
    /// with the last ones (the same array costs nothing to compare).
    private(set) var problems: [Problem] = []

    func reads(_ form: String) -> Bool { form == left || form == right }

    private mutating func rebuild(_ ev: Evaluation) {
        seen = [:]
        holders = [:]
        byName = [:]
        problems = []
        year = ev.draft.year
        parameters = ev.draft.parameters
        guard CheckContext.comparedForms(spec, ev.template) != nil else { return }
        for form in Set([left, right]) {
            seen[form] = (0..<ev.instanceCount(form)).map { Self.seen(ev, form, $0) }
            for (k, s) in (seen[form] ?? []).enumerated() { hold(form, k, s.facts, true) }
        }
        for name in holders.keys { compare(ev, name) }
        problems = byName.values.flatMap { $0 }
    }

    /// After an edit of one instance (rows added or removed in it included).
    mutating func update(_ ev: Evaluation, form: String, index: Int) {
        guard reads(form) else { return }
        guard ev.draft.year == year, ev.draft.parameters == parameters,
              seen[left]?.count == ev.instanceCount(left), seen[right]?.count == ev.instanceCount(right),
              let old = seen[form]?[safe: index] else { rebuild(ev); return }
        let new = Self.seen(ev, form, index)
        guard new != old else { return }
        var names = Set<String>()
        if new.formName != old.formName {
            // The other side's messages name this instance.
            for f in old.facts + new.facts { names.insert(f.key) }
        } else {
            let before = Dictionary(grouping: old.facts, by: \.key), after = Dictionary(grouping: new.facts, by: \.key)
            for name in Set(before.keys).union(after.keys) where before[name] != after[name] { names.insert(name) }
        }
        hold(form, index, old.facts, false)
        seen[form]?[index] = new
        hold(form, index, new.facts, true)
        var moved = false
        for name in names {
            let old = byName[name]
            compare(ev, name)
            if byName[name] != old { moved = true }
        }
        if moved { problems = byName.values.flatMap { $0 } }
    }

    private static func seen(_ ev: Evaluation, _ form: String, _ index: Int) -> Seen {
        guard let f = ev.template.form(form) else { return Seen() }
        let facts = ev.indicatorFacts(form: form, index: index)
        return Seen(facts: facts, formName: facts.isEmpty ? "" : Labels(template: ev.template, draft: ev.draft).instanceName(f, index: index) ?? "")
    }

    private mutating func hold(_ form: String, _ index: Int, _ facts: [IndicatorFact], _ holding: Bool) {
        for name in Set(facts.map(\.key)) {
            var h = holders[name] ?? ([], [])
            if form == left { if holding { h.left.insert(index) } else { h.left.remove(index) } }
            if form == right { if holding { h.right.insert(index) } else { h.right.remove(index) } }
            holders[name] = h.left.isEmpty && h.right.isEmpty ? nil : h
        }
    }

    /// The rows of one name on both sides, compared in the order the whole pass does.
    private mutating func compare(_ ev: Evaluation, _ name: String) {
        guard let h = holders[name], !h.left.isEmpty, !h.right.isEmpty,
              let (first, second) = CheckContext.comparedForms(spec, ev.template) else { byName[name] = nil; return }
        func rows(_ form: FormSpec, _ indices: Set<Int>) -> [CheckContext.IndicatorFacts] {
            indices.sorted().flatMap { k in
                (seen[form.id]?[safe: k]?.facts ?? []).filter { $0.key == name }.map { CheckContext.IndicatorFacts(index: k, fact: $0) }
            }
        }
        var ctx = CheckContext(ev: ev, form: first, index: 0)
        let rights = rows(second, h.right)
        for l in rows(first, h.left) { ctx.compare(spec, first, l, second, rights) }
        byName[name] = ctx.problems.isEmpty ? nil : ctx.problems
    }
}
