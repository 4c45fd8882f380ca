import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI

struct PrintPreviewTests {
    @Test func previewShowsTheScorecardAndWritesBesideTheDraft() throws {
        var s = AppFixture.example(rows: 40, cols: 120)
        s.press(.f(4), .char("p"))
        #expect(s.overlay == .printPreview(scroll: 0))
        let text = s.lines.joined(separator: "\n")
        #expect(text.contains("打印预览") && text.contains("定稿") && text.contains("岳阳市岳阳楼区人力资源和社会保障局"))
        #expect(s.press(.char("2")) == [.print(.html)])
        let dir = NSTemporaryDirectory() + "jixiao-print-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        s.path = dir + "/2023.json"
        let result = App.writePrintout(s, .text)
        let paths = try result.get()
        #expect(paths == [dir + "/2023-评分表.txt"])
        let written = try String(contentsOfFile: paths[0], encoding: .utf8)
        #expect(written.contains("97"))
        App.update(&s, .printed(result))
        #expect(s.message?.contains("2023-评分表.txt") == true)
    }

    @Test func aDraftWithErrorsPrintsOnlyAsDraft() {
        var s = AppFixture.example(rows: 40, cols: 120)
        s.focus("B.quantity[1].score")
        s.type("3")
        s.press(.enter)
        #expect(s.checks.count(.error) > 0)
        let (_, mark) = App.printout(s)
        #expect(mark != nil)
        s.press(.f(4), .char("p"))
        #expect(s.lines.joined().contains("草稿"))
    }
}
