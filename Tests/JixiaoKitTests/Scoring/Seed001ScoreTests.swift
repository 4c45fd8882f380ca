import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// `jixiao score` on seed 001: every printed total within 0.01, and the full marks on a missed target.
struct Seed001ScoreTests {
    let card = ScorecardBuilder.build(Fixtures.example().evaluation)

    @Test(arguments: [
        ("附件2", "97"), ("附件3-1", "100"), ("附件3-2", "100"), ("附件3-3", "100"), ("附件3-4", "100"),
        ("附件3-5", "99.20"), ("附件3-6", "100"), ("附件3-7", "100"),
    ])
    func totalsPrintedInTheSeed(form: String, printed: String) throws {
        let f = try #require(card.forms.first { $0.short == form })
        let total = try #require(f.total?.number)
        #expect(abs(total - Decimal(string: printed)!) <= Decimal(string: "0.01")!, "\(form): \(total)")
        #expect(f.grade == .text("优"))
    }

    @Test(arguments: [("附件2", "10"), ("附件3-1", "10"), ("附件3-5", "9.21"), ("附件3-7", "10")])
    func executionScores(form: String, expected: String) throws {
        let f = try #require(card.forms.first { $0.short == form })
        #expect(f.execution?.score == .number(Decimal(string: expected)!))
    }

    @Test func fullMarksOnAMissedTargetIsFlagged() throws {
        let b = try #require(card.forms.first { $0.short == "附件2" })
        let line = try #require(b.indicators.first { $0.name == "职称评定通过率" })
        #expect(line.score == .number(2))
        #expect(line.suggestion?.score == Decimal(string: "0.36"))
        #expect(line.findings.contains { if case .fullMarksOnMiss = $0 { return true } else { return false } })
        // Every other 附件2 row given full marks met its target or is qualitative.
        let others = b.indicators.filter { l in l.findings.contains { if case .fullMarksOnMiss = $0 { return true } else { return false } } }
        #expect(others.count == 1)
        let text = ScoreReport.lines(card).joined(separator: "\n")
        #expect(text.contains("职称评定通过率") && text.contains("建议 0.36"))
    }

    @Test func seedTotalsArePrintedByTheCommandText() {
        let text = ScoreReport.lines(card)
        #expect(text.contains { $0.contains("总分：97") && $0.contains("优") })
    }
}
