import Foundation

/// Runs every check of a template over an evaluated draft. Per-instance checks can be rerun for
/// one form instance after an edit; the cross-form checks are cheap and always rerun.
public enum Checker {
    public static func check(_ ev: Evaluation) -> [Problem] {
        var instances: [(form: FormSpec, index: Int)] = []
        for form in ev.template.forms {
            for k in 0..<ev.instanceCount(form.id) { instances.append((form, k)) }
        }
        var out = Parallel.map(instances) { check(ev, form: $0.form, index: $0.index) }.flatMap { $0 }
        out += checkAcrossForms(ev)
        out += ReportFigures.check(ev)
        return ordered(out, template: ev.template)
    }

    /// Problems in the order of the paper forms (form, project, row, column), errors first within a cell.
    public static func ordered(_ ps: [Problem], template: Template) -> [Problem] {
        ProblemOrder(template).sorted(ps)
    }

    /// Problems of one form instance.
    public static func check(_ ev: Evaluation, form: FormSpec, index: Int) -> [Problem] {
        guard let parts = parts(ev, form: form, index: index) else { return [] }
        return assemble(parts, ev, form: form, index: index)
    }

    /// The checks every instance gets before its form's own (`part`), each a part of its problems.
    static let alwaysOnParts = 5

    /// An instance's problems part by part (the always-on checks, then each of the form's checks), so a
    /// change reruns only the parts that read what it changed (`CheckReads`); nil for an instance that
    /// does not count (an optional form not begun).
    static func parts(_ ev: Evaluation, form: FormSpec, index: Int) -> [[Problem]]? {
        guard ev.counts(form, index: index) else { return nil }
        return (0..<(alwaysOnParts + form.checks.count)).map { part($0, ev, form: form, index: index) }
    }

    /// `only`: just this row instance's problems, for a part that is `rowLocal`.
    static func part(_ p: Int, _ ev: Evaluation, form: FormSpec, index: Int, only: RowInstance? = nil) -> [Problem] {
        var ctx = CheckContext(ev: ev, form: form, index: index)
        ctx.only = only
        switch p {
        case 0: ctx.invalidEntries()
        case 1: ctx.carriedCells()
        case 2: ctx.beyondRange()
        case 3: ctx.requiredColumns()
        case 4: ctx.percentPoints()
        default: ctx.run(form.checks[p - alwaysOnParts])
        }
        return ctx.problems
    }

    /// Whether a part's problems of a row instance are found in that row instance's typed cells alone
    /// and located there, in row order: after a change it is rerun for the row instances changed only.
    static func rowLocal(_ p: Int, form: FormSpec) -> Bool {
        switch p {
        case 0, 1, 3: return true
        case 2, 4: return false
        default:
            let spec = form.checks[p - alwaysOnParts]
            switch spec.kind {
            case .placeholder, .textArithmetic: return true
            case .textRates: return spec.value == nil
            default: return false
            }
        }
    }

    /// The parts' problems in their order, as one list: a form nobody has begun says so once.
    static func assemble(_ parts: [[Problem]], _ ev: Evaluation, form: FormSpec, index: Int) -> [Problem] {
        var ctx = CheckContext(ev: ev, form: form, index: index)
        ctx.problems = parts.flatMap { $0 }
        ctx.quietIfNotBegun()
        return ctx.problems
    }

    public static func checkAcrossForms(_ ev: Evaluation) -> [Problem] {
        var out: [Problem] = []
        for spec in ev.template.checks { out += checkAcrossForms(ev, spec: spec) }
        return out
    }

    /// One of the template's cross-form checks. `kept`: the values of references into other forms where
    /// the caller keeps them (`SumsIndex`), nil for those it does not.
    public static func checkAcrossForms(_ ev: Evaluation, spec: CheckSpec, kept: ((Reference, String) -> [Value]?)? = nil) -> [Problem] {
        let formID = spec.at?.form ?? ev.template.forms.first?.id ?? ""
        guard let form = ev.template.form(formID), ev.instanceCount(formID) > 0 else { return [] }
        var ctx = CheckContext(ev: ev, form: form, index: 0)
        ctx.keptForeign = kept
        ctx.run(spec)
        guard !ctx.problems.isEmpty, let set = incompleteSet(ev, spec) else { return ctx.problems }
        // A total over projects not all entered yet differs from the right figure: saying so, instead of
        // asking to change that figure, keeps the accountant from "correcting" a right number.
        return ctx.problems.map { p in
            guard [.equal, .atLeast, .atMost].contains(spec.kind) else { return p }
            let repeated = p.address.flatMap { ev.template.form($0.form)?.isRepeated } ?? false
            return Problem(severity: .info, address: p.address,
                           finding: .incompleteSet(check: spec.label, form: set.form, entered: set.entered, total: set.total),
                           repeatedForm: repeated, wholeForm: p.wholeForm)
        }
    }

    /// The first repeated form a check sums over (`C[]!…`) that has instances whose summed cells are
    /// still empty: its id, and how many of its instances are entered.
    static func incompleteSet(_ ev: Evaluation, _ spec: CheckSpec) -> (form: String, entered: Int, total: Int)? {
        for f in [spec.left, spec.right].compactMap({ $0 }) {
            for r in f.references where r.allForms {
                guard let id = r.form, let form = ev.template.form(id), case let .named(row) = r.row,
                      case let .named(column) = r.column else { continue }
                let total = ev.instanceCount(id)
                let entered = (0..<total).filter { ev.value(form: form, index: $0, row: row, rowIndex: nil, column: column).isFilled }.count
                if entered < total { return (id, entered, total) }
            }
        }
        return nil
    }

    /// The forms a cross-form check reads: every form it names, and the form it runs in only when a cell
    /// or reference names no form, or the check's kind reads it anyway. 附件1 being the form the
    /// template's checks run in made every keystroke there rerun the checks that compare the projects.
    static func formsRead(by spec: CheckSpec, template: Template) -> Set<String> {
        let own = spec.at?.form ?? template.forms.first?.id ?? ""
        var out = Set(spec.forms)
        let namesItsForms: Set<CheckSpec.Kind> = [.equal, .atLeast, .atMost, .required, .dates, .sameIndicators]
        // A problem's location is worded where it is shown, from the draft of that moment, so a check that
        // names its forms need not run again when only its own form's instance name changed.
        var readsOwn = !namesItsForms.contains(spec.kind) || spec.eachRow != nil
        for f in [spec.left, spec.right, spec.detail, spec.value].compactMap({ $0 }) {
            for r in f.references { if let id = r.form { out.insert(id) } else { readsOwn = true } }
        }
        for t in spec.cells { if let id = t.form { out.insert(id) } else { readsOwn = true } }
        if readsOwn { out.insert(own) }
        return out
    }
}
