/// Problems kept per form instance, so that after an edit only the edited instance, the forms that
/// read other forms and the cross-form checks are rerun: the TUI checks on every keystroke.
public struct LiveChecks: Sendable {
    var perInstance: [String: [[Problem]]] = [:]
    /// The same problems part by part (`Checker.parts`; nil for an instance that does not count), so a
    /// change of known cells reruns only the parts that read one of them.
    private var parts: [String: [[[Problem]]?]] = [:]
    /// What each check reads (`CheckReads`), made once for the template.
    private var reads: CheckReads?
    public private(set) var acrossForms: [Problem] = []
    /// The cross-form problems by the instance they are shown in, for the table's marks and the status
    /// line: made again only when a cross-form check's problems changed, not on every key.
    private var acrossAt: [Instance: [Problem]] = [:]
    /// Every problem in the order `all` gives, kept as the lists above are replaced.
    private var order = KeptOrder()
    /// The cross-form problems by template check, so an edit reruns only the checks that read it.
    var acrossByCheck: [[Problem]] = []
    /// The report's figures against the forms: any edit may change them (none while there is no prose).
    public private(set) var report: [Problem] = []
    /// Problems by severity, kept up to date as lists are replaced, so the title's counts cost nothing.
    private var tally: [Severity: Int] = [:]
    /// Moves whenever a list of problems may have changed (every list replaced is counted out and in),
    /// so what is made from them can be kept until it does (the TUI's report page).
    public private(set) var revision = 0

    /// Instances not checked yet, in the order they will be: opening a draft checks the form on screen
    /// first and the rest after the first frame (`checkPending`), so a large draft opens at once.
    public private(set) var pending: [Instance] = []
    /// The cross-form checks wait until every instance has been checked.
    private var acrossPending = false
    /// The cross-form checks kept by what they read (`KeptCheck`), by their place in the template's
    /// checks: an edit compares only the indicator names it touched, sums again only the projects' cells
    /// it changed, and compares the dates again only when one changed.
    private var kept: [Int: KeptCheck] = [:]
    public var isComplete: Bool { pending.isEmpty && !acrossPending }

    public typealias Instance = FormInstance

    public init(_ ev: Evaluation) { refreshAll(ev) }

    /// Checks only `first` now; every other instance and the cross-form checks wait for `checkPending`.
    public init(_ ev: Evaluation, first: Instance) {
        for form in ev.template.forms {
            let n = ev.instanceCount(form.id)
            perInstance[form.id] = Array(repeating: [], count: n)
            for k in 0..<n where Instance(form: form.id, index: k) != first { pending.append(Instance(form: form.id, index: k)) }
        }
        acrossByCheck = Array(repeating: [], count: ev.template.checks.count)
        acrossPending = true
        if let form = ev.template.form(first.form), first.index < ev.instanceCount(first.form) {
            recheck(ev, form: form, index: first.index)
        }
        settle(ev)
    }

    /// Checks up to `budget` waiting instances (and, once none is left, the cross-form checks). Returns
    /// the instances checked.
    @discardableResult
    public mutating func checkPending(_ ev: Evaluation, budget: Int) -> [Instance] {
        defer { settle(ev) }
        let batch = Array(pending.prefix(budget))
        pending.removeFirst(batch.count)
        for i in batch {
            guard let form = ev.template.form(i.form), let list = perInstance[i.form], i.index < list.count else { continue }
            recheck(ev, form: form, index: i.index)
        }
        if pending.isEmpty && acrossPending {
            acrossPending = false
            checkAllAcross(ev)
            gatherAcross()
            count(acrossForms, +1)
            // The report's figures read every form: checked with the cross-form checks, once all is read.
            refreshReport(ev)
        }
        return batch
    }

    private mutating func recheck(_ ev: Evaluation, form: FormSpec, index: Int) {
        guard let list = perInstance[form.id], index < list.count else { return }
        store(ev, form, index, Checker.parts(ev, form: form, index: index))
    }

    /// Puts an instance's problems in place, part by part, and counts them.
    private mutating func store(_ ev: Evaluation, _ form: FormSpec, _ index: Int, _ new: [[Problem]]?) {
        let n = ev.instanceCount(form.id)
        if parts[form.id]?.count != n { parts[form.id] = Array(repeating: nil, count: n) }
        if perInstance[form.id]?.count != n { perInstance[form.id] = Array(repeating: [], count: n) }
        count(perInstance[form.id]![index], -1)
        parts[form.id]![index] = new
        let list = new.map { Checker.assemble($0, ev, form: form, index: index) } ?? []
        count(list, +1)
        order.replaced(form: form.id, index: index, perInstance[form.id]![index], list)
        perInstance[form.id]![index] = list
    }

    public mutating func refreshAll(_ ev: Evaluation) {
        defer { settle(ev) }
        order.reset()
        perInstance = [:]
        parts = [:]
        tally = [:]
        pending = []
        acrossPending = false
        for form in ev.template.forms {
            for k in 0..<ev.instanceCount(form.id) { store(ev, form, k, Checker.parts(ev, form: form, index: k)) }
        }
        checkAllAcross(ev)
        gatherAcross()
        count(acrossForms, +1)
        report = ReportFigures.check(ev)
        count(report, +1)
    }

    private mutating func checkAllAcross(_ ev: Evaluation) {
        order.reset()
        kept = [:]
        acrossByCheck = ev.template.checks.enumerated().map { k, spec in checkAcross(ev, k, spec) }
    }

    /// One cross-form check from scratch; one that can be kept is indexed as it is.
    private mutating func checkAcross(_ ev: Evaluation, _ k: Int, _ spec: CheckSpec) -> [Problem] {
        guard let index = KeptCheck(ev, spec: spec) else { return Checker.checkAcrossForms(ev, spec: spec) }
        kept[k] = index
        return index.problems
    }

    private mutating func count(_ list: [Problem], _ sign: Int) {
        for p in list { tally[p.severity, default: 0] += sign }
        revision &+= 1
    }

    /// After an edit confined to one instance (its rows may have been added or removed).
    public mutating func refresh(_ ev: Evaluation, form formID: String, index: Int) {
        defer { settle(ev) }
        guard let form = ev.template.form(formID), let list = perInstance[formID], list.count == ev.instanceCount(formID),
              index >= 0, index < list.count else { refreshAll(ev); return }
        store(ev, form, index, Checker.parts(ev, form: form, index: index))
        var changed: Set<String> = [formID]
        for other in ev.template.forms where other.readsOtherForms && other.id != formID && other.formsRead.contains(formID) {
            for k in 0..<ev.instanceCount(other.id) { store(ev, other, k, Checker.parts(ev, form: other, index: k)) }
            changed.insert(other.id)
        }
        // A cross-form check that reads none of the changed forms keeps its problems (two of them sum
        // every project: rerunning them on each keystroke cost more than the edited project's own checks).
        // While instances are still waiting to be checked, the cross-form checks wait with them.
        guard !acrossPending else { return }
        if acrossByCheck.count != ev.template.checks.count {
            count(acrossForms, -1)
            checkAllAcross(ev)
            gatherAcross()
            count(acrossForms, +1)
        } else {
            var moved = false
            for (k, spec) in ev.template.checks.enumerated() where !Checker.formsRead(by: spec, template: ev.template).isDisjoint(with: changed) {
                let keep = kept[k].map { check in !changed.contains { $0 != formID && check.reads($0) } } ?? false
                if rerunAcross(ev, k, spec, instances: keep ? [(formID, index)] : nil) { moved = true }
            }
            // Most keys change no cross-form problem: the lists (1,500 warnings on a 200-project draft) stay.
            if moved { gatherAcross() }
        }
        refreshReport(ev)
    }

    /// After a change of known cells (`Evaluation.update(draft:form:index:cells:)`): reruns only the
    /// parts of the instances' checks and the cross-form checks that read a changed cell, entered or
    /// computed, and replaces just their problems; the lists keep the order of a full check.
    public mutating func refresh(_ ev: Evaluation, changes: CellChanges) {
        defer { settle(ev) }
        guard let edited = changes.origin else { return }
        let template = ev.template
        guard isComplete, acrossByCheck.count == template.checks.count,
              template.forms.allSatisfy({ parts[$0.id]?.count == ev.instanceCount($0.id) }) else {
            // While instances wait to be checked (just opened), the edited instance and what reads it.
            refresh(ev, form: template.forms[edited.form].id, index: edited.index)
            return
        }
        guard !changes.cells.isEmpty else { return }
        if reads == nil { reads = CheckReads(template) }
        let reads = self.reads!
        var byForm: [Int: Set<Int>] = [:]
        for form in template.forms {
            let keys = changes.keys(form: form.compiled.slot, width: form.compiled.columnCount)
            if !keys.isEmpty { byForm[form.compiled.slot] = keys }
        }
        // The instances changed, and every instance of a form whose checks read a changed form.
        var visit = Set(changes.cells.keys)
        for form in template.forms where !reads.formsRead[form.compiled.slot].isDisjoint(with: byForm.keys) {
            for k in 0..<ev.instanceCount(form.id) { visit.insert(InstanceSlot(form: form.compiled.slot, index: k)) }
        }
        for at in visit.sorted(by: { ($0.form, $0.index) < ($1.form, $1.index) }) {
            let form = template.forms[at.form]
            let local = Set((changes.cells[at] ?? []).map { form.compiled.key(row: $0.row, column: $0.column) })
            guard let old = parts[form.id]?[at.index] ?? nil, ev.counts(form, index: at.index) else {
                // Begun or emptied just now (an optional form): all its checks.
                let new = Checker.parts(ev, form: form, index: at.index)
                if new != nil || parts[form.id]?[at.index] != nil { store(ev, form, at.index, new) }
                continue
            }
            var list = old
            var moved = false
            var rows = Set((changes.cells[at] ?? []).map { RowInstance(row: $0.row, index: $0.index) })
            // A resized row's instances moved: what was found in them moves with them and only those added
            // are looked at (`InstanceShift`); a row changed otherwise is found again whole (in one walk).
            let resized = Set(changes.resized[at] ?? [])
            let shifts = changes.shifts[at] ?? [:]
            var dropping = Set<Int>()
            if !resized.isEmpty {
                rows = rows.filter { !resized.contains($0.row) }
                for r in resized {
                    if let shift = shifts[r] {
                        if shift.delta > 0 { for k in shift.changed { rows.insert(RowInstance(row: r, index: k)) } }
                    } else {
                        rows.insert(RowInstance(row: r, index: nil))
                        dropping.insert(r)
                    }
                }
            }
            for (p, read) in reads.parts[at.form].enumerated() where read.meets(local: local, byForm: byForm) {
                let new = Checker.rowLocal(p, form: form)
                    ? Self.splice(list[p], rows: rows, dropping: dropping, shifts: shifts, form: form) { Checker.part(p, ev, form: form, index: at.index, only: $0) }
                    : Checker.part(p, ev, form: form, index: at.index)
                if new != list[p] { list[p] = new; moved = true }
            }
            // A form nobody has begun says so once, by what it has: any change may move that.
            if moved || !local.isEmpty { store(ev, form, at.index, list) }
        }
        var moved = false
        for (k, spec) in template.checks.enumerated() where reads.across[k].meets(local: [], byForm: byForm) {
            let instances = changes.cells.keys.sorted { ($0.form, $0.index) < ($1.form, $1.index) }.map { (template.forms[$0.form].id, $0.index) }
            if rerunAcross(ev, k, spec, instances: instances) { moved = true }
        }
        if moved { gatherAcross() }
        refreshReport(ev)
    }

    /// A row-local part's problems with those of `rows` found again (`find`), in row order: the part
    /// lists its problems by row instance, so the new ones go where their row instance is. The old
    /// problems of `rows` and of every instance of the rows `dropping` go; those of a row in `shifts`
    /// move with their instance (`InstanceShift`), or go with it when it was removed.
    static func splice(_ old: [Problem], rows: Set<RowInstance>, dropping: Set<Int> = [], shifts: [Int: InstanceShift] = [:],
                       form: FormSpec, find: (RowInstance) -> [Problem]) -> [Problem] {
        let compiled = form.compiled
        func order(_ r: RowInstance) -> (Int, Int) { (r.row, r.index ?? -1) }
        func at(_ p: Problem) -> RowInstance? { p.address.flatMap { a in compiled.row(a.row).map { RowInstance(row: $0, index: a.rowIndex) } } }
        var fresh = rows.sorted { order($0) < order($1) }.map { ($0, find($0)) }[...]
        var out: [Problem] = []
        out.reserveCapacity(old.count)
        for var p in old {
            var r = at(p)
            if let was = r, let k = was.index, let shift = shifts[was.row], p.address?.form == form.id {
                guard let to = shift.destination(of: k) else { continue }
                if to != k {
                    p = p.moved(toRowIndex: to, repeatedForm: form.isRepeated)
                    r = RowInstance(row: was.row, index: to)
                }
            }
            if let r { while let (next, found) = fresh.first, order(next) < order(r) { out += found; fresh.removeFirst() } }
            if let r, rows.contains(r) || dropping.contains(r.row) { continue }
            out.append(p)
        }
        for (_, found) in fresh { out += found }
        return out
    }

    /// Runs cross-form check `k` again: one kept by what it reads from the instances changed
    /// (`instances`; nil: from scratch), any other whole. False when its problems stay the same.
    private mutating func rerunAcross(_ ev: Evaluation, _ k: Int, _ spec: CheckSpec, instances: [(String, Int)]?) -> Bool {
        let new: [Problem]
        if var check = kept[k], let instances {
            for (form, index) in instances { check.update(ev, form: form, index: index) }
            kept[k] = check
            new = check.problems
        } else {
            new = checkAcross(ev, k, spec)
        }
        return replaceAcross(k, new)
    }

    /// Puts a cross-form check's problems in place and counts them; false when they are the same.
    private mutating func replaceAcross(_ k: Int, _ new: [Problem]) -> Bool {
        guard new != acrossByCheck[k] else { return false }
        order.replaced(acrossByCheck[k], new)
        count(acrossByCheck[k], -1)
        count(new, +1)
        acrossByCheck[k] = new
        return true
    }

    /// After a change of the report's prose only: the forms' problems stay as they are.
    public mutating func refreshReport(_ ev: Evaluation) {
        defer { settle(ev) }
        let new = ReportFigures.check(ev)
        guard new != report else { return }
        order.replaced(report, new)
        count(report, -1)
        report = new
        count(report, +1)
    }

    private mutating func settle(_ ev: Evaluation) {
        order.settle(ev.template, perInstance: perInstance, acrossAt: acrossAt, acrossForms: acrossForms, report: report)
    }

    private mutating func gatherAcross() {
        acrossForms = acrossByCheck.flatMap { $0 }
        acrossAt = [:]
        for p in acrossForms {
            guard let a = p.address else { continue }
            acrossAt[Instance(form: a.form, index: a.formIndex), default: []].append(p)
        }
    }

    public func problems(form: String, index: Int) -> [Problem] { perInstance[form]?[safe: index] ?? [] }

    /// The cross-form problems shown in one instance.
    public func acrossProblems(form: String, index: Int) -> [Problem] { acrossAt[Instance(form: form, index: index)] ?? [] }

    /// Every problem, in the order of the forms (`Checker.ordered`'s).
    public func all(_ template: Template) -> [Problem] {
        // Kept in order unless a problem is placed where no instance is (`KeptOrder.settle`).
        isOrderKept ? order.list : allSortedAfresh(template)
    }

    /// Whether `all` is the kept list (every problem held is in it), not a fresh sort.
    var isOrderKept: Bool {
        var total = acrossForms.count + report.count
        for lists in perInstance.values { for list in lists { total += list.count } }
        return order.list.count == total
    }

    /// Every problem gathered and sorted, as `all` was before it kept its order: what the kept order is
    /// checked against.
    func allSortedAfresh(_ template: Template) -> [Problem] {
        var out: [Problem] = []
        for form in template.forms { for list in perInstance[form.id] ?? [] { out += list } }
        return Checker.ordered(out + acrossForms + report, template: template)
    }

    public func count(_ severity: Severity) -> Int { tally[severity] ?? 0 }
}
