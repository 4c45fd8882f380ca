import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

private typealias F = ScoringFixtures

struct ReviewCase: Sendable, CustomTestStringConvertible {
    let note: String
    let target: String?
    let actual: String?
    let weight: String?
    let score: String?
    let reason: String?
    let expected: [IndicatorFinding]
    var testDescription: String { note }
}

private let reviewCases: [ReviewCase] = [
    ReviewCase(note: "seed 001 附件2 职称评定通过率: full marks on a miss", target: "≤55%", actual: "100%", weight: "2",
               score: "2", reason: "通过270人",
               // 100% is under twice 55%, so the 反向 rule suggests 2 × (1 − 45 ÷ 55) = 0.36, not 0.
               expected: [.fullMarksOnMiss(suggested: F.d("0.36"),
                                           reason: .lowerOver(actual: F.m("100", "%"), target: F.m("55", "%"), weight: 2, score: F.d("0.36")))]),
    ReviewCase(note: "反向 beyond twice, full marks", target: "≤55%", actual: "120%", weight: "2", score: "2",
               reason: nil, expected: [.fullMarksOnMiss(suggested: 0, reason: .lowerTwiceOver(actual: F.m("120", "%"), target: F.m("55", "%")))]),
    ReviewCase(note: "seed 001 附件2 效益指标 9 of 10 with no 偏差原因", target: "有效促进", actual: "有效促进", weight: "10",
               score: "9", reason: "", expected: [.belowWeightWithoutReason(score: 9, weight: 10)]),
    ReviewCase(note: "a reason of blanks is no reason", target: "有效促进", actual: "有效促进", weight: "10",
               score: "9", reason: " \n　", expected: [.belowWeightWithoutReason(score: 9, weight: 10)]),
    ReviewCase(note: "qualitative row with a reason", target: "有效促进", actual: "有效促进", weight: "10",
               score: "9", reason: "部分工作推进较慢", expected: []),
    ReviewCase(note: "seed 001 附件2 职称评定数 374 of 100: over-achievement", target: "≥100人", actual: "374人",
               weight: "2", score: "2", reason: nil,
               expected: [.overAchievement(actual: F.m("374", "人"), target: F.m("100", "人"), ratio: F.d("3.74"))]),
    ReviewCase(note: "over-achievement exactly at 120%", target: "≥100人", actual: "120人", weight: "2", score: "2",
               reason: nil, expected: [.overAchievement(actual: F.m("120", "人"), target: F.m("100", "人"), ratio: F.d("1.2"))]),
    ReviewCase(note: "just under 120% is not over-achievement", target: "≥100人", actual: "119人", weight: "2",
               score: "2", reason: nil, expected: []),
    ReviewCase(note: "over-achievement without a weight", target: "≥100人", actual: "374人", weight: nil, score: nil,
               reason: nil, expected: [.overAchievement(actual: F.m("374", "人"), target: F.m("100", "人"), ratio: F.d("3.74"))]),
    ReviewCase(note: "反向 far below its ceiling is fine", target: "≤57万元", actual: "5万元", weight: "5", score: "5",
               reason: nil, expected: []),
    ReviewCase(note: "score above weight", target: "≥95%", actual: "100%", weight: "2", score: "2.5", reason: nil,
               expected: [.scoreAboveWeight(score: F.d("2.5"), weight: 2)]),
    ReviewCase(note: "score above weight on a miss: only the error", target: "≤55%", actual: "100%", weight: "2",
               score: "3", reason: nil, expected: [.scoreAboveWeight(score: 3, weight: 2)]),
    ReviewCase(note: "negative score", target: "≥95%", actual: "100%", weight: "2", score: "-1", reason: nil,
               expected: [.scoreNegative(score: -1)]),
    ReviewCase(note: "score follows the suggestion", target: "≥100人", actual: "80人", weight: "2", score: "1.6",
               reason: "招聘计划调整", expected: []),
    ReviewCase(note: "score 0.01 off the suggestion is rounding", target: "≥100人", actual: "80人", weight: "2",
               score: "1.61", reason: "招聘计划调整", expected: []),
    ReviewCase(note: "score 0.02 off the suggestion", target: "≥100人", actual: "80人", weight: "2", score: "1.62",
               reason: "招聘计划调整", expected: [.departsFromSuggestion(given: F.d("1.62"), suggested: F.d("1.6"))]),
    ReviewCase(note: "below the suggestion, no reason", target: "≥100人", actual: "80人", weight: "2", score: "1",
               reason: nil, expected: [.belowWeightWithoutReason(score: 1, weight: 2),
                                       .departsFromSuggestion(given: 1, suggested: F.d("1.6"))]),
    ReviewCase(note: "below weight on a met target", target: "≥95%", actual: "98%", weight: "3", score: "2.5",
               reason: "", expected: [.belowWeightWithoutReason(score: F.d("2.5"), weight: 3),
                                      .departsFromSuggestion(given: F.d("2.5"), suggested: 3)]),
    ReviewCase(note: "suggestion itself rounds to full: no full-marks warning", target: "≥100人", actual: "99.99人",
               weight: "2", score: "2", reason: nil, expected: []),
    ReviewCase(note: "units disagree: qualitative, nothing to compare", target: "≥100人", actual: "100%", weight: "2",
               score: "2", reason: nil, expected: []),
    ReviewCase(note: "date actual: qualitative", target: "2023年内完成", actual: "12月31日\n前完成", weight: "10",
               score: "10", reason: nil, expected: []),
    ReviewCase(note: "everything missing", target: nil, actual: nil, weight: nil, score: nil, reason: nil, expected: []),
    ReviewCase(note: "score without weight", target: "≥95%", actual: "90%", weight: nil, score: "2", reason: nil,
               expected: []),
    ReviewCase(note: "zero target met, full marks", target: "=0", actual: "0起", weight: "3", score: "3", reason: nil,
               expected: []),
    ReviewCase(note: "zero target missed, full marks", target: "=0", actual: "2起", weight: "3", score: "3", reason: nil,
               expected: [.fullMarksOnMiss(suggested: 0, reason: .zeroTargetMissed(actual: F.m("2", "起")))]),
]

@Suite struct ScoringIndicatorReviewTests {
    @Test(arguments: reviewCases)
    func review(_ c: ReviewCase) {
        let found = IndicatorReview.review(target: c.target, actual: c.actual, weight: c.weight.map(F.d),
                                           score: c.score.map(F.d), reason: c.reason, overAchievement: F.d("1.2"))
        #expect(found == c.expected)
    }

    @Test func severities() {
        #expect(IndicatorFinding.scoreAboveWeight(score: 3, weight: 2).severity == .error)
        #expect(IndicatorFinding.scoreNegative(score: -1).severity == .error)
        #expect(IndicatorFinding.fullMarksOnMiss(suggested: 0, reason: .targetEmpty).severity == .warning)
        #expect(IndicatorFinding.belowWeightWithoutReason(score: 1, weight: 2).severity == .warning)
        #expect(IndicatorFinding.overAchievement(actual: F.m("2", ""), target: F.m("1", ""), ratio: 2).severity == .info)
        #expect(IndicatorFinding.departsFromSuggestion(given: 1, suggested: 2).severity == .info)
        #expect(Severity.info < .warning && Severity.warning < .error)
    }

    @Test func messagesCarryTheNumbers() {
        #expect(IndicatorText.message(IndicatorFinding.scoreAboveWeight(score: F.d("2.5"), weight: 2))
            == "得分 2.50 大于分值 2.00，得分不能大于分值")
        #expect(IndicatorText.message(IndicatorFinding.fullMarksOnMiss(suggested: 0, reason: .lowerTwiceOver(actual: F.m("100", "%"), target: F.m("55", "%"))))
            == "实际完成值未达到指标值，却给了满分；建议得分 0.00（实际 100% 超过目标 ≤55% 的两倍，得 0 分）")
        #expect(IndicatorText.message(IndicatorFinding.belowWeightWithoutReason(score: 9, weight: 10))
            == "得分 9.00 低于分值 10.00，请填写偏差原因分析及改进措施")
        #expect(IndicatorText.message(IndicatorFinding.overAchievement(actual: F.m("374", "人"), target: F.m("100", "人"), ratio: F.d("3.74")))
            == "实际 374人 为目标 100人 的 374%，超额较多，指标值可能定得偏低，可在偏差原因中说明")
        #expect(IndicatorText.message(IndicatorFinding.departsFromSuggestion(given: F.d("1.5"), suggested: F.d("1.6")))
            == "得分 1.50 与按指标值计算的建议得分 1.60 不同（允许，仅作提示）")
        #expect(IndicatorText.message(IndicatorFinding.scoreNegative(score: -1)) == "得分 -1.00 为负数，得分不能小于 0")
        // The reasons the review's cases above carry, in words.
        #expect(ScoringText.reason(.lowerOver(actual: F.m("100", "%"), target: F.m("55", "%"), weight: 2, score: F.d("0.36")))
            == "实际 100% 超过目标 ≤55%，得分 = 分值 2.00 × (1 − (100 − 55) ÷ 55) = 0.36")
        #expect(ScoringText.reason(.zeroTargetMissed(actual: F.m("2", "起"))) == "目标为 0，实际 2起 大于 0，得 0 分")
        #expect(ScoringText.reason(.higherMissed(actual: F.m("-3", "%"), target: F.m("95", "%"), weight: 2, score: 0))
            == "实际 -3% 未达到目标 95%，得分 = 分值 2.00 × 0 ÷ 95 = 0.00（实际为负数，按 0 计）")
    }
}
