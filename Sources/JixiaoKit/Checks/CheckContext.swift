import Foundation

/// The state of checking one form instance: where we are, and the problems found so far.
struct CheckContext {
    let ev: Evaluation
    let form: FormSpec
    let index: Int
    var problems: [Problem] = []
    /// Values of references into other forms kept by the caller (`SumsIndex`); the rest are read from `ev`.
    var keptForeign: ((Reference, String) -> [Value]?)?
    /// Only this row instance's cells (a repeated row's every instance when its index is nil), for a
    /// check rerun on the rows a change touched (`Checker.rowLocal`).
    var only: RowInstance?

    init(ev: Evaluation, form: FormSpec, index: Int) {
        self.ev = ev
        self.form = form
        self.index = index
    }

    var entry: FormEntry { ev.draft.instances(of: form.id)[safe: index] ?? FormEntry() }
    var tolerance: Decimal { ev.template.settings.tolerance }

    mutating func report(_ severity: Severity, _ a: CellAddress?, _ finding: Finding) {
        let repeated = a.flatMap { ev.template.form($0.form)?.isRepeated } ?? false
        problems.append(Problem(severity: severity, address: a, finding: finding, repeatedForm: repeated,
                                wholeForm: a == nil ? FormInstance(form: form.id, index: index) : nil))
    }

    func address(_ row: String, _ rowIndex: Int?, _ column: String, in f: FormSpec? = nil, formIndex: Int? = nil) -> CellAddress {
        CellAddress(form: (f ?? form).id, formIndex: formIndex ?? index, row: row, rowIndex: rowIndex, column: column)
    }

    func kind(of column: String, row: String, in f: FormSpec? = nil) -> CellKind {
        let compiled = (f ?? form).compiled
        guard let r = compiled.row(row) else { return .decimal }
        return compiled.column(column).flatMap { compiled.kind(row: r, column: $0) } ?? .text
    }

    /// Every (row, instance) of the form, single rows with nil.
    func rowInstances() -> [(RowSpec, Int?)] {
        form.rows.flatMap { r -> [(RowSpec, Int?)] in
            r.repeating == nil ? [(r, nil)] : (0..<entry.count(of: r.id)).map { (r, $0) }
        }
    }

    /// Every cell of the instance, with its kind and what was typed (`FormCells`).
    func cells(names: Bool = false) -> FormCells { FormCells(form, entry, names: names, only: only) }

    // MARK: Always-on checks

    mutating func invalidEntries() {
        for cell in cells() where !cell.computed {
            let (row, idx, c) = (cell.row, cell.rowIndex, cell.column.id)
            switch cell.entered {
            case let .invalid(s)?:
                let k = cell.kind
                report(.error, address(row.id, idx, c), .notANumber(input: s, kind: k))
            case let .number(d)?:
                implausibleNumber(d, kind: cell.kind, at: address(row.id, idx, c))
            default:
                break
            }
        }
    }

    /// Cells `jixiao next` carried over from last year and nobody has set since: a note, not an error.
    mutating func carriedCells() {
        guard entry.hasCarried else { return }
        for cell in cells() where entry.isCarried(row: cell.row.id, index: cell.rowIndex, column: cell.column.id) {
            let (row, idx, c) = (cell.row, cell.rowIndex, cell.column.id)
            report(.info, address(row.id, idx, c), .carried)
        }
    }

    /// A number typed into a cell that holds amounts: negative where no amount can be, or with more
    /// decimals than the form shows (2.585 万元 would print as 2.59 without a word).
    mutating func implausibleNumber(_ d: Decimal, kind: CellKind, at a: CellAddress) {
        switch kind {
        case .money, .count, .area:
            if d < 0 { report(.warning, a, .negative(d, kind: kind)) }
            if kind == .money, d.rounded(2) != d {
                report(.warning, a, .tooManyDecimals(d))
            }
        default:
            break
        }
    }

    /// Computed cells whose formula overflowed: an error at the cell, which shows "—".
    mutating func beyondRange() {
        guard let cells = ev.forms[form.compiled.slot][safe: index]?.overflowed, !cells.isEmpty else { return }
        let compiled = form.compiled
        for o in cells {
            let cell = compiled.cells[o.cell]
            report(.error, address(compiled.rowIDs[cell.row], o.index, compiled.columnIDs[cell.column]), .beyondRange(check: nil))
        }
    }

    /// Required cells left empty: one problem per row (at its first empty cell) naming them all, so an
    /// untouched indicator row is one problem, not five.
    mutating func requiredColumns() {
        var missing: [String] = []
        var open: FormCell? = nil
        for cell in cells(names: true) {
            if let o = open, o.row.slot != cell.row.slot || o.rowIndex != cell.rowIndex {
                requiredRow(o.row.id, o.rowIndex, missing)
                missing = []
            }
            open = cell
            // A named instance (a special fund, an institution) is known by its name: `fields` marks
            // it required, and a fund's figures without one cannot be told apart from the next fund's.
            if cell.isLabel, cell.entered?.value.text?.isBlank ?? true {
                let a = address(cell.row.id, cell.rowIndex, CellAddress.labelColumn)
                report(.error, a, .required(columns: [CellAddress.labelColumn]))
            } else if !cell.isLabel, !cell.computed, cell.required, !(cell.entered?.value.isFilled ?? false) {
                missing.append(cell.column.id)
            }
        }
        if let o = open { requiredRow(o.row.id, o.rowIndex, missing) }
    }

    /// The required cells of one row instance left empty, as one problem at the first.
    mutating func requiredRow(_ row: String, _ idx: Int?, _ missing: [String]) {
        guard let first = missing.first else { return }
        report(.error, address(row, idx, first), .required(columns: missing))
    }

    /// A form instance nobody has typed into yet: its problems (必填, and sums over nothing) become one,
    /// which says so, at its first cell to fill.
    mutating func quietIfNotBegun() {
        let e = entry
        // What the program filled in itself (the unit's name, a project's name from F9) is no start.
        let given = Set([ev.template.unitNameCell, form.repeated?.nameCell].compactMap { $0?.description })
        let begun = e.cells.contains { row, cols in cols.contains { $0.value != .text("") && !given.contains("\(row).\($0.key)") } }
            || e.rows.values.contains { $0.contains { $0.label?.isEmpty == false || $0.cells.values.contains { $0 != .text("") } } }
        // A begun instance (nearly every one, once typed into) keeps its list without it being looked through.
        guard !begun else { return }
        let required = problems.filter { $0.code == "required" }
        // A form whose missing cells are only warnings (a rubric listing what is still to find) keeps its list.
        guard required.count > 1, required.contains(where: { $0.severity == .error }) else { return }
        let a = required[0].address
        problems = [Problem(severity: .error, address: a, finding: .notBegun(required: required.count), repeatedForm: form.isRepeated,
                            wholeForm: FormInstance(form: form.id, index: index))]
    }

    // MARK: Template checks

    mutating func run(_ spec: CheckSpec) {
        switch spec.kind {
        case .equal, .atLeast, .atMost: compare(spec)
        case .required:
            for t in spec.cells {
                let (f, fi) = targetForm(t)
                guard let f, let fi else { continue }
                if !ev.value(form: f, index: fi, row: t.row, rowIndex: nil, column: t.column).isFilled {
                    report(spec.severity, address(t.row, nil, t.column, in: f, formIndex: fi), .required(columns: [t.column]))
                }
            }
        case .indicators: indicators(spec)
        case .placeholder: placeholders(spec)
        case .year: years(spec)
        case .dates: dates(spec)
        case .sameIndicators: sameIndicators(spec)
        case .textArithmetic: textArithmetic(spec)
        case .textRates: textRates(spec)
        }
    }

    /// `ev.scopeFor`, reading the references the caller keeps from what it keeps.
    func foreignScope(form: FormSpec, index: Int, row: String, rowIndex: Int?, column: String) -> FormulaScope {
        var scope = ev.scopeFor(form: form, index: index, row: row, rowIndex: rowIndex, column: column)
        if let kept = keptForeign, let read = scope.foreign { scope.foreign = { r, c in kept(r, c) ?? read(r, c) } }
        return scope
    }

    func targetForm(_ t: CheckTarget) -> (FormSpec?, Int?) {
        guard let id = t.form else { return (form, index) }
        guard let f = ev.template.form(id), ev.instanceCount(id) > 0 else { return (nil, nil) }
        return (f, 0)
    }

    mutating func compare(_ spec: CheckSpec) {
        guard let left = spec.left, let right = spec.right else { return }
        let columns = spec.columns.isEmpty ? [spec.at?.column ?? ""] : spec.columns
        // What `_` stands for: each instance of the `each` row, each listed single row, or nothing.
        let bindings: [(row: String, index: Int?)] = spec.eachRow.map { r in (0..<entry.count(of: r)).map { (r, Optional($0)) } }
            ?? (spec.rows.isEmpty ? [("", nil)] : spec.rows.map { ($0, nil) })
        for (boundRow, idx) in bindings {
            for col in columns {
                let scope = foreignScope(form: form, index: index, row: boundRow, rowIndex: idx, column: col)
                let at = spec.at
                let (f, fi) = at.map(targetForm) ?? (form, index)
                let row = at.map { $0.row == "_" ? boundRow : $0.row } ?? ""
                let column = at?.column == "@" ? col : (at?.column ?? col)
                let a: CellAddress? = (f != nil && at != nil) ? address(row, at?.row == "_" ? idx : nil, column, in: f, formIndex: fi) : nil
                let l: Value, r: Value
                do {
                    l = try FormulaEvaluator.evaluateChecked(left, in: scope)
                    r = try FormulaEvaluator.evaluateChecked(right, in: scope)
                } catch {
                    report(.error, a, .beyondRange(check: spec.label))
                    continue
                }
                if spec.kind == .equal, l.number == nil || r.number == nil, let s = l.text, let t = r.text {
                    // Two texts (评价等次 against grade(总分)): compared as typed, trimmed, full-width folded.
                    if !s.isBlank, !t.isBlank,
                       !FormulaEvaluator.same(l, r) {
                        report(spec.severity, a, .textDiffers(check: spec.label, found: s, expected: t))
                    }
                    continue
                }
                guard let x = l.number, let y = r.number else { continue }
                let k = a.map { kind(of: $0.column, row: $0.row, in: f) } ?? .money
                let diff = x - y
                let detail = spec.detail.flatMap { FormulaEvaluator.evaluate($0, in: scope).text }
                switch spec.kind {
                case .equal where abs(diff) > tolerance:
                    report(spec.severity, a, .notEqual(check: spec.label, found: l, expected: r, kind: k, detail: detail))
                case .atLeast where diff < -tolerance:
                    report(spec.severity, a, .tooSmall(check: spec.label, found: l, bound: r, kind: k, detail: detail))
                case .atMost where diff > (k == .percent ? 0 : tolerance):
                    report(spec.severity, a, .tooLarge(check: spec.label, found: l, bound: r, kind: k, detail: detail))
                default: break
                }
            }
        }
    }

    mutating func placeholders(_ spec: CheckSpec) {
        let patterns = ev.template.settings.placeholderPatterns
        for cell in cells() where !cell.computed {
            let (row, idx, c) = (cell.row, cell.rowIndex, cell.column.id)
            guard case let .text(s)? = cell.entered else { continue }
            if let p = patterns.first(where: { s.containsLiteral($0) }) {
                report(spec.severity, address(row.id, idx, c), .placeholder(pattern: p, text: String(s.prefix(30))))
            }
        }
    }

    /// The typed texts a text check reads: of `columns`, or of every column (of `rows` when listed).
    func typedTexts(_ spec: CheckSpec) -> [(row: String, index: Int?, column: String, text: String)] {
        var out: [(row: String, index: Int?, column: String, text: String)] = []
        for cell in cells() where !cell.computed && (spec.rows.isEmpty || spec.rows.contains(cell.row.id))
            && (spec.columns.isEmpty || spec.columns.contains(cell.column.id)) {
            if case let .text(s)? = cell.entered { out.append((cell.row.id, cell.rowIndex, cell.column.id, s)) }
        }
        return out
    }

    mutating func textRates(_ spec: CheckSpec) {
        if let value = spec.value {
            for t in typedTexts(spec) {
                // The text first: most state no rate, and the form's rate is a formula read through a scope
                // (5% of a cold validate of the large draft when it was read for every text).
                let named = TextRates.named(in: t.text, words: spec.words)
                guard !named.isEmpty else { continue }
                let scope = ev.scopeFor(form: form, index: index, row: t.row, rowIndex: t.index, column: t.column)
                guard let computed = FormulaEvaluator.evaluate(value, in: scope).number else { continue }
                for r in named where computed.rounded(r.places) != r.value {
                    report(spec.severity, address(t.row, t.index, t.column),
                           .rateDiffersFromForm(sentence: r.sentence, quote: r.quote, check: spec.label, computed: computed))
                }
            }
            return
        }
        for t in typedTexts(spec) {
            for r in TextRates.contradictions(in: t.text) {
                report(spec.severity, address(t.row, t.index, t.column), .statedRate(r))
            }
        }
    }

    mutating func textArithmetic(_ spec: CheckSpec) {
        for (row, idx, c, s) in typedTexts(spec) {
            for sum in TextArithmetic.contradictions(in: s) {
                report(spec.severity, address(row, idx, c),
                       .statedSum(sentence: String(sum.sentence.prefix(40)), total: sum.total, parts: sum.parts, unit: sum.unit))
            }
        }
    }

    mutating func years(_ spec: CheckSpec) {
        let allowed = spec.allowedYearOffsets.map { ev.draft.year + $0 }
        var targets: [(String, Int?, String)] = spec.cells.map { ($0.row, nil, $0.column) }
        if spec.cells.isEmpty {
            for (row, idx) in rowInstances() {
                for c in spec.columns where row.columnIDs.contains(c) { targets.append((row.id, idx, c)) }
            }
        }
        for (row, idx, c) in targets {
            guard let s = ev.value(form: form, index: index, row: row, rowIndex: idx, column: c).text else { continue }
            for y in YearScan.years(in: s) where !allowed.contains(y) {
                report(spec.severity, address(row, idx, c), .wrongYear(found: y, allowed: allowed))
                break
            }
        }
    }
}

/// Finds four-digit years (1990–2099) written in text: "2023年", "2024.5.30", "2024-05-30", and
/// "2020 年" with spaces before 年 (text pasted from a PDF or a converted Word file).
enum YearScan {
    /// A quick look first: a year is four digits in a row, of either width (folding makes digits of
    /// nothing else), and most texts have none. The full reading folds the text and splits it into
    /// characters: 6% of a cold `validate` of a 200-project draft (perf) when it ran on every text.
    static func years(in s: String) -> [Int] {
        var run = 0
        for u in s.unicodeScalars {
            if FullWidth.isDigit(u) {
                run += 1
                if run == 4 { return read(s) }
            } else {
                run = 0
            }
        }
        return []
    }

    /// `years` without the quick look: what it must always equal.
    static func read(_ s: String) -> [Int] {
        let ds = Array(FullWidth.fold(s))
        var out: [Int] = []
        var i = 0
        while i < ds.count {
            if ds[i].isASCII, ds[i].isNumber {
                var j = i
                while j < ds.count, ds[j].isASCII, ds[j].isNumber { j += 1 }
                if j - i == 4, let y = Int(String(ds[i..<j])), (1990...2099).contains(y) {
                    let next = j < ds.count ? ds[j] : " "
                    var k = j
                    while k < ds.count, ds[k] == " " { k += 1 }
                    if "年.-/".contains(next) || j == ds.count || (k > j && k < ds.count && ds[k] == "年") { out.append(y) }
                }
                i = j
            } else { i += 1 }
        }
        return out
    }
}
