import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// The forms on the left: 附件1, 附件2, 附件3-1 … by project name, each with its progress
/// (filled / required) and problem counts. Only the visible entries are computed.
enum OutlineView {
    static func draw(_ sc: inout Screen, _ s: AppState, in rect: Rect) {
        let all = App.allInstances(s)
        let labels = Labels(template: s.template, draft: s.draft)
        // While the outline has the focus, the highlight is on the form being chosen.
        let chosen: Int? = if case let .outline(selected) = s.overlay { selected } else { nil }
        let currentAt = chosen ?? all.position(form: s.focus.form, index: s.focus.formIndex)
        let kept = s.outlineKept.version == s.draftVersion && s.outlineKept.checks == s.checks.revision && s.outlineKept.width == rect.width
        for line in 0..<rect.height {
            let k = s.outlineScroll + line
            guard k < all.count else { break }
            let current = currentAt == k
            let row = rect.row + line
            // An entry `keep` drew is copied, except the highlighted one.
            let (formID, index) = all[k]
            if kept, !current, let drawn = s.outlineKept.line(LiveChecks.Instance(form: formID, index: index)) {
                sc.paste(drawn, row: row, col: rect.col)
                continue
            }
            if formID == ReportPage.form {
                let (tail, tailStyle) = reportTail(s)
                entry(&sc, OutlineEntry(UIText.Report.outlineName, tail: tail, style: tailStyle, width: rect.width), row: row, in: rect, current: current)
                continue
            }
            guard let form = s.template.form(formID) else { continue }
            let e = (kept ? s.outlineKept.entry(LiveChecks.Instance(form: formID, index: index)) : nil) ?? texts(s, labels, form, index, width: rect.width)
            entry(&sc, e, row: row, in: rect, current: current)
        }
        sc.vline(row: rect.row, col: rect.col + rect.width, height: rect.height, style: .muted)
    }

    /// What the outline's cells are drawn from: the draft and the problems (the entries), where it
    /// stands, which entry is highlighted.
    struct Drawn: Equatable, Sendable {
        let version: Int, checks: Int
        let rect: Rect
        let scroll: Int
        let form: String, index: Int
        let chosen: Int?

        init(_ s: AppState, in rect: Rect) {
            version = s.draftVersion
            checks = s.checks.revision
            self.rect = rect
            scroll = s.outlineScroll
            form = s.focus.form
            index = s.focus.formIndex
            chosen = if case let .outline(selected) = s.overlay { selected } else { nil }
        }
    }

    /// What an instance's entry says: its name, and its progress and problem counts.
    static func texts(_ s: AppState, _ labels: Labels, _ form: FormSpec, _ index: Int, width: Int) -> OutlineEntry {
        texts(labels, form, index, inputs(s, labels, form, index), width: width)
    }

    static func texts(_ labels: Labels, _ form: FormSpec, _ index: Int, _ inputs: OutlineEntry.Inputs, width: Int) -> OutlineEntry {
        var name = labels.formShort(form, index: index)
        if form.isRepeated { name += " " + (inputs.name ?? UIText.App.unnamed(form.repeated?.noun ?? "")) }
        let errors = inputs.errors, warnings = inputs.warnings
        // An optional form nobody has begun (a 评分表) is offered, not counted as unfinished.
        let tail = !inputs.counts ? " " + UIText.App.optionalForm
            : " \(inputs.filled)/\(inputs.required)" + (errors > 0 ? " ✗\(errors)" : "") + (errors == 0 && warnings > 0 ? " !\(warnings)" : "")
        return OutlineEntry(name, tail: tail, style: errors > 0 ? .error : (warnings > 0 ? .warning : .muted), width: width, inputs: inputs)
    }

    /// What an instance's entry is made from, besides the year and the parameters.
    /// `same`: inputs made before from this instance's draft entry as it still is, whose name, progress
    /// and whether it counts are taken again (reading the name was most of an edit's outline); its
    /// problems are counted afresh, since the checks of one instance may read another.
    static func inputs(_ s: AppState, _ labels: Labels, _ form: FormSpec, _ index: Int, same: OutlineEntry.Inputs? = nil) -> OutlineEntry.Inputs {
        if let same { return inputs(s, form: form.id, index, same: same) }
        let (errors, warnings) = problemCounts(s, form: form.id, index)
        let p = s.progressOf(form: form.id, index: index)
        return OutlineEntry.Inputs(name: form.isRepeated ? labels.instanceName(form, index: index) : nil, filled: p.filled, required: p.required,
                                   errors: errors, warnings: warnings, counts: s.evaluation.counts(form, index: index))
    }

    /// `inputs` with `same`, by the form's id: no spec is read (copying one per entry was more than a
    /// quarter of keeping the 200-project draft's outline).
    static func inputs(_ s: AppState, form id: String, _ index: Int, same: OutlineEntry.Inputs) -> OutlineEntry.Inputs {
        let (errors, warnings) = problemCounts(s, form: id, index)
        return OutlineEntry.Inputs(name: same.name, filled: same.filled, required: same.required, errors: errors, warnings: warnings, counts: same.counts)
    }

    static func problemCounts(_ s: AppState, form id: String, _ index: Int) -> (errors: Int, warnings: Int) {
        var errors = 0, warnings = 0
        for problem in s.checks.problems(form: id, index: index) {
            if problem.severity == .error { errors += 1 } else if problem.severity == .warning { warnings += 1 }
        }
        return (errors, warnings)
    }

    /// The visible entries' texts and lines, kept by `update`: an arrow key copies them, and after a
    /// change of the draft or of the problems an entry is made again only when what it shows changed.
    static func keep(_ s: inout AppState) {
        let rect = View.outlineRect(s)
        // The instances whose draft entries may differ from those the kept entries were made from: after
        // a change of known cells or rows, those the change touched; nil when any may (`AppState.cellLog`).
        if s.outlineKept.version != s.draftVersion || s.outlineKept.checks != s.checks.revision || s.outlineKept.width != rect.width {
            // (Checks that arrive after the first frame move their instances' progress too: nil then.)
            let touched = s.outlineKept.version != s.draftVersion ? s.cellLog.instances(since: s.outlineKept.version) : nil
            s.outlineKept.begin(version: s.draftVersion, checks: s.checks.revision, width: rect.width, year: s.draft.year,
                                parameters: s.draft.parameters, touched: touched)
        }
        // Nothing new to show since the last time: an arrow key within the form.
        let shown = OutlineKept.Shown(scroll: s.outlineScroll, height: rect.height)
        if s.outlineKept.shown == shown { return }
        let all = App.allInstances(s)
        let labels = Labels(template: s.template, draft: s.draft)
        let visible = s.outlineScroll..<min(all.count, s.outlineScroll + max(0, rect.height))
        // Entries scrolled far away are let go: what is kept stays a few screens.
        if s.outlineKept.kept.count > 4 * max(1, visible.count) {
            let shown = Set(visible.map { LiveChecks.Instance(form: all[$0].form, index: all[$0].index) })
            s.outlineKept.kept = s.outlineKept.kept.filter { shown.contains($0.key) }
        }
        let at = Rect(row: 0, col: 0, height: 1, width: rect.width)
        let generation = s.outlineKept.generation, base = s.outlineKept.base
        let forms = s.template.forms
        var slots: [String: Int] = [:]
        for k in visible {
            let (formID, index) = all[k]
            let i = LiveChecks.Instance(form: formID, index: index)
            // An entry made or found right since the last change stays; one made before it is compared
            // where it lies, and only an entry whose inputs moved is made again.
            // Found once: an entry still right has its generation moved in place, not hashed for again.
            let found = s.outlineKept.kept.index(forKey: i)
            let previous = found.flatMap { s.outlineKept.kept[$0].value.base == base ? s.outlineKept.kept[$0].value : nil }
            if let p = previous, p.generation == generation { continue }
            // The report's tail moves only with the sections written and its warnings, which most keys
            // leave as they were.
            var slot: Int?
            let inputs: OutlineEntry.Inputs
            if formID == ReportPage.form {
                inputs = reportInputs(s)
            } else {
                guard let k = slots[formID] ?? forms.firstIndex(where: { $0.id == formID }) else { continue }
                slots[formID] = k
                slot = k
                let same = previous?.generation == generation - 1
                    ? s.outlineKept.touched.flatMap { $0.contains(InstanceSlot(form: k, index: index)) ? nil : previous?.entry.inputs } : nil
                inputs = same.map { Self.inputs(s, form: formID, index, same: $0) } ?? Self.inputs(s, labels, forms[k], index)
            }
            if let p = previous, p.entry.inputs == inputs {
                if let found { s.outlineKept.kept.values[found].generation = generation }
                continue
            }
            let e: OutlineEntry
            if let slot {
                e = texts(labels, forms[slot], index, inputs, width: rect.width)
            } else {
                let (tail, tailStyle) = reportTail(inputs)
                e = OutlineEntry(UIText.Report.outlineName, tail: tail, style: tailStyle, width: rect.width, inputs: inputs)
            }
            var line = Screen(rows: 1, cols: rect.width + 1)
            entry(&line, e, row: 0, in: at, current: false)
            line.vline(row: 0, col: rect.width, height: 1, style: .muted)
            s.outlineKept.kept[i] = OutlineKept.Kept(entry: e, line: line, generation: generation, base: base)
        }
        s.outlineKept.shown = shown
    }

    /// One entry: the name, cut to leave room for the tail (progress and problems) at the right.
    static func entry(_ sc: inout Screen, _ e: OutlineEntry, row: Int, in rect: Rect, current: Bool) {
        if current { sc.fill(Rect(row: row, col: rect.col, height: 1, width: rect.width), style: .focus) }
        sc.put(e.name, row: row, col: rect.col + 1, style: current ? .focus : .normal)
        sc.put(e.tail, row: row, col: rect.col + rect.width - e.tailWidth, style: current ? .focus : e.style)
    }

    /// The report after the forms: sections written of all, and the warnings on its figures.
    static func reportTail(_ s: AppState) -> (String, CellStyle) { reportTail(reportInputs(s)) }

    /// What the report's tail is made from: the sections written of all, and the warnings.
    static func reportInputs(_ s: AppState) -> OutlineEntry.Inputs {
        var written = 0, total = 0
        // By index: iterating the sections would copy each spec.
        if let sections = s.template.report?.sections {
            total = sections.count
            for k in sections.indices where !(s.draft.report[sections[k].id] ?? "").isEmpty { written += 1 }
        }
        return OutlineEntry.Inputs(name: nil, filled: written, required: total, errors: 0, warnings: s.checks.report.count, counts: false)
    }

    static func reportTail(_ i: OutlineEntry.Inputs) -> (String, CellStyle) {
        (UIText.Report.progress(written: i.filled, of: i.required, warnings: i.warnings), i.warnings > 0 ? .warning : .muted)
    }
}

/// One entry at a width: the name cut to leave room for the tail (progress and problems) at the right.
struct OutlineEntry: Sendable {
    /// What the entry was made from besides the year and the parameters.
    struct Inputs: Equatable, Sendable {
        let name: String?
        let filled: Int, required: Int, errors: Int, warnings: Int
        let counts: Bool
    }

    let name: String
    let tail: String
    let tailWidth: Int
    let style: CellStyle
    let width: Int
    let inputs: Inputs?

    init(_ name: String, tail: String, style: CellStyle, width: Int, inputs: Inputs? = nil) {
        self.inputs = inputs
        tailWidth = DisplayWidth.width(of: tail)
        self.name = DisplayWidth.truncate(name, toWidth: width - tailWidth - 1, ellipsis: "…")
        self.tail = tail
        self.style = style
        self.width = width
    }
}

/// The outline's entries as last drawn, for the draft version, the problems and the width they were
/// made for: their texts, and each entry drawn alone (not highlighted, with the rule on its right), by
/// instance. A change starts a new generation; an entry is drawn as kept only once `keep` has made it, or
/// found it still right, in the current one.
struct OutlineKept: Sendable {
    var version = -1
    var checks = -1
    var width = -1
    var year = 0
    var parameters: [String: String] = [:]
    /// Moves with every change of the draft, the problems or the width.
    var generation = 0
    /// Moves with the width, the year and the parameters, which every entry's text depends on: an entry
    /// of an older base is made again whatever its inputs.
    var base = 0
    /// The instances whose draft entries the change that began this generation may have touched
    /// (`AppState.cellLog`); nil when any may have.
    var touched: Set<InstanceSlot>?
    var kept: [LiveChecks.Instance: Kept] = [:]

    struct Kept: Sendable {
        let entry: OutlineEntry
        let line: Screen
        var generation: Int
        let base: Int
    }

    /// The entries `keep` last made sure of (for the version, problems and width above).
    struct Shown: Equatable, Sendable { let scroll: Int, height: Int }
    var shown: Shown?

    /// A new generation, for a change of the draft, the problems or the width; a new base too when what
    /// every entry's text depends on moved.
    mutating func begin(version: Int, checks: Int, width: Int, year: Int, parameters: [String: String], touched: Set<InstanceSlot>?) {
        if width != self.width || year != self.year || parameters != self.parameters {
            base += 1
            (self.width, self.year, self.parameters) = (width, year, parameters)
        }
        (self.version, self.checks, self.touched) = (version, checks, touched)
        generation += 1
        shown = nil
    }

    /// An entry as it is in this generation, nil when it is not known to be.
    func entry(_ i: LiveChecks.Instance) -> OutlineEntry? {
        kept[i].flatMap { $0.generation == generation && $0.base == base ? $0.entry : nil }
    }

    func line(_ i: LiveChecks.Instance) -> Screen? {
        kept[i].flatMap { $0.generation == generation && $0.base == base ? $0.line : nil }
    }
}
