import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// `jixiao next` and `jixiao import` run as a user would.
struct NextImportCLITests {
    let cli = CLIArgumentTests()

    func folder() throws -> String {
        let dir = Fixtures.tempDir()
        try FileManager.default.copyItem(atPath: Fixtures.examplePath, toPath: dir + "/hunan-unit-2023.json")
        return dir
    }

    @Test func nextWritesTheNewYearBesideTheDraft() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard let r = try cli.jixiao(["next", "hunan-unit-2023.json", "--year", "2024"], in: dir) else { return }
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("hunan-unit-2024.json") && r.out.contains("沿用上年，请核对"))
        let path = dir + "/hunan-unit-2024.json"
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        guard let v = try cli.jixiao(["validate", "hunan-unit-2024.json"], in: dir) else { return }
        #expect(v.out.contains("条提示") && v.out.contains("沿用上年，请核对"))
        // Never over an existing file.
        guard let again = try cli.jixiao(["next", "hunan-unit-2023.json", "--year", "2024"], in: dir) else { return }
        #expect(again.status == 2 && again.err.contains("已存在"), "\(again.err)")
    }

    @Test func nextRefusesAYearNotLaterAndAnotherTemplate() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard let same = try cli.jixiao(["next", "hunan-unit-2023.json", "--year", "2023", "-o", "x.json"], in: dir) else { return }
        #expect(same.status == 2 && same.err.contains("不晚于") && same.err.contains("2024"), "\(same.err)")
        guard let other = try cli.jixiao(["next", "hunan-unit-2023.json", "--year", "2024", "--template", "henan-dept", "-o", "x.json"], in: dir) else { return }
        #expect(other.status == 2 && other.err.contains("不同模板的表格不能沿用"), "\(other.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.json"))
    }

    @Test func importOfTheUneditedPrintChangesNothing() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard let p = try cli.jixiao(["print", "hunan-unit-2023.json", "--format", "xlsx", "--draft", "-o", "b.xlsx"], in: dir) else { return }
        #expect(p.status == 0, "\(p.err)")
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/hunan-unit-2023.json"))
        guard let r = try cli.jixiao(["import", "b.xlsx", "hunan-unit-2023.json"], in: dir) else { return }
        #expect(r.status == 0 && r.out.contains("没有要导入的改动"), "\(r.out)\(r.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/hunan-unit-2023.json")) == before)
        guard let bad = try cli.jixiao(["import", "hunan-unit-2023.json", "hunan-unit-2023.json"], in: dir) else { return }
        #expect(bad.status == 2 && bad.err.contains("不是可读的 XLSX 工作簿"), "\(bad.err)")
    }

    @Test func helpIsInChineseAndEnglish() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (command, chinese, english) in [("next", "以上年草稿为底稿新建", "Start next year's draft"),
                                            ("import", "全部写入或一处不写", "applies all of")] {
            guard let r = try cli.jixiao([command, "--help"], in: dir) else { return }
            #expect(r.status == 0 && r.out.contains(chinese) && r.out.contains(english), "\(command): \(r.out)")
        }
    }
}
