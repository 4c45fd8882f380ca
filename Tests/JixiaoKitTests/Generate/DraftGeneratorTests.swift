import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The draft generator: reproducible from its seed, generic over every template in templates/, and its
/// drafts load, evaluate and check with weights that add up and no empty or unreadable cell.
struct DraftGeneratorTests {
    static let templates: [Template] = Fixtures.catalog.files().map { try! TemplateLoader.load(file: $0.path) }
    static let medium = DraftGenerator.Sizes(instances: 12, indicators: 30, namedRows: 40, otherRows: 2)

    @Test func everyTemplateIsCovered() {
        #expect(!Self.templates.isEmpty)
    }

    @Test(arguments: templates.map(\.id))
    func sameSeedGivesTheSameDraft(_ id: String) throws {
        let t = try #require(Self.templates.first { $0.id == id })
        let a = DraftGenerator(template: t, seed: 42, sizes: .small).draft()
        let b = DraftGenerator(template: t, seed: 42, sizes: .small).draft()
        let c = DraftGenerator(template: t, seed: 43, sizes: .small).draft()
        #expect(a == b)
        #expect(DraftCodec.encode(a, template: t) == DraftCodec.encode(b, template: t))
        #expect(a != c)
    }

    @Test(arguments: templates.map(\.id))
    func generatedDraftLoadsEvaluatesAndChecks(_ id: String) throws {
        let t = try #require(Self.templates.first { $0.id == id })
        let draft = DraftGenerator(template: t, seed: 1, sizes: Self.medium).draft()
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/generated.json"
        try DraftStore.save(draft, template: t, to: path)
        let loaded = try DraftStore(catalog: Fixtures.catalog).load(path)
        #expect(loaded.draft == draft)
        let ev = Evaluation(template: loaded.template, draft: loaded.draft)
        let problems = Checker.check(ev)
        // The generator's promises: every cell filled and readable, weights adding up, scores within weights.
        let broken = problems.filter { ["required", "notANumber", "weightGroup", "indicator.scoreAboveWeight"].contains($0.code) }
        #expect(broken.isEmpty, "\(Array(broken.prefix(5)).worded(ev.template, ev.draft).map { "\($0.code) \($0.path ?? "") \($0.message)" })")
        let card = ScorecardBuilder.build(ev, problems: problems)
        #expect(card.forms.count >= (t.forms.contains { $0.isRepeated && $0.indicators != nil } ? Self.medium.instances : 1))
    }

    @Test(arguments: templates.map(\.id))
    func sizesAreAsAsked(_ id: String) throws {
        let t = try #require(Self.templates.first { $0.id == id })
        let sizes = Self.medium
        let draft = DraftGenerator(template: t, seed: 5, sizes: sizes).draft()
        for form in t.forms {
            let instances = draft.instances(of: form.id)
            #expect(instances.count == (form.isRepeated ? sizes.instances : 1), "\(form.id)")
            for e in instances {
                var indicatorRows = 0
                for row in form.rows {
                    guard let rep = row.repeating else { continue }
                    if row.sectionID == form.indicators?.section {
                        indicatorRows += e.count(of: row.id)
                    } else {
                        #expect(e.count(of: row.id) == (rep.named ? sizes.namedRows : sizes.otherRows), "\(form.id).\(row.id)")
                    }
                }
                if form.indicators != nil { #expect(indicatorRows == sizes.indicators, "\(form.id)") }
            }
        }
    }

    @Test(arguments: templates.map(\.id))
    func weightsAddUpScoresStayWithinAndMoneyHasCents(_ id: String) throws {
        let t = try #require(Self.templates.first { $0.id == id })
        let draft = DraftGenerator(template: t, seed: 9, sizes: Self.medium).draft()
        for form in t.forms {
            for e in draft.instances(of: form.id) {
                for row in form.rows {
                    let kinds = Dictionary(uniqueKeysWithValues: (form.section(row.sectionID)?.columns ?? []).map { ($0.id, $0.kind) })
                    let all = row.repeating == nil ? [e.cells[row.id] ?? [:]] : (e.rows[row.id] ?? []).map(\.cells)
                    for cells in all {
                        for (c, entry) in cells where kinds[c] == .money {
                            guard case let .number(d) = entry else { Issue.record("\(form.id).\(row.id).\(c) not a number"); continue }
                            #expect(d.rounded(2) == d, "\(form.id).\(row.id).\(c) = \(d)")
                        }
                    }
                }
                guard let ind = form.indicators else { continue }
                for group in form.rows where group.sectionID == ind.section {
                    guard let weight = group.weight else { continue }
                    var total = Decimal(0)
                    var stack = group.childIDs
                    while let id = stack.popLast() {
                        let r = try #require(form.row(id))
                        stack += r.childIDs
                        for inst in e.rows[id] ?? [] {
                            let w = try #require(inst.cells[ind.weight].flatMap { $0.value.number })
                            let s = try #require(inst.cells[ind.score].flatMap { $0.value.number })
                            #expect(s <= w && s >= 0)
                            total += w
                        }
                    }
                    #expect(total == weight, "\(form.id).\(group.id)")
                }
            }
        }
    }

    /// The generator and the benchmark work from the templates alone: no Swift file of theirs names a
    /// template or a form of one.
    @Test func generatorAndBenchmarkNameNoTemplateOrForm() throws {
        var words = Set<String>()
        for t in Self.templates {
            words.insert(t.id)
            for f in t.forms {
                let short = f.short.replacingOccurrences(of: "{n}", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "-"))
                if short.count >= 2 { words.insert(short) }
            }
        }
        let folders = ["Sources/JixiaoKit/Generate", "Sources/jixiao-bench", "Tests/JixiaoKitTests/Generate"]
        var files: [String] = []
        for folder in folders {
            let dir = Fixtures.root.appendingPathComponent(folder).path
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".swift") {
                files.append(dir + "/" + name)
            }
        }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for w in words { #expect(!text.contains(w), "\(file) names \(w)") }
        }
    }
}
