import Foundation
import Testing
@testable import JixiaoKit

/// The text a figure is shown and stored with: no exponent, no grouping, no trailing zeros.
struct DecimalPlainTests {
    @Test(arguments: [
        ("12.50", "12.5"), ("100", "100"), ("-0.001", "-0.001"), ("0", "0"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("0.000000000000000000000000000001", "0.000000000000000000000000000001"),
    ])
    func plainText(_ input: String, _ expected: String) throws {
        let d = try #require(Decimal(string: input, locale: Locale(identifier: "en_US_POSIX")))
        #expect(d.plain == expected)
        #expect(!d.plain.contains { $0 == "e" || $0 == "E" })
    }

    /// The fast `fixed` and `plain` (the digits as one integer) write what the text path writes, for
    /// values of every size, sign and number of decimals, at every scale; and most figures take them.
    @Test func fixedFromTheIntegerIsFixedFromTheText() {
        var seed: UInt64 = 0xF1_0ED
        func next(_ n: UInt64) -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return (seed >> 11) % n
        }
        var fast = 0, all = 0
        var values: [Decimal] = [0, 1, -1, Decimal(string: "0.005")!, Decimal(string: "-0.005")!, Decimal(string: "-0.004")!,
                                 Decimal(string: "999999999.995")!, Decimal(string: "-999999999.999")!, Decimal(string: "1e8")!,
                                 Decimal(string: "123456789012345678901234567890")!, Decimal(string: "0.000000000000000000000000000001")!]
        for _ in 0..<4000 {
            let digits = 1 + Int(next(30))
            var text = (next(3) == 0 ? "-" : "") + String((0..<digits).map { _ in Character(String(next(10))) })
            let point = Int(next(UInt64(digits + 1)))
            if point < digits { text.insert(".", at: text.index(text.endIndex, offsetBy: -(digits - point))) }
            if let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) {
                values.append(d)
                values.append(Decimal(sign: d.sign, exponent: d.exponent + Int(next(9)) - 4, significand: d.significand))
            }
        }
        var plainFast = 0
        for d in values {
            // Rounded too, as the percents and counts are shown: trailing zeros the rounding leaves.
            for v in [d, d.rounded(2), Decimal(sign: d.sign, exponent: d.exponent - 2, significand: d.significand * 100)] {
                guard let p = v.plainFromInteger else { continue }
                plainFast += 1
                #expect(p == v.plainFromText, "plain of \(v) (exponent \(v.exponent))")
            }
            for scale in 0...4 {
                let r = d.rounded(scale)
                all += 1
                guard let f = r.fixedFromInteger(scale) else { continue }
                fast += 1
                #expect(f == r.fixedFromText(scale), "\(d) at \(scale) decimals")
            }
        }
        #expect(fast * 2 > all, "the integer path took \(fast) of \(all)")
        #expect(plainFast > values.count, "the integer path of plain took \(plainFast) of \(3 * values.count)")
    }

    @Test func fixedDecimals() {
        #expect(Decimal(string: "9.2")!.fixed(2) == "9.20")
        #expect(Decimal(string: "2.585")!.fixed(2) == "2.59")
        #expect(Decimal(100).fixed(1) == "100.0")
    }
}

/// `computable` skips the comparison with the limit for values with decimals; what it keeps, rounds
/// and refuses is what the comparison decides, for values on both sides of 10^38 and of 40 decimals.
struct ComputableTests {
    static func byComparison(_ d: Decimal) -> Decimal? {
        if d.isNaN || d.magnitude >= Limits.computedMagnitude { return nil }
        return d.exponent < -Limits.computedScale ? d.rounded(Limits.computedScale) : d
    }

    @Test func computableIsWhatTheComparisonDecides() {
        var seed: UInt64 = 0xC0_FFEE
        func next(_ n: UInt64) -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return (seed >> 11) % n
        }
        var values: [Decimal] = [.nan, 0, Limits.computedMagnitude, -Limits.computedMagnitude,
                                 Decimal(string: "99999999999999999999999999999999999999")!,
                                 Decimal(string: "340282366920938463463374607431768211455")!,
                                 Decimal(string: "34028236692093846346337460743176821145.5")!]
        for _ in 0..<3000 {
            let digits = 1 + Int(next(38))
            let text = String((0..<digits).map { _ in Character(String(next(10))) })
            guard let m = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { continue }
            values.append(Decimal(sign: next(2) == 0 ? .plus : .minus, exponent: Int(next(90)) - 50, significand: m))
        }
        var refused = 0, kept = 0, rounded = 0
        for d in values {
            let expected = Self.byComparison(d), got = d.computable
            #expect(got == expected, "\(d) (exponent \(d.exponent))")
            if expected == nil { refused += 1 } else if expected == d { kept += 1 } else { rounded += 1 }
        }
        // Every branch is met: values refused, kept and rounded.
        #expect(refused > 100 && kept > 100 && rounded > 100, "refused \(refused), kept \(kept), rounded \(rounded)")
    }
}
