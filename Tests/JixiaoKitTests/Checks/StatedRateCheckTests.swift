import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, class 4: 河南's 结转结余率 typed beside the figures it comes from (全年数 and 全年执行数: the
/// budget not executed is the year's 结转结余) is compared with the computed rate, which the 指标说明's
/// rule scores; every stated rate is compared at the precision it was written with.
struct StatedRateCheckTests {
    static func carry(_ ws: Workspace) -> [Worded] { TT.problems(ws, code: "equal", at: "A.carryRate.actual") }

    static func henan(_ pairs: [(String, String)]) -> Workspace {
        TT.set(TT.fresh("henan-dept", year: 2022), [("A.total.initial", "1000"), ("A.total.budget", "1100"), ("A.total.actual", "1045"),
                                                     ("A.carryRate.weight", "1")] + pairs)
    }

    /// Seed 003 附件1: 全年数 1633.2 all executed (its report: 年底结余 0 万元), but 结转结余率 「100%」.
    @Test func seed003CarryOverRate() {
        let ws = TT.example("henan-dept-2022")
        let found = Self.carry(ws)
        #expect(found.count == 1 && found[0].severity == .warning)
        #expect(found[0].message.contains("100.00") && found[0].message.contains("1633.20") && found[0].message.contains("计算得 0%"))
        // Scored on the computed 0%, as the 1 typed: the rule-against-score warning is gone.
        #expect(ws.number("A.carryRate.points") == 1)
        #expect(TT.problems(ws, code: "equal", at: "A.carryRate.score").isEmpty)
        #expect(ws.value("A.carryRate.figure").text?.contains("计算为 0%（所填 100%）") == true)
    }

    @Test func aRateThatAgreesSaysNothing() {
        // 55 of 1100 left: 5%.
        #expect(Self.carry(Self.henan([("A.carryRate.actual", "5%")])).isEmpty)
        #expect(Self.carry(Self.henan([("A.carryRate.actual", "（5.00%）")])).isEmpty)
        #expect(Self.henan([("A.carryRate.actual", "5%")]).number("A.carryRate.points") == TT.d("0.75"))
        // 54.4 of 1100 left is 4.945…%: written 5% or 4.9%, it agrees.
        let rounded = [("A.total.actual", "1045.6")]
        #expect(Self.carry(Self.henan(rounded + [("A.carryRate.actual", "5%")])).isEmpty)
        #expect(Self.carry(Self.henan(rounded + [("A.carryRate.actual", "4.9%")])).isEmpty)
        #expect(Self.carry(Self.henan(rounded + [("A.carryRate.actual", "4.8%")])).count == 1)
    }

    @Test func aRateThatDiffersIsScoredAsComputed() {
        let ws = Self.henan([("A.carryRate.actual", "0%"), ("A.carryRate.score", "1")])
        #expect(Self.carry(ws).count == 1)
        #expect(ws.number("A.carryRate.points") == TT.d("0.75"))
        #expect(TT.problems(ws, code: "equal", at: "A.carryRate.score").count == 1)
    }

    @Test func withoutTheFiguresTheStatedRateIsScored() {
        let ws = TT.set(TT.fresh("henan-dept", year: 2022), [("A.carryRate.actual", "10%"), ("A.carryRate.weight", "1")])
        #expect(Self.carry(ws).isEmpty)
        #expect(ws.number("A.carryRate.points") == TT.d("0.5"))
    }

    /// 预算执行率 and 预算调整率 written rounded: 1046 of 1100.4 is 95.06%, 1000 → 1100.4 is 10.04%, stated 95% and 10%.
    @Test func execAndAdjustmentRatesWrittenRounded() {
        let ws = TT.set(TT.fresh("henan-dept", year: 2022), [("A.total.initial", "1000"), ("A.total.budget", "1100.4"), ("A.total.actual", "1046"),
                                                              ("A.execRate.actual", "95%"), ("A.adjustRate.actual", "10%")])
        #expect(TT.problems(ws, code: "equal", at: "A.execRate.actual").isEmpty)
        #expect(TT.problems(ws, code: "equal", at: "A.adjustRate.actual").isEmpty)
        let precise = TT.set(ws, [("A.execRate.actual", "95.00%"), ("A.adjustRate.actual", "10.00%")])
        #expect(TT.problems(precise, code: "equal", at: "A.execRate.actual").count == 1)
        #expect(TT.problems(precise, code: "equal", at: "A.adjustRate.actual").count == 1)
    }

    @Test(arguments: [("95%", 2), ("（0.1%）", 3), ("≤3.5 %", 3), ("47.96万元", 2), ("12", 0), ("１００％", 2)])
    func writtenPlaces(_ text: String, _ places: Int) {
        #expect(FormulaEvaluator.writtenPlaces(text) == places)
    }

    @Test func asWrittenLeavesAValueWithoutAWrittenNumberAlone() {
        #expect(FormulaEvaluator.writtenPlaces("合理") == nil)
    }
}
