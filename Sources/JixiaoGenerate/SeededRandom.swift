import Foundation
import JixiaoKit

/// A small deterministic random source (SplitMix64): the same seed gives the same sequence on every
/// machine and every run, which `SystemRandomNumberGenerator` does not.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, without modulo bias worth caring about for test data.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    public mutating func pick<T>(_ list: [T]) -> T { list[int(0...(list.count - 1))] }

    /// A decimal in [low, high] with `scale` decimals (cents for money).
    public mutating func decimal(_ low: Decimal, _ high: Decimal, scale: Int) -> Decimal {
        let unit = Decimal(sign: .plus, exponent: -scale, significand: 1)
        let steps = NSDecimalNumber(decimal: ((high - low) / unit).rounded(0)).intValue
        return low + Decimal(int(0...max(steps, 0))) * unit
    }
}
