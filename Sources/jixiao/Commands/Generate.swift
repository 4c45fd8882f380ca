import ArgumentParser
import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoGenerate

/// Hidden developer command: writes a large generated draft for benchmarks, tests and demos
/// (`DraftGenerator`). The same options and seed always write the same file.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成大型测试草稿 / Write a large generated draft (for benchmarks and tests).",
        discussion: "例 / Example: jixiao generate big.json --seed 1 --projects 200 --indicators 30 --named-rows 40",
        shouldDisplay: false)

    @Argument(help: "要写入的草稿文件 / The draft file to write.") var file: String
    @Option(help: "模板编号 / Template id (default: the default template).") var template: String?
    @Option(help: "随机种子 / Seed.") var seed: UInt64 = 1
    @Option(parsing: .unconditional, help: "每个重复表的份数（项目数，0–1000）/ Instances of each repeated form.")
    var projects = WholeNumber(DraftGenerator.Sizes.large.instances)
    @Option(parsing: .unconditional, help: "每张表的绩效指标行数 / Indicator rows per form instance.")
    var indicators = WholeNumber(DraftGenerator.Sizes.large.indicators)
    @Option(name: .customLong("named-rows"), parsing: .unconditional, help: "每个具名重复行的行数（专项）/ Rows of each named repeated row.")
    var namedRows = WholeNumber(DraftGenerator.Sizes.large.namedRows)
    @Option(name: .customLong("rows"), parsing: .unconditional, help: "其他重复行的行数（目标）/ Rows of every other repeated row.")
    var otherRows = WholeNumber(DraftGenerator.Sizes.large.otherRows)
    @Option(parsing: .unconditional, help: "评价年度 / The evaluated year.") var year = WholeNumber(2023)
    @Flag(help: "覆盖已有文件 / Overwrite an existing file.") var force = false

    func validate() throws { _ = try sizes() }

    /// The sizes asked for, each count within its range and the rows in all within `Sizes.maxRows`.
    func sizes() throws -> DraftGenerator.Sizes {
        let rows = 0...DraftGenerator.Sizes.maxRows
        let sizes = DraftGenerator.Sizes(instances: try projects.within(Limits.projects, "项目数", option: "projects"),
                                         indicators: try indicators.within(rows, "指标行数", option: "indicators"),
                                         namedRows: try namedRows.within(rows, "具名重复行的行数", option: "named-rows"),
                                         otherRows: try otherRows.within(rows, "重复行的行数", option: "rows"))
        _ = try year.within(Limits.years, "年度", option: "year")
        guard sizes.rowEstimate <= DraftGenerator.Sizes.maxRows else { throw ValidationError(CLIText.tooManyGeneratedRows(sizes.rowEstimate)) }
        return sizes
    }

    func run() throws {
        if !force && FileManager.default.fileExists(atPath: file) {
            throw CLI.fail("\(file) 已存在，未覆盖（加 --force 覆盖）/ exists, not overwritten (add --force)")
        }
        guard let id = template ?? CLI.catalog.defaultTemplateID() else { throw CLI.fail(CLIText.noTemplates) }
        let tpl: Template
        do { tpl = try CLI.catalog.load(id) } catch { throw CLI.fail(DraftText.template(error)) }
        let draft = DraftGenerator(template: tpl, seed: seed, sizes: try sizes(), year: try year.within(Limits.years, "年度", option: "year")).draft()
        do { try DraftStore.save(draft, template: tpl, to: file) } catch { throw CLI.fail(DraftText.message(error)) }
        CLI.say(file)
    }
}
