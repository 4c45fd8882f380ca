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

    /// Cells set to reach the findings the perturbation seldom does: a set of projects not all entered,
    /// a ratio among percents, a date in the evaluated year, rates a text states, a negative score, a
    /// 偏差原因 stating another actual.
    static let targeted: [String: [(String, String)]] = [
        "hunan-unit": [("C[+].name.value", "新项目"), ("S.keySpending.rate", "0.95"), ("S.card.rate", "100"), ("S.assetUse.rate", "98%"),
                       ("B.date.value", "2023.5.3"), ("C[5].goal[1].achieved", "项目资金执行率 100%"), ("B.goal[1].achieved", "预算执行率 95%"),
                       ("C[1].goal[1].achieved", "全年预算 92 万元，执行 84.69 万元，执行率 100%"), ("B.quantity[1].score", "-1"),
                       ("B.quantity[2].reason", "实际完成 370 人")],
        "henan-dept": [("A.execRate.reason", "全年预算执行率达到 100%，资金全部支出"),
                       ("A.task[1].completion", "应开展绩效监控 5 个项目，实际开展 4 个项目，完成率为 100%")],
        "hunan-dept-report": [("R.quality[1].achieved", "下达资金 50 万元，已支付 40 万元，资金到位率 100%")],
    ]

    /// Every draft of a family, named as its golden names them.
    static func all(_ family: String) -> [(String, Workspace)] {
        let t = Fixtures.template(family)
        var out = [("new-\(family).json", Workspace(draft: DraftFactory.new(template: t, year: 2023, unitName: "测试单位"), template: t))]
        for (name, ws) in examples(family) {
            out.append((name, ws))
            out.append(("perturbed-" + name, perturbed(ws)))
        }
        if let (name, ws) = examples(family).first(where: { !$0.0.hasSuffix("-report.json") }) {
            out.append(("targeted-" + name, (targeted[family] ?? []).reduce(ws) { Fixtures.setting($0, $1.0, $1.1) }))
            // Next year's draft: every carried cell is a note.
            if let next = try? NextYearDraft.make(from: ws.draft, template: t, year: ws.draft.year + 1) {
                out.append(("next-" + name, Workspace(draft: next.draft, template: t)))
            }
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

/// The findings no draft of the goldens reaches (they need a template setting no shipped template
/// has), worded as the checks worded them before the move.
struct RareFindingWordingTests {
    let text = ProblemText(template: Fixtures.template(), draft: Fixtures.example().draft)
    let cell = CellAddress(form: "B", formIndex: 0, row: "total", rowIndex: nil, column: "rate")

    func message(_ f: Finding) -> String { text.message(Problem(severity: .warning, address: cell, finding: f)) }

    @Test func overflowAtACellAndInACheck() {
        #expect(message(.beyondRange(check: nil)) == "计算结果超出可计算的范围（绝对值须小于 10 的 38 次方），按“—”处理。请核对参与计算的数字是否多输了位数或用错了单位。")
        #expect(message(.beyondRange(check: "{Y}年执行率")) == "2023年执行率：计算结果超出可计算的范围（绝对值须小于 10 的 38 次方），按“—”处理。请核对参与计算的数字是否多输了位数或用错了单位。")
    }

    @Test func aDateAfterTheDeadline() {
        #expect(message(.dateAfterDeadline(FormDate(year: 2024, month: 6, day: 2), deadline: FormDate(year: 2024, month: 5, day: 31)))
            == "日期 2024年6月2日 晚于规定的报送期限 2024年5月31日。请核对日期。")
    }

    @Test func overAchievementWithoutAReason() {
        #expect(message(.indicator(.overAchievementWithoutReason(ratio: Decimal(string: "1.5")!, threshold: Decimal(string: "1.3")!)))
            == "实际完成值为指标值的 150%，达到模板规定须说明的 130%：请填写偏差原因分析及改进措施")
    }
}
