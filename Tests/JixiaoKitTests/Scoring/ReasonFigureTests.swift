import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, class 6: a 偏差原因 that states an achieved figure its own row contradicts.
struct ReasonFigureTests {
    func review(actual: String, reason: String) -> [String] {
        IndicatorReview.review(target: "≥100人", actual: actual, weight: 2, score: 2, reason: reason,
                               overAchievement: Decimal(string: "1.2")!).map(\.code)
    }

    @Test func aReasonThatStatesAnotherActual() {
        #expect(review(actual: "104人", reason: "全年实际完成 98 人，因部分人员延期") == ["indicator.reasonStatesOtherActual"])
        #expect(review(actual: "95%", reason: "实际完成率 90%，差距在于…") == ["indicator.reasonStatesOtherActual"])
        let f = IndicatorFinding.reasonStatesOtherActual(stated: Measure(value: 98, unit: "人"), actual: Measure(value: 104, unit: "人"))
        #expect(f.severity == .warning && IndicatorText.message(f).contains("98人") && IndicatorText.message(f).contains("104人"))
    }

    @Test(arguments: [
        ("104人", "全年实际完成 104 人"),          // the same figure
        ("104人", "通过270人"),                    // no 完成/实际 before it (seed 001's 通过270人 beside 100%)
        ("100%", "通过270人"),                     // another unit
        ("104人", "完成 98 人，另有 6 人延期，实际完成 104 人"),  // two stated figures: not read
        ("104人", "实际完成 100 余人"),            // approximate
        ("有效促进", "实际完成 98 人"),            // an actual that is not a measure
        ("104人", "完成情况良好"),
        ("98%", "服务对象满意率达到95%以上"),       // a target restated (seed 000)
        ("104%", "城镇新增就业人数8854人，完成任务的108%"),
        ("104人", "完成 98 人"),                    // 完成 alone is not read
        ("98%", "实际完成 95% 以上"),
    ])
    func saysNothing(_ pair: (String, String)) {
        #expect(!review(actual: pair.0, reason: pair.1).contains("indicator.reasonStatesOtherActual"), "\(pair)")
    }
}
