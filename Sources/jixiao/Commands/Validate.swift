import ArgumentParser
import JixiaoKit
import JixiaoStore
import JixiaoReports

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "校验草稿 / Check drafts and print every problem.",
        discussion: "退出码 / Exit code: 0 无错误 no error, 1 有错误 some error, 2 文件无法读取 a file could not be read.")

    @Argument(help: "草稿文件 / Draft files.") var files: [String]
    @Flag(help: "输出 JSON / JSON output.") var json = false

    func run() throws {
        var worst: Int32 = 0
        var reports: [JSONValue] = []
        for file in files {
            let loaded: DraftStore.Loaded
            do { loaded = try CLI.store.load(file) } catch {
                worst = 2
                if json { reports.append(.object([("file", .string(file)), ("readable", .bool(false)), ("message", .string(DraftText.message(error)))])) }
                else { CLI.say("\(file)：\(DraftText.message(error))") }
                continue
            }
            let problems = Checker.check(Evaluation(template: loaded.template, draft: loaded.draft))
            if problems.contains(where: { $0.severity == .error }) { worst = max(worst, 1) }
            if json {
                reports.append(.object([("file", .string(file)), ("readable", .bool(true)),
                                        ("errors", .number(String(problems.filter { $0.severity == .error }.count))),
                                        ("warnings", .number(String(problems.filter { $0.severity == .warning }.count))),
                                        ("problems", .array(problems.map(ProblemReport.json)))]))
            } else {
                CLI.say("\(file)：\(ProblemReport.summary(problems))")
                for line in ProblemReport.lines(problems) { CLI.say(line) }
            }
        }
        if json { CLI.printJSON(files.count == 1 && reports.count == 1 ? reports[0] : .array(reports)) }
        if worst != 0 { throw ExitCode(worst) }
    }
}
