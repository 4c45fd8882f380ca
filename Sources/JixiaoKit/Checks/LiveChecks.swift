/// Problems kept per form instance, so that after an edit only the edited instance, the forms that
/// read other forms and the cross-form checks are rerun: the TUI checks on every keystroke.
public struct LiveChecks: Sendable {
    var perInstance: [String: [[Problem]]] = [:]
    public private(set) var acrossForms: [Problem] = []
    /// The cross-form problems by the instance they are shown in, for the table's marks and the status
    /// line: made again only when a cross-form check's problems changed, not on every key.
    private var acrossAt: [Instance: [Problem]] = [:]
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
    }

    /// Checks up to `budget` waiting instances (and, once none is left, the cross-form checks). Returns
    /// the instances checked.
    @discardableResult
    public mutating func checkPending(_ ev: Evaluation, budget: Int) -> [Instance] {
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
        guard var list = perInstance[form.id], index < list.count else { return }
        count(list[index], -1)
        list[index] = Checker.check(ev, form: form, index: index)
        count(list[index], +1)
        perInstance[form.id] = list
    }

    public mutating func refreshAll(_ ev: Evaluation) {
        perInstance = [:]
        tally = [:]
        pending = []
        acrossPending = false
        for form in ev.template.forms {
            let lists = (0..<ev.instanceCount(form.id)).map { Checker.check(ev, form: form, index: $0) }
            for list in lists { count(list, +1) }
            perInstance[form.id] = lists
        }
        checkAllAcross(ev)
        gatherAcross()
        count(acrossForms, +1)
        report = ReportFigures.check(ev)
        count(report, +1)
    }

    private mutating func checkAllAcross(_ ev: Evaluation) {
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
        guard let form = ev.template.form(formID), var list = perInstance[formID], list.count == ev.instanceCount(formID),
              index >= 0, index < list.count else { refreshAll(ev); return }
        count(list[index], -1)
        list[index] = Checker.check(ev, form: form, index: index)
        count(list[index], +1)
        perInstance[formID] = list
        var changed: Set<String> = [formID]
        for other in ev.template.forms where other.readsOtherForms && other.id != formID && other.formsRead.contains(formID) {
            for old in perInstance[other.id] ?? [] { count(old, -1) }
            let lists = (0..<ev.instanceCount(other.id)).map { Checker.check(ev, form: other, index: $0) }
            for new in lists { count(new, +1) }
            perInstance[other.id] = lists
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
                let new: [Problem]
                if var check = kept[k], !changed.contains(where: { $0 != formID && check.reads($0) }) {
                    check.update(ev, form: formID, index: index)
                    kept[k] = check
                    new = check.problems
                } else {
                    new = checkAcross(ev, k, spec)
                }
                guard new != acrossByCheck[k] else { continue }
                count(acrossByCheck[k], -1)
                count(new, +1)
                acrossByCheck[k] = new
                moved = true
            }
            // Most keys change no cross-form problem: the lists (1,500 warnings on a 200-project draft) stay.
            if moved { gatherAcross() }
        }
        refreshReport(ev)
    }

    /// After a change of the report's prose only: the forms' problems stay as they are.
    public mutating func refreshReport(_ ev: Evaluation) {
        count(report, -1)
        report = ReportFigures.check(ev)
        count(report, +1)
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

    /// Every problem, in the order of the forms.
    public func all(_ template: Template) -> [Problem] {
        var out: [Problem] = []
        for form in template.forms { for list in perInstance[form.id] ?? [] { out += list } }
        return Checker.ordered(out + acrossForms + report, template: template)
    }

    public func count(_ severity: Severity) -> Int { tally[severity] ?? 0 }
}
