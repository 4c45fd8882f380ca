import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Drafts with many kinds of problems in each family: the examples, fresh drafts, and the examples
/// with every seventh fillable cell set to something a check objects to (typed leniently, as the TUI
/// keeps what does not read) and figures appended to the report's prose.
enum ProblemDrafts {
    static let families = ["hunan-unit", "henan-dept", "hunan-dept-report"]
    static let hostile = ["abc", "-3", "2.585", "0.95", "某某单位", "2019年", "2024.5.3", "2030年1月2日", "≥207.36万元", "优", "差",
                          "预算执行率达到 95%，预算 100 万元，支出 90 万元。", "共 120 件，其中 100 件、30 件。", "实际完成 370 人", "XX",
                          "≤55%", "1,0,00", "9999.999", "100", ""]
    static let prose = ["在编人员36人，基本支出360.71万元。", "预算执行率为99%，年底结余 0 万元，结余率 100%。"]

    /// The examples of a family (`examples/<template>-*.json`), by file name.
    static func examples(_ family: String) -> [(String, Workspace)] {
        let dir = Fixtures.root.appendingPathComponent("examples")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name -> (String, Workspace)? in
            let ws = TT.example(String(name.dropLast(5)))
            return ws.template.id == family ? (name, ws) : nil
        }
    }

    static func perturbed(_ ws: Workspace) -> Workspace {
        let editor = DraftEditor(template: ws.template)
        var draft = ws.draft
        for (k, cell) in FillableCells.list(ws.evaluation).enumerated() where k % 7 == 3 {
            try? editor.set(&draft, cell.address, text: hostile[(k / 7) % hostile.count], lenient: true)
        }
        for (k, section) in (ws.template.report?.sections ?? []).enumerated() where draft.report[section.id] != nil || k < 2 {
            draft.report[section.id, default: ""] += prose[k % prose.count]
        }
        return Workspace(draft: draft, template: ws.template)
    }

    /// Every draft of a family, named as its golden names them.
    static func all(_ family: String) -> [(String, Workspace)] {
        let t = Fixtures.template(family)
        var out = [("new-\(family).json", Workspace(draft: DraftFactory.new(template: t, year: 2023, unitName: "测试单位"), template: t))]
        for (name, ws) in examples(family) {
            out.append((name, ws))
            out.append(("perturbed-" + name, perturbed(ws)))
        }
        return out
    }
}

/// The checks find; they word nothing. Every string a `Problem` holds is the template's or the
/// draft's own text (a label as the template writes it, a quoted cell), never a sentence of ours.
struct ProblemHoldsNoWordsTests {
    /// Every string inside a value, through its stored properties and associated values.
    static func strings(_ value: Any) -> [String] {
        if let s = value as? String { return [s] }
        return Mirror(reflecting: value).children.flatMap { strings($0.value) }
    }

    /// Runs of Chinese characters and punctuation (Han, CJK symbols, full-width forms, curly quotes).
    static func chineseRuns(_ s: String) -> [String] {
        func chinese(_ u: Unicode.Scalar) -> Bool {
            (0x3000...0x303F).contains(u.value) || (0x3400...0x9FFF).contains(u.value) || (0xF900...0xFAFF).contains(u.value)
                || (0xFF00...0xFFEF).contains(u.value) || (0x2018...0x201F).contains(u.value) || u.value >= 0x20000
        }
        var runs: [String] = [], run = ""
        for u in s.unicodeScalars {
            if chinese(u) { run.unicodeScalars.append(u) } else if !run.isEmpty { runs.append(run); run = "" }
        }
        return run.isEmpty ? runs : runs + [run]
    }

    /// The Chinese runs of a draft's problems that are neither in its template's file nor in its own text.
    static func wordsOfOurs(_ ws: Workspace, _ problems: [Problem]) throws -> [String] {
        let template = try String(contentsOf: Fixtures.root.appendingPathComponent("templates/\(ws.template.id).json"), encoding: .utf8)
        let draft = DraftCodec.encode(ws.draft, template: ws.template)
        var out: Set<String> = [], known: Set<String> = []
        for p in problems {
            for run in strings(p).flatMap(chineseRuns) where !known.contains(run) {
                if template.contains(run) || draft.contains(run) { known.insert(run) } else { out.insert("\(p.code): \(run)") }
            }
        }
        return out.sorted()
    }

    @Test(arguments: ProblemDrafts.families)
    func problemsOfEveryDraftOfAFamilyHoldNoWords(_ family: String) throws {
        var seen = Set<String>()
        for (name, ws) in ProblemDrafts.all(family) {
            let problems = ws.problems
            seen.formUnion(problems.map(\.code))
            let ours = try Self.wordsOfOurs(ws, problems)
            #expect(ours.isEmpty, "\(name): \(ours.prefix(5))")
        }
        // The drafts reach most kinds of finding, or the test says little.
        #expect(seen.count >= 10, "\(family): \(seen.sorted())")
    }

    @Test func problemsOfTheGeneratedDraftHoldNoWords() throws {
        let t = Fixtures.template()
        let draft = DraftGenerator(template: t, seed: 1, sizes: .large).draft()
        let ws = Workspace(draft: draft, template: t)
        let problems = ws.problems
        #expect(!problems.isEmpty)
        #expect(try Self.wordsOfOurs(ws, problems).isEmpty)
    }
}

/// Worded at the edge, each family's problems read exactly as they did when the checks worded them:
/// the goldens were written by `jixiao validate` before the wording moved (commit e13ebb2), from the
/// drafts `ProblemDrafts` builds (JIXIAO_WRITE_PROBLEM_DRAFTS=DIR writes them there).
struct ProblemWordingGoldenTests {
    static func text(_ name: String, _ ws: Workspace) -> String {
        let card = ScorecardBuilder.build(ws.evaluation)
        return ([name + "：" + ProblemReport.summary(card.problems)] + ProblemReport.lines(card.problems, card.problemText)).joined(separator: "\n") + "\n"
    }

    @Test(arguments: ProblemDrafts.families)
    func wordingIsTodays(_ family: String) throws {
        let drafts = ProblemDrafts.all(family)
        if let dir = ProcessInfo.processInfo.environment["JIXIAO_WRITE_PROBLEM_DRAFTS"] {
            for (name, ws) in drafts { try DraftStore.save(ws.draft, template: ws.template, to: dir + "/" + name) }
        }
        let got = drafts.map { Self.text($0.0, $0.1) }.joined()
        Golden.check(got, "problems-\(family).txt")
    }
}
