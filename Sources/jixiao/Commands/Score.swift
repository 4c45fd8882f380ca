import ArgumentParser
import JixiaoKit
import JixiaoStore
import JixiaoReports

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "计算得分 / Execution scores, each indicator's given and suggested score, totals, grades and the rubric.",
        discussion: "退出码 / Exit code: 0 已算出 scored, 2 文件无法读取 a file could not be read.")

    @Argument(help: "草稿文件 / The draft.") var file: String
    @Flag(help: "输出 JSON / JSON output.") var json = false

    func run() throws {
        let loaded = try CLI.load(file)
        let card = ScorecardBuilder.build(Evaluation(template: loaded.template, draft: loaded.draft))
        if json { CLI.printJSON(ScoreReport.json(card)) } else { for line in ScoreReport.lines(card) { CLI.say(line) } }
    }
}
