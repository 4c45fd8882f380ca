import Foundation
import Testing
@testable import JixiaoKit
import JixiaoGenerate

/// `DecimalSum` against Foundation's `+` term by term (what `FormulaEvaluator.sum` did before): the same
/// bytes after every step, and the limit reached at the same step.
struct DecimalSumTests {
    private func bytes(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }

    /// A term of one of the kinds the forms hold: an amount with up to two decimals, any value of up to
    /// 19 digits at exponents the fast way takes and a few beyond, one of up to 38 digits (past 64 bits),
    /// a recurring fraction (a rate), zero.
    private func term(_ g: inout SeededRandom) -> Decimal {
        let sign: FloatingPointSign = g.next() % 3 == 0 ? .minus : .plus
        switch g.next() % 8 {
        case 0, 1, 2:
            return Decimal(sign: sign, exponent: -Int(g.next() % 3), significand: Decimal(g.next() % 10_000_000_000))
        case 3, 4:
            let digits = Int(g.next() % 19) + 1
            let m = g.next() % (digits == 19 ? UInt64(Int64.max) : (0..<digits).reduce(UInt64(1)) { p, _ in p * 10 })
            return Decimal(sign: sign, exponent: Int(g.next() % 45) - 22, significand: Decimal(m))
        case 5:
            let digits = (0..<(Int(g.next() % 18) + 20)).map { _ in String(g.next() % 10) }.joined()
            return Decimal(sign: sign, exponent: Int(g.next() % 11) - 5, significand: Decimal(string: digits)!)
        case 6:
            return Decimal(Int(g.next() % 100) + 1) / Decimal(Int(g.next() % 7) + 3)
        default:
            return 0
        }
    }

    @Test func theSameBytesAsFoundationTermByTerm() {
        var g = SeededRandom(seed: 12)
        var fast = 0
        for _ in 0..<3_000 {
            var sum = DecimalSum()
            var total = Decimal(0)
            for _ in 0..<Int(g.next() % 40) {
                let d = term(&g)
                if DecimalBytes.read(d) != nil { fast += 1 }
                let expected = (total + d).computable
                let added = sum.add(d)
                #expect(added == (expected != nil), "\(total) + \(d)")
                guard let expected else { break }
                total = expected
                #expect(bytes(sum.value) == bytes(total), "\(total) after adding \(d)")
            }
        }
        // The fast way was taken (most amounts are read from their bytes).
        #expect(fast > 30_000)
    }

    /// Totals that outgrow 64 bits, and the limit of 10^38 reached by a long list of terms below it.
    @Test(arguments: [(["9223372036854775807", "1"], "9223372036854775808"),
                      (["-9223372036854775807", "-2", "3"], "-9223372036854775806"),
                      (["0.01", "1000000000000000000"], "1000000000000000000.01"),
                      (["1e18", "1e-18", "-1e18"], "1e-18"),
                      (["1.5", "-1.5"], "0")])
    func outgrowingTheIntegerGivesTheExactTotal(_ terms: [String], _ total: String) throws {
        var sum = DecimalSum()
        for t in terms {
            let added = sum.add(try #require(Decimal(string: t)))
            #expect(added)
        }
        #expect(bytes(sum.value) == bytes(try #require(Decimal(string: total))))
    }

    @Test func reachingTheLimitIsRefusedAtTheStep() {
        var sum = DecimalSum()
        let big = Decimal(sign: .plus, exponent: 37, significand: 4)
        let steps = [big, big, Decimal(sign: .plus, exponent: 37, significand: 2)].map { sum.add($0) }
        #expect(steps == [true, true, false])
    }

    #if os(Linux)
    /// On this platform the bytes are read: a change of Foundation's layout would silently make every
    /// sum slow again, so it fails here.
    @Test func theLayoutIsKnownHere() { #expect(DecimalBytes.layoutKnown) }
    #endif
}
