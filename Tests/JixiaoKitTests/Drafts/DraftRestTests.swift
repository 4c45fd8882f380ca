import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoGenerate

/// `DraftStore.loadFirst`: the forms a first frame does not show are read after it (`DraftRest`). The
/// draft it gives holds every instance, those of the forms left only with what the frame reads of them
/// (names), and `finish` makes it exactly the draft `load` reads; a defect in what was left is refused
/// by `finish` with the very error `load` throws.
struct DraftRestTests {
    static func store() -> DraftStore { DraftStore(catalog: Fixtures.catalog) }

    /// The examples and a generated draft of each template, saved in `dir`.
    static func files(in dir: String) throws -> [String] {
        var out: [String] = []
        let examples = Fixtures.root.appendingPathComponent("examples").path
        for n in try FileManager.default.contentsOfDirectory(atPath: examples).sorted() where n.hasSuffix(".json") {
            out.append(examples + "/" + n)
        }
        for id in ["hunan-unit", "henan-dept", "hunan-dept-report"] {
            let t = Fixtures.template(id)
            let path = dir + "/\(id).json"
            try DraftStore.save(DraftGenerator(template: t, seed: 11, sizes: .small).draft(), template: t, to: path, createNew: true)
            out.append(path)
        }
        return out
    }

    @Test func finishingGivesTheDraftLoadReads() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeAll(dir) }
        var deferred = 0
        for path in try Self.files(in: dir) {
            let whole = try Self.store().load(path)
            for shown in whole.template.forms.map(\.id) {
                let (first, rest) = try Self.store().loadFirst(path) { _, _ in [shown] }
                let name = "\(URL(fileURLWithPath: path).lastPathComponent) showing \(shown)"
                #expect(first.template.id == whole.template.id && first.stamp == whole.stamp, "\(name)")
                #expect(first.draft.forms.mapValues(\.count) == whole.draft.forms.mapValues(\.count), "\(name)")
                #expect(first.draft.parameters == whole.draft.parameters && first.draft.report == whole.draft.report, "\(name)")
                let left = rest?.forms ?? []
                #expect(!left.contains(shown), "\(name)")
                for form in whole.template.forms {
                    let got = first.draft.instances(of: form.id), expected = whole.draft.instances(of: form.id)
                    if left.contains(form.id) {
                        #expect(!form.optional, "\(name): an optional form was left")
                        // Only the name's row (and the unit's), as in the whole draft.
                        for (g, e) in zip(got, expected) {
                            #expect(g.rows.isEmpty && g.carried.isEmpty, "\(name) \(form.id)")
                            for (row, cells) in g.cells { #expect(e.cells[row] == cells, "\(name) \(form.id).\(row)") }
                            if let cell = form.repeated?.nameCell {
                                #expect(g.entry(row: cell.row, index: nil, column: cell.column) == e.entry(row: cell.row, index: nil, column: cell.column), "\(name)")
                            }
                        }
                    } else {
                        #expect(got == expected, "\(name) \(form.id)")
                    }
                }
                if let rest {
                    deferred += 1
                    #expect(try rest.finish(first.draft) == whole.draft, "\(name)")
                }
                // A form computed from others needs them all: nothing is left then.
                if whole.template.form(shown)?.readsOtherForms == true { #expect(rest == nil, "\(name)") }
            }
            // Nothing shown in particular (the 自评报告): everything is read at once.
            #expect(try Self.store().loadFirst(path) { _, _ in nil }.rest == nil)
        }
        #expect(deferred >= 8)
    }

    @Test func aDefectInTheFormsLeftIsRefusedByFinishAsLoadRefusesIt() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeAll(dir) }
        let t = Fixtures.template("hunan-unit")
        let good = Array(DraftCodec.encode(DraftGenerator(template: t, seed: 3, sizes: .small).draft(), template: t).utf8)
        // An unknown repeated row inside the third project's rows: passed over by the first read.
        let loadTemplate: @Sendable (String) -> Template? = { try? Fixtures.catalog.load($0) }
        let scan = try #require(DirectScan(good, template: loadTemplate))
        let third = scan.instances.filter { $0.form == "C" }[2]
        let key = Array("\"rows\": {".utf8)
        let at = try #require((third.start..<third.end).first { good[$0...].starts(with: key) }) + key.count
        var bad = good
        bad.insert(contentsOf: Array("\"noSuchRow\": [],".utf8), at: at)
        let path = dir + "/bad.json"
        try DraftStore.writeFile(bad, to: path, createNew: true)

        var loadError: DraftError?
        do { _ = try Self.store().load(path) } catch { loadError = error }
        let refusal = try #require(loadError, "load takes the bad draft")
        let (first, rest) = try Self.store().loadFirst(path) { _, _ in ["A"] }
        let r = try #require(rest)
        #expect(r.forms.contains("C"))
        #expect(first.draft.instances(of: "C").count == scan.instances.filter { $0.form == "C" }.count)
        #expect(throws: refusal) { try r.finish(first.draft) }
        // Shown at once, it is refused at once.
        #expect(throws: refusal) { try Self.store().loadFirst(path) { _, _ in ["C"] } }
    }
}

extension DraftRestTests {
    @Test func theTemplateIsPeekedFromTheHeaderOnly() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeAll(dir) }
        #expect(DraftStore.templateID(peeking: Fixtures.examplePath) == "hunan-unit")
        for path in try Self.files(in: dir) {
            #expect(DraftStore.templateID(peeking: path) == (try Self.store().load(path)).template.id, "\(path)")
        }
        // Anything else is nil, and the draft is then read as it always is.
        let cases: [(String, String)] = [
            ("late", #"{"year": 2023, "template": {"id": "hunan-unit", "version": "1.2.0"}}"#),
            ("far", #"{"format": ""# + String(repeating: "x", count: 5000) + #"", "template": {"id": "hunan-unit"}}"#),
            ("number", #"{"format": "jixiao-draft", "template": {"id": 7}}"#),
            ("empty", ""),
        ]
        for (name, text) in cases {
            try DraftStore.writeFile(Array(text.utf8), to: dir + "/\(name).json", createNew: true)
            #expect(DraftStore.templateID(peeking: dir + "/\(name).json") == nil, "\(name)")
        }
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: Fixtures.examplePath)
        #expect(DraftStore.templateID(peeking: dir + "/link.json") == nil)
        #expect(DraftStore.templateID(peeking: dir + "/missing.json") == nil)
    }
}

private extension FileManager {
    func removeAll(_ path: String) throws { try removeItem(atPath: path) }
}
