import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Every computed cell of the three forms against the figures printed in seed 001.
struct Seed001FormulaTests {
    let ws = Fixtures.example()
    func d(_ s: String) -> Decimal { Fixtures.d(s) }

    @Test(arguments: [
        // 附件1
        ("A.staff.rate", "1"),
        ("A.sangong.prev", "2.58"), ("A.sangong.budget", "3"), ("A.sangong.actual", "0"),
        ("A.project.prev", "564.91"), ("A.project.budget", "321"), ("A.project.actual", "673.65"),
        ("A.special.prev", "385.72"), ("A.special.budget", "90"), ("A.special.actual", "444.69"),
        // 附件2
        ("B.total.weight", "10"), ("B.total.rate", "1"), ("B.total.score", "10"),
        ("B.incomeTotal.value", "1034.36"), ("B.expenseTotal.value", "1034.36"),
        ("B.output.weight", "50"), ("B.output.score", "50"),
        ("B.benefit.weight", "30"), ("B.benefit.score", "27"),
        ("B.satisfaction.weight", "10"), ("B.satisfaction.score", "10"),
        ("B.grandTotal.weight", "100"), ("B.grandTotal.score", "97"),
        // 附件3-1 … 3-7
        ("C[1].total.initial", "130"), ("C[1].total.budget", "107.96"), ("C[1].total.actual", "107.96"),
        ("C[1].total.score", "10"), ("C[1].grandTotal.score", "100"),
        ("C[2].grandTotal.score", "100"), ("C[3].grandTotal.score", "100"), ("C[4].grandTotal.score", "100"),
        ("C[5].total.budget", "92"), ("C[5].total.actual", "84.69"),
        ("C[6].grandTotal.score", "100"), ("C[7].total.actual", "20"),
    ])
    func computedCell(path: String, printed: String) {
        #expect(ws.number(path) == d(printed), "\(path)")
    }

    @Test func emptyLinesStayEmpty() {
        // 1、公务用车购置和维护经费 is blank in every column of the seed: a sum of empties is empty, not 0.
        #expect(ws.value("A.car.prev") == .empty)
        #expect(ws.value("A.transfer.actual") == .empty)
        // 区级专项资金's budget column has a single filled row.
        #expect(ws.value("A.special.budget") == .number(90))
    }

    @Test func buildingRatesOverZeroAreUndefined() {
        #expect(ws.value("A.building.areaRate") == .undefined)
        #expect(ws.value("A.building.investRate") == .undefined)
        #expect(ValueText.display(ws.value("A.building.areaRate"), kind: .percent) == "—")
    }

    @Test func form3_5ExecutionRateAndScore() {
        // 84.69 ÷ 92 = 92.05%; unrounded policy gives 9.21 where the seed printed 9.20 (within 0.01).
        let rate = ws.number("C[5].total.rate")!
        #expect(NumberFormat.percent(rate) == "92.05%")
        #expect(ws.number("C[5].total.score") == d("9.21"))
        #expect(abs(ws.number("C[5].grandTotal.score")! - d("99.20")) <= d("0.01"))
    }

    @Test func sumOfProjectsMatchesForm2() {
        let total = (1...7).compactMap { ws.number("C[\($0)].total.actual") }.reduce(Decimal(0), +)
        #expect(total == d("673.65"))
        #expect(ws.number("B.project.value") == total)
    }

    @Test func gradeFollowsTotal() {
        #expect(ws.value("B.grandTotal.grade") == .text("优"))
    }
}
