import Foundation

/// A suggested score for one indicator row. The library suggests; the accountant decides.
public struct Suggestion: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case quantitative(Direction)
        /// A word target, an actual that is not a number, or units that disagree: the person picks a tier.
        case qualitative
    }

    /// One of the three bands of the weight a qualitative row is scored in (财预〔2020〕10号).
    public struct Tier: Sendable, Equatable {
        public enum Level: String, Sendable, CaseIterable {
            /// 达成预期: [80%, 100%] of the weight.
            case achieved
            /// 部分达成: [60%, 80%).
            case partial
            /// 未达成: [0, 60%).
            case notAchieved
        }

        public let level: Level
        public let lower: Decimal
        public let upper: Decimal
        /// Only the top tier includes its upper bound: 80% of the weight is 达成, not 部分达成.
        public let includesUpper: Bool

        public var label: String { ScoringText.tierLabel(level) }

        public func contains(_ score: Decimal) -> Bool {
            score >= lower && (includesUpper ? score <= upper : score < upper)
        }

        /// The three tiers for `weight`, best first; bounds are exact (no rounding) so that a score on
        /// a boundary falls in exactly one tier.
        public static func tiers(weight: Decimal) -> [Tier] {
            let high = weight * Decimal(string: "0.8")!
            let mid = weight * Decimal(string: "0.6")!
            return [
                Tier(level: .achieved, lower: high, upper: weight, includesUpper: true),
                Tier(level: .partial, lower: mid, upper: high, includesUpper: false),
                Tier(level: .notAchieved, lower: 0, upper: mid, includesUpper: false),
            ]
        }
    }

    /// Half-up to two decimals, within [0, weight]; nil when qualitative.
    public let score: Decimal?
    public let kind: Kind
    /// Whether the actual reaches the target; nil when qualitative.
    public let met: Bool?
    /// The tiers to pick from when qualitative; empty when quantitative.
    public let tiers: [Tier]
    /// Why, as values: the rule applied and its numbers, or why no rule applies.
    public let why: Reason
    /// Why, in Chinese, with the numbers (the scorecard's explanation).
    public var reason: String { ScoringText.reason(why) }

    /// The rule a suggestion was made by, or why there is none.
    public enum Reason: Sendable, Equatable {
        case invalidWeight(Decimal)
        case targetEmpty
        case qualitativeTarget(String)
        case actualEmpty
        case actualNotNumber(String)
        case unitMismatch(target: String, actual: String)
        case negativeTarget(Measure)
        case zeroTargetMet(actual: Measure)
        case zeroTargetMissed(actual: Measure)
        case higherMet(actual: Measure, target: Measure)
        case higherMissed(actual: Measure, target: Measure, weight: Decimal, score: Decimal)
        case lowerMet(actual: Measure, target: Measure)
        case lowerTwiceOver(actual: Measure, target: Measure)
        case lowerOver(actual: Measure, target: Measure, weight: Decimal, score: Decimal)
    }
    /// The readings compared, in the agreed unit (a side written without a unit takes the other's).
    public let target: Measure?
    public let actual: Measure?
    /// actual ÷ target (to 4 decimals) when a 正向 actual reaches the over-achievement threshold.
    public let overAchievementRatio: Decimal?
}

/// Suggests a score from a target and an achieved value, by the rules of the national performance module
/// (FASP2 pmkpi) as DOMAIN.md states them.
public enum IndicatorScorer {
    /// - Parameter overAchievement: a 正向 actual at or above target × this is flagged (a template setting,
    ///   1.2 by default); a value ≤ 1 turns the flag off, since every met target would trip it.
    public static func suggest(target: String, actual: String, weight: Decimal,
                               overAchievement: Decimal) -> Suggestion {
        guard weight >= 0 else {
            return qualitative(weight: nil, reason: .invalidWeight(weight))
        }
        return suggest(compare(target: target, actual: actual), weight: weight, overAchievement: overAchievement)
    }

    /// The same, from the two sides read already (`RowReview` reads them once for the suggestion and the review).
    static func suggest(_ comparison: Comparison, weight: Decimal, overAchievement: Decimal) -> Suggestion {
        guard weight >= 0 else {
            return qualitative(weight: nil, reason: .invalidWeight(weight))
        }
        switch comparison {
        case .notComparable(let reason):
            return qualitative(weight: weight, reason: reason)
        case .comparable(let direction, let t, let a):
            return score(direction: direction, target: t, actual: a, weight: weight,
                         overAchievement: overAchievement)
        }
    }

    // MARK: - Comparison

    enum Comparison {
        case notComparable(reason: Suggestion.Reason)
        /// Both sides in the same unit.
        case comparable(Direction, target: Measure, actual: Measure)
    }

    /// Reads both sides and decides whether they can be compared at all.
    ///
    /// Unit agreement: equal units agree; a side written with no unit at all agrees with any unit and
    /// takes the other side's (accountants drop the unit on one side — "95" against "98%" — and the column
    /// fixes its meaning); two different units never agree, even 万元 and 元, because converting would
    /// hide the very mistake the check is for.
    static func compare(target: String, actual: String) -> Comparison {
        let targetText = target.trimmed
        let actualText = actual.trimmed
        if targetText.isEmpty { return .notComparable(reason: .targetEmpty) }
        guard case .quantitative(let direction, var t) = TargetReader.readTarget(targetText) else {
            return .notComparable(reason: .qualitativeTarget(targetText))
        }
        if actualText.isEmpty { return .notComparable(reason: .actualEmpty) }
        guard var a = TargetReader.readActual(actualText) else {
            return .notComparable(reason: .actualNotNumber(actualText))
        }
        if t.unit != a.unit {
            if t.unit.isEmpty {
                t.unit = a.unit
            } else if a.unit.isEmpty {
                a.unit = t.unit
            } else {
                return .notComparable(reason: .unitMismatch(target: t.unit, actual: a.unit))
            }
        }
        // Ratios to a negative target flip meaning (a smaller loss is "more"); no rule covers it.
        if t.value < 0 { return .notComparable(reason: .negativeTarget(t)) }
        return .comparable(direction, target: t, actual: a)
    }

    // MARK: - Rules

    private static func score(direction: Direction, target t: Measure, actual a: Measure, weight w: Decimal,
                              overAchievement: Decimal) -> Suggestion {
        let tv = t.value
        // A negative actual counts as 0 (DOMAIN: "A negative actual counts as 0").
        let av = max(a.value, 0)
        var raw: Decimal
        var met: Bool
        var reason: Suggestion.Reason

        switch direction {
        case .equal where tv == 0:
            met = av <= 0
            raw = met ? w : 0
            reason = met ? .zeroTargetMet(actual: a) : .zeroTargetMissed(actual: a)
        case .higherIsBetter, .equal:
            if av >= tv {
                // Also covers "≥0": any actual ≥ 0 meets a zero floor, and there is nothing to divide by.
                met = true
                raw = w
                reason = .higherMet(actual: a, target: t)
            } else {
                met = false
                raw = w * av / tv
                reason = .higherMissed(actual: a, target: t, weight: w, score: clamp(raw, w))
            }
        case .lowerIsBetter:
            if av <= tv {
                met = true
                raw = w
                reason = .lowerMet(actual: a, target: t)
            } else if tv == 0 {
                // "Twice the target" means nothing for 0; any positive actual misses, as for "=0".
                met = false
                raw = 0
                reason = .zeroTargetMissed(actual: a)
            } else if av >= tv * 2 {
                met = false
                raw = 0
                reason = .lowerTwiceOver(actual: a, target: t)
            } else {
                met = false
                raw = w * (tv * 2 - av) / tv
                reason = .lowerOver(actual: a, target: t, weight: w, score: clamp(raw, w))
            }
        }

        let ratio = overAchievementRatio(direction: direction, target: t, actual: a, threshold: overAchievement)
        return Suggestion(score: clamp(raw, w), kind: .quantitative(direction), met: met, tiers: [],
                          why: reason, target: t, actual: a, overAchievementRatio: ratio)
    }

    /// actual ÷ target when a 正向 actual reaches threshold × target. Only 正向: a 反向 actual far below
    /// its ceiling is good news, and an "=" target is exact by intent.
    static func overAchievementRatio(direction: Direction, target t: Measure, actual a: Measure,
                                     threshold: Decimal) -> Decimal? {
        let av = max(a.value, 0)
        guard direction == .higherIsBetter, t.value > 0, threshold > 1, av >= t.value * threshold else { return nil }
        return (av / t.value).rounded(4)
    }

    /// Rounds half-up to two decimals, then keeps the result inside [0, weight]. A weight with more than
    /// two decimals (never seen, but typeable) would round above itself; it is cut down instead.
    static func clamp(_ raw: Decimal, _ weight: Decimal) -> Decimal {
        let r = raw.rounded(2)
        if r < 0 { return 0 }
        if r > weight {
            var w = weight
            var down = Decimal()
            NSDecimalRound(&down, &w, 2, .down)
            return down
        }
        return r
    }

    private static func qualitative(weight: Decimal?, reason: Suggestion.Reason) -> Suggestion {
        Suggestion(score: nil, kind: .qualitative, met: nil,
                   tiers: weight.map { Suggestion.Tier.tiers(weight: $0) } ?? [],
                   why: reason, target: nil, actual: nil, overAchievementRatio: nil)
    }
}
