import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 11, item 11: a cell holding terminal escape sequences cannot act on the terminal through any
/// text the library writes for one (reports, the text printout); `--json` stays exact.
struct VisibleTextTests {
    static let probe = "\u{1b}[2J伪造\u{1b}]0;pwned\u{07}\u{1b}[8m"

    @Test func controlCharactersAreShownAsEscapes() {
        #expect(VisibleText.text(Self.probe) == "\\x1b[2J伪造\\x1b]0;pwned\\x07\\x1b[8m")
        #expect(VisibleText.text("\u{0}\u{7f}\u{9b}\r") == "\\x00\\x7f\\x9b\\x0d")
        #expect(VisibleText.text("a\u{202e}b\u{2066}") == "a\\x{202e}b\\x{2066}")
    }

    @Test func textKeepsLineFeedsAndLineEscapesThem() {
        #expect(VisibleText.text("一\n二\t三") == "一\n二\\x09三")
        #expect(VisibleText.line("一\n二\t三") == "一\\x0a二\\x09三")
    }

    @Test func ordinaryTextIsUnchanged() {
        let s = "岳阳市 · 2023 年度 C:\\path “引号” 😀 e\u{301}"
        #expect(VisibleText.text(s) == s)
        #expect(VisibleText.line(s) == s)
    }

    /// What each text emitter of the library makes of a draft whose cells hold the probe.
    @Test func reportsOfAHostileDraftHoldNoControlCharacters() {
        var ws = Fixtures.setting(Fixtures.example(), "B.goal[1].achieved", Self.probe)
        ws = Fixtures.setting(ws, "B.quantity[1].name", Self.probe)
        ws = Fixtures.setting(ws, "A.unitName.value", Self.probe)
        ws = Fixtures.setting(ws, "A.staff.actual", Self.probe)  // not a number: a problem quoting it
        let card = ScorecardBuilder.build(ws.evaluation)
        let problems = Checker.check(ws.evaluation)
        #expect(problems.worded(ws.template, ws.draft).contains { $0.message.contains("\u{1b}") || $0.location.contains("\u{1b}") })
        let outputs = [
            ("PrintText", PrintText.render(scorecard: card, evaluation: ws.evaluation, width: 100, draftMark: DraftMark(card))),
            ("ScoreReport", ScoreReport.lines(card).joined(separator: "\n")),
            ("ProblemReport", ProblemReport.lines(problems, card.problemText).joined(separator: "\n")),
        ]
        for (name, text) in outputs {
            let bad = text.unicodeScalars.filter { VisibleText.needsEscape($0) && $0 != "\n" }
            #expect(bad.isEmpty, "\(name) passes \(bad.map { String($0.value, radix: 16) }) through")
            #expect(text.contains("\\x1b[2J"), "\(name) does not show the escape")
        }
    }

    /// JSON stays exact: every control character escaped the JSON way, DEL and C1 included.
    @Test func jsonEscapesControlsExactly() throws {
        let s = Self.probe + "\u{0}\u{7f}\u{9b}"
        let json = JSONWriter.write(.string(s))
        #expect(!json.unicodeScalars.contains { VisibleText.isControl($0) && $0 != "\n" })
        #expect(json.contains("\\u001b") && json.contains("\\u009b") && json.contains("\\u007f"))
        #expect(try JSONReader.parse(Array(json.utf8)).string == s)
    }
}
