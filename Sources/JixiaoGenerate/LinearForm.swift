import Foundation
import JixiaoKit

/// A formula read as Σ coefficient × entered cell + constant, where it is one: sums, + and −, and
/// products with a constant. Computed cells are expanded into the entered cells they add up, across
/// forms too (`C[]!total.actual`). The generator uses it to see which entered cells a check depends on.
struct LinearForm {
    /// Cell number (in `CellTable`) and coefficient.
    var terms: [(cell: Int, coefficient: Decimal)] = []
    var constant = Decimal(0)

    static func + (a: LinearForm, b: LinearForm) -> LinearForm {
        LinearForm(terms: a.terms + b.terms, constant: a.constant + b.constant)
    }

    func scaled(_ k: Decimal) -> LinearForm {
        LinearForm(terms: terms.map { ($0.cell, $0.coefficient * k) }, constant: constant * k)
    }
}

/// The entered numeric cells the balancer reads and writes, numbered, with their current values.
struct CellTable {
    var ids: [CellAddress: Int] = [:]
    var addresses: [CellAddress] = []
    var kinds: [CellKind] = []
    var values: [Decimal] = []
    var pinned: [Bool] = []
    var changed: [Bool] = []

    mutating func id(_ a: CellAddress, kind: CellKind, draft: Draft) -> Int {
        if let id = ids[a] { return id }
        let id = addresses.count
        ids[a] = id
        addresses.append(a)
        kinds.append(kind)
        let entry = draft.instances(of: a.form)[safe: a.formIndex]?.entry(row: a.row, index: a.rowIndex, column: a.column)
        if case let .number(d)? = entry { values.append(d) } else { values.append(0) }
        pinned.append(false)
        changed.append(false)
        return id
    }

    func value(_ f: LinearForm) -> Decimal {
        f.terms.reduce(f.constant) { $0 + $1.coefficient * values[$1.cell] }
    }
}

/// Reads formulas of a template as `LinearForm`s against a draft (for the repeated rows' instance counts).
struct Linearizer {
    let template: Template
    let draft: Draft
    var table = CellTable()

    /// Where a formula is read: the form instance, and what `_` and `@` stand for.
    struct Scope {
        let form: FormSpec
        let index: Int
        let row: String
        let rowIndex: Int?
        let column: String
    }

    mutating func linear(_ f: Formula, _ s: Scope, depth: Int = 0) -> LinearForm? {
        guard depth < 32 else { return nil }
        switch f {
        case let .number(d): return LinearForm(constant: d)
        case .text: return nil
        case let .negate(x): return linear(x, s, depth: depth + 1)?.scaled(-1)
        case let .binary(op, a, b):
            guard let x = linear(a, s, depth: depth + 1), let y = linear(b, s, depth: depth + 1) else { return nil }
            switch op {
            case .add: return x + y
            case .sub: return x + y.scaled(-1)
            case .mul:
                if x.terms.isEmpty { return y.scaled(x.constant) }
                if y.terms.isEmpty { return x.scaled(y.constant) }
                return nil
            case .div:
                guard y.terms.isEmpty, y.constant != 0 else { return nil }
                return x.scaled(1 / y.constant)
            }
        case let .call(fn, args):
            guard fn == .sum else { return nil }
            var out = LinearForm()
            for a in args {
                guard let x = linear(a, s, depth: depth + 1) else { return nil }
                out = out + x
            }
            return out
        case let .ref(r): return reference(r, s, depth: depth + 1)
        }
    }

    /// The numerator and denominator of a ratio cell (`_.actual / _.budget`), through a reference to it.
    mutating func ratio(_ f: Formula, _ s: Scope, depth: Int = 0) -> (LinearForm, LinearForm)? {
        guard depth < 8 else { return nil }
        switch f {
        case let .binary(.div, a, b):
            guard let x = linear(a, s), let y = linear(b, s) else { return nil }
            return (x, y)
        case let .ref(r):
            let cells = resolve(r, s)
            guard cells.count == 1, let (form, k, row, idx, column) = cells.first,
                  let formula = form.row(row)?.formulas[column] else { return nil }
            return ratio(formula, Scope(form: form, index: k, row: row, rowIndex: idx, column: column), depth: depth + 1)
        default: return nil
        }
    }

    /// The cells a reference stands for, as `FormulaEvaluator.values(of:in:)` and
    /// `Evaluation.foreignValues` read them.
    func resolve(_ r: Reference, _ s: Scope) -> [(FormSpec, Int, String, Int?, String)] {
        let column: String
        switch r.column {
        case let .named(c): column = c
        case .current: column = s.column
        }
        var scopes: [(FormSpec, Int)] = [(s.form, s.index)]
        if let formID = r.form {
            guard let other = template.form(formID) else { return [] }
            let count = draft.instances(of: formID).count
            scopes = r.allForms ? (0..<count).map { (other, $0) } : (count > 0 ? [(other, other.isRepeated ? s.index : 0)] : [])
        }
        var out: [(FormSpec, Int, String, Int?, String)] = []
        for (form, k) in scopes {
            let entry = draft.instances(of: form.id)[safe: k] ?? FormEntry()
            func cells(ofRow row: String) {
                if form.row(row)?.repeating != nil {
                    for i in 0..<entry.count(of: row) { out.append((form, k, row, i, column)) }
                } else {
                    out.append((form, k, row, nil, column))
                }
            }
            switch r.row {
            case .this: out.append((form, k, s.row, s.rowIndex, column))
            case let .named(row), let .allInstances(row): cells(ofRow: row)
            case let .sameIndex(row):
                if let i = s.rowIndex, i < entry.count(of: row) { out.append((form, k, row, i, column)) }
            case .children: for c in form.row(s.row)?.childIDs ?? [] { cells(ofRow: c) }
            }
        }
        return out
    }

    mutating func reference(_ r: Reference, _ s: Scope, depth: Int) -> LinearForm? {
        var out = LinearForm()
        for (form, k, row, idx, column) in resolve(r, s) {
            guard let spec = form.row(row) else { continue }
            if let f = spec.formulas[column] {
                guard let x = linear(f, Scope(form: form, index: k, row: row, rowIndex: idx, column: column), depth: depth) else { return nil }
                out = out + x
            } else if spec.columnIDs.contains(column) {
                guard let kind = form.section(spec.sectionID)?.column(column)?.kind, kind.isNumeric else { return nil }
                let a = CellAddress(form: form.id, formIndex: k, row: row, rowIndex: idx, column: column)
                out.terms.append((table.id(a, kind: kind, draft: draft), 1))
            } else if column == CellAddress.labelColumn {
                return nil
            }
            // A column the row does not have reads as empty: nothing to add.
        }
        return out
    }
}
