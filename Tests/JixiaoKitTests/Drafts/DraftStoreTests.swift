import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

struct DraftStoreTests {
    let ws = Fixtures.example()
    var store: DraftStore { DraftStore(catalog: Fixtures.catalog) }

    func bytes(_ p: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: p) ?? Data()) }

    @Test func roundTripIsEqualAndEmptyStaysDistinctFromZero() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        var draft = ws.draft
        let editor = DraftEditor(template: ws.template)
        try editor.set(&draft, CellAddress(form: "A", row: "abroad", column: "prev"), text: "0")
        try DraftStore.save(draft, template: ws.template, to: p)
        let back = try store.load(p)
        #expect(back.draft == draft)
        let ev = Evaluation(template: ws.template, draft: back.draft)
        #expect(ev.value(CellAddress(form: "A", row: "abroad", column: "prev")) == .number(0))
        #expect(ev.value(CellAddress(form: "A", row: "abroad", column: "budget")) == .empty)
    }

    @Test func computedValuesInTheFileAreNotTrusted() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        var text = DraftCodec.encode(ws.draft, template: ws.template)
        text = text.replacingOccurrences(of: "\"staff\": {", with: "\"staff\": {\n \"rate\": \"50%\",")
        try text.write(toFile: p, atomically: false, encoding: .utf8)
        // A computed cell in the file is refused rather than silently believed.
        #expect(throws: DraftError.self) { try store.load(p) }
    }

    @Test func savedFilesAreOwnerOnlyAndKeepABackup() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        try DraftStore.save(ws.draft, template: ws.template, to: p)
        let first = bytes(p)
        var draft = ws.draft
        try DraftEditor(template: ws.template).set(&draft, CellAddress(form: "A", row: "staff", column: "actual"), text: "14")
        try DraftStore.save(draft, template: ws.template, to: p)
        let attrs = try FileManager.default.attributesOfItem(atPath: p)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(bytes(p + ".bak") == first)
        #expect(bytes(p) != first)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test func saveInterruptedAfterTheTemporaryFileLeavesTheOldFile() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        try DraftStore.save(ws.draft, template: ws.template, to: p)
        let before = bytes(p)
        var draft = ws.draft
        try DraftEditor(template: ws.template).set(&draft, CellAddress(form: "A", row: "staff", column: "actual"), text: "14")
        struct Crash: Error {}
        #expect(throws: DraftError.self) {
            try DraftStore.save(draft, template: ws.template, to: p, beforeRename: { throw Crash() })
        }
        #expect(bytes(p) == before)
        #expect(try store.load(p).draft == ws.draft)
    }

    @Test func readOnlyFolderGivesAnErrorAndKeepsTheOldFile() throws {
        let dir = Fixtures.tempDir()
        let p = dir + "/d.json"
        try DraftStore.save(ws.draft, template: ws.template, to: p)
        let before = bytes(p)
        // root ignores permission bits; the immutable flag stops it as it stops everyone.
        let immutable = geteuid() == 0
        if immutable { try run("/usr/bin/chattr", "+i", dir) } else { chmod(dir, 0o500) }
        defer {
            if immutable { try? run("/usr/bin/chattr", "-i", dir) } else { chmod(dir, 0o700) }
            try? FileManager.default.removeItem(atPath: dir)
        }
        var draft = ws.draft
        try DraftEditor(template: ws.template).set(&draft, CellAddress(form: "A", row: "staff", column: "actual"), text: "14")
        do {
            try DraftStore.save(draft, template: ws.template, to: p)
            Issue.record("save into a read-only folder succeeded")
        } catch {
            #expect(error == .readOnly(path: p))
            #expect(DraftText.message(error).contains("只读"))
        }
        #expect(bytes(p) == before)
    }

    @Test func fullDiskAndForeignChangesAreNamed() throws {
        #expect(DraftStore.writeError(ENOSPC, path: "x") == .diskFull(path: "x"))
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        let stamp = try DraftStore.save(ws.draft, template: ws.template, to: p)
        try "{}".write(toFile: p, atomically: false, encoding: .utf8)
        #expect(throws: DraftError.changedOnDisk(path: p)) {
            try DraftStore.save(ws.draft, template: ws.template, to: p, expected: stamp)
        }
        #expect(bytes(p) == Array("{}".utf8))
    }

    @Test(arguments: [
        ("{\"format\": \"jixiao-draft\", \"formatVersion\": 1,", "unexpectedEnd"),
        ("{\"format\": \"other\"}", "notADraft"),
        ("{\"format\": \"jixiao-draft\", \"formatVersion\": 9, \"template\": {\"id\": \"hunan-unit\", \"version\": \"1\"}}", "unsupportedVersion"),
        ("{\"format\": \"jixiao-draft\", \"formatVersion\": 1, \"template\": {\"id\": \"gone\", \"version\": \"1\"}, \"year\": 2023, \"forms\": {}}", "missingTemplate"),
        ("{\"format\": \"jixiao-draft\", \"formatVersion\": 1, \"template\": {\"id\": \"hunan-unit\", \"version\": \"1.0.0\"}, \"year\": \"二〇二三\", \"forms\": {}}", "badYear"),
        ("{\"format\": \"jixiao-draft\", \"formatVersion\": 1, \"template\": {\"id\": \"hunan-unit\", \"version\": \"1.0.0\"}, \"year\": 2023, \"forms\": {\"A\": [{\"cells\": {\"staff\": {\"actual\": 15}}}]}}", "structure"),
        ("{\"format\": \"jixiao-draft\", \"formatVersion\": 1, \"template\": {\"id\": \"hunan-unit\", \"version\": \"1.0.0\"}, \"year\": 2023, \"forms\": {\"A\": [{\"cells\": {\"nosuch\": {\"x\": \"1\"}}}]}}", "unknownCell"),
    ])
    func corruptDraftsAreRefusedAndLeftAlone(text: String, kind: String) throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/bad.json"
        try text.write(toFile: p, atomically: false, encoding: .utf8)
        do {
            _ = try store.load(p)
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)".contains(kind) || kind == "unexpectedEnd" && "\(error)".contains("syntax"), "\(error)")
            #expect(!DraftText.message(error).isEmpty)
        }
        #expect(bytes(p) == Array(text.utf8))
    }

    @Test func brokenJSONIsLocated() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/bad.json"
        try "{\n  \"format\": \"jixiao-draft\",\n  \"formatVersion\" 1\n}".write(toFile: p, atomically: false, encoding: .utf8)
        do { _ = try store.load(p); Issue.record("accepted") } catch {
            #expect(DraftText.message(error).contains("第 3 行第 19 列"), "\(DraftText.message(error))")
        }
    }

    func run(_ tool: String, _ args: String...) throws {
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: tool)
        proc.arguments = args
        try proc.run()
        proc.waitUntilExit()
        if proc.terminationStatus != 0 { throw DraftError.writeFailed(path: tool, reason: "exit \(proc.terminationStatus)") }
    }
}
