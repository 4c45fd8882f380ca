import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The report's prose in the draft file, and its generated sentences following the forms.
struct ReportDraftTests {
    let base = Fixtures.example()

    @Test func proseRoundTripsAndComesLast() throws {
        var d = base.draft
        d.report["basic"] = "第一段。\n第二段“引号”\\反斜杠"
        d.report["other"] = "无。"
        let text = DraftCodec.encode(d, template: base.template)
        #expect(text.range(of: "\"report\"")!.lowerBound > text.range(of: "\"forms\"")!.lowerBound)
        // In outline order, whatever the dictionary's.
        #expect(text.range(of: "\"basic\"")!.lowerBound < text.range(of: "\"other\"")!.lowerBound)
        let head = try DraftCodec.header(Array(text.utf8), path: "x")
        let back = try DraftCodec.decode(head.root, template: base.template, path: "x")
        #expect(back == d)
    }

    @Test func aDraftWithoutProseIsWrittenAsBeforeAndLoadsEmpty() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.examplePath))
        #expect(DraftCodec.encode(base.draft, template: base.template) == String(decoding: bytes, as: UTF8.self))
        #expect(base.draft.report.isEmpty)
    }

    @Test func anUnknownSectionIsRefused() {
        var text = DraftCodec.encode(base.draft, template: base.template)
        text = String(text.dropLast(2)) + ",\n  \"report\": {\"nosuch\": \"x\"}\n}\n"
        #expect(throws: DraftError.unknownCell(path: "x", entry: "report.nosuch")) {
            let head = try DraftCodec.header(Array(text.utf8), path: "x")
            _ = try DraftCodec.decode(head.root, template: base.template, path: "x")
        }
    }

    @Test func theEditorSetsProseAsTypedAndRefusesWhatCannotBeStored() throws {
        let editor = DraftEditor(template: base.template)
        var d = base.draft
        try editor.setReport(&d, section: "basic", text: "  第一段。\n\n第二段 ")
        #expect(d.report["basic"] == "  第一段。\n\n第二段 ")
        // Only blanks: the section has no prose.
        try editor.setReport(&d, section: "basic", text: " \n\u{3000}")
        #expect(d.report["basic"] == nil)
        #expect(throws: EditError.unknownReportSection("nosuch")) { try editor.setReport(&d, section: "nosuch", text: "x") }
        let big = String(repeating: "a", count: Limits.reportSectionBytes + 1)
        #expect(throws: EditError.tooLong(path: "report.basic", bytes: big.utf8.count, limit: Limits.reportSectionBytes)) {
            try editor.setReport(&d, section: "basic", text: big)
        }
        #expect(d.report["basic"] == nil)
    }

    /// Opening a draft checks the form on screen first and the rest after the first frame: the report's
    /// figures were left out of that, so their warnings appeared only after the first edit.
    @Test func checkingTheRestLaterIncludesTheReportsFigures() {
        var d = base.draft
        d.report["basic"] = "本单位在编人员36人。"
        let ev = Evaluation(template: base.template, draft: d)
        let full = LiveChecks(ev)
        #expect(full.report.count == 1)
        var later = LiveChecks(ev, first: .init(form: "A", index: 0))
        while !later.isComplete { later.checkPending(ev, budget: 4) }
        #expect(later.report == full.report)
        #expect(later.all(base.template) == full.all(base.template))
        #expect(later.count(.warning) == full.count(.warning))
        #expect(later.report.first?.reportSection == "basic")
    }

    @Test func generatedSentencesFollowTheForms() {
        let section = base.template.report!.section("general")!
        #expect(ReportSentences.render(section, base.evaluation).first == "本单位基本支出360.71万元，其中人员经费299.66万元，日常公用经费61.05万元。")
        let edited = Fixtures.setting(base, "A.publicCost.actual", "60.05")
        #expect(ReportSentences.render(section, edited.evaluation).first == "本单位基本支出360.71万元，其中人员经费300.66万元，日常公用经费60.05万元。")
        let cleared = Fixtures.setting(base, "B.basic.value", "")
        #expect(ReportSentences.render(section, cleared.evaluation).first?.hasPrefix("本单位基本支出____万元") == true)
        // One clause per project, in project order.
        #expect(ReportSentences.render(section, base.evaluation).last?.hasPrefix("2023年项目支出673.65万元，其中：业务工作经费107.96万元；运行维护经费101.00万元；") == true)
    }
}
