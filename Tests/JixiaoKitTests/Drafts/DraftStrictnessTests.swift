import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 11, item 7: a draft that other JSON tools would read differently, or that holds what a save
/// would drop or downgrade, is refused with a message and left as it is: duplicate keys (with their
/// line and column), fields the format does not have, a template version newer than the one installed.
struct DraftStrictnessTests {
    let ws = Fixtures.example()
    var store: DraftStore { DraftStore(catalog: Fixtures.catalog) }

    /// The example as Jixiao writes it, edited by `change`, loaded from a file; the file must be untouched.
    func load(_ change: (String) -> String) throws(DraftError) -> DraftStore.Loaded {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        let text = change(DraftCodec.encode(ws.draft, template: ws.template))
        try! text.write(toFile: p, atomically: false, encoding: .utf8)
        defer { #expect(FileManager.default.contents(atPath: p) == Data(text.utf8)) }
        return try store.load(p)
    }

    func expectRefused(_ change: (String) -> String, _ check: (DraftError) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try load(change)
            Issue.record("accepted", sourceLocation: sourceLocation)
        } catch {
            #expect(check(error), "\(error)", sourceLocation: sourceLocation)
            #expect(!DraftText.message(error).isEmpty, sourceLocation: sourceLocation)
        }
    }

    @Test func duplicateKeysAreRefusedWhereTheyAre() {
        // Of two "a", one tool reads 1 and another 2: neither may be guessed.
        #expect(throws: JSONSyntaxError(reason: .duplicateKey("a"), line: 2, column: 3)) { try JSONReader.parse("{\"a\": 1,\n  \"a\": 2}") }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse("[{\"x\": {\"b\": 1, \"c\": 2, \"b\": 3}}]") }
        // Past the point where keys are hashed rather than scanned.
        let many = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse("{\(many), \"k7\": 0}") }
        #expect((try? JSONReader.parse("{\(many)}")) != nil)
        // The same key in different objects is fine.
        #expect((try? JSONReader.parse("{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}")) != nil)
    }

    @Test func aDraftWithADuplicateKeyIsRefusedWithLineAndColumn() throws {
        // At the root: the template id twice…
        expectRefused({ $0.replacingOccurrences(of: "\"year\": 2023", with: "\"year\": 2023,\n  \"year\": 2024") }) {
            guard case let .syntax(_, s) = $0 else { return false }
            return s.reason == .duplicateKey("year") && s.line == 9 && s.column == 3
        }
        // …and in a cell, where the last one used to win.
        let message = { (e: DraftError) in DraftText.message(e) }
        expectRefused({ $0.replacingOccurrences(of: "\"actual\": \"15\"", with: "\"actual\": \"15\", \"actual\": \"99\"") }) {
            guard case let .syntax(_, s) = $0, s.reason == .duplicateKey("actual") else { return false }
            return message($0).contains("第 \(s.line) 行第 \(s.column) 列") && message($0).contains("actual")
        }
    }

    @Test(arguments: [
        ("\"year\": 2023", "\"note\": \"x\",\n  \"year\": 2023", "note"),
        ("\"version\": \"1.2.0\"", "\"version\": \"1.2.0\", \"url\": \"x\"", "template.url"),
        ("\"cells\": {\n          \"unitName\"", "\"comment\": \"x\", \"cells\": {\n          \"unitName\"", "forms.A[0].comment"),
        ("\"label\": \"四海揽才\"", "\"label\": \"四海揽才\", \"note\": \"x\"", "forms.A[0].rows.specialItem[5].note"),
    ])
    func unknownFieldsAreRefusedNotDroppedOnTheNextSave(from: String, to: String, entry: String) {
        expectRefused({ text in
            #expect(text.contains(from), "fixture text moved: \(from)")
            return text.replacingOccurrences(of: from, with: to)
        }) { $0 == .unknownField(path: $0.path, entry: entry) }
    }

    @Test func aDraftFromANewerTemplateIsRefusedNotRewrittenAsOlder() {
        let installed = ws.template.version
        expectRefused({ $0.replacingOccurrences(of: "\"version\": \"\(installed)\"", with: "\"version\": \"\(installed).1\"") }) {
            $0 == .newerTemplate(path: $0.path, id: ws.template.id, found: installed + ".1", installed: installed)
        }
        // An older one is read as the installed version (what it means to upgrade).
        let older = try? load { $0.replacingOccurrences(of: "\"version\": \"\(installed)\"", with: "\"version\": \"1.0.0\"") }
        #expect(older?.draft.templateVersion == installed)
    }

    @Test func versionsCompareByNumberNotByText() {
        #expect(DraftCodec.isVersion("1.10.0", laterThan: "1.9.2"))
        #expect(!DraftCodec.isVersion("1.9.2", laterThan: "1.10.0"))
        #expect(!DraftCodec.isVersion("1.1", laterThan: "1.1.0"))
        #expect(DraftCodec.isVersion("2", laterThan: "1.99"))
        #expect(!DraftCodec.isVersion("1.1.0", laterThan: "1.1.0"))
    }
}

extension DraftError {
    /// The file named in the error, for comparing errors whose path a test does not know in advance.
    var path: String {
        switch self {
        case let .unknownField(p, _), let .newerTemplate(p, _, _, _), let .syntax(p, _): return p
        default: return ""
        }
    }
}
