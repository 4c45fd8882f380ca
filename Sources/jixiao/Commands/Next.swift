import ArgumentParser
import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports

struct Next: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "以上年草稿为底稿新建下一年度草稿 / Start next year's draft from this year's.",
        discussion: """
        沿用单位、参数、各项目（名称、主管部门、实施单位）、
        专项名称和绩效指标；三级指标、年度指标值等标为「沿用上年，请核对」，
        jixiao validate 以提示列出，改过即消失。
        本年决算数填入新年度的上年决算数；
        实际完成值、完成说明、得分、偏差原因和日期清空。
        哪些格子沿用、哪一列对应上年，由模板的 nextYear 规定（docs/templates.md）。
        Keeps the unit, parameters, projects (name, 主管部门, 实施单位), special funds' names and the indicators (marked
        「沿用上年，请核对」: a note in `jixiao validate` until the cell is set); this year's 决算数 fill next year's {Y-1} column;
        actuals, scores, reasons, achieved texts and dates are left empty. The template's `nextYear` says which cells (docs/templates.md).
        例 / Example: jixiao next 2023.json --year 2024 -o 2024.json
        """)

    @Argument(help: "本年度草稿 / This year's draft.") var file: String
    @Option(parsing: .unconditional, help: "新年度 / The new year (later than the draft's).") var year: WholeNumber
    @Option(name: [.short, .customLong("output")], help: "新草稿文件，默认把文件名中的年度换成新年度 / The new draft (default: the file name with the new year).")
    var output: String?
    @Option(help: "新草稿的模板，须与原草稿相同 / The new draft's template; must be the draft's own.") var template: String?
    @Flag(help: "输出 JSON / JSON output.") var json = false

    func validate() throws {
        _ = try year.within(Limits.years, "年度", option: "year")
    }

    func run() throws {
        let loaded = try CLI.load(file)
        let y = try year.within(Limits.years, "年度", option: "year")
        let outcome: NextYearDraft.Outcome
        do { outcome = try NextYearDraft.make(from: loaded.draft, template: loaded.template, year: y, templateID: template) } catch {
            throw CLI.fail(NextYearText.message(error))
        }
        let target = output ?? NextYearDraft.defaultFileName(file, from: loaded.draft.year, to: y)
        guard !FileManager.default.fileExists(atPath: target) else {
            throw CLI.fail(CLIText.exists(target))
        }
        do { try DraftStore.save(outcome.draft, template: loaded.template, to: target, createNew: true) } catch { throw CLI.fail(DraftText.message(error)) }
        if json {
            CLI.printJSON(.object([("file", .string(target)), ("from", .string(file)), ("year", .number(String(y))),
                                   ("marked", .number(String(outcome.marked))), ("previousFilled", .number(String(outcome.previousFilled)))]))
            return
        }
        CLI.say(NextYearText.made(target, from: file, year: y, marked: outcome.marked))
        if outcome.previousApplies {
            CLI.say(NextYearText.previousFilled(outcome.previousFilled, year: loaded.draft.year))
        } else {
            CLI.say(NextYearText.previousSkipped(draftYear: loaded.draft.year, year: y))
        }
    }
}
