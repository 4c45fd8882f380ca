import Foundation
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

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

    /// The library's SplitMix64: a failing property case is reproduced from the seed printed with it.
    typealias SplitMix64 = SeededRandom
}
