import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

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
        #expect(paths == [dir + "/2023-自评得分.txt"])
        let written = try String(contentsOfFile: paths[0], encoding: .utf8)
        #expect(written.contains("97"))
        App.update(&s, .printed(result))
        #expect(s.message?.contains("2023-自评得分.txt") == true)
    }

    /// Issue 13, defect 11: key 1 writes the text the preview shows, at its width, at every window width.
    @Test func theTextFileIsThePreview() throws {
        for cols in [80, 120, 200] {
            var s = AppFixture.example(rows: 36, cols: cols)
            let dir = NSTemporaryDirectory() + "jixiao-print-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            s.path = dir + "/2023.json"
            s.press(.f(4), .char("p"))
            let written = try String(contentsOfFile: try App.writePrintout(s, .text).get()[0], encoding: .utf8)
            #expect(written.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == s.panel.printLines, "\(cols)")
        }
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

    /// Issue 11, items 5 and 16, for keys 1–4: beside the draft, a file that is not an earlier printout
    /// keeps its name and content (the printout takes a numbered name), the draft itself is never
    /// written, and every printout is 0600 under umask 022.
    @Test func keysOneToFourNeverReplaceAnotherFileAndWriteOwnerOnly() throws {
        var s = AppFixture.example(rows: 40, cols: 120)
        let dir = NSTemporaryDirectory() + "jixiao-print-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let old = umask(0o022)
        defer { umask(old) }
        s.path = dir + "/2023.json"
        FileManager.default.createFile(atPath: dir + "/2023.xlsx", contents: Data("someone else's".utf8))
        var written: [String] = []
        for format in PrintJob.Format.allCases { written += try App.writePrintout(s, format).get() }
        #expect(written.contains(dir + "/2023(2).xlsx") && !written.contains(dir + "/2023.xlsx"))
        #expect(FileManager.default.contents(atPath: dir + "/2023.xlsx") == Data("someone else's".utf8))
        for path in written {
            var st = stat()
            stat(path, &st)
            #expect(st.st_mode & 0o777 == 0o600, "\(path)")
        }
        // Again: the earlier printouts are replaced in place, nothing new appears.
        #expect(try PrintJob.Format.allCases.flatMap { try App.writePrintout(s, $0).get() } == written)
        // A draft whose name is its HTML printout's.
        s.path = dir + "/x.html"
        try FileManager.default.copyItem(atPath: dir + "/2023(2).xlsx", toPath: s.path)
        let before = FileManager.default.contents(atPath: s.path)
        #expect(try App.writePrintout(s, .html).get() == [dir + "/x(2).html"])
        #expect(FileManager.default.contents(atPath: s.path) == before)
    }
}
