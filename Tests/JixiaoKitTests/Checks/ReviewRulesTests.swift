import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, item 7 and class 5: over-achievement is advice unless the template asks for a 偏差原因,
/// and a template whose note makes full marks mandatory for a met target turns a lower score into a
/// warning that a 偏差原因 does not silence.
struct ReviewRulesTests {
    func review(_ target: String, _ actual: String, weight: Decimal = 2, score: Decimal = 2, reason: String? = nil,
                rules: ReviewRules = ReviewRules()) -> [IndicatorFinding] {
        IndicatorReview.review(target: target, actual: actual, weight: weight, score: score, reason: reason,
                               overAchievement: Decimal(string: "1.2")!, rules: rules)
    }

    @Test func overAchievementIsAdviceByDefault() {
        let found = review("≥100人", "374人")
        #expect(found.map(\.code) == ["indicator.overAchievement"])
        #expect(found.allSatisfy { $0.severity == .info })
    }

    @Test func overAchievementNeedsAReasonWhereTheTemplateSaysSo() {
        let rules = ReviewRules(overAchievementReason: Decimal(string: "1.3")!)
        #expect(review("≥100人", "374人", rules: rules).map(\.code) == ["indicator.overAchievement", "indicator.overAchievementWithoutReason"])
        #expect(review("≥100人", "374人", rules: rules).last?.severity == .warning)
        // With a reason, or below the template's threshold (125% < 130%), advice only.
        #expect(review("≥100人", "374人", reason: "新增评审批次", rules: rules).map(\.code) == ["indicator.overAchievement"])
        #expect(review("≥100人", "125人", rules: rules).map(\.code) == ["indicator.overAchievement"])
    }

    @Test func aMetTargetBelowItsWeightIsAWarningWhenFullMarksAreTheRule() {
        let rules = ReviewRules(fullMarksWhenMet: true)
        let found = review("≥90%", "98.95%", weight: 15, score: 14, reason: "群众仍有意见", rules: rules)
        #expect(found.map(\.code) == ["indicator.belowWeightOnMetTarget"])
        #expect(found[0].severity == .warning && IndicatorText.message(found[0]).contains("15.00") && IndicatorText.message(found[0]).contains("14.00"))
        // Without the rule: a reason is enough, and the departure from the suggestion is a note.
        #expect(review("≥90%", "98.95%", weight: 15, score: 14, reason: "群众仍有意见").map(\.code) == ["indicator.departsFromSuggestion"])
        // A missed target scored below its weight, a qualitative row, full marks: nothing new.
        #expect(review("≥90%", "80%", weight: 15, score: Decimal(string: "13.33")!, reason: "未达标", rules: rules).isEmpty)
        #expect(review("有效促进", "有效促进", weight: 10, score: 9, reason: "仍有差距", rules: rules).isEmpty)
        #expect(review("≥90%", "98%", weight: 15, score: 15, rules: rules).isEmpty)
    }

    @Test func templatesReadTheRules() throws {
        #expect(Fixtures.template("henan-dept").settings.review.fullMarksWhenMet)
        #expect(!Fixtures.template("hunan-unit").settings.review.fullMarksWhenMet)
        #expect(Fixtures.template("hunan-unit").settings.review.overAchievementReason == nil)
        let t = try TT.load("""
        {"format": 1, "id": "t", "version": "1", "title": "t", "settings": {"overAchievementReason": "1.3", "fullMarksWhenMet": true},
         "forms": [{"id": "A", "short": "A", "title": "A", "sections": [{"id": "s", "columns": [{"id": "v"}], "rows": [{"id": "r", "label": "r"}]}]}]}
        """)
        #expect(t.settings.review == ReviewRules(overAchievementReason: Decimal(string: "1.3")!, fullMarksWhenMet: true))
    }

    /// Seed 003 附件1 (and its report): 群众满意度 ≥90%, 98.95% achieved, 14 of 15 — note 3 says 15.
    @Test func seed003SatisfactionIsFlagged() {
        let ws = TT.example("henan-dept-2022")
        let found = TT.problems(ws, code: "indicator.belowWeightOnMetTarget")
        #expect(found.map(\.path) == ["A.satisfaction[1].score"])
        #expect(found.allSatisfy { $0.severity == .warning })
        // Every other row of the table meets its target with full marks or is qualitative.
        #expect(TT.problems(ws, code: "indicator.departsFromSuggestion").isEmpty)
    }

    /// Seed 001's three over-achieved rows of 附件2 and one of 附件3-1 are notes, outside the warnings.
    @Test func seed001OverAchievementIsCountedApart() {
        let ws = Fixtures.example()
        let over = TT.problems(ws, code: "indicator.overAchievement")
        #expect(over.count == 4 && over.allSatisfy { $0.severity == .info })
        #expect(ws.worded.filter { $0.severity == .info }.map(\.code) == Array(repeating: "indicator.overAchievement", count: 4))
        #expect(ProblemReport.summary(ws.problems).hasSuffix("个警告，4 条提示"))
        #expect(TT.problems(ws, code: "indicator.belowWeightOnMetTarget").isEmpty)
    }
}
