import Foundation

/// Every Chinese sentence the scoring library produces, in one place so the wording can be reviewed
/// against the forms. Values and measures are printed trimmed ("47.96万元", "100%"); scores and weights
/// with two decimals ("1.60"), as the 得分 column prints them. Sentences name no form, row or column:
/// the caller that knows the cell prefixes its location.
public enum ScoringText {
    /// In place of a grade while the form has cells still to fill.
    public static let gradePending = "未填完，暂不评定"

    // MARK: Tiers

    public static func tierLabel(_ level: Suggestion.Tier.Level) -> String {
        switch level {
        case .achieved: return "达成预期"
        case .partial: return "部分达成"
        case .notAchieved: return "未达成"
        }
    }

    public static func severityLabel(_ severity: Severity) -> String {
        switch severity {
        case .error: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }

    /// Why a suggestion is what it is. A negative actual, which counts as 0, is said after the rule.
    public static func reason(_ r: Suggestion.Reason) -> String {
        switch r {
        case let .invalidWeight(w): return invalidWeight(w)
        case .targetEmpty: return targetEmpty()
        case let .qualitativeTarget(t): return qualitativeTarget(t)
        case .actualEmpty: return actualEmpty()
        case let .actualNotNumber(a): return actualNotNumber(a)
        case let .unitMismatch(t, a): return unitMismatch(target: t, actual: a)
        case let .negativeTarget(t): return negativeTarget(t)
        case let .zeroTargetMet(a): return zeroTargetMet(actual: a) + note(a)
        case let .zeroTargetMissed(a): return zeroTargetMissed(actual: a) + note(a)
        case let .higherMet(a, t): return higherMet(actual: a, target: t) + note(a)
        case let .higherMissed(a, t, w, s): return higherMissed(actual: a, target: t, weight: w, score: s) + note(a)
        case let .lowerMet(a, t): return lowerMet(actual: a, target: t) + note(a)
        case let .lowerTwiceOver(a, t): return lowerTwiceOver(actual: a, target: t) + note(a)
        case let .lowerOver(a, t, w, s): return lowerOver(actual: a, target: t, weight: w, score: s) + note(a)
        }
    }

    private static func note(_ actual: Measure) -> String { actual.value < 0 ? negativeActualNote() : "" }

    // MARK: Why a row has no computed suggestion

    static let decidedByPerson = "按定性指标由填表人判断"

    public static func targetEmpty() -> String { "指标值为空，无法给出建议得分，由填表人判断" }

    public static func qualitativeTarget(_ text: String) -> String {
        "指标值「\(text)」不是可计算的数值目标，\(decidedByPerson)"
    }

    public static func actualEmpty() -> String { "实际完成值为空，无法给出建议得分，由填表人判断" }

    public static func actualNotNumber(_ text: String) -> String {
        "实际完成值「\(text)」不是数值，\(decidedByPerson)"
    }

    public static func unitMismatch(target: String, actual: String) -> String {
        "指标值与实际值单位不一致（\(target) / \(actual)），\(decidedByPerson)"
    }

    public static func negativeTarget(_ target: Measure) -> String {
        "指标值 \(target) 为负数，无法按比例计分，\(decidedByPerson)"
    }

    public static func invalidWeight(_ weight: Decimal) -> String {
        "分值 \(score(weight)) 为负数，无法给出建议得分"
    }

    // MARK: Quantitative rules

    public static func higherMet(actual: Measure, target: Measure) -> String {
        "实际 \(actual) ≥ 目标 \(target)，满分"
    }

    public static func higherMissed(actual: Measure, target: Measure, weight: Decimal, score s: Decimal) -> String {
        "实际 \(actual) 未达到目标 \(target)，得分 = 分值 \(score(weight)) × \(nonNegative(actual)) ÷ \(target.value.plain) = \(score(s))"
    }

    public static func lowerMet(actual: Measure, target: Measure) -> String {
        "实际 \(actual) ≤ 目标 \(target)，满分"
    }

    public static func lowerOver(actual: Measure, target: Measure, weight: Decimal, score s: Decimal) -> String {
        let a = nonNegative(actual), t = target.value.plain
        return "实际 \(actual) 超过目标 ≤\(target)，得分 = 分值 \(score(weight)) × (1 − (\(a) − \(t)) ÷ \(t)) = \(score(s))"
    }

    public static func lowerTwiceOver(actual: Measure, target: Measure) -> String {
        "实际 \(actual) 超过目标 ≤\(target) 的两倍，得 0 分"
    }

    public static func zeroTargetMet(actual: Measure) -> String {
        "目标为 0，实际 \(actual) 未超过 0，满分"
    }

    public static func zeroTargetMissed(actual: Measure) -> String {
        "目标为 0，实际 \(actual) 大于 0，得 0 分"
    }

    public static func negativeActualNote() -> String { "（实际为负数，按 0 计）" }

    // MARK: Number formats

    static func score(_ d: Decimal) -> String { d.fixed(2) }

    /// The actual as it enters the formula: a negative actual counts as 0.
    private static func nonNegative(_ m: Measure) -> String { max(m.value, 0).plain }
}
