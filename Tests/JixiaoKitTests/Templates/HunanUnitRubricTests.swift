import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The 评分表 added to the seed-001 kit (form S of hunan-unit), scored from 附件1 and 附件2.
struct HunanUnitRubricTests {
    /// The seed 001 example with its 评分表 begun (one entry: 公务卡刷卡率): seed 001 files no 评分表,
    /// and an optional form nobody has begun is neither checked nor scored.
    static func seed001() -> Workspace {
        Fixtures.setting(Fixtures.example(), "S.card.rate", "60%")
    }

    @Test func anUntouchedRubricIsNeitherCheckedNorScored() {
        let base = Fixtures.example()
        #expect(base.problems.allSatisfy { $0.address?.form != "S" })
        #expect(!ScorecardBuilder.build(base.evaluation).forms.contains { $0.formID == "S" })
    }

    static let ws = seed001()

    @Test func rubricIsAFormReadingTheOthers() {
        let t = Fixtures.template()
        #expect(t.forms.map(\.id) == ["A", "B", "C", "S"])
        #expect(t.form("S")?.readsOtherForms == true)
        #expect(t.form("S")?.scorecard?.rubric?.points == "points")
    }

    @Test(arguments: [
        // 15 ÷ 15 = 100% → 5.
        ("S.staffRate.points", "5"),
        // 三公经费 2.58 → 0: −100% → 5; 0 ÷ 3 → 6.
        ("S.sangongChange.points", "5"), ("S.sangongControl.points", "6"),
        // 部门基本支出预算调整 63.23 ÷ 年初预算数 993.6 = 6.36% → (0, 10%] → 2.
        ("S.adjustRate.points", "2"),
        // 全年预算数 1034.36 = 全年执行数: no balance → 3.
        ("S.balance.points", "3"),
        // 政府采购 312.28 ÷ 284.68 = 109.70% → 3.
        ("S.procurement.points", "3"),
    ])
    func scoredFromSeed001(path: String, expected: String) {
        #expect(Self.ws.number(path) == TT.d(expected))
    }

    @Test func eachRowShowsItsFigure() {
        #expect(Self.ws.value("S.staffRate.figure") == .text("实际在职 15 人 ÷ 编制 15 人 = 100%"))
        #expect(Self.ws.value("S.adjustRate.figure") == .text("预算调整 63.23 万元 ÷ 年初预算数 993.60 万元 = 6.36%"))
        #expect(Self.ws.value("S.procurement.figure") == .text("决算 312.28 万元 ÷ 预算 284.68 万元 = 109.7%"))
        let card = ScorecardBuilder.build(Self.ws.evaluation).forms.first { $0.formID == "S" }
        let line = card?.rubric.first { $0.name == "财政供养人员控制率" }
        #expect(line?.figure == "实际在职 15 人 ÷ 编制 15 人 = 100%" && line?.points == .number(5) && line?.weight == .number(5))
        #expect(line?.rule.hasPrefix("以100%为标准") == true)
    }

    @Test func staffOverTheAuthorisedCount() {
        // 16 ÷ 15 = 106.67%: 6.67 points over × 0.5 = 3.33 → 1.67.
        let ws = Fixtures.setting(Self.ws, "A.staff.actual", "16")
        #expect(ws.number("S.staffRate.points") == TT.d("1.67"))
    }

    @Test func missingInputsAreWarningsAndTheTotalWaits() {
        let ws = Self.ws
        #expect(ws.value("S.total.points") == .empty)
        #expect(ws.number("S.total.weight") == 100)
        let missing = TT.problems(ws, code: "required").filter { $0.address?.form == "S" }
        #expect(!missing.isEmpty && missing.allSatisfy { $0.severity == .warning })
        #expect(ws.problems.filter { $0.severity == .error }.isEmpty)
    }

    @Test func aBalanceIsComparedWithLastYearsCarryOver() {
        let ws = Fixtures.setting(Self.ws, "B.total.actual", "1000")
        // 34.36 left over; with no 上年结转 entered the band is not decided yet.
        #expect(ws.value("S.balance.points") == .empty)
        #expect(Fixtures.setting(ws, "S.carryOverPrev.amount", "40").number("S.balance.points") == 2)
        #expect(Fixtures.setting(ws, "S.carryOverPrev.amount", "30").number("S.balance.points") == 0)
    }
}
