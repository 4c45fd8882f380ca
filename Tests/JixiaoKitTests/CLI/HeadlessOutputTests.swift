import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, items 8, 9 and 12: what scripts and bureaus read from the commands — whole paths, every
/// refused item of `set` as JSON, one JSON shape for `validate`, and the summary and CSV of a folder.
struct HeadlessOutputTests {
    let cli = CLIArgumentTests()

    func copyExamples(to dir: String) throws {
        for name in ["henan-dept-2022", "hunan-dept-report-2022", "hunan-unit-2023"] {
            try FileManager.default.copyItem(atPath: Fixtures.root.appendingPathComponent("examples/\(name).json").path, toPath: dir + "/\(name).json")
        }
    }

    func object(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    /// Item 8: the first project's rows were `C.quantity[2].score`, which reads as the form as a whole.
    @Test func scorePathsAreWhole() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try copyExamples(to: dir)
        guard let r = try cli.jixiao(["score", "--json", "hunan-unit-2023.json"], in: dir), let o = object(r.out),
              let forms = o["forms"] as? [[String: Any]] else { Issue.record("no JSON"); return }
        let paths = forms.flatMap { ($0["indicators"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } }
        #expect(paths.contains("C[1].quantity[2].score") && paths.contains("C[3].quantity[1].score") && paths.contains("B.quantity[1].score"))
        #expect(!paths.contains { $0.hasPrefix("C.") })
    }

    /// Item 9: every bad item, with whole paths, as JSON on stdout; the file is left as it was.
    @Test func setReportsEveryBadItemAsJSON() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try copyExamples(to: dir)
        let file = dir + "/hunan-unit-2023.json"
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        guard let r = try cli.jixiao(["set", "--json", "hunan-unit-2023.json", "C.fiscal.budget=abc", "C[9].total.actual=1",
                                      "A.nope.x=1", "C[2].total.rate=1", "A.staff.actual=15"], in: dir) else { return }
        #expect(r.status == 2)
        guard let o = object(r.out), let errors = o["errors"] as? [[String: Any]] else { Issue.record("no JSON: \(r.out)"); return }
        #expect(o["saved"] as? Bool == false)
        #expect(errors.compactMap { $0["path"] as? String } == ["C[1].fiscal.budget", "C[9].total.actual", "A.nope.x", "C[2].total.rate"])
        #expect(errors.compactMap { $0["code"] as? String } == ["badValue", "noSuchInstance", "unknownRow", "computed"])
        #expect((errors[0]["message"] as? String)?.contains("「C[1].fiscal.budget」") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        // Without --json: every message on stderr, none with the project number dropped.
        guard let t = try cli.jixiao(["set", "hunan-unit-2023.json", "C.fiscal.budget=abc", "C[2].total.rate=1"], in: dir) else { return }
        #expect(t.status == 2 && t.err.contains("「C[1].fiscal.budget」") && t.err.contains("「C[2].total.rate」") && t.out.isEmpty)
        guard let ok = try cli.jixiao(["set", "--json", "hunan-unit-2023.json", "C.fiscal.budget=130"], in: dir), let done = object(ok.out) else { return }
        #expect(ok.status == 0 && done["saved"] as? Bool == true && done["changed"] as? [String] == ["C[1].fiscal.budget"])
    }

    /// Item 9: `validate --json` is `{"files": [...], …}` for one file as for many.
    @Test func validateJSONHasOneShape() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try copyExamples(to: dir)
        guard let one = try cli.jixiao(["validate", "--json", "hunan-unit-2023.json"], in: dir),
              let many = try cli.jixiao(["validate", "--format", "json", "hunan-unit-2023.json", "henan-dept-2022.json", "missing.json"], in: dir),
              let o1 = object(one.out), let o2 = object(many.out) else { Issue.record("no JSON"); return }
        #expect(one.status == 0 && many.status == 2)
        #expect(Swift.Set(o1.keys) == Swift.Set(o2.keys))
        #expect((o1["files"] as? [Any])?.count == 1 && (o2["files"] as? [Any])?.count == 3)
        let seed001 = Fixtures.example().problems
        #expect(o1["warnings"] as? Int == seed001.filter { $0.severity == .warning }.count)
        #expect(o1["infos"] as? Int == 4 && o1["errors"] as? Int == 0)
        let first = (o1["files"] as? [[String: Any]])?.first
        #expect(first?["unit"] as? String == "岳阳市岳阳楼区人力资源和社会保障局" && first?["grade"] as? String == "优")
        #expect(o2["unreadable"] as? Int == 1)
    }

    /// Item 12: a folder ends with one line per draft; the CSV holds every problem, neutralised.
    @Test func aFolderGetsASummaryAndACSV() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try copyExamples(to: dir)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: dir + "/.hidden.json"))
        guard let r = try cli.jixiao(["validate", dir], in: dir) else { return }
        #expect(r.status == 1)
        let tail = r.out.components(separatedBy: "汇总（3 份草稿）：").last ?? ""
        let lines = tail.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(tail)")
        #expect(lines.first?.hasPrefix("文件") == true)
        #expect(lines.contains { $0.contains("hunan-unit-2023.json") && $0.contains("岳阳市岳阳楼区人力资源和社会保障局") && $0.contains("2023")
            && $0.contains("97.00") && $0.contains("优") })
        #expect(lines.contains { $0.contains("henan-dept-2022.json") && $0.contains("96.00") })

        // A unit name that a spreadsheet would run as a formula: the CSV's 单位 field of every problem.
        let hostile = "=HYPERLINK(\"http://x\",\"y\")"
        guard let s = try cli.jixiao(["set", "hunan-unit-2023.json", "A.unitName.value=\(hostile)", "B.unitName.value=\(hostile)"], in: dir),
              s.status == 0 else { Issue.record("set failed"); return }
        guard let c = try cli.jixiao(["validate", "--format", "csv", dir], in: dir) else { return }
        #expect(c.status == 1)
        #expect(c.out.hasPrefix("\u{FEFF}文件,单位,年度,严重程度,路径,位置,问题,代码\r\n"))
        let records = c.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let expected = ["henan-dept-2022.json", "hunan-dept-report-2022.json", "hunan-unit-2023.json"].map { name -> Int in
            guard let v = try? cli.jixiao(["validate", "--json", name], in: dir), let o = object(v.out) else { return -1 }
            return (o["errors"] as? Int ?? 0) + (o["warnings"] as? Int ?? 0) + (o["infos"] as? Int ?? 0)
        }.reduce(0, +)
        #expect(records.count == 1 + expected)
        #expect(!c.out.contains(",=HYPERLINK") && c.out.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","))
    }
}
