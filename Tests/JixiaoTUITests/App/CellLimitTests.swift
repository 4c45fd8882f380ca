import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// Issue 11, item 3 in the terminal UI: a paste (or $EDITOR's text, or typing) that would take a cell
/// past what a draft may hold is cut at the limit with a message, never kept whole, so the draft can
/// always be saved and read back.
struct CellLimitTests {
    let limit = Limits.cellBytes
    /// A 102,000-byte report, as pasted into 预算单位名称 in the probe.
    let report = String(repeating: "绩效报告", count: 8_500)

    func stored(_ s: AppState, _ path: String) -> String {
        switch s.value(path) {
        case let .text(t), let .invalid(t): return t
        default: return ""
        }
    }

    /// Saves the state's draft and reads it back, as F2 and the next start would.
    func roundTrip(_ s: AppState) throws -> Draft {
        let dir = NSTemporaryDirectory() + "jixiao-tui-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try DraftStore.save(s.draft, template: s.template, to: dir + "/d.json")
        return try DraftStore(catalog: AppFixture.catalog).load(dir + "/d.json").draft
    }

    @Test func aPasteOverTheLimitIntoACellIsCutWithAMessage() throws {
        #expect(report.utf8.count == 102_000)
        var s = AppFixture.example()
        s.focus("A.unitName.value")
        s.press(.paste(report))
        #expect(s.messageIsError && s.message?.contains("\(limit)") == true, "\(s.message ?? "no message")")
        s.press(.enter)
        let kept = stored(s, "A.unitName.value")
        #expect(kept.utf8.count <= limit)
        #expect(kept.utf8.count > limit - 4)        // cut at the limit, on a character boundary
        #expect(report.hasPrefix(kept))
        #expect(try roundTrip(s) == s.draft)
    }

    @Test func aPasteIntoTextBeingEditedKeepsWhatWasThereAndCutsThePaste() throws {
        var s = AppFixture.example()
        s.focus("A.unitName.value")
        let before = stored(s, "A.unitName.value")
        s.press(.enter)             // edit the existing text, cursor at its end
        s.press(.paste(report))
        s.press(.enter)
        let kept = stored(s, "A.unitName.value")
        #expect(kept.hasPrefix(before))
        #expect(kept.utf8.count <= limit && kept.utf8.count > limit - 4)
        // At the limit, one more typed character is refused and said so.
        s.focus("A.unitName.value")
        s.press(.enter)
        s.press(.char("字"))
        #expect(s.message?.contains("\(limit)") == true)
        s.press(.enter)
        #expect(stored(s, "A.unitName.value") == kept)
    }

    @Test func aPasteIntoLongTextAndTextBackFromTheEditorAreCutToo() throws {
        var s = AppFixture.example()
        s.focus("B.goal[1].expected")
        s.press(.paste(report + "\n" + report))
        #expect(s.editing?.area != nil)
        s.press(.ctrl("s"))
        #expect(stored(s, "B.goal[1].expected").utf8.count <= limit)
        s.focus("A.measures.value")
        s.press(.enter)
        App.update(&s, .editorFinished(.success(report)))
        #expect(s.message?.contains("\(limit)") == true)
        #expect(stored(s, "A.measures.value").utf8.count <= limit)
        #expect(try roundTrip(s) == s.draft)
    }
}
