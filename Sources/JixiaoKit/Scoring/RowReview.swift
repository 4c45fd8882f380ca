import Foundation

/// One indicator row read once: the scoring library's suggestion and its findings, from the row's
/// target, actual, weight, score and 偏差原因. The evaluation keeps one per row and reads a row again
/// only when one of those five changed; the checks and the scorecard both take it from there (targets
/// used to be parsed up to ten times a row, hidden behind a locked global memo).
public struct RowReview: Sendable, Equatable {
    public struct Inputs: Sendable, Equatable {
        public var target: String?
        public var actual: String?
        public var weight: Decimal?
        public var score: Decimal?
        public var reason: String?
    }

    public let inputs: Inputs
    /// What the scoring library suggests for the row, when it has a weight (the scorecard shows it).
    public let suggestion: Suggestion?
    public let findings: [IndicatorFinding]

    public init(_ inputs: Inputs, overAchievement: Decimal, rules: ReviewRules = ReviewRules()) {
        self.inputs = inputs
        // Both sides read once, for the suggestion and for the review's over-achievement.
        let comparison = inputs.target.flatMap { t in inputs.actual.map { IndicatorScorer.compare(target: t, actual: $0) } }
        let suggestion = inputs.weight.map { w in
            comparison.map { IndicatorScorer.suggest($0, weight: w, overAchievement: overAchievement) }
                ?? IndicatorScorer.suggest(target: inputs.target ?? "", actual: inputs.actual ?? "", weight: w, overAchievement: overAchievement)
        }
        self.suggestion = suggestion
        // The review judges a suggestion only for a row with both figures and a weight that is not negative.
        let judged = inputs.target != nil && inputs.actual != nil && (inputs.weight ?? -1) >= 0 ? suggestion : nil
        findings = IndicatorReview.review(target: inputs.target, actual: inputs.actual, weight: inputs.weight, score: inputs.score,
                                          reason: inputs.reason, overAchievement: overAchievement, rules: rules, suggestion: judged,
                                          comparison: comparison)
    }
}
