import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 13, defect 6: the default rows of a new draft, untouched, are not indicators.
struct ScorecardIndicatorTests {
    @Test func untouchedRowsAreNotIndicators() throws {
        let t = try Fixtures.catalog.load("hunan-unit")
        let empty = Workspace(draft: DraftFactory.new(template: t, year: 2023), template: t)
        let b = ScorecardBuilder.build(empty.evaluation).forms.first { $0.formID == "B" }
        #expect(b?.indicators.count == 0)
        // Typing into one row makes that one an indicator; the other default rows stay out.
        let one = Fixtures.setting(empty, "B.quantity[1].name", "档案管理数")
        let b1 = ScorecardBuilder.build(one.evaluation).forms.first { $0.formID == "B" }
        #expect(b1?.indicators.count == 1)
        #expect(b1?.indicators.first?.name == "档案管理数")
        // The example's indicators are all entered, and all counted.
        let full = ScorecardBuilder.build(Fixtures.example().evaluation).forms.first { $0.formID == "B" }
        #expect(full?.indicators.count == 27)
    }

    /// Defect 6: a half-filled form gets no grade (总分 18 would read as 差).
    @Test func aHalfFilledFormIsNotGraded() throws {
        let t = try Fixtures.catalog.load("hunan-unit")
        var ws = Workspace(draft: DraftFactory.new(template: t, year: 2023), template: t)
        for (p, v) in [("B.quantity[1].name", "档案管理数"), ("B.quantity[1].target", "≥5000份"), ("B.quantity[1].actual", "5500份"),
                       ("B.quantity[1].weight", "18"), ("B.quantity[1].score", "18")] {
            ws = Fixtures.setting(ws, p, v)
        }
        let b = ScorecardBuilder.build(ws.evaluation).forms.first { $0.formID == "B" }
        #expect(b?.grade == .text(ScoringText.gradePending))
        // The finished example keeps its grade.
        let full = ScorecardBuilder.build(Fixtures.example().evaluation).forms.first { $0.formID == "B" }
        #expect(full?.grade == .text("优"))
    }
}
