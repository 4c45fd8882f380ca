/// Every problem `LiveChecks` holds, in `Checker.ordered`'s order, kept as the lists it is made from are
/// replaced. That order puts each form instance's problems together (form, then instance), from whichever
/// list they come, and the problems without a cell last, in the order they were found. So a change sorts
/// again only the instances whose problems it replaced (a few problems each) and splices them into the
/// list: opening F3 or F4 after an edit gathered and sorted every problem again (1,513 on a 200-project
/// draft, half of opening F4).
struct KeptOrder: Sendable {
    /// An instance by its form's place in the template.
    private struct Spot: Hashable { let form: Int, index: Int }

    private var order: ProblemOrder?
    /// How many problems each instance has in `list` (its bucket), by its form's place in the template,
    /// then its index: where a bucket starts is summed from these plain integers (walking the buckets
    /// themselves, kept as arrays, retained and released each of them, 200+ a key).
    private var sizes: [[Int]] = []
    /// The problems without a cell, at the end of `list`.
    private var tail: [Problem] = []
    private(set) var list: [Problem] = []
    private var dirty: Set<Spot> = []
    private var tailDirty = false
    private var whole = true

    /// Everything is gathered and sorted again at the next `settle`.
    mutating func reset() { whole = true }

    /// The instance's own problems were replaced.
    mutating func replaced(form: String, index: Int, _ old: [Problem], _ new: [Problem]) {
        guard let order, let pos = order.position(ofForm: form) else { whole = true; return }
        dirty.insert(Spot(form: pos, index: index))
        if !tailDirty, old.contains(where: { $0.address == nil }) || new.contains(where: { $0.address == nil }) { tailDirty = true }
    }

    /// Problems shown wherever their cells are (a cross-form check's, the report's) were replaced.
    mutating func replaced(_ old: [Problem], _ new: [Problem]) {
        guard let order else { whole = true; return }
        for list in [old, new] {
            for p in list {
                guard let a = p.address else { tailDirty = true; continue }
                // A place no instance of the template has is left out of the list, and `LiveChecks.all` sorts afresh.
                if let pos = order.position(ofForm: a.form) { dirty.insert(Spot(form: pos, index: a.formIndex)) }
            }
        }
    }

    /// Brings `list` up to date with the lists it is made from. A problem placed where no instance is (an
    /// instance's own check pointing into another one, or a form the template lacks) is left out of it:
    /// `LiveChecks.all` then sees fewer problems than it holds and sorts them all.
    mutating func settle(_ template: Template, perInstance: [String: [[Problem]]], acrossAt: [FormInstance: [Problem]],
                         acrossForms: [Problem], report: [Problem]) {
        guard !whole, let order, sizes.count == template.forms.count,
              template.forms.indices.allSatisfy({ sizes[$0].count == perInstance[template.forms[$0].id]?.count ?? 0 }) else {
            let order = self.order ?? ProblemOrder(template)
            self.order = order
            let buckets = template.forms.enumerated().map { pos, form in
                (perInstance[form.id] ?? []).indices.map { bucket(order, template, pos, $0, perInstance, acrossAt, report) }
            }
            sizes = buckets.map { $0.map(\.count) }
            tail = Self.tail(template, perInstance, acrossForms, report)
            list = buckets.flatMap { $0.flatMap { $0 } } + tail
            whole = false
            dirty = []
            tailDirty = false
            return
        }
        if tailDirty {
            let new = Self.tail(template, perInstance, acrossForms, report)
            list.replaceSubrange((list.count - tail.count)..., with: new)
            tail = new
            tailDirty = false
        }
        let spots = dirty.filter { $0.index >= 0 && $0.index < sizes[$0.form].count }.sorted { ($0.form, $0.index) > ($1.form, $1.index) }
        dirty = []
        guard !spots.isEmpty else { return }
        var starts = sizes.map { _ in [Int]() }
        var at = 0
        for (f, counts) in sizes.enumerated() {
            starts[f].reserveCapacity(counts.count)
            for n in counts { starts[f].append(at); at += n }
        }
        // From the end, so the places of the buckets still to splice do not move.
        for s in spots {
            let new = bucket(order, template, s.form, s.index, perInstance, acrossAt, report)
            let start = starts[s.form][s.index]
            list.replaceSubrange(start..<(start + sizes[s.form][s.index]), with: new)
            sizes[s.form][s.index] = new.count
        }
    }

    /// The problems shown at one instance, in order: its own, then the cross-form checks' and the
    /// report's placed there, as `Checker.ordered` finds them.
    private func bucket(_ order: ProblemOrder, _ template: Template, _ pos: Int, _ index: Int, _ perInstance: [String: [[Problem]]],
                        _ acrossAt: [FormInstance: [Problem]], _ report: [Problem]) -> [Problem] {
        let id = template.forms[pos].id
        func here(_ p: Problem) -> Bool { p.address.map { $0.form == id && $0.formIndex == index } ?? false }
        var out = (perInstance[id]?[index] ?? []).filter(here)
        out += acrossAt[FormInstance(form: id, index: index)] ?? []
        out += report.filter(here)
        return out.count < 2 ? out : order.sorted(out)
    }

    /// The problems without a cell, in the order they were found.
    private static func tail(_ template: Template, _ perInstance: [String: [[Problem]]], _ acrossForms: [Problem], _ report: [Problem]) -> [Problem] {
        var out: [Problem] = []
        for form in template.forms { for list in perInstance[form.id] ?? [] { out += list.filter { $0.address == nil } } }
        return out + acrossForms.filter { $0.address == nil } + report.filter { $0.address == nil }
    }
}
