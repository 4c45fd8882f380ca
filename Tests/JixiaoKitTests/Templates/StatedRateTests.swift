import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, class 4: a rate typed beside the figures it comes from (河南 预算调整率 and 预算执行率)
/// is compared with the computed one, and the rule scores the computed one.
struct StatedRateTests {
    static func stated(_ ws: Workspace) -> [Worded] {
        ws.worded.filter { $0.code == "equal" && ($0.path == "A.adjustRate.actual" || $0.path == "A.execRate.actual") }
    }

    /// Seed 003 附件1: 年初数 1633.2 = 全年数 1633.2, so no adjustment (its report says 0%), but the
    /// table states 预算调整率 (0.1%).
    @Test func seed003AdjustmentRate() {
        let ws = TT.example("henan-dept-2022")
        let found = Self.stated(ws)
        #expect(found.map(\.path) == ["A.adjustRate.actual"])
        #expect(found[0].severity == .warning && found[0].message.contains("0.10") && found[0].message.contains("1633.20") && found[0].message.contains("计算得 0%"))
        #expect(ws.number("A.adjustRate.points") == 2)  // the computed 0%, not 2 − 0.1 × 0.1
        #expect(ws.value("A.adjustRate.figure").text?.contains("计算为 0%（所填 0.1%）") == true)
    }

    static func henan(_ pairs: [(String, String)]) -> Workspace {
        TT.set(TT.fresh("henan-dept", year: 2022), [("A.total.initial", "1000"), ("A.total.budget", "1100"), ("A.total.actual", "1045"),
                                                     ("A.adjustRate.weight", "2")] + pairs)
    }

    @Test func ratesThatAgreeSayNothing() {
        let ws = Self.henan([("A.adjustRate.actual", "10%"), ("A.execRate.actual", "95%")])
        #expect(Self.stated(ws).isEmpty)
        #expect(ws.number("A.adjustRate.points") == 1)  // 10 points of deviation × 5% of 2
        #expect(Self.stated(Self.henan([("A.adjustRate.actual", "（10.00%）"), ("A.execRate.actual", "95.00%")])).isEmpty)
    }

    @Test func aStatedRateThatDiffersIsScoredAsComputed() {
        let ws = Self.henan([("A.adjustRate.actual", "5%"), ("A.execRate.actual", "100%")])
        #expect(Swift.Set(Self.stated(ws).compactMap(\.path)) == ["A.adjustRate.actual", "A.execRate.actual"])
        #expect(ws.number("A.adjustRate.points") == 1)
        #expect(ws.value("A.adjustRate.figure").text?.contains("计算为 10%（所填 5%）") == true)
    }

    @Test func withoutTheFiguresTheStatedRateIsScored() {
        let ws = TT.set(TT.fresh("henan-dept", year: 2022), [("A.adjustRate.actual", "5%"), ("A.adjustRate.weight", "2")])
        #expect(Self.stated(ws).isEmpty)
        #expect(ws.number("A.adjustRate.points") == Decimal(string: "1.5"))
    }
}
