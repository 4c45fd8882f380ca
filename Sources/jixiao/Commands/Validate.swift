import ArgumentParser
import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "校验草稿 / Check drafts and print every problem.",
        discussion: """
        可给多个文件或目录（校验其中全部 *.json）。
        多份草稿时最后列出汇总：单位、年度、错误、警告、提示、总分、等次。
        Files or folders (every *.json in them); with more than one draft a summary ends the output.
        --json 无论一份还是多份都输出同一结构 / one shape for one file or many:
        {"files": [...], "errors", "warnings", "infos", "unreadable"}.
        --format csv 输出全部问题，每个问题一行 / every problem, one a line.
        退出码 / Exit code: 0 无错误 no error (警告、提示不计 / warnings and notes do not count),
        1 有错误 some error, 2 文件无法读取 a file could not be read.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @Argument(help: "草稿文件或目录 / Draft files or folders.") var files: [String]
    @Flag(help: "输出 JSON，同 --format json / JSON output, as --format json.") var json = false
    @Option(help: "输出格式 / Output format: text, json, csv.") var format: Format = .text

    func run() throws {
        var worst: Int32 = 0
        var drafts: [ValidatedDraft] = []
        for file in expand(files, worst: &worst) {
            do {
                let loaded = try CLI.store.load(file)
                let card = ScorecardBuilder.build(Evaluation(template: loaded.template, draft: loaded.draft))
                if !card.isFinished { worst = max(worst, 1) }
                drafts.append(ValidatedDraft(file: file, scorecard: card))
            } catch {
                worst = 2
                drafts.append(ValidatedDraft(file: file, unreadable: DraftText.message(error)))
            }
        }
        switch json ? .json : format {
        case .json: CLI.printJSON(ValidationSummary.json(drafts))
        case .csv: print(ValidationSummary.csv(drafts), terminator: "")
        case .text: sayText(drafts)
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    func sayText(_ drafts: [ValidatedDraft]) {
        for d in drafts {
            guard let card = d.scorecard else { CLI.say("\(d.file)：\(d.message ?? "")"); continue }
            CLI.say("\(d.file)：\(ProblemReport.summary(d.problems))")
            for line in ProblemReport.lines(d.problems, card.problemText) { CLI.say(line) }
        }
        guard drafts.count > 1 || files.contains(where: CLI.isDirectory) else { return }
        CLI.say("")
        CLI.say(ValidationText.summaryTitle(drafts.count))
        for line in ValidationSummary.lines(drafts) { print(line) }
    }

    /// A folder stands for its drafts: every visible `*.json` in it (not its `.bak` or recovery files),
    /// in name order. A folder without one is said and counts as unreadable.
    func expand(_ paths: [String], worst: inout Int32) -> [String] {
        var out: [String] = []
        for p in paths {
            guard CLI.isDirectory(p) else { out.append(p); continue }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: p)) ?? [])
                .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            if names.isEmpty { CLI.note(ValidationText.noDrafts(p)); worst = 2 }
            out += names.map { (p as NSString).appendingPathComponent($0) }
        }
        return out
    }
}
