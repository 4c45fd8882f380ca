import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 13, defect 7: numbers that are accepted but cannot be right get a warning at the cell.
struct ImplausibleNumberTests {
    let base = Fixtures.example()

    func problems(_ ws: Workspace, code: String, at path: String) -> [Worded] {
        ws.worded.filter { $0.code == code && $0.path == path }
    }

    @Test func negativeMoneyIsReported() {
        #expect(base.worded.filter { $0.code == "negative" }.isEmpty)
        let ws = Fixtures.setting(base, "A.office.actual", "-3")
        let p = problems(ws, code: "negative", at: "A.office.actual")
        #expect(p.count == 1 && p.first?.severity == .warning && p.first?.message.contains("-3.00") == true)
        let staff = Fixtures.setting(base, "A.staff.actual", "-2")
        #expect(problems(staff, code: "negative", at: "A.staff.actual").count == 1)
    }

    @Test func moreDecimalsThanTheUnitHoldsAreReported() {
        #expect(base.worded.filter { $0.code == "decimals" }.isEmpty)
        let ws = Fixtures.setting(base, "A.reception.prev", "2.585")
        let p = problems(ws, code: "decimals", at: "A.reception.prev")
        #expect(p.count == 1 && p.first?.message.contains("2.585") == true && p.first?.message.contains("2.59") == true)
        // Two decimals, or trailing zeros, are what the form holds.
        #expect(problems(Fixtures.setting(base, "A.reception.prev", "2.580"), code: "decimals", at: "A.reception.prev").isEmpty)
    }
}
