import Foundation

/// Exact decimal helpers. Money, rates and scores are `Decimal` everywhere: binary floating point
/// would make 0.1 + 0.2 ≠ 0.3 and put the wrong cent on a printed form.
public extension Decimal {
    /// Half-up rounding (四舍五入) to `scale` decimals, as the finance forms print.
    func rounded(_ scale: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }

    /// Plain decimal text without exponent or grouping, trimmed of trailing zeros ("12.5", "100").
    var plain: String { plainFromInteger ?? plainFromText }

    /// `plain` for a value whose digits fit an Int64 with at most nine decimals: written from that integer
    /// (see `fixedFromInteger`); nil otherwise.
    internal var plainFromInteger: String? {
        guard !isNaN, exponent >= -9 else { return nil }
        let places = max(0, -exponent)
        guard var s = fixedFromInteger(places) else { return nil }
        // The text path writes no trailing zeros after the point, nor a point with nothing after it.
        if places > 0 {
            while s.utf8.last == UInt8(ascii: "0") { s.removeLast() }
            if s.utf8.last == UInt8(ascii: ".") { s.removeLast() }
        }
        return s
    }

    /// `plain` by way of Foundation's description, for any value.
    internal var plainFromText: String {
        let s = "\(self)"
        // Bytes looked at, not `contains("e")`: with Foundation imported that is a locale-aware
        // search through NSString (a tenth of adding a row on a 200-project draft, where every
        // figure of the form is shown again).
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return s }
        return NSDecimalNumber(decimal: self).stringValue
    }

    /// Text with exactly `scale` decimals after half-up rounding ("9.20").
    func fixed(_ scale: Int) -> String {
        let r = rounded(scale)
        if let s = r.fixedFromInteger(scale) { return s }
        return r.fixedFromText(scale)
    }

    /// `fixed` for a value already rounded to `scale` decimals whose digits fit an Int64: the digits
    /// read as one integer and the point put in, instead of Foundation's description (about 2 µs a value,
    /// fifteen times this: the first frame of a large draft formats every figure of the form). nil when
    /// the value is out of that range or has more decimals; `fixedFromText` then.
    ///
    /// No `Decimal` comparison on the way: one of a value against a limit of another exponent cost as
    /// much as the rest together (about 160 ns; the recovery worker formats every figure of the form
    /// being typed into after each key).
    internal func fixedFromInteger(_ scale: Int) -> String? {
        guard (0...9).contains(scale), !isNaN else { return nil }
        // value × 10^scale = significand × 10^e, a whole number when e >= 0.
        let e = exponent + scale
        guard (0...18).contains(e) else { return nil }
        let whole = NSDecimalNumber(decimal: significand)
        // Below 10^17 (told in floating point, with room to spare) the significand is an Int64 exactly.
        guard whole.doubleValue < 1e17 else { return nil }
        var n = whole.int64Value
        for _ in 0..<e {
            let (p, overflow) = n.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            n = p
        }
        if sign == .minus && n != 0 { n = -n }
        var digits = String(n.magnitude)
        if scale == 0 { return n < 0 ? "-" + digits : digits }
        if digits.utf8.count <= scale { digits = String(repeating: "0", count: scale + 1 - digits.utf8.count) + digits }
        var out = n < 0 ? "-" : ""
        out.reserveCapacity(digits.utf8.count + 2)
        let point = digits.index(digits.endIndex, offsetBy: -scale)
        out += digits[..<point]
        out += "."
        out += digits[point...]
        return out
    }

    /// `fixed` by way of the plain text, for any value.
    internal func fixedFromText(_ scale: Int) -> String {
        var s = plainFromText
        if scale <= 0 { return s }
        if let dot = s.firstIndex(of: ".") {
            let have = s.distance(from: dot, to: s.endIndex) - 1
            if have < scale { s += String(repeating: "0", count: scale - have) }
        } else {
            s += "." + String(repeating: "0", count: scale)
        }
        return s
    }

    var isNegativeValue: Bool { self < 0 }

    /// The value as a computed cell may hold it: nil when it is NaN or reaches `Limits.computedMagnitude`
    /// (an overflow, reported on the cell), decimals beyond `Limits.computedScale` rounded off. Every
    /// value a formula produces passes here, so two of them never multiply into an overflow (NaN) or an
    /// underflow (a trap).
    var computable: Decimal? {
        if isNaN { return nil }
        let e = exponent
        // With a decimal or more the value is below 10^38 whatever its digits (a mantissa of 128 bits
        // holds less than 3.5 × 10^38): no comparison with the limit, whose exponents differ by forty
        // and made it the slow part of every sum (about 430 against 70 ns a term).
        if e < 0 { return e < -Limits.computedScale ? rounded(Limits.computedScale) : self }
        return magnitude >= Limits.computedMagnitude ? nil : self
    }

    static let hundred = Decimal(100)
    static let centTolerance = Decimal(sign: .plus, exponent: -2, significand: 1)
}

/// Formats for display. Money and scores: two decimals; rates: percent with up to two decimals.
public enum NumberFormat {
    public static func money(_ d: Decimal) -> String { d.fixed(2) }

    /// A ratio (0.9205…) shown as a percentage with up to two decimals ("92.05%", "100%").
    public static func percent(_ ratio: Decimal) -> String {
        let p = (ratio * Decimal.hundred).rounded(2)
        return p.plain + "%"
    }

    /// A whole number, or a trimmed decimal when the value has a fraction.
    public static func count(_ d: Decimal) -> String { d.rounded(2).plain }
}
