import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

struct TemplateLoaderTests {
    /// The default template with one edit applied to its text, loaded from memory.
    func load(replacing old: String, with new: String, count: Int = 1) throws(TemplateError) -> Template {
        let path = Fixtures.root.appendingPathComponent("templates/hunan-unit.json").path
        var text = try! String(contentsOfFile: path, encoding: .utf8)
        #expect(text.components(separatedBy: old).count - 1 >= count, "fixture text not found: \(old)")
        if let r = text.range(of: old) { text.replaceSubrange(r, with: new) }
        return try TemplateLoader.load(bytes: Array(text.utf8), file: "edited.json")
    }

    func reason(_ body: () throws(TemplateError) -> Template) -> TemplateError? {
        do { _ = try body(); return nil } catch { return error }
    }

    /// A FIFO planted as a template in a shared templates folder is refused at once: a blocking read
    /// there would hang the start of the program until something wrote to it. If it blocks, the test
    /// opens the FIFO's other end after a while to get its thread back, and fails.
    @Test func aFIFOInTheTemplatesFolderIsRefusedNotWaitedOn() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let real = Fixtures.root.appendingPathComponent("templates/hunan-unit.json").path
        try FileManager.default.copyItem(atPath: real, toPath: dir + "/b.json")
        #expect(mkfifo(dir + "/a.json", 0o600) == 0)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var chosen: String?
        nonisolated(unsafe) var fifoError: TemplateError?
        Thread.detachNewThread {
            chosen = TemplateCatalog(directories: [dir]).defaultTemplateID()
            do throws(TemplateError) { _ = try TemplateLoader.load(file: dir + "/a.json") } catch { fifoError = error }
            done.signal()
        }
        if done.wait(timeout: .now() + 20) == .timedOut {
            Issue.record("reading the templates folder blocked on the FIFO")
            let fd = open(dir + "/a.json", O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
            _ = done.wait(timeout: .now() + 20)
        }
        #expect(chosen == "b")
        #expect(fifoError?.reason == .unreadable(dir + "/a.json"))
    }

    @Test func shippedTemplatesLoad() throws {
        for f in Fixtures.catalog.files() {
            _ = try TemplateLoader.load(file: f.path)
        }
        let t = Fixtures.template()
        #expect(t.forms.map(\.id) == Array(t.forms.map(\.id)))
        #expect(t.form("C")?.isRepeated == true)
        #expect(t.form("A")?.row("specialItem")?.repeating?.named == true)
    }

    @Test func unknownCellIsRejectedWithItsPlace() {
        let e = reason { () throws(TemplateError) in try load(replacing: "\"formula\": \"_.actual / _.authorized\"", with: "\"formula\": \"_.actual / _.nosuch\"") }
        #expect(e?.reason == .unknownCell("staff.nosuch"))
        #expect(e?.file == "edited.json")
        #expect(e?.entry.contains("forms[0](A)") == true)
        #expect(DraftText.template(e!).contains("staff.nosuch"))
    }

    @Test func formulaCycleIsRejected() {
        let e = reason { () throws(TemplateError) in
            try load(replacing: "{\"id\": \"abroad\", \"label\": \"2、出国经费\"}", with: "{\"id\": \"abroad\", \"label\": \"2、出国经费\", \"formula\": \"sangong.@\"}")
        }
        guard case let .formulaCycle(path)? = e?.reason else { Issue.record("expected a cycle, got \(String(describing: e))"); return }
        #expect(path.contains { $0.hasPrefix("abroad.") } && path.contains { $0.hasPrefix("sangong.") })
        // The whole way round, from the first computed cell visited back to the one that closes it.
        #expect(path == ["sangong.prev", "abroad.prev", "sangong.prev"])
        #expect(DraftText.template(e!).contains("循环"))
    }

    /// The order computed cells are evaluated in, for every shipped template, as a fingerprint (the
    /// length and an FNV-1a hash of "form:row.column" in order) taken before the order's search moved
    /// from "row.column" text to row positions.
    @Test func evaluationOrderOfTheShippedTemplatesIsUnchanged() {
        var seen: [String: String] = [:]
        for id in ["hunan-unit", "henan-dept", "hunan-dept-report"] {
            let t = Fixtures.template(id)
            let text = t.forms.map { f in f.evaluationOrder.map { "\(f.id):\($0.row).\($0.column)" }.joined(separator: ",") }.joined(separator: "|")
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
            seen[id] = "\(text.utf8.count):\(String(h, radix: 16))"
        }
        #expect(seen == ["henan-dept": "1589:42e731e5d812f92", "hunan-dept-report": "3050:fd3b2300ee71b1a3",
                         "hunan-unit": "3385:c81159d8b4b2ffa9"])
    }

    @Test func unknownRuleKindIsRejected() {
        let e = reason { () throws(TemplateError) in try load(replacing: "{\"kind\": \"placeholder\", \"severity\": \"warning\"}", with: "{\"kind\": \"magic\"}") }
        #expect(e?.reason == .unknownCheckKind("magic"))
    }

    @Test func unknownFunctionAndBadSyntaxAreRejected() {
        let e1 = reason { () throws(TemplateError) in try load(replacing: "_.actual / _.authorized", with: "eval(_.actual)") }
        guard case .badFormula? = e1?.reason else { Issue.record("got \(String(describing: e1))"); return }
        let e2 = reason { () throws(TemplateError) in try load(replacing: "_.actual / _.authorized", with: "_.actual /") }
        guard case .badFormula? = e2?.reason else { Issue.record("got \(String(describing: e2))"); return }
    }

    @Test func unknownColumnKindAndWrongTypes() {
        let e = reason { () throws(TemplateError) in try load(replacing: "\"kind\": \"count\"", with: "\"kind\": \"abacus\"") }
        #expect(e?.reason == .unknownColumnKind("abacus"))
        let e2 = reason { () throws(TemplateError) in try load(replacing: "\"short\": \"附件1\"", with: "\"short\": 1") }
        #expect(e2?.reason == .wrongType(expected: "字符串", found: "数字"))
    }

    /// The forms are read and compiled on several cores: with errors in several forms, the one
    /// reported is still the first in the file's order.
    @Test func theFirstErrorInTheFileIsReportedWhenSeveralFormsAreWrong() throws {
        let path = Fixtures.root.appendingPathComponent("templates/hunan-unit.json").path
        let original = try String(contentsOfFile: path, encoding: .utf8)
        func load(_ edits: [(String, String)]) -> TemplateError? {
            var text = original
            for (old, new) in edits {
                guard let r = text.range(of: old) else { Issue.record("fixture text not found: \(old)"); return nil }
                text.replaceSubrange(r, with: new)
            }
            do { _ = try TemplateLoader.load(bytes: Array(text.utf8), file: "edited.json"); return nil } catch { return error }
        }
        let cKind = "\"id\": \"header\", \"title\": \"\", \"columns\": [{\"id\": \"value\", \"label\": \"\", \"kind\": \"text\"}],\n         \"rows\": [\n           {\"id\": \"name\""
        let cKindBad = cKind.replacingOccurrences(of: "\"kind\": \"text\"", with: "\"kind\": \"abacus\"")
        // B says it is A, and C has a column of no known kind: B's repeated id comes first.
        #expect(load([("\"id\": \"B\",", "\"id\": \"A\","), (cKind, cKindBad)])?.reason == .duplicateID("A"))
        // C alone: its kind.
        #expect(load([(cKind, cKindBad)])?.reason == .unknownColumnKind("abacus"))
        // A's formula names no cell of its row and C has a bad kind: A's.
        #expect(load([("\"formula\": \"_.actual / _.authorized\"", "\"formula\": \"_.actual / _.nosuch\""), (cKind, cKindBad)])?.reason == .unknownCell("staff.nosuch"))
        // B's short title and C's kind: B's, whichever core read which.
        for _ in 0..<20 {
            #expect(load([("\"short\": \"附件2\"", "\"short\": 2"), (cKind, cKindBad)])?.reason == .wrongType(expected: "字符串", found: "数字"))
        }
    }

    @Test func brokenJSONGivesLineAndColumn() {
        let e = reason { () throws(TemplateError) in try TemplateLoader.load(bytes: Array("{\n  \"format\": 1,\n  \"id\": x\n}".utf8), file: "b.json") }
        guard case let .syntax(s)? = e?.reason else { Issue.record("got \(String(describing: e))"); return }
        #expect(s.line == 3 && s.column == 9)
        #expect(DraftText.template(e!).contains("第 3 行第 9 列"))
    }

    @Test func unsupportedFormatVersion() {
        let e = reason { () throws(TemplateError) in try load(replacing: "\"format\": 1", with: "\"format\": 7") }
        #expect(e?.reason == .unsupportedFormat(7))
    }

    @Test func crossFormReferenceToUnknownForm() {
        let e = reason { () throws(TemplateError) in try load(replacing: "\"left\": \"B!project.value\", \"right\": \"A!project.actual\"", with: "\"left\": \"Z!project.value\", \"right\": \"A!project.actual\"") }
        #expect(e?.reason == .unknownForm("Z"))
    }

    @Test func catalogFindsTemplatesFromAnotherDirectory() {
        // A dev build finds the clone's templates/ above the binary (under .build/) whatever the cwd.
        let saved = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(NSTemporaryDirectory())
        defer { FileManager.default.changeCurrentDirectoryPath(saved) }
        let c = TemplateCatalog.standard(environment: [:])
        #expect(c.path(for: "hunan-unit") != nil)
        #expect(c.defaultTemplateID() == "hunan-unit")
    }
}
