/// Problems kept per form instance, so that after an edit only the edited instance, the forms that
/// read other forms and the cross-form checks are rerun: the TUI checks on every keystroke.
public struct LiveChecks: Sendable {
    var perInstance: [String: [[Problem]]] = [:]
    public private(set) var acrossForms: [Problem] = []
    /// The cross-form problems by template check, so an edit reruns only the checks that read it.
    var acrossByCheck: [[Problem]] = []
    /// The report's figures against the forms: any edit may change them (none while there is no prose).
    var report: [Problem] = []
    /// Problems by severity, kept up to date as lists are replaced, so the title's counts cost nothing.
    private var tally: [Severity: Int] = [:]

    public init(_ ev: Evaluation) { refreshAll(ev) }

    public mutating func refreshAll(_ ev: Evaluation) {
        perInstance = [:]
        tally = [:]
        for form in ev.template.forms {
            let lists = (0..<ev.instanceCount(form.id)).map { Checker.check(ev, form: form, index: $0) }
            for list in lists { count(list, +1) }
            perInstance[form.id] = lists
        }
        acrossByCheck = ev.template.checks.map { Checker.checkAcrossForms(ev, spec: $0) }
        acrossForms = acrossByCheck.flatMap { $0 }
        count(acrossForms, +1)
        report = ReportFigures.check(ev)
        count(report, +1)
    }

    private mutating func count(_ list: [Problem], _ sign: Int) {
        for p in list { tally[p.severity, default: 0] += sign }
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
        count(acrossForms, -1)
        if acrossByCheck.count != ev.template.checks.count {
            acrossByCheck = ev.template.checks.map { Checker.checkAcrossForms(ev, spec: $0) }
        } else {
            for (k, spec) in ev.template.checks.enumerated() where !Checker.formsRead(by: spec, template: ev.template).isDisjoint(with: changed) {
                acrossByCheck[k] = Checker.checkAcrossForms(ev, spec: spec)
            }
        }
        acrossForms = acrossByCheck.flatMap { $0 }
        count(acrossForms, +1)
        count(report, -1)
        report = ReportFigures.check(ev)
        count(report, +1)
    }

    public func problems(form: String, index: Int) -> [Problem] { perInstance[form]?[safe: index] ?? [] }

    /// Every problem, in the order of the forms.
    public func all(_ template: Template) -> [Problem] {
        var out: [Problem] = []
        for form in template.forms { for list in perInstance[form.id] ?? [] { out += list } }
        return Checker.ordered(out + acrossForms + report, template: template)
    }

    public func count(_ severity: Severity) -> Int { tally[severity] ?? 0 }
}
