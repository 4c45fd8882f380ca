import ArgumentParser
import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把在 WPS/Excel 中改过的导出工作簿读回草稿 / Read a workbook edited in WPS or Excel back into its draft.",
        discussion: """
        工作簿须是 jixiao print --format xlsx 从这份草稿导出的；
        其中隐藏的 jixiao 工作表记录每个格子对应草稿的哪一格。
        列出与草稿不同的每一格（表、行、列，原值 → 新值），
        全部写入或一处不写，然后校验。
        另一份草稿的工作簿、被改掉的计算格（公式）、无法识别的数字
        都会被拒绝，
        并指出工作表和单元格。
        The workbook must be one `jixiao print --format xlsx` wrote from this draft (its hidden sheet `jixiao` records
        which draft cell each sheet cell is). Lists every cell that differs (form, row, column, old → new), applies all of
        them or none, then validates. A workbook of another draft, a computed cell whose formula was replaced, or a value
        that does not parse is refused with its sheet and cell.
        退出码 / Exit code: 0 已导入（或 --dry-run）imported, 2 未导入 refused or unreadable.
        """)

    @Argument(help: "工作簿 / The edited workbook (.xlsx).") var book: String
    @Argument(help: "草稿文件 / The draft it was exported from.") var file: String
    @Flag(name: .customLong("dry-run"), help: "只列出改动，不写入 / List the changes only; the draft is left as it is.") var dryRun = false
    @Flag(help: "输出 JSON / JSON output.") var json = false

    func run() throws {
        let loaded = try CLI.load(file)
        let bytes: [UInt8]
        do { bytes = try DraftStore.readBytes(book) } catch { throw CLI.fail(DraftText.message(error)) }
        let plan: WorkbookImport.Plan
        do { plan = try WorkbookImport.plan(bytes, draft: loaded.draft, template: loaded.template) } catch {
            switch error {
            case let .unreadable(e): throw CLI.fail(ImportText.unreadable(book, e))
            case let .refused(list):
                CLI.note(ImportText.refused(list.count))
                for r in list { CLI.note("  " + ImportText.message(r)) }
                throw ExitCode(2)
            }
        }
        if !dryRun && !plan.changes.isEmpty {
            // Applied under the draft's write lock, to the draft as it is then (as `set` does), so a
            // writer in between is neither overwritten nor lost.
            do {
                _ = try CLI.store.update(file) { draft, template in
                    draft = try WorkbookImport.plan(bytes, draft: draft, template: template).draft
                }
            } catch let e as DraftError {
                throw CLI.fail(DraftText.message(e))
            } catch {
                throw CLI.fail(ImportText.changedMeanwhile(file))
            }
        }
        let problems = Checker.check(Evaluation(template: loaded.template, draft: plan.draft))
        let wording = ProblemText(template: loaded.template, draft: plan.draft)
        if json {
            let repeated = { (a: CellAddress) in loaded.template.form(a.form)?.isRepeated ?? false }
            CLI.printJSON(.object([
                ("file", .string(file)), ("workbook", .string(book)), ("applied", .bool(!dryRun && !plan.changes.isEmpty)),
                ("changes", .array(plan.changes.map { c in
                    .object([("path", .string(c.address.path(formRepeated: repeated(c.address)))), ("sheet", .string(c.sheet)),
                             ("cell", .string(c.ref)), ("location", .string(c.location)), ("old", .string(c.old)), ("new", .string(c.new))])
                })),
                ("problems", .array(problems.map { ProblemReport.json($0, wording) })),
            ]))
            return
        }
        for c in plan.changes { CLI.say(ImportText.change(c)) }
        CLI.say(ImportText.summary(plan.changes.count, dryRun: dryRun))
        if !dryRun && !plan.changes.isEmpty { CLI.say(CLIText.saved(file, count: plan.changes.count)) }
        CLI.say("\(file)：\(ProblemReport.summary(problems))")
        for line in ProblemReport.lines(problems, wording) { CLI.say(line) }
    }
}
