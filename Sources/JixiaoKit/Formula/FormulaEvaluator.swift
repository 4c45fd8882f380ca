import Foundation

/// Where a formula is evaluated: which row instance and column `_` and `@` mean, and how to reach
/// cells of this form instance and of other forms.
public struct FormulaScope {
    public var row: String
    public var index: Int?
    public var column: String
    /// Values of a cell of this instance: (row, index, column).
    public var local: (String, Int?, String) -> Value
    /// Instance count of a repeated row of this instance.
    public var instances: (String) -> Int
    /// Child row ids of a row.
    public var children: (String) -> [String]
    /// Whether a row repeats.
    public var isRepeating: (String) -> Bool
    /// Values of a reference into another form (checks and rubrics only); nil where not allowed.
    public var foreign: ((Reference, String) -> [Value])?
    public var settings: TemplateSettings
}

/// Interprets a `Formula`. Empty and undefined follow the forms' own conventions: a sum over cells
/// that are all empty is empty, one over some filled cells counts the empty ones as 0; a rate over
/// a zero or empty base is undefined ("—"), never inf or NaN.
public enum FormulaEvaluator {
    public static func evaluate(_ f: Formula, in scope: FormulaScope) -> Value {
        switch f {
        case let .number(d): return .number(d)
        case let .text(s): return .text(s)
        case let .ref(r): return sum(values(of: r, in: scope))
        case let .negate(x):
            switch evaluate(x, in: scope) {
            case let .number(d): return .number(-d)
            case .empty: return .empty
            default: return .undefined
            }
        case let .binary(op, a, b): return binary(op, evaluate(a, in: scope), evaluate(b, in: scope))
        case let .call(fn, args): return call(fn, args, in: scope)
        }
    }

    /// Every cell a reference stands for, in row order.
    public static func values(of r: Reference, in scope: FormulaScope) -> [Value] {
        let column: String
        switch r.column {
        case let .named(c): column = c
        case .current: column = scope.column
        }
        if r.form != nil {
            return scope.foreign?(r, column) ?? [.undefined]
        }
        func cells(ofRow row: String) -> [Value] {
            if scope.isRepeating(row) {
                return (0..<scope.instances(row)).map { scope.local(row, $0, column) }
            }
            return [scope.local(row, nil, column)]
        }
        switch r.row {
        case .this: return [scope.local(scope.row, scope.index, column)]
        case let .named(row), let .allInstances(row): return cells(ofRow: row)
        case .children: return scope.children(scope.row).flatMap { cells(ofRow: $0) }
        }
    }

    static func binary(_ op: Formula.BinaryOp, _ a: Value, _ b: Value) -> Value {
        switch op {
        case .add, .sub:
            if a.isEmpty && b.isEmpty { return .empty }
            guard let x = number(orZero: a), let y = number(orZero: b) else { return .undefined }
            return .number(op == .add ? x + y : x - y)
        case .mul:
            if a.isEmpty || b.isEmpty { return .empty }
            guard let x = a.number, let y = b.number else { return .undefined }
            return .number(x * y)
        case .div:
            if a.isEmpty { return .empty }
            guard let x = a.number, let y = b.number, y != 0 else { return .undefined }
            return .number(x / y)
        }
    }

    static func number(orZero v: Value) -> Decimal? {
        switch v {
        case .empty: return 0
        case let .number(d): return d
        default: return nil
        }
    }

    /// Σ with the forms' empty rule; one undefined or invalid term makes the sum undefined.
    public static func sum(_ vs: [Value]) -> Value {
        if vs.count == 1 { return vs[0] }
        var total = Decimal(0)
        var any = false
        for v in vs {
            switch v {
            case .empty: continue
            case let .number(d): total += d; any = true
            default: return .undefined
            }
        }
        return any ? .number(total) : .empty
    }

    static func call(_ fn: Formula.Function, _ args: [Formula], in scope: FormulaScope) -> Value {
        func list() -> [Value] {
            args.flatMap { arg -> [Value] in
                if case let .ref(r) = arg { return values(of: r, in: scope) }
                return [evaluate(arg, in: scope)]
            }
        }
        func arg(_ k: Int) -> Value { k < args.count ? evaluate(args[k], in: scope) : .empty }
        switch fn {
        case .sum: return sum(list())
        case .min, .max:
            let nums = list().compactMap(\.number)
            guard let first = nums.first else { return list().contains(.undefined) ? .undefined : .empty }
            return .number(nums.dropFirst().reduce(first) { fn == .min ? Swift.min($0, $1) : Swift.max($0, $1) })
        case .abs:
            let v = arg(0)
            if let d = v.number { return .number(d < 0 ? -d : d) }
            return v
        case .round:
            let v = arg(0)
            guard let d = v.number else { return v }
            let places = arg(1).number.map { NSDecimalNumber(decimal: $0).intValue } ?? 2
            return .number(d.rounded(places))
        case .execScore:
            return executionScore(actual: arg(0), budget: arg(1), weight: arg(2), settings: scope.settings)
        case .grade:
            guard let d = arg(0).number else { return arg(0).isEmpty ? .empty : .undefined }
            return scope.settings.grade(for: d).map(Value.text) ?? .undefined
        case .count:
            return .number(Decimal(list().filter(\.isFilled).count))
        case .ifEmpty:
            let a = arg(0)
            return a.isEmpty ? arg(1) : a
        case .band, .bandAtMost:
            let x = arg(0)
            guard let v = x.number else { return x.isEmpty ? .empty : .undefined }
            var k = 1
            while k + 1 < args.count {
                guard let t = arg(k).number else { return .undefined }
                if fn == .band ? v >= t : v <= t { return arg(k + 1) }
                k += 2
            }
            return k < args.count ? arg(k) : .empty
        case .clamp:
            guard let v = arg(0).number, let lo = arg(1).number, let hi = arg(2).number else { return arg(0).isEmpty ? .empty : .undefined }
            return .number(Swift.min(Swift.max(v, lo), hi))
        }
    }

    /// 执行率得分 = 分值 × min(执行率, 100%), the rate rounded first when the template says so
    /// (seed 001 附件3-5: 84.69 ÷ 92 printed as 92% and 9.20).
    public static func executionScore(actual: Value, budget: Value, weight: Value, settings: TemplateSettings) -> Value {
        if actual.isEmpty || budget.isEmpty || weight.isEmpty { return .empty }
        guard let a = actual.number, let b = budget.number, let w = weight.number, b != 0 else { return .undefined }
        var rate = Swift.max(a, 0) / b
        if let places = settings.executionRateDecimals { rate = rate.rounded(places) }
        return .number((w * Swift.min(rate, 1)).rounded(2))
    }
}
