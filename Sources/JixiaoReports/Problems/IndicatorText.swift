import Foundation
import JixiaoKit

/// What the scoring library's review found about an indicator row, in words (`IndicatorFinding`).
/// Sentences name no form, row or column: the problem's location says where.
public enum IndicatorText {
    public static func message(_ f: IndicatorFinding) -> String {
        switch f {
        case let .scoreAboveWeight(score, weight): return scoreAboveWeight(score: score, weight: weight)
        case let .scoreNegative(score): return scoreNegative(score: score)
        case let .fullMarksOnMiss(suggested, reason): return fullMarksOnMiss(suggested: suggested, reason: ScoringText.reason(reason))
        case let .belowWeightWithoutReason(score, weight): return belowWeightWithoutReason(score: score, weight: weight)
        case let .overAchievement(actual, target, ratio): return overAchievement(actual: actual, target: target, ratio: ratio)
        case let .departsFromSuggestion(given, suggested): return departsFromSuggestion(given: given, suggested: suggested)
        case let .overAchievementWithoutReason(ratio, threshold): return overAchievementWithoutReason(ratio: ratio, threshold: threshold)
        case let .belowWeightOnMetTarget(score, weight): return belowWeightOnMetTarget(score: score, weight: weight)
        case let .reasonStatesOtherActual(stated, actual): return reasonStatesOtherActual(stated: stated, actual: actual)
        }
    }


    public static func scoreAboveWeight(score s: Decimal, weight: Decimal) -> String {
        "得分 \(score(s)) 大于分值 \(score(weight))，得分不能大于分值"
    }

    public static func scoreNegative(score s: Decimal) -> String {
        "得分 \(score(s)) 为负数，得分不能小于 0"
    }

    public static func fullMarksOnMiss(suggested: Decimal, reason: String) -> String {
        "实际完成值未达到指标值，却给了满分；建议得分 \(score(suggested))（\(reason)）"
    }

    public static func belowWeightWithoutReason(score s: Decimal, weight: Decimal) -> String {
        "得分 \(score(s)) 低于分值 \(score(weight))，请填写偏差原因分析及改进措施"
    }

    public static func overAchievement(actual: Measure, target: Measure, ratio: Decimal) -> String {
        "实际 \(actual) 为目标 \(target) 的 \(NumberFormat.percent(ratio))，超额较多，指标值可能定得偏低，可在偏差原因中说明"
    }

    public static func overAchievementWithoutReason(ratio: Decimal, threshold: Decimal) -> String {
        "实际完成值为指标值的 \(NumberFormat.percent(ratio))，达到模板规定须说明的 \(NumberFormat.percent(threshold))：请填写偏差原因分析及改进措施"
    }

    public static func reasonStatesOtherActual(stated: Measure, actual: Measure) -> String {
        "偏差原因中写实际完成 \(stated)，与本行实际完成值 \(actual) 不一致。请核对。"
    }

    public static func belowWeightOnMetTarget(score s: Decimal, weight: Decimal) -> String {
        "实际完成值已达到指标值，按评分说明应记全部分值 \(score(weight))，现为 \(score(s))（填写偏差原因不能代替）"
    }

    public static func departsFromSuggestion(given: Decimal, suggested: Decimal) -> String {
        "得分 \(score(given)) 与按指标值计算的建议得分 \(score(suggested)) 不同（允许，仅作提示）"
    }

    /// Scores and weights with two decimals, as the 得分 column prints them.
    static func score(_ d: Decimal) -> String { d.fixed(2) }
}
