import ArgumentParser
import Foundation
import JixiaoKit

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
    @Option(help: "每个重复表的份数（项目数）/ Instances of each repeated form.") var projects = DraftGenerator.Sizes.large.instances
    @Option(help: "每张表的绩效指标行数 / Indicator rows per form instance.") var indicators = DraftGenerator.Sizes.large.indicators
    @Option(name: .customLong("named-rows"), help: "每个具名重复行的行数（专项）/ Rows of each named repeated row.")
    var namedRows = DraftGenerator.Sizes.large.namedRows
    @Option(name: .customLong("rows"), help: "其他重复行的行数（目标）/ Rows of every other repeated row.")
    var otherRows = DraftGenerator.Sizes.large.otherRows
    @Option(help: "评价年度 / The evaluated year.") var year = 2023
    @Flag(help: "覆盖已有文件 / Overwrite an existing file.") var force = false

    func run() throws {
        if !force && FileManager.default.fileExists(atPath: file) {
            throw CLI.fail("\(file) 已存在，未覆盖（加 --force 覆盖）/ exists, not overwritten (add --force)")
        }
        guard let id = template ?? CLI.catalog.defaultTemplateID() else { throw CLI.fail(CLIText.noTemplates) }
        let tpl: Template
        do { tpl = try CLI.catalog.load(id) } catch { throw CLI.fail(DraftText.template(error)) }
        guard (1990...2100).contains(year) else { throw CLI.fail(CLIText.badYear(year)) }
        guard [projects, indicators, namedRows, otherRows].allSatisfy({ $0 >= 0 }) else {
            throw CLI.fail("数量不能为负 / counts must not be negative")
        }
        let sizes = DraftGenerator.Sizes(instances: projects, indicators: indicators, namedRows: namedRows, otherRows: otherRows)
        let draft = DraftGenerator(template: tpl, seed: seed, sizes: sizes, year: year).draft()
        do { try DraftStore.save(draft, template: tpl, to: file) } catch { throw CLI.fail(DraftText.message(error)) }
        CLI.say(file)
    }
}
