import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

private typealias F = ScoringFixtures

/// Properties over seeded random rows. Each failure message carries the inputs, and the seeds are fixed,
/// so any failure reproduces exactly.
@Suite struct ScoringPropertyTests {
    static let cases = 3000
    static let threshold = F.d("1.2")

    private static func suggest(_ target: String, _ actual: String, _ weight: Decimal) -> Suggestion {
        IndicatorScorer.suggest(target: target, actual: actual, weight: weight, overAchievement: threshold)
    }

    @Test func suggestedScoreStaysWithinZeroAndWeight() {
        var rng = F.SplitMix64(seed: 0x000A_11CE)
        let words = ["≥", "≤", "=", "", "不低于", "控制在", ">=", "<", "至少", "低于"]
        let units = ["%", "人", "万元", "", "份", "起"]
        var quantitative = 0
        for _ in 0..<Self.cases {
            let unit = rng.pick(units)
            let target = rng.pick(words) + rng.decimal(0, 10000, scale: Int.random(in: 0...2, using: &rng)).plain + unit
            let actualUnit = Int.random(in: 0..<10, using: &rng) == 0 ? rng.pick(units) : unit
            let actual = rng.decimal(-100, 30000, scale: Int.random(in: 0...2, using: &rng)).plain + actualUnit
            let weight = rng.decimal(0, 20, scale: Int.random(in: 0...2, using: &rng))
            let s = Self.suggest(target, actual, weight)
            let row = "target \(target), actual \(actual), weight \(weight)"
            if let score = s.score {
                quantitative += 1
                #expect(score >= 0 && score <= weight, "\(row) → \(score)")
                #expect(score == score.rounded(2), "\(row) → \(score) has more than two decimals")
                if s.met == true { #expect(score == weight, "\(row): met but \(score)") }
            } else {
                #expect(s.kind == .qualitative, "\(row)")
                #expect(s.tiers.first?.upper == weight && s.tiers.last?.lower == 0, "\(row)")
            }
        }
        // The generator must exercise the arithmetic, not only the qualitative fallback.
        #expect(quantitative > Self.cases / 2)
    }

    @Test func higherIsBetterNeverFallsWhenActualRises() {
        var rng = F.SplitMix64(seed: 0x000B_0B0B)
        for _ in 0..<Self.cases {
            let word = rng.pick(["≥", "", "不低于", "至少", ">="])
            let unit = rng.pick(["%", "人", "万元"])
            let t = rng.decimal(0, 5000, scale: 2)
            let target = word + (t == 0 ? "1" : t.plain) + unit
            let weight = rng.decimal(0, 20, scale: 1)
            let a1 = rng.decimal(-50, 12000, scale: 2)
            let a2 = a1 + rng.decimal(0, 3000, scale: 2)
            let s1 = Self.suggest(target, a1.plain + unit, weight).score
            let s2 = Self.suggest(target, a2.plain + unit, weight).score
            guard let s1, let s2 else {
                Issue.record("\(target) read as qualitative")
                continue
            }
            #expect(s1 <= s2, "target \(target), weight \(weight): \(a1) → \(s1) but \(a2) → \(s2)")
        }
    }

    @Test func lowerIsBetterNeverRisesWhenActualRises() {
        var rng = F.SplitMix64(seed: 0x000C_0C0C)
        for _ in 0..<Self.cases {
            let (pre, post) = rng.pick([("≤", ""), ("", "以内"), ("控制在", "以内"), ("低于", ""), ("<=", ""), ("不超过", "")])
            let unit = rng.pick(["%", "人", "万元"])
            let t = rng.decimal(0, 5000, scale: 2)
            let target = pre + t.plain + unit + post
            let weight = rng.decimal(0, 20, scale: 1)
            let a1 = rng.decimal(-50, 12000, scale: 2)
            let a2 = a1 + rng.decimal(0, 3000, scale: 2)
            let s1 = Self.suggest(target, a1.plain + unit, weight).score
            let s2 = Self.suggest(target, a2.plain + unit, weight).score
            guard let s1, let s2 else {
                Issue.record("\(target) read as qualitative")
                continue
            }
            #expect(s1 >= s2, "target \(target), weight \(weight): \(a1) → \(s1) but \(a2) → \(s2)")
        }
    }

    /// A grade always agrees with the total as printed (two decimals, half-up), and never goes down as the
    /// total goes up.
    @Test func gradeFollowsThePrintedTotal() {
        var rng = F.SplitMix64(seed: 0x000D_0D0D)
        let rank = ["差": 0, "中": 1, "良": 2, "优": 3]
        func expected(_ printed: Decimal) -> String {
            printed >= 90 ? "优" : printed >= 80 ? "良" : printed >= 60 ? "中" : "差"
        }
        for _ in 0..<Self.cases {
            // Mostly near the band edges, where half-up rounding decides.
            let edge = rng.pick([Decimal(60), 80, 90])
            let x = Int.random(in: 0..<4, using: &rng) == 0
                ? rng.decimal(0, 100, scale: 3)
                : edge + rng.decimal(-20, 20, scale: 3) / 1000
            let y = x + rng.decimal(0, 5, scale: 3)
            guard let gx = Grade.grade(x), let gy = Grade.grade(y) else {
                Issue.record("no grade for \(x) or \(y)")
                continue
            }
            #expect(gx == expected(x.rounded(2)), "\(x) printed \(x.rounded(2).fixed(2)) graded \(gx)")
            #expect(gx == Grade.grade(x.rounded(2)), "\(x)")
            #expect(rank[gx]! <= rank[gy]!, "\(x) → \(gx) but \(y) → \(gy)")
        }
    }
}
