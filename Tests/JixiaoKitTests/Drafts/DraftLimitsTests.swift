import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 11, item 3: what the reader refuses, the writer refuses first. A cell over
/// `Limits.cellBytes` and a draft over `DraftCodec.maxBytes` are refused by the save (and by
/// `jixiao set`'s editor) with the limit in the message, and nothing is written.
struct DraftLimitsTests {
    let ws = Fixtures.example()
    var store: DraftStore { DraftStore(catalog: Fixtures.catalog) }

    /// `n` bytes of text: 3-byte Chinese characters, then ASCII to make up the rest.
    func text(bytes n: Int) -> String { String(repeating: "报", count: n / 3) + String(repeating: "a", count: n % 3) }

    func withCell(_ value: String, _ path: String = "A.unitName.value") -> Draft {
        var d = ws.draft
        let a = try! TypedPath.parse(path).resolve(in: &d, editor: DraftEditor(template: ws.template))
        d.forms[a.form]![a.formIndex].set(row: a.row, index: a.rowIndex, column: a.column, to: .text(value))
        return d
    }

    @Test func theLimitsAreTheReadersOwn() {
        #expect(Limits.cellBytes == 100_000)
        #expect(DraftCodec.maxBytes == 64 << 20)
    }

    @Test func aCellOverTheLimitIsRefusedAndNothingIsWritten() throws {
        let (dir, p) = try Fixtures.savedDraft(ws)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = Fixtures.bytes(p)
        let draft = withCell(text(bytes: Limits.cellBytes + 1))
        do {
            try DraftStore.save(draft, template: ws.template, to: p)
            Issue.record("a cell the reader refuses was saved")
        } catch {
            #expect(error == .cellTooLong(path: p, cell: "A.unitName.value", bytes: Limits.cellBytes + 1, limit: Limits.cellBytes))
            #expect(DraftText.message(error).contains("100000"))
        }
        #expect(Fixtures.bytes(p) == before)
        #expect(!FileManager.default.fileExists(atPath: p + ".bak"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["d.json"])
    }

    @Test func aCellAtTheLimitIsSavedAndReadsBack() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        let draft = withCell(text(bytes: Limits.cellBytes))
        try DraftStore.save(draft, template: ws.template, to: p)
        #expect(try store.load(p).draft == draft)
    }

    @Test func aRowLabelOverTheLimitIsRefusedByBothReaderAndWriter() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        var draft = ws.draft
        draft.forms["A"]![0].rows["specialItem"]![0].label = text(bytes: Limits.cellBytes + 3)
        #expect(throws: DraftError.cellTooLong(path: p, cell: "A.specialItem[1].label", bytes: Limits.cellBytes + 3, limit: Limits.cellBytes)) {
            try DraftStore.save(draft, template: ws.template, to: p)
        }
        // Written by hand anyway: the reader refuses it too.
        try DraftCodec.encode(draft, template: ws.template).write(toFile: p, atomically: false, encoding: .utf8)
        #expect(throws: DraftError.self) { try store.load(p) }
    }

    @Test func aReportSectionOverItsLimitIsRefusedBeforeWriting() throws {
        let (dir, p) = try Fixtures.savedDraft(ws)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = Fixtures.bytes(p)
        var draft = ws.draft
        draft.report["basic"] = text(bytes: Limits.reportSectionBytes + 1)
        do {
            try DraftStore.save(draft, template: ws.template, to: p)
            Issue.record("a report section the reader refuses was saved")
        } catch {
            #expect(error == .cellTooLong(path: p, cell: "report.basic", bytes: Limits.reportSectionBytes + 1, limit: Limits.reportSectionBytes))
            #expect(DraftText.message(error).contains("自评报告的一节 report.basic"))
        }
        // Compared outside #expect: on a failure it would diff two megabytes, which takes minutes.
        let unchanged = Fixtures.bytes(p) == before
        #expect(unchanged)
        draft.report["basic"] = text(bytes: Limits.reportSectionBytes)
        try DraftStore.save(draft, template: ws.template, to: p)
        let readBack = try store.load(p).draft == draft
        #expect(readBack)
    }

    @Test func setRefusesAnOversizedValueNamingTheLimit() throws {
        var draft = ws.draft
        let editor = DraftEditor(template: ws.template)
        let a = try TypedPath.parse("A.unitName.value").resolve(in: &draft, editor: editor)
        let big = text(bytes: Limits.cellBytes + 2)
        #expect(throws: EditError.tooLong(path: "A.unitName.value", bytes: Limits.cellBytes + 2, limit: Limits.cellBytes)) {
            try editor.set(&draft, a, text: big)
        }
        #expect(EditText.message(.tooLong(path: "A.unitName.value", bytes: 100_002, limit: 100_000)).contains("100000"))
        #expect(draft == ws.draft)
        // Spaces a one-line cell would trim do not count; the text kept does.
        try editor.set(&draft, a, text: "  " + text(bytes: Limits.cellBytes) + "  ")
    }

    @Test func aDraftOverTheFileLimitIsRefusedAndNothingIsWritten() throws {
        let (dir, p) = try Fixtures.savedDraft(ws)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = Fixtures.bytes(p)
        // 700 special funds, each named with a label just under the cell limit: every cell fits, the
        // whole does not (about 70 MB).
        var draft = ws.draft
        let label = text(bytes: Limits.cellBytes - 1)
        draft.forms["A"]![0].rows["specialItem"] = Array(repeating: RowEntry(label: label), count: 700)
        do {
            try DraftStore.save(draft, template: ws.template, to: p)
            Issue.record("a draft the reader refuses was saved")
        } catch {
            guard case let .draftTooLarge(path, n, limit) = error else { Issue.record("\(error)"); return }
            #expect(path == p && n > DraftCodec.maxBytes && limit == DraftCodec.maxBytes)
            #expect(DraftText.message(error).contains("\(DraftCodec.maxBytes)"))
        }
        #expect(Fixtures.bytes(p) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["d.json"])
    }
}
