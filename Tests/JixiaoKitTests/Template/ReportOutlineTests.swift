import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The `"report"` of a template: read, and refused with its entry where it names what is not there.
struct ReportOutlineTests {
    func load(replacing old: String, with new: String) throws(TemplateError) -> Template {
        let path = Fixtures.root.appendingPathComponent("templates/hunan-unit.json").path
        var text = try! String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "fixture text not found: \(old)")
        if let r = text.range(of: old) { text.replaceSubrange(r, with: new) }
        return try TemplateLoader.load(bytes: Array(text.utf8), file: "edited.json")
    }

    func failure(replacing old: String, with new: String) -> TemplateError? {
        do { _ = try load(replacing: old, with: new); return nil } catch { return error }
    }

    @Test func everyShippedTemplateHasAnOutlineFromItsSeed() {
        let unit = Fixtures.template("hunan-unit").report
        #expect(unit?.sections.map(\.heading).first == "一、单位基本情况")
        #expect(unit?.sections.map(\.heading).last == "十、其他需要说明的情况")
        #expect(unit?.sections.count == 10)
        #expect(Fixtures.template("hunan-dept-report").report?.sections.first?.heading == "一、部门概况")
        #expect(Fixtures.template("henan-dept").report?.sections.map(\.heading).prefix(3) == ["一、基本情况", "二、绩效自评工作开展情况", "三、综合评价结论"])
    }

    @Test func aSentenceReadingAMissingCellIsRefused() {
        let e = failure(replacing: "本单位基本支出{B!basic.value}万元", with: "本单位基本支出{B!basic.nosuch}万元")
        #expect(e?.reason == .unknownCell("B!basic.nosuch"))
        #expect(e?.entry.hasPrefix("report.sections[1](general).sentences[0]") == true)
    }

    @Test func aFigureWithoutItsFormIsRefused() {
        let e = failure(replacing: "\"value\": \"A!staff.authorized\"", with: "\"value\": \"staff.authorized\"")
        #expect(e?.reason == .unknownForm("staff.authorized"))
    }

    @Test func anUnknownFigureKindIsRefused() {
        let e = failure(replacing: "\"value\": \"A!staff.authorized\", \"kind\": \"count\"", with: "\"value\": \"A!staff.authorized\", \"kind\": \"abacus\"")
        #expect(e?.reason == .unknownColumnKind("abacus"))
    }

    @Test func anUnclosedBraceIsRefused() {
        let e = failure(replacing: "本单位基本支出{B!basic.value}万元", with: "本单位基本支出{B!basic.value万元")
        if case .badFormula? = e?.reason {} else { Issue.record("expected badFormula, got \(String(describing: e))") }
    }
}
