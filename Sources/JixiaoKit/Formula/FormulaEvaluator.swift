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

/// A formula's arithmetic went beyond what can be computed (`Limits.computedMagnitude`): the cell
/// is undefined ("—") and the checks report it (`Finding.beyondRange`), never NaN.
public struct FormulaOverflow: Error, Equatable, Sendable {}

/// Interprets a `Formula`. Empty and undefined follow the forms' own conventions: a sum over cells
/// that are all empty is empty, one over some filled cells counts the empty ones as 0; a rate over
/// a zero or empty base is undefined ("—"), never inf or NaN.
public enum FormulaEvaluator {
    /// The value, undefined where the arithmetic overflowed.
    public static func evaluate(_ f: Formula, in scope: FormulaScope) -> Value {
        do { return try evaluateChecked(f, in: scope) } catch { return .undefined }
    }

    /// The value, or `FormulaOverflow` when some step of it went beyond `Limits.computedMagnitude`.
    public static func evaluateChecked(_ f: Formula, in scope: FormulaScope) throws(FormulaOverflow) -> Value {
        try ScopeReading(scope: scope).evaluate(f)
    }

    static func negate(_ v: Value) -> Value {
        switch v {
        case let .number(d): return .number(-d)
        case .empty: return .empty
        default: return .undefined
        }
    }

    /// A computed number as a value, or the overflow it is.
    static func number(_ d: Decimal) throws(FormulaOverflow) -> Value {
        guard let c = d.computable else { throw FormulaOverflow() }
        return .number(c)
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
        case let .sameIndex(row):
            guard let k = scope.index, k < scope.instances(row) else { return [.empty] }
            return [scope.local(row, k, column)]
        case .children: return scope.children(scope.row).flatMap { cells(ofRow: $0) }
        }
    }

    static func binary(_ op: Formula.BinaryOp, _ a: Value, _ b: Value) throws(FormulaOverflow) -> Value {
        switch op {
        case .add, .sub:
            if a.isEmpty && b.isEmpty { return .empty }
            guard let x = number(orZero: a), let y = number(orZero: b) else { return .undefined }
            return try number(op == .add ? x + y : x - y)
        case .mul:
            if a.isEmpty || b.isEmpty { return .empty }
            guard let x = a.number, let y = b.number else { return .undefined }
            return try number(x * y)
        case .div:
            if a.isEmpty { return .empty }
            guard let x = a.number, let y = b.number, y != 0 else { return .undefined }
            return try number(x / y)
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
    public static func sum(_ vs: [Value]) throws(FormulaOverflow) -> Value {
        if vs.count == 1 { return vs[0] }
        var total = DecimalSum()
        var any = false
        for v in vs {
            switch v {
            case .empty: continue
            // Checked at every step: terms below the limit cannot overflow one addition, but a long
            // enough list of them could.
            case let .number(d):
                guard total.add(d) else { throw FormulaOverflow() }
                any = true
            default: return .undefined
            }
        }
        return any ? .number(total.value) : .empty
    }

    /// A function call, for a formula as written (`ScopeReading`) or as compiled (`SlotReading`): the
    /// functions' rules live here once.
    static func call<R: FormulaReading>(_ fn: Formula.Function, _ args: [R.Node], in scope: R) throws(FormulaOverflow) -> Value {
        func list() throws(FormulaOverflow) -> [Value] {
            var out: [Value] = []
            for arg in args { try scope.spread(arg, into: &out) }
            return out
        }
        func arg(_ k: Int) throws(FormulaOverflow) -> Value { k < args.count ? try scope.evaluate(args[k]) : .empty }
        switch fn {
        case .sum: return try sum(try list())
        case .min, .max:
            let vs = try list()
            let nums = vs.compactMap(\.number)
            guard let first = nums.first else { return vs.contains(.undefined) ? .undefined : .empty }
            return .number(nums.dropFirst().reduce(first) { fn == .min ? Swift.min($0, $1) : Swift.max($0, $1) })
        case .abs:
            let v = try arg(0)
            if let d = v.number { return .number(d < 0 ? -d : d) }
            return v
        case .round:
            let v = try arg(0)
            guard let d = v.number else { return v }
            // The loader admits only a whole constant within `Limits.roundDigits`; anything else (a
            // formula built in code) is undefined rather than a rounding that runs for minutes.
            let digits = args.count > 1 ? try arg(1).number : 2
            guard let places = digits.flatMap(Formula.roundDigits) else { return .undefined }
            return try number(d.rounded(places))
        case .execScore:
            return try executionScore(actual: arg(0), budget: arg(1), weight: arg(2), settings: scope.settings)
        case .grade:
            let x = try arg(0)
            guard let d = x.number else { return x.isEmpty ? .empty : .undefined }
            return scope.settings.grade(for: d).map(Value.text) ?? .undefined
        case .count:
            return .number(Decimal(try list().filter(\.isFilled).count))
        case .ifEmpty:
            let a = try arg(0)
            return a.isEmpty ? try arg(1) : a
        case .band, .bandAtMost:
            let x = try arg(0)
            guard let v = x.number else { return x.isEmpty ? .empty : .undefined }
            var k = 1
            while k + 1 < args.count {
                // A threshold still to be entered leaves the band undecided ("not yet"), not "—".
                let threshold = try arg(k)
                guard let t = threshold.number else { return threshold.isEmpty ? .empty : .undefined }
                if fn == .band ? v >= t : v <= t { return try arg(k + 1) }
                k += 2
            }
            return k < args.count ? try arg(k) : .empty
        case .clamp:
            let x = try arg(0)
            guard let v = x.number, let lo = try arg(1).number, let hi = try arg(2).number else { return x.isEmpty ? .empty : .undefined }
            return .number(Swift.min(Swift.max(v, lo), hi))
        case .over, .under:
            let (x, limit) = (try arg(0), try arg(1))
            guard let v = x.number, let l = limit.number else { return x.isEmpty || limit.isEmpty ? .empty : .undefined }
            return try number(Swift.max(fn == .over ? v - l : l - v, 0))
        case .deduct:
            let (full, units, per) = (try arg(0), try arg(1), try arg(2))
            guard let f = full.number, let u = units.number, let p = per.number else {
                return [full, units, per].contains(where: \.isEmpty) ? .empty : .undefined
            }
            return try number(Swift.min(Swift.max(f - u * p, 0), f).rounded(2))
        case .whenFilled:
            // whenFilled(a, b, …, value): value once every input is filled; empty while one is missing.
            guard let last = args.indices.last else { return .empty }
            for k in 0..<last {
                let v = try arg(k)
                if !v.isFilled && v != .undefined { return .empty }
            }
            return try arg(last)
        case .match:
            let x = try arg(0)
            if x.isEmpty { return .empty }
            var k = 1
            while k + 1 < args.count {
                if same(x, try arg(k)) { return try arg(k + 1) }
                k += 2
            }
            return k < args.count ? try arg(k) : .empty
        case .sumAll:
            let vs = try list()
            if vs.isEmpty || vs.contains(where: \.isEmpty) { return .empty }
            return try sum(vs)
        case .countOf:
            let target = try arg(0)
            var vs: [Value] = []
            for a in args.dropFirst() { try scope.spread(a, into: &vs) }
            if target.isEmpty || vs.contains(where: \.isEmpty) { return .empty }
            return .number(Decimal(vs.filter { same($0, target) }.count))
        case .show:
            let x = try arg(0)
            guard case .number = x else { return x }
            let kind = try arg(1).text.flatMap(CellKind.init(rawValue:)) ?? .decimal
            return .text(ValueText.display(x, kind: kind))
        case .concat:
            var out = ""
            for k in 0..<args.count {
                switch try arg(k) {
                case .empty: return .empty
                case .undefined: out += "—"
                case let .number(d): out += d.rounded(2).plain
                case let .text(s), let .invalid(s): out += s
                }
            }
            return .text(out)
        case .num:
            return number(in: try arg(0))
        case .asWritten:
            let x = try arg(0)
            guard let d = x.number, let t = try arg(1).text, let places = writtenPlaces(t) else { return x }
            return try number(d.rounded(places))
        }
    }

    /// The decimals a text's first number is written with, counted on the value it stands for: a
    /// percent's two more ("95%" is 0.95, to 2 places; "0.1%" to 3).
    static func writtenPlaces(_ s: String) -> Int? {
        let t = Array(FullWidth.fold(s))
        guard let start = t.firstIndex(where: { $0.isASCII && $0.isNumber }) else { return nil }
        var i = start
        while i < t.count, t[i].isASCII, t[i].isNumber { i += 1 }
        var decimals = 0
        if i + 1 < t.count, t[i] == ".", t[i + 1].isASCII, t[i + 1].isNumber {
            i += 1
            while i < t.count, t[i].isASCII, t[i].isNumber { decimals += 1; i += 1 }
        }
        while i < t.count, t[i] == " " { i += 1 }
        return decimals + (i < t.count && t[i] == "%" ? 2 : 0)
    }

    /// Two cell values are the same key for `match`/`countOf`: numbers by value, texts trimmed
    /// and with full-width forms folded ("优" = "优 ", "１" = "1").
    public static func same(_ a: Value, _ b: Value) -> Bool {
        if let x = a.number, let y = b.number { return x == y }
        guard let s = a.text, let t = b.text else { return false }
        func norm(_ s: String) -> String { FullWidth.fold(s).trimmingCharacters(in: .whitespacesAndNewlines) }
        return norm(s) == norm(t)
    }

    /// `num(x)`: a number as is; a text read the way achieved values are ("(100%)" → 1, "98.95%" →
    /// 0.9895, "≤3.5%" → 0.035, "47.96万元" → 47.96), enclosing brackets dropped; undefined otherwise.
    static func number(in v: Value) -> Value {
        switch v {
        case .empty, .number, .undefined: return v
        case let .text(s), let .invalid(s):
            var t = FullWidth.fold(s).trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty { return .empty }
            while let f = t.first, let l = t.last, t.count > 2, (f == "(" && l == ")") || (f == "[" && l == "]") {
                t = String(t.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
            }
            guard let m = TargetReader.readActual(t) else { return .undefined }
            return .number(m.unit == "%" ? m.value / Decimal.hundred : m.value)
        }
    }

    /// 执行率得分 = 分值 × min(执行率, 100%), the rate rounded first when the template says so
    /// (seed 001 附件3-5: 84.69 ÷ 92 printed as 92% and 9.20).
    public static func executionScore(actual: Value, budget: Value, weight: Value,
                                      settings: TemplateSettings) throws(FormulaOverflow) -> Value {
        if actual.isEmpty || budget.isEmpty || weight.isEmpty { return .empty }
        guard let a = actual.number, let b = budget.number, let w = weight.number, b != 0 else { return .undefined }
        var rate = Swift.max(a, 0) / b
        if let places = settings.executionRateDecimals { rate = rate.rounded(places) }
        return try number((w * Swift.min(rate, 1)).rounded(2))
    }
}
