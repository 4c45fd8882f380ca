import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

private typealias F = ScoringFixtures

/// One scoring rule at one edge. `score`/`met` nil mean the row must come out qualitative.
struct ScoreCase: Sendable, CustomTestStringConvertible {
    let note: String
    let target: String
    let actual: String
    let weight: String
    let score: String?
    let met: Bool?
    var direction: Direction? = nil

    var testDescription: String {
        "\(note): target \(target.debugDescription), actual \(actual.debugDescription), weight \(weight)"
    }
}

private let ruleEdges: [ScoreCase] = [
    // 正向
    ScoreCase(note: "正向 exactly at target", target: "≥100人", actual: "100人", weight: "2", score: "2", met: true, direction: .higherIsBetter),
    ScoreCase(note: "正向 above target", target: "≥100人", actual: "374人", weight: "2", score: "2", met: true),
    ScoreCase(note: "正向 just below", target: "≥100人", actual: "99人", weight: "2", score: "1.98", met: false),
    ScoreCase(note: "正向 a hair below rounds to full yet is a miss", target: "≥100人", actual: "99.99人", weight: "2", score: "2", met: false),
    ScoreCase(note: "正向 proportional with repeating decimal", target: "3人", actual: "1人", weight: "2", score: "0.67", met: false),
    ScoreCase(note: "正向 half-up at the third decimal", target: "200人", actual: "1人", weight: "1", score: "0.01", met: false),
    ScoreCase(note: "正向 zero actual", target: "≥100人", actual: "0人", weight: "2", score: "0", met: false),
    ScoreCase(note: "正向 negative actual counts as 0", target: "≥100人", actual: "-5人", weight: "2", score: "0", met: false),
    ScoreCase(note: "正向 bare percent met", target: "100%", actual: "100%", weight: "2", score: "2", met: true, direction: .higherIsBetter),
    ScoreCase(note: "正向 bare percent missed", target: "100%", actual: "95%", weight: "2", score: "1.9", met: false),
    ScoreCase(note: "正向 以上", target: "90%以上", actual: "89%", weight: "2", score: "1.98", met: false),
    ScoreCase(note: "正向 ≥0 met by 0", target: "≥0起", actual: "0起", weight: "2", score: "2", met: true, direction: .higherIsBetter),
    ScoreCase(note: "正向 ≥0 met by anything", target: "≥0起", actual: "509起", weight: "2", score: "2", met: true),
    ScoreCase(note: "正向 ≥0 met by a negative (counts as 0)", target: "≥0起", actual: "-1起", weight: "2", score: "2", met: true),
    ScoreCase(note: "正向 full-width", target: "≥５５００份", actual: "５０００份", weight: "5", score: "4.55", met: false),
    ScoreCase(note: "zero weight", target: "≥100人", actual: "50人", weight: "0", score: "0", met: false),
    // 反向
    ScoreCase(note: "反向 exactly at target", target: "≤55%", actual: "55%", weight: "2", score: "2", met: true, direction: .lowerIsBetter),
    ScoreCase(note: "反向 below target", target: "≤57万元", actual: "47.96万元", weight: "5", score: "5", met: true),
    ScoreCase(note: "反向 just over", target: "≤55%", actual: "56%", weight: "2", score: "1.96", met: false),
    ScoreCase(note: "反向 halfway to twice", target: "≤10%", actual: "15%", weight: "2", score: "1", met: false),
    ScoreCase(note: "反向 just under twice", target: "≤55%", actual: "109%", weight: "2", score: "0.04", met: false),
    ScoreCase(note: "反向 exactly twice", target: "≤55%", actual: "110%", weight: "2", score: "0", met: false),
    ScoreCase(note: "反向 beyond twice", target: "≤55%", actual: "120%", weight: "2", score: "0", met: false),
    // 100 is less than twice 55, so the seed's row earns a little: 2 × (1 − 45 ÷ 55) = 0.3636…
    ScoreCase(note: "反向 seed 001 职称评定通过率", target: "≤55%", actual: "100%", weight: "2", score: "0.36", met: false),
    ScoreCase(note: "反向 zero actual", target: "≤4.5%", actual: "0%", weight: "2", score: "2", met: true),
    ScoreCase(note: "反向 negative actual", target: "≤4.5%", actual: "-3%", weight: "2", score: "2", met: true),
    ScoreCase(note: "反向 actual written with ≤", target: "≤4.5%", actual: "≤3.5%", weight: "2", score: "2", met: true),
    ScoreCase(note: "反向 zero target met", target: "≤0起", actual: "0起", weight: "3", score: "3", met: true),
    ScoreCase(note: "反向 zero target missed", target: "≤0起", actual: "1起", weight: "3", score: "0", met: false),
    ScoreCase(note: "反向 within days", target: "30天内完成", actual: "31天", weight: "10", score: "9.67", met: false),
    // 等于
    ScoreCase(note: "等于 0 met", target: "=0", actual: "0", weight: "3", score: "3", met: true, direction: .equal),
    ScoreCase(note: "等于 0 missed", target: "=0", actual: "1", weight: "3", score: "0", met: false),
    ScoreCase(note: "等于 0 missed by a fraction", target: "=0", actual: "0.01", weight: "3", score: "0", met: false),
    ScoreCase(note: "等于 0 negative actual", target: "=0", actual: "-2", weight: "3", score: "3", met: true),
    ScoreCase(note: "bare 0 is 等于", target: "0起", actual: "2起", weight: "3", score: "0", met: false, direction: .equal),
    ScoreCase(note: "等于 non-zero scored as 正向 (above)", target: "=5", actual: "6", weight: "2", score: "2", met: true),
    ScoreCase(note: "等于 non-zero scored as 正向 (below)", target: "=5", actual: "4", weight: "2", score: "1.6", met: false),
    // units: a side without unit takes the other's; two different units never agree
    ScoreCase(note: "unit missing on target", target: "95", actual: "98%", weight: "2", score: "2", met: true),
    ScoreCase(note: "unit missing on actual", target: "≥100人", actual: "80", weight: "2", score: "1.6", met: false),
    ScoreCase(note: "万 is 万元", target: "≤12万元", actual: "11.04万", weight: "5", score: "5", met: true),
    ScoreCase(note: "count against percent", target: "≥100人", actual: "100%", weight: "2", score: nil, met: nil),
    ScoreCase(note: "万元 against 元", target: "≤57万元", actual: "470000元", weight: "5", score: nil, met: nil),
    ScoreCase(note: "months against percent (seed 001 整理工作时日)", target: "12个月", actual: "100%", weight: "10", score: nil, met: nil),
    ScoreCase(note: "days against percent", target: "≤30天内", actual: "100%", weight: "6", score: nil, met: nil),
    // missing or unreadable
    ScoreCase(note: "word target", target: "有效促进", actual: "有效促进", weight: "10", score: nil, met: nil),
    ScoreCase(note: "empty target", target: "", actual: "100%", weight: "2", score: nil, met: nil),
    ScoreCase(note: "empty actual", target: "≥95%", actual: "  ", weight: "2", score: nil, met: nil),
    ScoreCase(note: "date actual", target: "2023年内完成", actual: "12月31日\n前完成", weight: "10", score: nil, met: nil),
    ScoreCase(note: "date actual, numeric target", target: "≥95%", actual: "12月31日前完成", weight: "10", score: nil, met: nil),
    ScoreCase(note: "parenthesised actual (seed 003)", target: "≤10%", actual: "(0.1%)", weight: "2", score: nil, met: nil),
    ScoreCase(note: "negative target", target: "≥-5%", actual: "3%", weight: "2", score: nil, met: nil),
    ScoreCase(note: "negative weight", target: "≥100人", actual: "100人", weight: "-2", score: nil, met: nil),
]

@Suite struct ScoringIndicatorScorerTests {
    static let threshold = F.d("1.2")

    @Test(arguments: ruleEdges)
    func ruleEdge(_ c: ScoreCase) {
        let s = IndicatorScorer.suggest(target: c.target, actual: c.actual, weight: F.d(c.weight),
                                        overAchievement: Self.threshold)
        #expect(s.score == c.score.map(F.d), "\(s.reason)")
        #expect(s.met == c.met, "\(s.reason)")
        if let direction = c.direction { #expect(s.kind == .quantitative(direction)) }
        if c.score == nil {
            #expect(s.kind == .qualitative)
        } else {
            #expect(s.tiers.isEmpty)
        }
        #expect(!s.reason.isEmpty)
    }

    @Test func reasonsReadAsSpecified() {
        func reason(_ t: String, _ a: String, _ w: String = "2") -> String {
            IndicatorScorer.suggest(target: t, actual: a, weight: F.d(w), overAchievement: Self.threshold).reason
        }
        #expect(reason("≥100人", "374人") == "实际 374人 ≥ 目标 100人，满分")
        #expect(reason("≤55%", "120%") == "实际 120% 超过目标 ≤55% 的两倍，得 0 分")
        #expect(reason("≤55%", "100%") == "实际 100% 超过目标 ≤55%，得分 = 分值 2.00 × (1 − (100 − 55) ÷ 55) = 0.36")
        #expect(reason("≥100人", "100%") == "指标值与实际值单位不一致（人 / %），按定性指标由填表人判断")
        #expect(reason("≥100人", "80人") == "实际 80人 未达到目标 100人，得分 = 分值 2.00 × 80 ÷ 100 = 1.60")
        #expect(reason("≤55%", "56%") == "实际 56% 超过目标 ≤55%，得分 = 分值 2.00 × (1 − (56 − 55) ÷ 55) = 1.96")
        #expect(reason("≤57万元", "47.96万元") == "实际 47.96万元 ≤ 目标 57万元，满分")
        #expect(reason("=0", "-2") == "目标为 0，实际 -2 未超过 0，满分（实际为负数，按 0 计）")
        #expect(reason("=0", "3起") == "目标为 0，实际 3起 大于 0，得 0 分")
        #expect(reason("≤0起", "1起") == "目标为 0，实际 1起 大于 0，得 0 分")
        #expect(reason("≤0起", "0起") == "实际 0起 ≤ 目标 0起，满分")
        #expect(reason("≥100人", "-5人") == "实际 -5人 未达到目标 100人，得分 = 分值 2.00 × 0 ÷ 100 = 0.00（实际为负数，按 0 计）")
        #expect(reason("有效促进", "有效促进") == "指标值「有效促进」不是可计算的数值目标，按定性指标由填表人判断")
        #expect(reason("2023年内完成", "12月31日前完成") == "指标值「2023年内完成」不是可计算的数值目标，按定性指标由填表人判断")
        #expect(reason("≥95%", "12月31日前完成") == "实际完成值「12月31日前完成」不是数值，按定性指标由填表人判断")
        #expect(reason("≥95%", "") == "实际完成值为空，无法给出建议得分，由填表人判断")
        #expect(reason("", "1") == "指标值为空，无法给出建议得分，由填表人判断")
    }

    @Test func qualitativeTiersSplitTheWeight() {
        let s = IndicatorScorer.suggest(target: "有效促进", actual: "有效促进", weight: 10, overAchievement: Self.threshold)
        #expect(s.score == nil && s.met == nil && s.kind == .qualitative)
        #expect(s.tiers.map(\.label) == ["达成预期", "部分达成", "未达成"])
        #expect(s.tiers.map(\.lower) == [8, 6, 0])
        #expect(s.tiers.map(\.upper) == [10, 8, 6])
        // Each boundary falls in exactly one tier.
        for (score, level) in [("10", Suggestion.Tier.Level.achieved), ("8", .achieved), ("7.99", .partial),
                               ("6", .partial), ("5.99", .notAchieved), ("0", .notAchieved)] {
            let holders = s.tiers.filter { $0.contains(F.d(score)) }.map(\.level)
            #expect(holders == [level], "score \(score)")
        }
        #expect(!s.tiers.contains { $0.contains(F.d("10.01")) })
        #expect(!s.tiers.contains { $0.contains(F.d("-0.01")) })
    }

    @Test func tiersForOddWeightsAreExact() {
        let tiers = Suggestion.Tier.tiers(weight: F.d("12.5"))
        #expect(tiers.map(\.lower) == [10, F.d("7.5"), 0])
        #expect(tiers.first { $0.contains(F.d("7.5")) }?.level == .partial)
    }

    @Test func overAchievementRatioOnlyFor正向AtThreshold() {
        func ratio(_ t: String, _ a: String) -> Decimal? {
            IndicatorScorer.suggest(target: t, actual: a, weight: 2, overAchievement: Self.threshold).overAchievementRatio
        }
        #expect(ratio("≥100人", "374人") == F.d("3.74"))
        #expect(ratio("≥100人", "120人") == F.d("1.2"))
        #expect(ratio("≥100人", "119.99人") == nil)
        #expect(ratio("≥0起", "509起") == nil)
        #expect(ratio("≤55%", "10%") == nil)
        #expect(ratio("=5", "50") == nil)
        // A threshold ≤ 1 would flag every met target; it switches the flag off.
        #expect(IndicatorScorer.suggest(target: "≥100人", actual: "374人", weight: 2, overAchievement: 1)
            .overAchievementRatio == nil)
    }

    @Test func agreedUnitIsCarriedToBothSides() {
        let s = IndicatorScorer.suggest(target: "95", actual: "98%", weight: 2, overAchievement: Self.threshold)
        #expect(s.target == F.m("95", "%"))
        #expect(s.actual == F.m("98", "%"))
    }

    @Test func weightWithThreeDecimalsNeverRoundsAboveItself() {
        let s = IndicatorScorer.suggest(target: "≥100人", actual: "100人", weight: F.d("1.005"), overAchievement: Self.threshold)
        #expect(s.score == F.d("1"))
        #expect(IndicatorScorer.clamp(F.d("-0.004"), 2) == 0)
    }
}
