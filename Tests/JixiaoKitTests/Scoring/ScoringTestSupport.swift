import Foundation
@testable import JixiaoKit

/// Helpers of the scoring tests, namespaced so they cannot collide with other test files of the target.
enum ScoringFixtures {
    /// Decimal from text, so test tables read like the forms ("1.98", not 1.98 through a Double).
    static func d(_ s: String) -> Decimal {
        guard let d = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) else {
            preconditionFailure("bad decimal literal in test: \(s)")
        }
        return d
    }

    static func m(_ value: String, _ unit: String) -> Measure { Measure(value: d(value), unit: unit) }

    /// SplitMix64: tiny and seedable, so a failing property case is reproduced from the seed printed
    /// with it, on any platform.
    struct SplitMix64: RandomNumberGenerator {
        private(set) var state: UInt64
        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// A decimal in [lo, hi] on the grid of 10^-scale.
        mutating func decimal(_ lo: Int, _ hi: Int, scale: Int) -> Decimal {
            let factor = (0..<scale).reduce(1) { acc, _ in acc * 10 }
            let n = Int.random(in: (lo * factor)...(hi * factor), using: &self)
            return Decimal(n) / Decimal(factor)
        }

        mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
    }
}
