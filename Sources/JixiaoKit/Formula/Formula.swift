import Foundation

/// A parsed formula of a computed cell or a check. The language is small on purpose: numbers,
/// cell references, + − × ÷, and a closed set of functions (see docs/templates.md). It is
/// interpreted by `FormulaEvaluator`, never compiled or executed as code.
public indirect enum Formula: Sendable, Equatable {
    case number(Decimal)
    case text(String)
    case ref(Reference)
    case negate(Formula)
    case binary(BinaryOp, Formula, Formula)
    case call(Function, [Formula])

    public enum BinaryOp: Character, Sendable { case add = "+", sub = "-", mul = "*", div = "/" }

    public enum Function: String, Sendable, CaseIterable {
        case sum, min, max, abs, round
        /// execScore(actual, budget, weight): weight × min(actual ÷ budget, 1), rounded as the template says.
        case execScore
        /// grade(total): the template's grade band label (优/良/中/差).
        case grade
        /// count(list): how many cells of the list are filled.
        case count
        /// ifEmpty(a, b): a, or b where a is empty.
        case ifEmpty
        /// band(x, t1, p1, t2, p2, …, otherwise): p of the first threshold t that x reaches (x ≥ t),
        /// thresholds from high to low — "≥ 90% → 5; 80–90 → 4; …".
        case band
        /// bandAtMost(x, t1, p1, …, otherwise): p of the first t with x ≤ t, thresholds from low to high —
        /// "= 0 → 3; ≤ 10% → 2; …".
        case bandAtMost
        /// clamp(x, low, high).
        case clamp
        /// over(x, limit): how far x is above limit, max(x − limit, 0); empty when x is empty —
        /// "每超过一个百分点" is `over(rate, 100%) * 100`.
        case over
        /// under(x, limit): how far x is below limit, max(limit − x, 0); empty when x is empty —
        /// "每减少一个百分点" is `under(rate, 100%) * 100`.
        case under
        /// deduct(full, units, per): full − units × per, kept within [0, full] and rounded half-up to two
        /// decimals ("每… 扣 per 分，扣完为止"); empty when units is empty, never a silent full score.
        case deduct
        /// match(x, k1, v1, k2, v2, …, otherwise): v of the first key equal to x (texts compared as
        /// typed, trimmed; numbers by value); otherwise (or empty) when no key matches; empty when x is.
        case match
        /// whenFilled(a, b, …, value): value when every a, b, … is filled, empty while one is missing — a
        /// rate over an entered base that is not there yet is "not yet", not "—" (undefined).
        case whenFilled
        /// sumAll(list): Σ when every cell of the list is filled, empty as soon as one is empty (a rubric
        /// total that must not look complete while a row is missing).
        case sumAll
        /// countOf(value, list): how many cells of the list equal value; empty when any cell is empty.
        case countOf
        /// show(x, "kind"): x as the product shows a cell of that kind ("93.8%", "38.28"), as text.
        case show
        /// concat(a, b, …): the texts of its arguments joined (numbers shown with up to two decimals,
        /// "—" for undefined); empty when any argument is empty.
        case concat
        /// num(text): the number an accountant wrote in a text cell ("(100%)" → 1, "≤3.5%" → 0.035,
        /// "47.96万元" → 47.96); undefined when it holds no single number.
        case num
        /// asWritten(x, text): x rounded to the precision of the number written in text ("95%" → whole
        /// percent points, "0.1%" → a tenth), so that a computed rate agrees with a stated one that was
        /// rounded when written; x itself when text holds no number.
        case asWritten
    }

    /// Every reference in the formula, for validation and dependency ordering.
    public var references: [Reference] {
        switch self {
        case .number, .text: return []
        case let .ref(r): return [r]
        case let .negate(f): return f.references
        case let .binary(_, a, b): return a.references + b.references
        case let .call(_, args): return args.flatMap(\.references)
        }
    }
}

extension Formula {
    /// n as the digits of `round(x, n)`: a whole number within `Limits.roundDigits`, else nil.
    static func roundDigits(_ n: Decimal) -> Int? {
        guard n == n.rounded(0), n >= Decimal(Limits.roundDigits.lowerBound), n <= Decimal(Limits.roundDigits.upperBound) else { return nil }
        return NSDecimalNumber(decimal: n).intValue
    }

    /// The `n` of the first `round(x, n)` whose n is not a whole constant within `Limits.roundDigits`
    /// (rounding to 10^2147483647 ran for minutes).
    public var badRoundDigits: Formula? {
        switch self {
        case .number, .text, .ref: return nil
        case let .negate(f): return f.badRoundDigits
        case let .binary(_, a, b): return a.badRoundDigits ?? b.badRoundDigits
        case let .call(fn, args):
            if fn == .round, args.count > 1 {
                let n: Decimal?
                switch args[1] {
                case let .number(d): n = d
                case let .negate(.number(d)): n = -d
                default: n = nil
                }
                guard let n, Self.roundDigits(n) != nil else { return args[1] }
            }
            for a in args { if let bad = a.badRoundDigits { return bad } }
            return nil
        }
    }
}

/// `row.col`, `_.col` (this row), `row.@` (this column), `children.@`, `row[].col` (all instances of a
/// repeated row), `row[_].col` (the instance of another repeated row at this row's index: parallel
/// tables that list the same institutions), and across forms `B!row.col` or `C[]!row.col` (every
/// instance of a repeated form).
public struct Reference: Sendable, Equatable, Hashable {
    public enum Row: Sendable, Equatable, Hashable {
        case named(String)
        case allInstances(String)
        /// `row[_]`: the instance of a repeated row with the same index as the row being evaluated.
        case sameIndex(String)
        case this
        case children
    }
    public enum Column: Sendable, Equatable, Hashable {
        case named(String)
        case current
    }
    public var form: String?
    public var allForms: Bool
    public var row: Row
    public var column: Column
}

public struct FormulaSyntaxError: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// Not the grammar: `found` is what stands at `position`.
        case unexpected
        /// Longer than `Limits.formulaLength` characters.
        case tooLong(length: Int)
        /// Nested deeper than `Limits.formulaDepth` at `position`.
        case tooDeep
    }
    public let position: Int
    public let found: String
    public let reason: Reason

    public init(position: Int, found: String, reason: Reason = .unexpected) {
        self.position = position
        self.found = found
        self.reason = reason
    }
}

/// Recursive-descent parser: expr := term (('+'|'-') term)*; term := unary (('*'|'/') unary)*;
/// unary := '-' unary | primary; primary := number | "text" | ref | func '(' args ')' | '(' expr ')'.
/// Its recursion, and the evaluator's over the tree it builds, are bounded by `Limits.formulaDepth`:
/// a template may be hostile, and a stack overflow would take every command down with it.
public struct FormulaParser {
    /// A parsed subformula and the depth of its tree (a number or a reference is 0 deep).
    struct Node {
        let formula: Formula
        let depth: Int
    }

    let chars: [Character]
    /// Each character's byte when it is a single ASCII one, else 0xFF: the parser compares these, as
    /// comparing `Character`s (string comparisons) was most of reading a template's formulas.
    let codes: [UInt8]
    var i = 0
    /// Brackets, calls and `-` signs open around the current position: the parser's own recursion.
    var nesting = 0

    public static func parse(_ text: String) throws(FormulaSyntaxError) -> Formula {
        let chars = Array(text)
        guard chars.count <= Limits.formulaLength else {
            throw FormulaSyntaxError(position: Limits.formulaLength, found: "", reason: .tooLong(length: chars.count))
        }
        var p = FormulaParser(chars: chars)
        let f = try p.expression()
        p.space()
        if p.i < p.chars.count { throw p.fail() }
        return f.formula
    }

    init(chars: [Character]) {
        self.chars = chars
        codes = chars.map { $0.utf8.count == 1 ? $0.utf8.first! : 0xFF }
    }

    /// The byte of the character at `k`, 0xFF past the end or for any other character.
    func code(_ k: Int) -> UInt8 { k < codes.count ? codes[k] : 0xFF }

    func fail() -> FormulaSyntaxError {
        FormulaSyntaxError(position: i, found: i < chars.count ? String(chars[i...].prefix(12)) : "")
    }

    func tooDeep() -> FormulaSyntaxError { FormulaSyntaxError(position: i, found: "", reason: .tooDeep) }

    /// One level more of the parser's recursion; `leave()` when it returns.
    mutating func enter() throws(FormulaSyntaxError) {
        nesting += 1
        if nesting > Limits.formulaDepth { throw tooDeep() }
    }

    mutating func leave() { nesting -= 1 }

    func node(_ f: Formula, _ depth: Int) throws(FormulaSyntaxError) -> Node {
        guard depth <= Limits.formulaDepth else { throw tooDeep() }
        return Node(formula: f, depth: depth)
    }

    mutating func space() { while code(i) == 0x20 { i += 1 } }

    mutating func eat(_ c: Unicode.Scalar) -> Bool {
        space()
        if code(i) == UInt8(ascii: c) { i += 1; return true }
        return false
    }

    mutating func expression() throws(FormulaSyntaxError) -> Node {
        var left = try term()
        while true {
            let op: Formula.BinaryOp
            if eat("+") { op = .add } else if eat("-") { op = .sub } else { return left }
            let right = try term()
            left = try node(.binary(op, left.formula, right.formula), 1 + max(left.depth, right.depth))
        }
    }

    mutating func term() throws(FormulaSyntaxError) -> Node {
        var left = try unary()
        while true {
            let op: Formula.BinaryOp
            if eat("*") { op = .mul } else if eat("/") { op = .div } else { return left }
            let right = try unary()
            left = try node(.binary(op, left.formula, right.formula), 1 + max(left.depth, right.depth))
        }
    }

    mutating func unary() throws(FormulaSyntaxError) -> Node {
        guard eat("-") else { return try primary() }
        try enter()
        defer { leave() }
        let x = try unary()
        return try node(.negate(x.formula), 1 + x.depth)
    }

    // ASCII letters, digits and `_`, by byte: `Character.isLetter` looks up Unicode properties, which
    // was most of reading a template's formulas.
    static func isIdentStart(_ c: Character) -> Bool { isIdentStart(code: c.utf8.count == 1 ? c.utf8.first! : 0xFF) }
    static func isIdent(_ c: Character) -> Bool { isIdent(code: c.utf8.count == 1 ? c.utf8.first! : 0xFF) }
    static func isDigit(_ c: Character) -> Bool { isDigit(code: c.utf8.count == 1 ? c.utf8.first! : 0xFF) }
    static func isIdentStart(code a: UInt8) -> Bool {
        (a | 0x20) >= UInt8(ascii: "a") && (a | 0x20) <= UInt8(ascii: "z") || a == UInt8(ascii: "_")
    }
    static func isIdent(code a: UInt8) -> Bool { isIdentStart(code: a) || isDigit(code: a) }
    static func isDigit(code a: UInt8) -> Bool { a >= UInt8(ascii: "0") && a <= UInt8(ascii: "9") }

    mutating func identifier() -> String? {
        space()
        guard Self.isIdentStart(code: code(i)) else { return nil }
        let start = i
        while Self.isIdent(code: code(i)) { i += 1 }
        // ASCII by the test above: made from bytes, not through the generic String(Characters).
        return String(decoding: codes[start..<i], as: UTF8.self)
    }

    mutating func primary() throws(FormulaSyntaxError) -> Node {
        space()
        guard i < chars.count else { throw fail() }
        let c = code(i)
        if c == UInt8(ascii: "(") {
            i += 1
            try enter()
            defer { leave() }
            let f = try expression()
            guard eat(")") else { throw fail() }
            return f
        }
        if c == UInt8(ascii: "\"") {
            i += 1
            let start = i
            while i < chars.count, code(i) != UInt8(ascii: "\"") { i += 1 }
            guard i < chars.count else { throw fail() }
            let s = String(chars[start..<i])
            i += 1
            return Node(formula: .text(s), depth: 0)
        }
        if Self.isDigit(code: c) {
            let start = i
            while Self.isDigit(code: code(i)) || code(i) == UInt8(ascii: ".") { i += 1 }
            guard let d = NumberInput.decimal(String(decoding: codes[start..<i], as: UTF8.self)) else { i = start; throw fail() }
            if code(i) == UInt8(ascii: "%") { i += 1; return Node(formula: .number(d / 100), depth: 0) }
            return Node(formula: .number(d), depth: 0)
        }
        let start = i
        guard let name = identifier() else { throw fail() }
        if eat("(") {
            guard let fn = Formula.Function(rawValue: name) else { i = start; throw fail() }
            try enter()
            defer { leave() }
            var args: [Formula] = []
            var depth = 0
            if !eat(")") {
                repeat {
                    let a = try expression()
                    args.append(a.formula)
                    depth = max(depth, a.depth)
                } while eat(",")
                guard eat(")") else { throw fail() }
            }
            return try node(.call(fn, args), 1 + depth)
        }
        return Node(formula: .ref(try reference(first: name, start: start)), depth: 0)
    }

    /// After the first identifier: `[]`? then `!` (a form) or `.` (a row's column).
    mutating func reference(first: String, start: Int) throws(FormulaSyntaxError) -> Reference {
        var all = false
        var same = false
        if code(i) == UInt8(ascii: "["), code(i + 1) == UInt8(ascii: "]") { i += 2; all = true }
        else if code(i) == UInt8(ascii: "["), code(i + 1) == UInt8(ascii: "_"), code(i + 2) == UInt8(ascii: "]") { i += 3; same = true }
        var form: String?
        var allForms = false
        var rowName = first
        var rowAll = all
        if code(i) == UInt8(ascii: "!") {
            // `[_]` names a row instance, never a form instance.
            if same { throw fail() }
            i += 1
            form = first
            allForms = all
            guard let r = identifier() else { throw fail() }
            rowName = r
            rowAll = false
            if code(i) == UInt8(ascii: "["), code(i + 1) == UInt8(ascii: "]") { i += 2; rowAll = true }
        }
        guard code(i) == UInt8(ascii: ".") else { throw fail() }
        i += 1
        let column: Reference.Column
        if code(i) == UInt8(ascii: "@") { i += 1; column = .current }
        else if let c = identifier() { column = .named(c) }
        else { throw fail() }
        let row: Reference.Row
        switch rowName {
        case "_": row = .this
        case "children": row = .children
        default: row = rowAll ? .allInstances(rowName) : (same && form == nil ? .sameIndex(rowName) : .named(rowName))
        }
        return Reference(form: form, allForms: allForms, row: row, column: column)
    }
}
