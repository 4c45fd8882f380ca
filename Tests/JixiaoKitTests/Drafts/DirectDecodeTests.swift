import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoGenerate

/// The direct reader (`DraftCodec.decodeDirect`) against the tree reader (`header` + `decode`): the
/// same draft for every draft the tree reader accepts, and nil (so the tree reader runs and words the
/// refusal) for every draft it refuses.
struct DirectDecodeTests {
    /// Loaded once: the byte-by-byte test below reads a few hundred drafts.
    static let templates = Dictionary(uniqueKeysWithValues: Fixtures.catalog.files().map { ($0.id, try? Fixtures.catalog.load($0.id)) })

    static func tree(_ bytes: [UInt8], path: String = "d.json") -> Result<Draft, DraftError> {
        Result { () throws(DraftError) -> Draft in
            let head = try DraftCodec.header(bytes, path: path)
            guard let t = templates[head.templateID] ?? nil else { throw .missingTemplate(path: path, id: head.templateID) }
            return try DraftCodec.decode(head.root, template: t, path: path)
        }
    }

    static func direct(_ bytes: [UInt8]) -> Draft? {
        DraftCodec.decodeDirect(bytes, template: { templates[$0] ?? nil })?.draft
    }

    /// Drafts with every part of the format: the examples, a generated draft of each template, and one
    /// with labels, carried marks, parameters, report prose, escapes and a number cell holding text.
    static func samples() -> [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        let examples = Fixtures.root.appendingPathComponent("examples").path
        for n in ((try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []).sorted() where n.hasSuffix(".json") {
            out.append((n, Fixtures.bytes(examples + "/" + n)))
        }
        for id in ["hunan-unit", "henan-dept", "hunan-dept-report"] {
            let t = Fixtures.template(id)
            var d = DraftGenerator(template: t, seed: 5, sizes: .small).draft()
            // Marks and prose the generator does not write.
            if let form = t.forms.first(where: \.isRepeated), var e = d.forms[form.id]?.first,
               let row = form.rows.first(where: { $0.repeating != nil }), var list = e.rows[row.id], !list.isEmpty,
               let col = row.columnIDs.first(where: { row.formulas[$0] == nil }) {
                list[0].carried = [col]
                list[0].label = "名称 \"引号\" \\ 反斜杠\n换行\t制表 \u{1}"
                list[0].cells[col] = .invalid("约 12 万元")
                e.rows[row.id] = list
                d.forms[form.id]![0] = e
            }
            if let form = t.forms.first(where: { !$0.isRepeated }), var e = d.forms[form.id]?.first,
               let row = form.rows.first(where: { r in r.repeating == nil && r.columnIDs.contains { r.formulas[$0] == nil } }) {
                let col = row.columnIDs.first { row.formulas[$0] == nil }!
                e.carried[row.id] = [col]
                d.forms[form.id]![0] = e
            }
            if let s = t.report?.sections.first { d.report[s.id] = "报告正文：\"甲\"、\\乙\\、😀。" }
            out.append((id, Array(DraftCodec.encode(d, template: t).utf8)))
        }
        return out
    }

    @Test func theSameDraftAsTheTreeReaderForEveryPartOfTheFormat() throws {
        let samples = Self.samples()
        #expect(samples.count >= 6)
        for (name, bytes) in samples {
            let expected = try Self.tree(bytes).get()
            let direct = Self.direct(bytes)
            let got = try #require(direct, "\(name): the direct reader refused a good draft")
            #expect(got == expected, "\(name)")
            // Every instance of every form, and the report, are there.
            #expect(got.forms.mapValues(\.count) == expected.forms.mapValues(\.count), "\(name)")
            #expect(got.report == expected.report && got.parameters == expected.parameters, "\(name)")
        }
    }

    @Test func aLargeGeneratedDraftIsReadTheSame() throws {
        let t = Fixtures.template()
        let sizes = DraftGenerator.Sizes(instances: 40, indicators: 12, namedRows: 8, otherRows: 4)
        let bytes = Array(DraftCodec.encode(DraftGenerator(template: t, seed: 11, sizes: sizes).draft(), template: t).utf8)
        let expected = try Self.tree(bytes).get()
        #expect(Self.direct(bytes) == expected)
        #expect(expected.forms.values.map(\.count).reduce(0, +) > 40)
    }

    /// Each edit makes a draft the tree reader refuses; the direct reader must give nil for it, never
    /// a draft (which would be opened with the part it could read).
    @Test func everyDraftTheTreeReaderRefusesIsLeftToIt() throws {
        let t = Fixtures.template()
        let good = DraftCodec.encode(DraftGenerator(template: t, seed: 5, sizes: .small).draft(), template: t)
        let repeated = t.forms.first { $0.isRepeated }
        let project = try #require(repeated).id
        let edits: [(String, String)] = [
            ("\"formatVersion\": 1", "\"formatVersion\": 2"),
            ("\"formatVersion\": 1", "\"formatVersion\": \"1\""),
            ("\"format\": \"jixiao-draft\"", "\"format\": \"other\""),
            ("\"year\": 2023", "\"year\": 1989"),
            ("\"year\": 2023", "\"year\": 2023.0"),
            ("\"year\": 2023", "\"year\": 2023, \"year\": 2023"),
            ("\"version\": \"\(t.version)\"", "\"version\": \"99.0.0\""),
            ("\"id\": \"hunan-unit\"", "\"id\": \"no-such-template\""),
            ("\"id\": \"hunan-unit\"", "\"id\": \"hunan-unit\", \"extra\": 1"),
            ("\"forms\": {", "\"extra\": 1, \"forms\": {"),
            ("\"forms\": {", "\"forms\": {\"nosuchform\": [], "),
            ("\"\(project)\": [", "\"\(project)\": [{\"cells\": {}, \"other\": {}}, "),
            ("\"\(project)\": [", "\"\(project)\": [[], "),
            ("\"\(project)\": [", "\"\(project)\": [{\"cells\": {\"nosuchrow\": {}}}, "),
            ("\"\(project)\": [", "\"\(project)\": [{\"cells\": [], \"rows\": {}}, "),
            ("\"\(project)\": [", "\"\(project)\": [{\"rows\": {\"nosuchrow\": []}}, "),
            ("\"\(project)\": [", "\"\(project)\": [{\"cells\": {}} "),
            ("\"\(project)\": [", "\"\(project)\": [{\"cells\": {\"a\": \"\\x\"}}, "),
            ("\"cells\": {", "\"cells\": {\"nosuchrow\": {\"x\": \"1\"}, "),
            ("\"label\": \"", "\"label\": 5, \"x\": \""),
            ("\"carried\": [", "\"carried\": [\"nosuchcolumn\", "),
            ("}", "}}"),
        ]
        var tried = 0
        for (from, to) in edits {
            guard let r = good.range(of: from) else { continue }
            let bad = Array(good.replacingCharacters(in: r, with: to).utf8)
            guard case .failure = Self.tree(bad) else { Issue.record("the tree reader accepts: \(to)"); continue }
            tried += 1
            #expect(Self.direct(bad) == nil, "accepted: \(to)")
        }
        #expect(tried >= 18)
        // A cell over the limit, and one byte cut or doubled anywhere in the file.
        let long = good.replacingOccurrences(of: "\"cells\": {", with: "\"cells\": {\"x\": \"\(String(repeating: "长", count: Limits.cellBytes))\", ", options: [], range: good.range(of: "\"cells\": {"))
        #expect(Self.direct(Array(long.utf8)) == nil)
        let bytes = Array(good.utf8)
        for k in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            for bad in [Array(bytes[..<k] + bytes[(k + 1)...]), Array(bytes[...k] + bytes[k...])] {
                switch Self.tree(bad) {
                case .failure: #expect(Self.direct(bad) == nil, "accepted with a change at byte \(k)")
                case let .success(d): if let got = Self.direct(bad) { #expect(got == d, "byte \(k)") }
                }
            }
        }
    }

    /// Through `DraftStore.load`: a refused draft gets the tree reader's error, word for word.
    @Test func aRefusedDraftIsReportedAsBefore() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = Fixtures.template()
        let good = DraftCodec.encode(DraftGenerator(template: t, seed: 5, sizes: .small).draft(), template: t)
        for (from, to) in [("\"cells\": {", "\"cells\": {\"nosuchrow\": {}, "), ("\"year\": 2023", "\"year\": 1989"), ("}", "}}")] {
            let bad = good.replacingCharacters(in: good.range(of: from)!, with: to)
            let p = dir + "/d.json"
            try? FileManager.default.removeItem(atPath: p)
            try bad.write(toFile: p, atomically: false, encoding: .utf8)
            guard case let .failure(expected) = Self.tree(Array(bad.utf8), path: p) else { Issue.record("accepted: \(to)"); continue }
            do {
                _ = try DraftStore(catalog: Fixtures.catalog).load(p)
                Issue.record("loaded: \(to)")
            } catch {
                #expect(error == expected)
                #expect(DraftText.message(error) == DraftText.message(expected))
            }
        }
    }
}
