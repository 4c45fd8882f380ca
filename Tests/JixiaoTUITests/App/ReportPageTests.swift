import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoTerminal

/// The 自评报告 page after the forms: reaching it, editing a section's prose with undo, its generated
/// sentences and its figure warnings following the forms and the prose.
struct ReportPageTests {
    static let withReport = "examples/hunan-unit-2023-report.json"

    /// The example (no prose) on the report page at its first section.
    static func onReport(rows: Int = 30, cols: Int = 100, file: String = "examples/hunan-unit-2023.json") -> AppState {
        var s = AppFixture.example(rows: rows, cols: cols, file: file)
        App.focusInstance(&s, form: ReportPage.form, index: 0)
        App.keepFocusVisible(&s)
        return s
    }

    @Test func theReportComesAfterTheFormsInTheOutlineAndByCtrlN() {
        var s = AppFixture.example()
        let all = App.allInstances(s)
        #expect(all.last?.form == ReportPage.form)
        #expect(s.lines.contains { $0.contains("自评报告") && $0.contains("0/10") })
        // Ctrl-N from the last form goes on to the report; Ctrl-P comes back.
        App.focusInstance(&s, form: "S", index: 0)
        s.press(.ctrl("n"))
        #expect(s.focus == ReportPage.address("basic"))
        #expect(s.lines.contains { $0.contains("■ 一、单位基本情况") })
        s.press(.ctrl("p"))
        #expect(s.focus.form == "S")
        // The outline: its last entry opens the report.
        s.press(.ctrl("l"), .end, .enter)
        #expect(s.focus.isReport)
        #expect(s.lines.last?.contains("Enter编辑本节") == true)
    }

    /// Entering in order: Tab from the last cell of the last form goes on to the report's first section.
    @Test func tabFromTheLastCellOfTheLastFormGoesOnToTheReport() {
        var s = AppFixture.example()
        let last = App.allInstances(s).dropLast().last!
        App.focusInstance(&s, form: last.form, index: last.index)
        let spec = s.template.form(last.form)!
        s.focus = FormLayout(form: spec, index: last.index, draft: s.draft, year: s.draft.year).stops.last!
        s.press(.tab)
        #expect(s.focus == ReportPage.address("basic"))
    }

    @Test func everyTemplateFamilyHasItsReportPage() throws {
        for id in ["hunan-unit", "hunan-dept-report", "henan-dept"] {
            let t = try AppFixture.catalog.load(id)
            var s = AppState(workspace: Workspace(draft: DraftFactory.new(template: t, year: 2023), template: t), path: "n.json")
            App.update(&s, .resize(rows: 24, cols: 80))
            #expect(App.allInstances(s).last?.form == ReportPage.form, "\(id)")
            s.press(.ctrl("l"), .end, .enter)
            let heading = t.report!.sections[0].heading
            #expect(s.lines.contains { $0.contains(heading) }, "\(id)")
        }
    }

    @Test func editingASectionGoesThroughUndoAndRedo() {
        var s = Self.onReport()
        #expect(!s.isDirty)
        s.press(.enter)
        #expect(s.editing?.area != nil)
        // The popup's key bar says where Tab goes on this page: the next section, not a cell.
        #expect(s.lines.last?.contains("Tab完成并下一节") == true)
        s.type("第一段。")
        s.press(.enter)
        s.type("第二段。")
        // Each keystroke is in the draft already (the recovery file sees it), and the draft is changed.
        #expect(s.draft.report["basic"] == "第一段。\n第二段。")
        s.press(.ctrl("s"))
        #expect(s.editing == nil)
        #expect(s.isDirty)
        #expect(s.lines.contains { $0.contains("第二段。") })
        s.press(.ctrl("z"))
        #expect(s.draft.report["basic"] == nil)
        #expect(s.evaluation.draft.report["basic"] == nil)
        #expect(!s.isDirty)
        #expect(s.focus == ReportPage.address("basic"))
        s.press(.ctrl("y"))
        #expect(s.draft.report["basic"] == "第一段。\n第二段。")
        // Typing on the page goes after what is there; it never replaces the section.
        s.type("补")
        s.press(.ctrl("s"))
        #expect(s.draft.report["basic"] == "第一段。\n第二段。补")
        // Esc puts the section back as it was before the edit.
        s.press(.enter)
        s.type("多余")
        s.press(.escape)
        #expect(s.draft.report["basic"] == "第一段。\n第二段。补")
        // One key does not clear a section.
        s.press(.backspace)
        #expect(s.draft.report["basic"] == "第一段。\n第二段。补")
    }

    @Test func theExternalEditorGetsTheSectionAndAFailedOneChangesNothing() {
        var s = Self.onReport(file: Self.withReport)
        let before = s.draft.report["basic"]!
        let effects = s.press(.ctrl("x"))
        #expect(effects == [.openEditor(before)])
        App.update(&s, .editorFinished(.failure(.exitStatus("vi", 1))))
        #expect(s.draft.report["basic"] == before)
        #expect(s.message?.contains("外部编辑器没有正常结束") == true)
        s.press(.escape)
        // From the popup, F3 as for any long text; the text comes back into the section.
        s.press(.enter)
        #expect(s.press(.f(3)) == [.openEditor(before)])
        App.update(&s, .editorFinished(.success("编辑器写的。")))
        #expect(s.editing == nil)
        #expect(s.draft.report["basic"] == "编辑器写的。")
        s.press(.ctrl("z"))
        #expect(s.draft.report["basic"] == before)
    }

    @Test func theGeneratedSentenceFollowsAnEditOfTheForm() {
        var s = Self.onReport()
        #expect(s.lines.contains { $0.contains("〔据表〕本单位编制数15人") })
        s.focus("A.staff.authorized")
        s.type("16")
        s.press(.enter)
        s.press(.ctrl("l"), .end, .enter)
        #expect(s.lines.contains { $0.contains("〔据表〕本单位编制数16人") })
        #expect(!s.lines.contains { $0.contains("编制数15人") })
    }

    @Test func aFigureWarningAppearsAndGoesWithTheProseAndTheForms() {
        var s = Self.onReport()
        let warnings = s.checks.count(.warning)
        s.press(.enter)
        s.type("本单位在编人员36人。")
        s.press(.ctrl("s"))
        #expect(s.checks.report.count == 1)
        #expect(s.checks.count(.warning) == warnings + 1)
        #expect(s.lines.contains { $0.contains("! 报告写“在编人员36人”") })
        #expect(s.lines.contains { $0.contains("自评报告") && $0.contains("1/10 !1") })
        // Undone: gone.
        s.press(.ctrl("z"))
        #expect(s.checks.report.isEmpty)
        #expect(s.checks.count(.warning) == warnings)
        #expect(!s.lines.contains { $0.contains("报告写") })
        // Back, then the form made to agree: gone too.
        s.press(.ctrl("y"))
        #expect(s.checks.report.count == 1)
        s.focus("A.staff.authorized")
        s.type("36")
        s.press(.enter)
        #expect(s.checks.report.isEmpty)
    }

    @Test func theProblemsPanelListsTheWarningAndEnterGoesToItsSection() {
        var s = AppFixture.example(rows: 36, cols: 120, file: Self.withReport)
        #expect(s.focus.form == "A")
        s.press(.f(3))
        guard let k = s.panel.problems.firstIndex(where: { $0.reportSection == "basic" }) else {
            Issue.record("the report's warning is not in the list"); return
        }
        #expect(ProblemText(template: s.template, draft: s.draft).location(s.panel.problems[k]) == "自评报告 · 一、单位基本情况")
        s.overlay = .problems(selected: k)
        s.press(.enter)
        #expect(s.focus == ReportPage.address("basic"))
        #expect(s.lines.contains { $0.contains("! 报告写“在编人员36人”") })
        // F in the panel on the report page: the report's problems only.
        s.press(.f(3), .char("f"))
        #expect(!s.panel.problems.isEmpty)
        #expect(s.panel.problems.allSatisfy { $0.reportSection != nil })
    }

    @Test func longProseScrollsAndTheArrowsReadThroughIt() {
        var s = Self.onReport(rows: 24, cols: 80, file: Self.withReport)
        let layout = App.reportLayout(s)
        let basic = layout.whole["basic"]!
        #expect(basic.count > App.tableHeight(s))
        // ↓ reads on through the section before it moves to the next one.
        var presses = 0
        while s.focus.row == "basic" && presses < 100 {
            s.press(.down)
            presses += 1
        }
        #expect(presses == basic.upperBound - App.tableHeight(s) + 1)
        #expect(s.focus.row == "general")
        #expect(s.lines.contains { $0.contains("■ 二、一般公共预算支出情况") })
        s.press(.end)
        #expect(s.focus.row == "other")
        #expect(s.lines.contains { $0.contains("■ 十、其他需要说明的情况") })
        s.press(.home)
        #expect(s.focus.row == "basic" && s.scroll == 0)
        s.press(.pageDown)
        #expect(s.scroll > 0)
    }

    @Test func aReadOnlyDraftsReportIsNotEditable() {
        var s = Self.onReport()
        s.readOnly = true
        s.press(.enter)
        #expect(s.editing == nil)
        s.type("x")
        #expect(s.draft.report.isEmpty)
    }
}
