import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 13, friction 3: a new draft does not greet the accountant with dozens of 必填 errors.
struct RequiredGroupingTests {
    @Test func aFormNotBegunIsOneProblem() throws {
        let t = try Fixtures.catalog.load("hunan-unit")
        let ws = Workspace(draft: DraftFactory.new(template: t, year: 2023, unitName: "示例单位"), template: t)
        let errors = ws.worded.filter { $0.severity == .error }
        #expect(errors.count <= 3, "\(errors.map(\.message))")
        #expect(ws.worded.contains { $0.code == "notBegun" && $0.location == "附件2" })
    }

    @Test func aRowsMissingCellsAreOneProblem() throws {
        let t = try Fixtures.catalog.load("hunan-unit")
        var ws = Workspace(draft: DraftFactory.new(template: t, year: 2023, unitName: "示例单位"), template: t)
        ws = Fixtures.setting(ws, "B.total.budget", "10")
        let row = ws.worded.filter { $0.code == "required" && $0.path?.hasPrefix("B.quantity[1]") == true }
        #expect(row.count == 1)
        #expect(row.first?.message.contains("「三级指标」「年度指标值」「实际完成值」「分值」「自评得分」") == true, "\(row.map(\.message))")
        // One missing cell keeps its own sentence.
        let one = Fixtures.setting(Fixtures.example(), "B.total.actual", "")
        #expect(one.worded.contains { $0.code == "required" && $0.path == "B.total.actual" && $0.message == CheckText.required("全年执行数") })
    }
}
