/// Problems kept per form instance, so that after an edit only the edited instance, the forms that
/// read other forms and the cross-form checks are rerun: the TUI checks on every keystroke.
public struct LiveChecks: Sendable {
    var perInstance: [String: [[Problem]]] = [:]
    public private(set) var acrossForms: [Problem] = []
    /// The cross-form problems by template check, so an edit reruns only the checks that read it.
    var acrossByCheck: [[Problem]] = []

    public init(_ ev: Evaluation) { refreshAll(ev) }

    public mutating func refreshAll(_ ev: Evaluation) {
        perInstance = [:]
        for form in ev.template.forms {
            perInstance[form.id] = (0..<ev.instanceCount(form.id)).map { Checker.check(ev, form: form, index: $0) }
        }
        acrossByCheck = ev.template.checks.map { Checker.checkAcrossForms(ev, spec: $0) }
        acrossForms = acrossByCheck.flatMap { $0 }
    }

    /// After an edit confined to one instance (its rows may have been added or removed).
    public mutating func refresh(_ ev: Evaluation, form formID: String, index: Int) {
        guard let form = ev.template.form(formID), var list = perInstance[formID], list.count == ev.instanceCount(formID),
              index >= 0, index < list.count else { refreshAll(ev); return }
        list[index] = Checker.check(ev, form: form, index: index)
        perInstance[formID] = list
        var changed: Set<String> = [formID]
        for other in ev.template.forms where other.readsOtherForms && other.id != formID && other.formsRead.contains(formID) {
            perInstance[other.id] = (0..<ev.instanceCount(other.id)).map { Checker.check(ev, form: other, index: $0) }
            changed.insert(other.id)
        }
        // A cross-form check that reads none of the changed forms keeps its problems (two of them sum
        // every project: rerunning them on each keystroke cost more than the edited project's own checks).
        if acrossByCheck.count != ev.template.checks.count {
            acrossByCheck = ev.template.checks.map { Checker.checkAcrossForms(ev, spec: $0) }
        } else {
            for (k, spec) in ev.template.checks.enumerated() where !Checker.formsRead(by: spec, template: ev.template).isDisjoint(with: changed) {
                acrossByCheck[k] = Checker.checkAcrossForms(ev, spec: spec)
            }
        }
        acrossForms = acrossByCheck.flatMap { $0 }
    }

    public func problems(form: String, index: Int) -> [Problem] { perInstance[form]?[safe: index] ?? [] }

    /// Every problem, in the order of the forms.
    public func all(_ template: Template) -> [Problem] {
        var out: [Problem] = []
        for form in template.forms { for list in perInstance[form.id] ?? [] { out += list } }
        return Checker.ordered(out + acrossForms, template: template)
    }

    public func count(_ severity: Severity) -> Int {
        perInstance.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.filter { $0.severity == severity }.count } }
            + acrossForms.filter { $0.severity == severity }.count
    }
}
