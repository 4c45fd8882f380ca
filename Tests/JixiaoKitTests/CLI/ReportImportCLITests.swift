import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// `jixiao report import` then `jixiao validate` and `jixiao print --format docx`, the built binary run
/// as a user would, on a copy of the seed 001 example.
struct ReportImportCLITests {
    let cli = CLIArgumentTests()

    @Test func importThenValidateThenPrintWord() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Fixtures.examplePath, toPath: dir + "/d.json")
        let report = "2023 年度示例单位整体支出绩效自评报告\n\n1、 单位基本情况\n现有在编人员36人。\n二、 一般公共预算支出情况\n本单位基本支出360.71万元。\n附件：\n1、基础数据表\n"
        try Data(report.utf8).write(to: URL(fileURLWithPath: dir + "/r.txt"))
        guard let imported = try cli.jixiao(["report", "import", "r.txt", "d.json"], in: dir) else { return }
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.err.contains("已导入 2/10 节（报告开头前或附件后的 2 行未导入）。"))
        guard let checked = try cli.jixiao(["validate", "d.json"], in: dir) else { return }
        #expect(checked.status == 0)
        #expect(checked.out.contains("自评报告 · 一、单位基本情况"))
        #expect(checked.out.contains("报告写“在编人员36人”，附件1 编制数为 15 人。"))
        guard let printed = try cli.jixiao(["print", "d.json", "--format", "docx"], in: dir) else { return }
        #expect(printed.status == 0, "\(printed.err)")
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/d.docx")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try ReportImport.text([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/d.docx"))), fileName: "d.docx")
        #expect(text.contains("现有在编人员36人。"))
    }

    @Test func aSectionTooLongToReadBackIsNotImported() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Fixtures.examplePath, toPath: dir + "/d.json")
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/d.json"))
        let long = String(repeating: "报告文字。", count: Limits.reportSectionBytes / 15 + 1)
        try Data("一、单位基本情况\n\(long)\n".utf8).write(to: URL(fileURLWithPath: dir + "/r.txt"))
        guard let r = try cli.jixiao(["report", "import", "r.txt", "d.json"], in: dir) else { return }
        #expect(r.status != 0)
        #expect(r.err.contains("超过每节上限"), "\(r.err.prefix(300))")
        let unchanged = try Data(contentsOf: URL(fileURLWithPath: dir + "/d.json")) == before
        #expect(unchanged)
    }

    @Test func aFileWithoutHeadingsChangesNothing() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Fixtures.examplePath, toPath: dir + "/d.json")
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/d.json"))
        try Data("只是一段文字。\n".utf8).write(to: URL(fileURLWithPath: dir + "/r.txt"))
        guard let r = try cli.jixiao(["report", "import", "r.txt", "d.json"], in: dir) else { return }
        #expect(r.status == 1)
        #expect(r.err.contains("没有找到报告的任何一节标题"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/d.json")) == before)
        guard let bad = try cli.jixiao(["report", "import", "d.json", "d.json"], in: dir) else { return }
        #expect(bad.status == 2 && bad.err.contains("只支持 .txt 和 .docx"))
    }
}
