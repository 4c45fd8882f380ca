import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Each check once triggered and once quiet, on the seed 001 example with one edit.
struct CheckTests {
    let base = Fixtures.example()

    func codes(_ ws: Workspace) -> [String: [Worded]] { Dictionary(grouping: ws.worded, by: \.code) }

    func problems(_ ws: Workspace, code: String, at path: String? = nil) -> [Worded] {
        ws.worded.filter { $0.code == code && (path == nil || $0.path == path) }
    }

    @Test func exampleHasNoErrors() {
        // Seed 001's arithmetic holds everywhere (see DOMAIN.md): only warnings are expected.
        let errors = base.worded.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
    }

    @Test func notANumber() {
        #expect(problems(base, code: "notANumber").isEmpty)
        let ws = Fixtures.setting(base, "A.office.prev", "6.88元整")
        let p = problems(ws, code: "notANumber", at: "A.office.prev")
        #expect(p.count == 1 && p[0].severity == .error && p[0].message.contains("「6.88元整」"))
    }

    @Test func required() {
        #expect(problems(base, code: "required").isEmpty)
        let ws = Fixtures.setting(base, "A.unitName.value", "")
        #expect(problems(ws, code: "required", at: "A.unitName.value").count == 1)
        let ws2 = Fixtures.setting(base, "B.quantity[2].target", "")
        #expect(problems(ws2, code: "required", at: "B.quantity[2].target").count == 1)
        let ws3 = Fixtures.setting(Fixtures.setting(base, "B.total.budget", ""), "B.total.actual", "")
        #expect(problems(ws3, code: "required", at: "B.total.budget").count == 1)
    }

    @Test func totalAgainstParts() {
        #expect(problems(base, code: "equal", at: "B.expenseTotal.value").isEmpty)
        let ws = Fixtures.setting(base, "B.basic.value", "350.71")
        let p = problems(ws, code: "equal", at: "B.expenseTotal.value")
        #expect(p.count == 1 && p[0].severity == .error)
        #expect(p[0].message.contains("1034.36") && p[0].message.contains("1024.36") && p[0].message.contains("10.00"))
    }

    @Test func withinOneCentIsRounding() {
        let ws = Fixtures.setting(base, "B.basic.value", "360.72")
        #expect(problems(ws, code: "equal", at: "B.expenseTotal.value").isEmpty)
        let ws2 = Fixtures.setting(base, "B.basic.value", "360.73")
        #expect(problems(ws2, code: "equal", at: "B.expenseTotal.value").count == 1)
    }

    @Test func partialBreakdownAtLeast() {
        // (附件2's budget against its projects is an atLeast too: CrossFormBudgetTests.)
        let inForm1 = problems(base, code: "atLeast").filter { ($0.path ?? "").hasPrefix("A.") }
        #expect(inForm1.isEmpty)
        let ws = Fixtures.setting(base, "A.office.actual", "60")
        let p = problems(ws, code: "atLeast", at: "A.publicCost.actual")
        #expect(p.count == 1 && p[0].message.contains("64.70") && p[0].message.contains("61.05"))
    }

    @Test func controlRateOver100() {
        #expect(problems(base, code: "atMost", at: "A.staff.rate").isEmpty)
        let ws = Fixtures.setting(base, "A.staff.actual", "16")
        let p = problems(ws, code: "atMost", at: "A.staff.rate")
        #expect(p.count == 1 && p[0].severity == .warning && p[0].message.contains("106.67%"))
    }

    @Test func executionRateOver100() {
        #expect(problems(base, code: "atMost", at: "C[1].total.rate").isEmpty)
        let ws = Fixtures.setting(base, "C[1].fiscal.actual", "120")
        #expect(problems(ws, code: "atMost", at: "C[1].total.rate").count == 1)
    }

    @Test func weightsAddUpTo100AndPerGroup() {
        #expect(problems(base, code: "weightGroup").isEmpty)
        #expect(problems(base, code: "equal", at: "B.grandTotal.weight").isEmpty)
        let ws = Fixtures.setting(base, "B.quantity[1].weight", "3")
        let g = problems(ws, code: "weightGroup")
        #expect(g.count == 1 && g[0].message.contains("51") && g[0].message.contains("50"))
        #expect(problems(ws, code: "equal", at: "B.grandTotal.weight").count == 1)
    }

    @Test func scoreAboveWeightIsAnError() {
        #expect(problems(base, code: "indicator.scoreAboveWeight").isEmpty)
        let ws = Fixtures.setting(base, "B.quantity[1].score", "2.5")
        let p = problems(ws, code: "indicator.scoreAboveWeight")
        #expect(p.count == 1 && p[0].severity == .error && p[0].path == "B.quantity[1].score")
    }

    @Test func fullMarksOnAMissedTarget() {
        // 职称评定通过率: target ≤55%, actual 100%, scored 2 of 2 (seed 001 附件2).
        let p = problems(base, code: "indicator.fullMarksOnMiss", at: "B.quality[3].score")
        #expect(p.count == 1 && p[0].severity == .warning && p[0].message.contains("0.36"))
        let ws = Fixtures.setting(base, "B.quality[3].score", "0.36")
        #expect(problems(ws, code: "indicator.fullMarksOnMiss", at: "B.quality[3].score").isEmpty)
    }

    @Test func belowWeightWithoutReason() {
        #expect(problems(base, code: "indicator.belowWeightWithoutReason", at: "B.economic[1].reason").count == 1)
        let ws = Fixtures.setting(base, "B.economic[1].reason", "部分企业帮扶未覆盖，明年扩大范围")
        #expect(problems(ws, code: "indicator.belowWeightWithoutReason", at: "B.economic[1].reason").isEmpty)
    }

    @Test func placeholderText() {
        #expect(problems(base, code: "placeholder", at: "C[4].timeliness[1].name").count == 1)
        let ws = Fixtures.setting(base, "C[4].timeliness[1].name", "防疫经费支付及时性")
        #expect(problems(ws, code: "placeholder", at: "C[4].timeliness[1].name").isEmpty)
    }

    @Test func yearInDates() {
        #expect(problems(base, code: "year").isEmpty)
        let ws = Fixtures.setting(base, "B.date.value", "2022.5.30")
        let p = problems(ws, code: "year", at: "B.date.value")
        #expect(p.count == 1 && p[0].message.contains("2022") && p[0].message.contains("2023 或 2024"))
        let ws2 = Fixtures.setting(base, "B.quantity[6].name", "组织2021年四海揽才")
        #expect(problems(ws2, code: "year", at: "B.quantity[6].name").count == 1)
    }

    @Test func shiftedRow() {
        #expect(problems(base, code: "indicator.shiftedRow", at: "C[3].cost[1].name").count == 1)
        #expect(problems(base, code: "indicator.shiftedRow", at: "C[1].cost[1].name").isEmpty)
        // Typed with a full-width sign after an ideographic space: folded, it is > 95%.
        let wide = Fixtures.setting(base, "C[1].cost[1].name", "\u{3000}＞９５％")
        #expect(problems(wide, code: "indicator.shiftedRow", at: "C[1].cost[1].name").count == 1)
    }

    @Test func crossFormProjectExpenditure() {
        #expect(problems(base, code: "equal", at: "B.project.value").isEmpty)
        // One project's 全年执行数 off by 1: Σ 附件3 ≠ 附件2 项目支出 (error).
        let ws = Fixtures.setting(base, "C[2].fiscal.actual", "100")
        let p = problems(ws, code: "equal", at: "B.project.value")
        #expect(p.count == 1 && p[0].severity == .error && p[0].message.contains("672.65"))
        // 附件1 and 附件2 differing: the same figure in two forms (warning).
        let ws2 = Fixtures.setting(base, "A.operation.actual", "100")
        let p2 = problems(ws2, code: "equal", at: "B.project.value")
        #expect(p2.count == 1 && p2[0].severity == .warning)
        let ws3 = Fixtures.setting(base, "C[1].fiscal.initial", "131")
        #expect(problems(ws3, code: "equal", at: "A.project.budget").count == 1)
    }

    @Test func problemsArePlacedInFormOrder() {
        let ws = Fixtures.setting(Fixtures.setting(base, "C[2].fiscal.actual", "x"), "A.office.prev", "y")
        let paths = ws.worded.compactMap(\.address).map(\.form)
        #expect(paths == paths.sorted())
    }
}

extension CheckTests {
    @Test func rubricInputsAreAskedForOnlyOnceTheRubricIsStarted() {
        // Seed 001 files no 评分表: its empty rubric is not a problem of that document.
        let before = base.worded.filter { $0.code == "required" && $0.path?.hasPrefix("S.") == true }
        #expect(before.count == 0)
        let ws = Fixtures.setting(base, "S.card.rate", "60%")
        let after = ws.worded.filter { $0.code == "required" && $0.path?.hasPrefix("S.") == true }
        #expect(after.count > 10)
    }
}
