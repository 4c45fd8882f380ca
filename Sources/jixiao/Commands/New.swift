import ArgumentParser
import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "新建草稿 / Create a new draft from a template.",
        discussion: "例 / Example: jixiao new 2023.json --template <模板编号，见 jixiao templates> --year 2023 --unit <单位名称>。省略 --template 时用默认模板 / the default template when omitted.")

    @Argument(help: "草稿文件 / The draft file to create.") var file: String
    @Option(help: "模板编号（jixiao templates 列出）/ Template id.") var template: String?
    @Option(parsing: .unconditional, help: "评价年度 / The evaluated year (1990–2100).") var year: WholeNumber?
    @Option(help: "预算单位名称 / The unit's name.") var unit: String?
    @Option(parsing: .unconditional, help: "项目数（附件3 的张数，0–1000）/ Number of project forms to start with (0–1000).")
    var projects: WholeNumber?
    @Flag(help: "输出 JSON / JSON output.") var json = false

    func validate() throws {
        _ = try year?.within(Limits.years, "年度", option: "year")
        _ = try projects?.within(Limits.projects, "项目数", option: "projects")
    }

    func run() throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw CLI.fail("\(file) 已存在，未覆盖。请换一个文件名，或直接打开它：jixiao \(file)")
        }
        guard let id = template ?? CLI.catalog.defaultTemplateID() else { throw CLI.fail(CLIText.noTemplates) }
        let tpl: Template
        do { tpl = try CLI.catalog.load(id) } catch { throw CLI.fail(DraftText.template(error)) }
        let y = try year?.within(Limits.years, "年度", option: "year") ?? (Calendar(identifier: .gregorian).component(.year, from: Date()) - 1)
        let draft = DraftFactory.new(template: tpl, year: y, unitName: unit, projects: try projects?.within(Limits.projects, "项目数", option: "projects"))
        do { try DraftStore.save(draft, template: tpl, to: file) } catch { throw CLI.fail(DraftText.message(error)) }
        if json {
            CLI.printJSON(.object([("file", .string(file)), ("template", .string(tpl.id)), ("year", .number(String(y)))]))
        } else {
            CLI.say(CLIText.created(file, template: tpl.title, year: y))
        }
    }
}
