import Foundation
import Testing
import ZIPFoundation
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// "Finished" and 草稿: a draft without errors prints as final; one with errors is refused unless a
/// draft is asked for, and then every page says 草稿 and how many problems are open.
struct PrintDraftTests {
    @Test func exampleHasWarningsButNoErrorSoPrintsAsFinal() {
        let fx = PrintFixture()
        #expect(fx.scorecard.errorCount == 0)
        #expect(fx.scorecard.warningCount > 0)
        #expect(PrintGate.decide(fx.scorecard, draft: false) == .print(nil))
    }

    @Test func aDraftWithAnErrorIsRefusedWithItsErrors() {
        let fx = PrintFixture.withError()
        guard case let .refuse(errors) = PrintGate.decide(fx.scorecard, draft: false) else {
            Issue.record("a draft with errors must not print as final")
            return
        }
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.severity == .error })
        #expect(errors.count == fx.scorecard.errorCount)
        #expect(errors.contains { $0.address?.description == "B.total.actual" })
    }

    @Test func askingForADraftPrintsItMarked() {
        let fx = PrintFixture.withError()
        guard case let .print(mark?) = PrintGate.decide(fx.scorecard, draft: true) else {
            Issue.record("--draft must print, marked")
            return
        }
        #expect(mark.errors == fx.scorecard.errorCount)
        #expect(mark.banner.hasPrefix("草稿"))
        #expect(mark.banner.contains("\(mark.errors) 个错误"))
        #expect(mark.banner.contains("\(mark.warnings) 个警告"))
    }

    func marked() -> (PrintFixture, DraftMark) {
        let fx = PrintFixture.withError()
        return (fx, DraftMark(fx.scorecard))
    }

    @Test func textMarksEveryFormBlockAndListsTheErrors() {
        let (fx, mark) = marked()
        let text = PrintText.render(scorecard: fx.scorecard, evaluation: fx.ev, width: 100, draftMark: mark)
        let lines = text.components(separatedBy: "\n")
        let heads = lines.indices.filter { lines[$0].hasPrefix("【") }
        #expect(heads.count == fx.scorecard.forms.count)
        for k in heads { #expect(lines[k + 1] == "［\(mark.banner)］") }
        for p in fx.scorecard.problems where p.severity == .error { #expect(text.contains(fx.scorecard.problemText.message(p))) }
    }

    @Test func htmlMarksEveryPage() {
        let (fx, mark) = marked()
        let html = PrintHTML.render(scorecard: fx.scorecard, evaluation: fx.ev, draftMark: mark)
        let pages = FormLayout.forms(fx.ev).count
        #expect(html.components(separatedBy: "<p class=\"draft-note\">").count - 1 == pages)
        #expect(html.contains("class=\"watermark\""))
        #expect(html.contains("@top-center"))
        #expect(html.contains(PrintWords.openProblems))
        let final = PrintHTML.render(scorecard: PrintFixture().scorecard, evaluation: PrintFixture().ev)
        #expect(!final.contains(PrintWords.draft))
    }

    @Test func csvFilesStartWithTheMark() {
        let (fx, mark) = marked()
        for f in PrintCSV.render(scorecard: fx.scorecard, evaluation: fx.ev, draftMark: mark) {
            let text = String(decoding: f.bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix(PrintCSV.field(mark.banner) + ","), "\(f.name)")
        }
    }

    @Test func xlsxSheetsStartWithTheMarkAndRepeatItInThePageHeader() throws {
        let (fx, mark) = marked()
        for part in PrintXLSX.parts(scorecard: fx.scorecard, evaluation: fx.ev, draftMark: mark) where part.name.hasPrefix("xl/worksheets/") {
            let xml = String(decoding: part.bytes, as: UTF8.self)
            // The hidden cell map (for `jixiao import`) is never printed.
            if xml.contains(XLSXCellMap.marker) { continue }
            #expect(xml.contains("<row r=\"1\"><c r=\"A1\" s=\"3\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XML.escape(mark.banner))</t>"), "\(part.name)")
            #expect(xml.contains("<oddHeader>&amp;C\(XML.escape(mark.banner))</oddHeader>"), "\(part.name)")
        }
        // And the workbook still opens as a zip with every part.
        let bytes = try PrintXLSX.render(scorecard: fx.scorecard, evaluation: fx.ev, draftMark: mark)
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        #expect(archive["xl/workbook.xml"] != nil)
    }
}
