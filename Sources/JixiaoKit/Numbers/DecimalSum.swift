import Foundation

/// A running sum of `Decimal`s that comes out the same, to the byte, as adding the terms in turn with
/// Foundation's `+`, checked against `Limits.computedMagnitude` at every step as `FormulaEvaluator.sum`
/// does, without the cost of `+`: each one aligns, adds and compacts two 128-bit mantissas a digit at a
/// time (about 4,600 instructions), and the checks that total one column over 200 projects spent most
/// of a keystroke in a project form there (32 sums of 200 terms in 48 keys: 30 of 80 million
/// instructions).
///
/// Terms whose digits fit an `Int64`, at exponents within ±18 (every amount typed into these forms),
/// are added as one integer at the smallest exponent so far, and the total becomes a `Decimal` once, in
/// the compact form Foundation keeps every value in. A term beyond that, or a total that would outgrow
/// the integer, carries on with Foundation's `+` from the exact total so far: the result is the same
/// either way. Below 10^19 × 10^18 no step can reach the limit, so the fast way needs no check.
struct DecimalSum {
    private var whole: Int64 = 0
    private var exponent = 0
    /// Foundation's total, once the fast way was left.
    private var slow: Decimal?

    /// Adds `d`; false when the total reaches `Limits.computedMagnitude` (a long enough list of terms
    /// below it can).
    mutating func add(_ d: Decimal) -> Bool {
        if slow == nil, let t = DecimalBytes.read(d), addFast(t) { return true }
        guard let total = ((slow ?? value) + d).computable else { return false }
        slow = total
        return true
    }

    /// The total (0 before any term).
    var value: Decimal {
        if let slow { return slow }
        return DecimalBytes.make(whole, exponent: exponent)
    }

    private mutating func addFast(_ t: DecimalBytes.Term) -> Bool {
        guard (-18...18).contains(t.exponent) else { return false }
        if whole == 0 {
            whole = t.value
            exponent = t.exponent
            return true
        }
        var w = whole, m = t.value, e = exponent
        if t.exponent > e {
            guard let s = Self.scaled(m, by: t.exponent - e) else { return false }
            m = s
        } else if t.exponent < e {
            guard let s = Self.scaled(w, by: e - t.exponent) else { return false }
            w = s
            e = t.exponent
        }
        let (sum, overflow) = w.addingReportingOverflow(m)
        if overflow { return false }
        whole = sum
        exponent = e
        return true
    }

    private static let powers: [Int64] = (0...18).map { k in (0..<k).reduce(Int64(1)) { p, _ in p * 10 } }

    private static func scaled(_ x: Int64, by k: Int) -> Int64? {
        guard k < powers.count else { return nil }
        let (p, overflow) = x.multipliedReportingOverflow(by: powers[k])
        return overflow ? nil : p
    }
}

/// A `Decimal`'s value read from its bytes and made from them: Foundation offers no integer view of the
/// mantissa (`significand` is another `Decimal`, and NSDecimalNumber a heap object a term). The layout
/// is Foundation's, not ours, so it is checked once against the public properties (`layoutKnown`);
/// where it differs, nothing is read and every sum takes Foundation's way.
enum DecimalBytes {
    struct Term {
        /// The signed mantissa.
        var value: Int64
        var exponent: Int
    }

    /// The value when its mantissa fits an Int64 (nil for NaN, a larger mantissa, or an unknown layout).
    static func read(_ d: Decimal) -> Term? {
        guard layoutKnown else { return nil }
        return unchecked(d)
    }

    private static func unchecked(_ d: Decimal) -> Term? {
        withUnsafeBytes(of: d) { b -> Term? in
            let flags = b[1]
            let length = Int(flags >> 4), negative = flags & 0x08 != 0
            // Length 0 and negative is NaN; more than four words is beyond 64 bits.
            guard length <= 4, !(length == 0 && negative) else { return nil }
            var m: UInt64 = 0
            for k in stride(from: length - 1, through: 0, by: -1) {
                m = m << 16 | UInt64(b[4 + 2 * k]) | UInt64(b[5 + 2 * k]) << 8
            }
            guard m <= UInt64(Int64.max) else { return nil }
            return Term(value: negative ? -Int64(m) : Int64(m), exponent: Int(Int8(bitPattern: b[0])))
        }
    }

    /// `whole` × 10^`exponent` in Foundation's compact form: no trailing zero in the mantissa, and zero
    /// as `Decimal(0)`. Only called once `read` has found the layout known.
    static func make(_ whole: Int64, exponent: Int) -> Decimal {
        var m = whole.magnitude, e = exponent
        guard m != 0 else { return Decimal(0) }
        while m % 10 == 0 { m /= 10; e += 1 }
        var d = Decimal(0)
        withUnsafeMutableBytes(of: &d) { b in
            var length = 0
            var rest = m
            while rest != 0 {
                b[4 + 2 * length] = UInt8(truncatingIfNeeded: rest)
                b[5 + 2 * length] = UInt8(truncatingIfNeeded: rest >> 8)
                rest >>= 16
                length += 1
            }
            b[0] = UInt8(bitPattern: Int8(e))
            // Length, negative, compact.
            b[1] = UInt8(length << 4) | (whole < 0 ? 0x08 : 0) | 0x04
        }
        return d
    }

    /// Whether this Foundation lays a `Decimal` out as `read` and `make` expect: values of one to four
    /// mantissa words, both signs and several exponents read as their public properties say, and made
    /// again byte for byte.
    static let layoutKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let samples: [Decimal] = [Decimal(sign: .minus, exponent: -1, significand: 125), Decimal(65536),
                                  Decimal(sign: .plus, exponent: -15, significand: Decimal(UInt64(1) << 40 + 7)),
                                  Decimal(sign: .minus, exponent: 7, significand: Decimal(UInt64(Int64.max))),
                                  Decimal(sign: .plus, exponent: 3, significand: 0)]
        func bytes(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }
        for d in samples {
            guard let t = unchecked(d) else { return false }
            let sign: FloatingPointSign = t.value < 0 ? .minus : .plus
            guard Decimal(sign: sign, exponent: t.exponent, significand: Decimal(t.value.magnitude)) == d,
                  d.isZero || t.exponent == d.exponent,
                  bytes(make(t.value, exponent: t.exponent)) == bytes(d) else { return false }
        }
        return unchecked(Decimal.nan) == nil
    }()
}
