import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Each indicator row is read once per change of its inputs, and what the checks and the scorecard
/// take from the evaluation is what the scoring library says of the row.
struct RowReviewTests {
    @Test func theEvaluationReviewsEachIndicatorRowAsTheLibraryDoes() throws {
        let ws = Fixtures.example()
        let form = try #require(ws.template.form("B"))
        let ind = try #require(form.indicators)
        var rows = 0
        for row in form.rows where row.sectionID == ind.section && row.repeating != nil {
            for k in 0..<ws.draft.instances(of: "B")[0].count(of: row.id) {
                func v(_ c: String) -> Value { ws.evaluation.value(form: form, index: 0, row: row.id, rowIndex: k, column: c) }
                let expected = IndicatorReview.review(target: v(ind.target).text, actual: v(ind.actual).text, weight: v(ind.weight).number,
                                                      score: v(ind.score).number, reason: v(ind.reason).text,
                                                      overAchievement: ws.template.settings.overAchievement)
                #expect(ws.evaluation.review(form: form, index: 0, row: row.id, rowIndex: k)?.findings == expected)
                rows += 1
            }
        }
        #expect(rows > 5)
    }

    @Test func anEditReadsAgainOnlyTheRowItChanged() throws {
        let ws = Fixtures.example()
        let form = try #require(ws.template.form("B"))
        let ind = try #require(form.indicators)
        let row = try #require(form.rows.first { $0.sectionID == ind.section && $0.repeating != nil && ws.draft.instances(of: "B")[0].count(of: $0.id) >= 2 })
        var ev = ws.evaluation
        var draft = ws.draft
        let before0 = try #require(ev.review(form: form, index: 0, row: row.id, rowIndex: 0))
        let before1 = try #require(ev.review(form: form, index: 0, row: row.id, rowIndex: 1))
        try DraftEditor(template: ws.template).set(&draft, CellAddress(form: "B", formIndex: 0, row: row.id, rowIndex: 0, column: ind.score), text: "0", lenient: true)
        ev.update(draft: draft, form: "B", index: 0)
        let after0 = try #require(ev.review(form: form, index: 0, row: row.id, rowIndex: 0))
        let after1 = try #require(ev.review(form: form, index: 0, row: row.id, rowIndex: 1))
        #expect(after0.inputs.score == 0)
        #expect(after0 != before0)
        #expect(after1 == before1)
    }
}
