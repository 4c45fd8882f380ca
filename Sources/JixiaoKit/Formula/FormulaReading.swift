import Foundation

/// What a formula tree is evaluated against: how its nodes evaluate and how a reference spreads into
/// the cells it stands for. Two trees share `FormulaEvaluator`'s rules through it: a `Formula` as
/// written, read through a `FormulaScope` by names (checks, report figures), and a `CompiledFormula`,
/// read by slots (computed cells).
protocol FormulaReading {
    associatedtype Node
    func evaluate(_ n: Node) throws(FormulaOverflow) -> Value
    /// Appends every cell a reference stands for, or the value of any other node.
    func spread(_ n: Node, into out: inout [Value]) throws(FormulaOverflow)
    var settings: TemplateSettings { get }
}

/// A `Formula` read through a `FormulaScope`'s closures, by row and column names.
struct ScopeReading: FormulaReading {
    let scope: FormulaScope

    var settings: TemplateSettings { scope.settings }

    func evaluate(_ f: Formula) throws(FormulaOverflow) -> Value {
        switch f {
        case let .number(d): return .number(d)
        case let .text(s): return .text(s)
        case let .ref(r): return try FormulaEvaluator.sum(FormulaEvaluator.values(of: r, in: scope))
        case let .negate(x): return FormulaEvaluator.negate(try evaluate(x))
        case let .binary(op, a, b): return try FormulaEvaluator.binary(op, try evaluate(a), try evaluate(b))
        case let .call(fn, args): return try FormulaEvaluator.call(fn, args, in: self)
        }
    }

    func spread(_ f: Formula, into out: inout [Value]) throws(FormulaOverflow) {
        if case let .ref(r) = f { out += FormulaEvaluator.values(of: r, in: scope) } else { out.append(try evaluate(f)) }
    }
}
