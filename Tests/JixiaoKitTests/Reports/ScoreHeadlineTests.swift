import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// `jixiao validate` reads the scorecard's headline (`ScorecardBuilder.headline`) without building the
/// scorecard: on every example, generated, new and half-filled draft of every template it must say
/// exactly what the whole scorecard says, in all three output formats.
struct ScoreHeadlineTests {
    static let templates: [Template] = Fixtures.catalog.files().map { try! TemplateLoader.load(file: $0.path) }

    /// Every draft to compare on, named for the failure message.
    static func drafts() throws -> [(name: String, ev: Evaluation)] {
        var out: [(String, Evaluation)] = []
        let folder = Fixtures.root.appendingPathComponent("examples").path
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".json") {
            guard let loaded = try? DraftStore(catalog: Fixtures.catalog).load(folder + "/" + name) else { continue }
            out.append((name, Evaluation(template: loaded.template, draft: loaded.draft)))
        }
        for t in templates {
            let generated = DraftGenerator(template: t, seed: 3, sizes: .small).draft()
            out.append(("generated \(t.id)", Evaluation(template: t, draft: generated)))
            out.append(("new \(t.id)", Evaluation(template: t, draft: DraftFactory.new(template: t, year: 2023, unitName: "某单位"))))
            // Every other entered cell of the generated draft left empty: totals partly there, grades pending.
            var half = generated
            for form in t.forms {
                for k in half.instances(of: form.id).indices {
                    for (row, cells) in half.forms[form.id]![k].cells {
                        for (n, column) in cells.keys.sorted().enumerated() where n % 2 == 1 {
                            half.forms[form.id]![k].cells[row]![column] = nil
                        }
                    }
                }
            }
            out.append(("half-filled \(t.id)", Evaluation(template: t, draft: half)))
        }
        return out
    }

    @Test func headlineSaysWhatTheScorecardSays() throws {
        let drafts = try Self.drafts()
        #expect(drafts.count >= 3 * Self.templates.count + 3)
        var totals = 0, pending = 0
        for (name, ev) in drafts {
            let problems = Checker.check(ev)
            let fast = ScorecardBuilder.headline(ev, problems: problems)
            let full = ScoreHeadline(ScorecardBuilder.build(ev, problems: problems))
            #expect(fast.total == full.total, "\(name)")
            #expect(fast.grade == full.grade, "\(name)")
            #expect(fast.unit == full.unit && fast.year == full.year && fast.isFinished == full.isFinished, "\(name)")
            let a = [ValidatedDraft(file: name, headline: fast)], b = [ValidatedDraft(file: name, headline: full)]
            #expect(JSONWriter.write(ValidationSummary.json(a)) == JSONWriter.write(ValidationSummary.json(b)), "\(name)")
            #expect(ValidationSummary.csv(a) == ValidationSummary.csv(b), "\(name)")
            #expect(ValidationSummary.lines(a) == ValidationSummary.lines(b), "\(name)")
            if full.total != nil { totals += 1 }
            if case .text(ScoringText.gradePending)? = full.grade { pending += 1 }
        }
        // The comparison covers drafts with a headline total and drafts whose grade is still pending.
        #expect(totals > 0)
        #expect(pending > 0)
    }
}
