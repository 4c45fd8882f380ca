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
            // What is checked against the template only once it has loaded (on another core).
            ("\"parameters\": {", "\"parameters\": {\"nosuchparameter\": \"x\", "),
            ("\"level\": \"", "\"level\": \"不是选项"),
            ("\"parameters\": {", "\"parameters\": {\"level\": 1, "),
            ("\"forms\": {", "\"report\": {\"nosuchsection\": \"x\"}, \"forms\": {"),
            ("\"A\": [", "\"A\": [{}, "),
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

    /// Cell values and keys written every way JSON allows, in a single row's cells and in a repeated
    /// row's: whatever the tree reader makes of them, the direct reader makes the same, or leaves the
    /// draft to it.
    @Test func valuesAndKeysWrittenEveryWayAreReadAsTheTreeReaderReadsThem() throws {
        let t = Fixtures.template()
        var cases: [(form: String, row: String, column: String, repeated: Bool)] = []
        for kind in [CellKind.money, .count, .percent, .text] {
            for repeated in [false, true] {
                for form in t.forms where repeated ? form.isRepeated : !form.isRepeated {
                    guard let row = form.rows.first(where: { r in (r.repeating != nil) == repeated && r.columnIDs.contains { r.formulas[$0] == nil && DraftCodec.kindsByColumn(form, r)[$0] == kind } }),
                          let col = row.columnIDs.first(where: { row.formulas[$0] == nil && DraftCodec.kindsByColumn(form, row)[$0] == kind }) else { continue }
                    cases.append((form.id, row.id, col, repeated))
                    break
                }
            }
        }
        #expect(cases.count >= 5)
        let values = [
            "12.5", "-12.5", "0", "-0", "007", ".5", "-.5", "1.", "-", "", "95%", "-0.5%", "%", "1.0", "12",
            "1234567890123456789", "12345678901234567890", "1234567890.1234567890123", "0.000000000000000001",
            "1e5", "1E-2", "1,234.5", "+1", "--1", "1.2.3", " 12", "12 ", "１２", "12万元", "约 12 万元",
            "\\u0031\\u0032.5", "1\\u002e5", "\\ud83d\\ude00", "\\ud83d", "a\\nb", "\\\"", "\\/",
        ]
        var compared = 0
        for (form, row, col, repeated) in cases {
            var d = DraftGenerator(template: t, seed: 5, sizes: .small).draft()
            var e = try #require(d.forms[form]?.first)
            if repeated {
                var list = e.rows[row] ?? []
                if list.isEmpty { list.append(RowEntry()) }
                list[0].cells[col] = .invalid("PLACEHOLDER")
                e.rows[row] = list
            } else {
                e.cells[row, default: [:]][col] = .invalid("PLACEHOLDER")
            }
            d.forms[form]![0] = e
            let good = DraftCodec.encode(d, template: t)
            for v in values {
                let text = good.replacingOccurrences(of: "\"PLACEHOLDER\"", with: "\"\(v)\"")
                for doc in [text, text.replacingOccurrences(of: "\"\(col)\": \"\(v)\"", with: "\"\(Self.escaped(col))\": \"\(v)\"")] {
                    let bytes = Array(doc.utf8)
                    switch Self.tree(bytes) {
                    case .failure: #expect(Self.direct(bytes) == nil, "\(form) \(row) \(col): \(v)")
                    case let .success(expected):
                        compared += 1
                        let got = Self.direct(bytes)
                        #expect(got == expected, "\(form) \(row) \(col): \(v)")
                    }
                }
            }
        }
        #expect(compared > 100)
    }

    /// A key with every letter as a \u escape.
    static func escaped(_ key: String) -> String {
        key.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
    }

    /// The numbers read from their bytes are the very `Decimal`s `entry` makes from their text (the
    /// same digits and exponent, not only equal), and the commonest forms are read that way.
    @Test func quickNumbersAreTheDecimalsEntryMakes() {
        let texts = [
            "12.5", "-12.5", "0", "-0", "007", ".5", "-.5", "1.", "-", "95%", "-0.5%", "%", "1.0", "1.50", "100",
            "1234567890123456789", "9999999999999999999", "12345678901234567890", "0.000000000000000001", "1e5", "1,234", "+1",
            "--1", "1.2.3", "12%%", "1-2", "12 ",
        ]
        var quick = 0
        for kind in [CellKind.money, .count, .percent, .decimal, .area] {
            for text in texts {
                let bytes = Array(text.utf8)
                guard let d = DraftCodec.quickNumber(bytes, 0..<bytes.count, kind: kind) else { continue }
                quick += 1
                guard case let .number(expected) = DraftCodec.entry(text, kind: kind) else {
                    Issue.record("\(kind) \(text): entry makes no number of it")
                    continue
                }
                #expect(d == expected && d.exponent == expected.exponent && d.significand == expected.significand && d.description == expected.description, "\(kind) \(text)")
            }
        }
        for (text, kind) in [("12.5", CellKind.money), ("-3", .count), ("95%", .percent), ("0.05", .percent)] {
            let bytes = Array(text.utf8)
            #expect(DraftCodec.quickNumber(bytes, 0..<bytes.count, kind: kind) != nil, "\(kind) \(text)")
        }
        for (text, kind) in [("1.0", CellKind.count), ("95%", .money), ("1.", .money), ("12345678901234567890", .money)] {
            let bytes = Array(text.utf8)
            #expect(DraftCodec.quickNumber(bytes, 0..<bytes.count, kind: kind) == nil, "\(kind) \(text)")
        }
        #expect(quick > 40)
    }
}
