import Foundation
import JixiaoKit

/// Makes the template's comparison checks (equal, at least, at most, including a rate's cap) hold on
/// generated numbers, by adjusting entered cells. Every check is read as linear sides over entered
/// cells (`Linearizer`); a rate check `a / b ≤ 100%` becomes `a ≤ b`. Checks are settled one at a
/// time; an equality, and any check that moved cells, leaves its cells pinned so that a later check
/// never undoes it:
///
/// 1. first a check with one side already settled (a constant, or cells pinned before), the one with
///    fewest free cells first: specific checks (a group's points) before the totals over them;
/// 2. else the one touching most pinned cells (the value flows on: Σ projects → 项目支出 → 合计),
///    then the one with most cells.
///
/// A violated check moves the side with fewer free cells, scaling them in proportion so that amounts
/// stay positive and keep their shape; an inequality gets a little slack. Last, an equality whose
/// left side is one entered cell and whose right side is no sum (a grade, a rubric's points, a
/// parallel table's label) has the cell copied from what the right side evaluates to. What cannot be
/// settled is left for the checker to report.
struct CheckBalancer {
    enum Relation { case equal, atLeast, atMost }

    struct Constraint {
        let relation: Relation
        let left: LinearForm
        let right: LinearForm
        let tolerance: Decimal
    }

    /// An equality to settle by copying: the left cell takes the right side's value.
    struct Copy {
        let scope: Linearizer.Scope
        let left: CellAddress
        let kind: CellKind
        let right: Formula
    }

    let template: Template
    var linearizer: Linearizer
    var constraints: [Constraint] = []
    var copies: [Copy] = []

    init(template: Template, draft: Draft) {
        self.template = template
        self.linearizer = Linearizer(template: template, draft: draft)
        collect(draft)
    }

    mutating func collect(_ draft: Draft) {
        for form in template.forms {
            for k in draft.instances(of: form.id).indices {
                for spec in form.checks { add(spec, form: form, index: k, draft: draft) }
            }
        }
        for spec in template.checks {
            let formID = spec.at?.form ?? template.forms.first?.id ?? ""
            guard let form = template.form(formID), !draft.instances(of: formID).isEmpty else { continue }
            add(spec, form: form, index: 0, draft: draft)
        }
    }

    mutating func add(_ spec: CheckSpec, form: FormSpec, index: Int, draft: Draft) {
        let relation: Relation
        switch spec.kind {
        case .equal: relation = .equal
        case .atLeast: relation = .atLeast
        case .atMost: relation = .atMost
        default: return
        }
        guard let left = spec.left, let right = spec.right else { return }
        let columns = spec.columns.isEmpty ? [spec.at?.column ?? ""] : spec.columns
        let entry = draft.instances(of: form.id)[safe: index] ?? FormEntry()
        // What `_` stands for, as `CheckContext.compare` binds it.
        let bindings: [(row: String, index: Int?)] = spec.eachRow.map { r in (0..<entry.count(of: r)).map { (r, Optional($0)) } }
            ?? (spec.rows.isEmpty ? [("", nil)] : spec.rows.map { ($0, nil) })
        let tolerance = template.settings.tolerance
        for (row, idx) in bindings {
            for column in columns {
                let scope = Linearizer.Scope(form: form, index: index, row: row, rowIndex: idx, column: column)
                if relation == .equal, case let .ref(ref) = left, let copy = copy(ref, right, scope) { copies.append(copy) }
                guard let r = linearizer.linear(right, scope) else { continue }
                if let l = linearizer.linear(left, scope) {
                    constraints.append(Constraint(relation: relation, left: l, right: r, tolerance: tolerance))
                } else if r.terms.isEmpty, relation != .equal, let (num, den) = linearizer.ratio(left, scope) {
                    // a / b against a constant c: a against c × b, strictly (the checker allows a rate no slack).
                    constraints.append(Constraint(relation: relation, left: num, right: den.scaled(r.constant), tolerance: 0))
                }
            }
        }
    }

    /// A copy for `left = right` when `left` is one entered cell (or a named row's own label).
    func copy(_ left: Reference, _ right: Formula, _ scope: Linearizer.Scope) -> Copy? {
        let cells = linearizer.resolve(left, scope)
        guard cells.count == 1, let (form, k, row, idx, column) = cells.first, let spec = form.row(row),
              spec.formulas[column] == nil else { return nil }
        let a = CellAddress(form: form.id, formIndex: k, row: row, rowIndex: idx, column: column)
        if column == CellAddress.labelColumn {
            guard spec.repeating?.named == true, idx != nil else { return nil }
            return Copy(scope: scope, left: a, kind: .text, right: right)
        }
        guard spec.columnIDs.contains(column), let kind = form.section(spec.sectionID)?.column(column)?.kind else { return nil }
        return Copy(scope: scope, left: a, kind: kind, right: right)
    }

    func freeTerms(_ f: LinearForm) -> [(cell: Int, coefficient: Decimal)] {
        f.terms.filter { $0.coefficient > 0 && !linearizer.table.pinned[$0.cell] }
    }

    func pinnedCount(_ f: LinearForm) -> Int { f.terms.filter { linearizer.table.pinned[$0.cell] }.count }

    mutating func balance(_ draft: inout Draft, rng: inout SeededRandom) {
        var done = Array(repeating: false, count: constraints.count)
        for _ in constraints.indices {
            var best = -1
            var bestKey = (0, 0, 0)
            for (i, c) in constraints.enumerated() where !done[i] {
                let lf = freeTerms(c.left).count, rf = freeTerms(c.right).count
                let key = (lf == 0) != (rf == 0)
                    ? (1, -(lf + rf), 0)
                    : (0, pinnedCount(c.left) + pinnedCount(c.right), c.left.terms.count + c.right.terms.count)
                if best < 0 || key > bestKey { best = i; bestKey = key }
            }
            guard best >= 0 else { break }
            done[best] = true
            settle(constraints[best], rng: &rng)
        }
        let before = draft
        for (id, a) in linearizer.table.addresses.enumerated() where linearizer.table.changed[id] {
            draft.forms[a.form]![a.formIndex].set(row: a.row, index: a.rowIndex, column: a.column,
                                                  to: .number(linearizer.table.values[id]))
        }
        IndicatorFiller.followWeights(&draft, before: before, template: template, rng: &rng)
        for _ in 0..<3 where copyPass(&draft) {}
    }

    /// Sets each copy's cell to what its right side evaluates to, where they differ; true if any changed.
    /// Later copies may read earlier ones (a grade after its score), hence a few passes.
    func copyPass(_ draft: inout Draft) -> Bool {
        guard !copies.isEmpty else { return false }
        let ev = Evaluation(template: template, draft: draft)
        var changed = false
        for c in copies {
            let want = FormulaEvaluator.evaluate(c.right, in: ev.scopeFor(form: c.scope.form, index: c.scope.index, row: c.scope.row,
                                                                          rowIndex: c.scope.rowIndex, column: c.scope.column))
            let have = ev.value(c.left)
            let a = c.left
            switch want {
            case let .number(d) where c.kind.isNumeric:
                if let h = have.number, abs(h - d) <= template.settings.tolerance { continue }
                draft.forms[a.form]![a.formIndex].set(row: a.row, index: a.rowIndex, column: a.column,
                                                      to: .number(round(d, scale: Self.scale(c.kind), mode: .plain)))
            case let .text(t) where !c.kind.isNumeric && !t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
                if FormulaEvaluator.same(have, want) { continue }
                if a.column == CellAddress.labelColumn, let k = a.rowIndex {
                    draft.forms[a.form]![a.formIndex].rows[a.row]![k].label = t
                } else {
                    draft.forms[a.form]![a.formIndex].set(row: a.row, index: a.rowIndex, column: a.column, to: .text(t))
                }
            default: continue
            }
            changed = true
        }
        return changed
    }

    func holds(_ c: Constraint) -> Bool {
        let l = linearizer.table.value(c.left), r = linearizer.table.value(c.right)
        switch c.relation {
        case .equal: return abs(l - r) <= c.tolerance
        case .atLeast: return l >= r - c.tolerance
        case .atMost: return l <= r + c.tolerance
        }
    }

    mutating func settle(_ c: Constraint, rng: inout SeededRandom) {
        // A bound that already holds leaves its cells free: a later equality may still need them.
        if holds(c) && c.relation != .equal { return }
        defer { for t in c.left.terms + c.right.terms { linearizer.table.pinned[t.cell] = true } }
        guard !holds(c) else { return }
        let lf = freeTerms(c.left), rf = freeTerms(c.right)
        guard !lf.isEmpty || !rf.isEmpty else { return }
        // The side with fewer free cells moves; on a tie the shorter side, then the right one.
        let moveLeft = rf.isEmpty || (!lf.isEmpty && (lf.count < rf.count || (lf.count == rf.count && c.left.terms.count < c.right.terms.count)))
        let other = linearizer.table.value(moveLeft ? c.right : c.left)
        let slack = abs(other) * rng.decimal(Decimal(string: "0.01")!, Decimal(string: "0.08")!, scale: 2)
        let target: Decimal
        let rising: Bool?
        switch (c.relation, moveLeft) {
        case (.equal, _): target = other; rising = nil
        case (.atLeast, true), (.atMost, false): target = other + slack; rising = true
        case (.atLeast, false), (.atMost, true): target = other - slack; rising = false
        }
        move(moveLeft ? c.left : c.right, free: moveLeft ? lf : rf, to: target, rising: rising)
    }

    /// Scales the free cells of a side so that the side reaches `target` (exactly for an equality, at or
    /// past it for a bound). Refuses to make amounts negative.
    mutating func move(_ side: LinearForm, free: [(cell: Int, coefficient: Decimal)], to target: Decimal, rising: Bool?) {
        let t = linearizer.table
        let freeSum = free.reduce(Decimal(0)) { $0 + $1.coefficient * t.values[$1.cell] }
        let need = target - (t.value(side) - freeSum)
        guard need >= 0 else { return }
        let mode: NSDecimalNumber.RoundingMode = rising == true ? .up : (rising == false ? .down : .plain)
        var values = free.map { t.values[$0.cell] }
        if freeSum > 0 {
            let factor = need / freeSum
            values = values.map { $0 * factor }
        } else {
            let share = need / Decimal(free.count)
            values = free.map { share / $0.coefficient }
        }
        for (k, f) in free.enumerated() { values[k] = round(values[k], scale: Self.scale(t.kinds[f.cell]), mode: mode) }
        if rising == nil {
            // Put the rounding remainder on the largest free cell, so the equality is exact.
            let got = zip(free, values).reduce(Decimal(0)) { $0 + $1.0.coefficient * $1.1 }
            if let k = values.indices.max(by: { values[$0] < values[$1] }) {
                values[k] = round(values[k] + (need - got) / free[k].coefficient, scale: Self.scale(t.kinds[free[k].cell]), mode: .plain)
            }
        }
        for (k, f) in free.enumerated() where values[k] != linearizer.table.values[f.cell] {
            linearizer.table.values[f.cell] = values[k]
            linearizer.table.changed[f.cell] = true
        }
    }

    func round(_ d: Decimal, scale: Int, mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var value = d
        var out = Decimal()
        NSDecimalRound(&out, &value, scale, mode)
        return out
    }

    static func scale(_ kind: CellKind) -> Int {
        switch kind {
        case .count: return 0
        case .percent: return 4
        default: return 2
        }
    }
}
