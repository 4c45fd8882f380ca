import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoTerminal

/// `update` keeps the focused form's layout and the 自评报告 page's layout for the frame and the next
/// key: after every key (rows added and undone, cells typed, forms changed, prose written, checks that
/// arrive after the first frame) what is kept must be what would be made afresh.
struct KeptLayoutTests {
    static func expectFresh(_ s: AppState, _ step: String) {
        let form = s.template.form(s.focus.form) ?? s.template.forms[0]
        let fresh = FormLayout(form: form, index: s.focus.formIndex, draft: s.draft, year: s.draft.year)
        let sameLayout = s.layout.lines == fresh.lines && s.layout.form.id == fresh.form.id && s.layout.rows == fresh.rows
            && s.layout.lineOfRow == fresh.lineOfRow && s.layout.fits(s.draft)
        #expect(sameLayout, "\(step): the kept layout is not the focused form's")
        // The texts and widths kept cell by cell (moved with their rows after F5 or F6) are those measured afresh.
        if let kept = s.columnContent, kept.isCurrent(s) {
            let fresh = ColumnContent(s, layout: s.layout)
            let sameTexts = kept.texts.mapValues(\.text) == fresh.texts.mapValues(\.text)
            #expect(sameTexts && kept.widths == fresh.widths, "\(step): the kept cells' texts are not those of their cells")
            #expect(s.shownTexts.mapValues(\.text) == fresh.texts.mapValues(\.text), "\(step): the table's texts are not those of their cells")
        }
        // The frame drawn from what update kept (the layout, the widths, the cells' texts) is the frame
        // drawn from nothing kept.
        var bare = s
        bare.layoutKept = nil
        bare.reportKept = nil
        bare.columnContent = nil
        bare.shownTexts = [:]
        bare.outlineKept = OutlineKept()
        bare.geometryKept = nil
        bare.tableKept = TableKept()
        bare.titleKept = nil
        bare.placeKept = nil
        // Cell by cell, styles and the cursor too: a kept line drawn with a stale mark or focus differs only there.
        let sameFrame = s.screen == bare.screen
        #expect(sameFrame, "\(step): the frame drawn from what was kept differs")
        if s.focus.isReport {
            let page = ReportLayout(s, width: View.tableRect(s).width)
            let samePage = App.reportLayout(s).lines == page.lines
            #expect(samePage, "\(step): the kept report page is not the page as it is now")
        }
    }

    @Test func keptLayoutsFollowEveryKey() {
        var s = AppFixture.example(file: "examples/hunan-unit-2023-report.json")
        s.focus("A.specialItem[1].prev")
        let keys: [Key] = [.down, .f(5), .char("7"), .enter, .ctrl("z"), .ctrl("z"), .f(5), .ctrl("z"), .up, .enter, .char("1"), .char("2"),
                           .enter, .ctrl("z"), .ctrl("y"), .right, .right, .right, .left, .ctrl("n"), .f(5), .ctrl("z"), .ctrl("n"), .ctrl("n"), .pageDown,
                           .right, .right, .right, .right, .ctrl("p")]
        for (k, key) in keys.enumerated() {
            s.press(key)
            Self.expectFresh(s, "key \(k) \(key)")
        }
        App.update(&s, .resize(rows: 30, cols: 84))
        Self.expectFresh(s, "narrower")
        s.press(.right, .right)
        Self.expectFresh(s, "narrower, to the right")
        // The report page: prose written (its figure warnings come and go with it), undone, and moved through.
        App.focusInstance(&s, form: ReportPage.form, index: 0)
        App.update(&s, .resize(rows: 30, cols: 100))
        Self.expectFresh(s, "report")
        let prose: [Key] = [.enter] + "现有在编人员99人。".map { Key.char($0) } + [.tab, .ctrl("z"), .down, .up, .ctrl("y"), .down]
        for (k, key) in prose.enumerated() {
            s.press(key)
            Self.expectFresh(s, "report key \(k) \(key)")
        }
    }

    /// The outline's 自评报告 entry is kept while the sections written and its warnings stay: writing the
    /// one empty section, and undoing it from a form, must show in the outline (x/10) as drawn from
    /// nothing kept.
    @Test func keptReportEntryFollowsTheSectionsWritten() {
        let loaded = try! DraftStore(catalog: AppFixture.catalog).load(AppFixture.root.appendingPathComponent("examples/hunan-unit-2023-report.json").path)
        var draft = loaded.draft
        draft.report["other"] = nil
        var s = AppState(workspace: Workspace(draft: draft, template: loaded.template), path: "example.json")
        App.update(&s, .resize(rows: 30, cols: 100))
        while !s.checks.isComplete { App.update(&s, .checkPending) }
        App.focusInstance(&s, form: ReportPage.form, index: 0)
        func outlineShows(_ text: String) -> Bool { s.screen.lines().contains { $0.contains(UIText.Report.outlineName) && $0.contains(text) } }
        #expect(outlineShows(" 9/10"), "\(s.screen.lines())")
        s.focus = ReportPage.address("other")
        s.press(.enter)
        s.type("无。")
        s.press(.tab)
        Self.expectFresh(s, "the last section written")
        #expect(outlineShows(" 10/10"), "\(s.screen.lines())")
        // Undone from a form, where the report's entry is drawn as kept rather than highlighted.
        App.focusInstance(&s, form: s.template.forms[0].id, index: 0)
        s.press(.down)
        #expect(outlineShows(" 10/10"), "\(s.screen.lines())")
        s.press(.ctrl("z"))
        Self.expectFresh(s, "undone")
        #expect(outlineShows(" 9/10"), "\(s.screen.lines())")
    }

    /// The table's kept lines (`TableKept`) after what changes a line other than the focused one: a
    /// figure that widens its column, a year that changes the headings, a resize, a scroll, problems
    /// that come and go, and arrows over every row.
    @Test func keptTableLinesFollowWhatTheyShow() {
        var s = AppFixture.example()
        s.focus("A.carPurchase.budget")
        App.update(&s, .resize(rows: 30, cols: 100))
        for k in 0..<12 {
            s.press(.down)
            Self.expectFresh(s, "down \(k)")
        }
        // A figure as wide as the others: the column stays, and the rows whose totals it changes (三公经费,
        // 1、公务用车购置和维护经费 above it) are drawn again while the rest are kept.
        s.focus("A.carPurchase.budget")
        let total = s.value("A.sangong.budget")
        s.press(.enter, .ctrl("u"))
        s.type("7")
        Self.expectFresh(s, "a digit typed")
        s.press(.enter)
        Self.expectFresh(s, "a small figure")
        #expect(s.value("A.sangong.budget") != total, "the total follows the figure")
        // Another figure as wide: no column moves, and only the rows whose values changed are drawn again.
        s.focus("A.carPurchase.budget")
        s.press(.enter, .ctrl("u"))
        s.type("8")
        Self.expectFresh(s, "a digit typed over a figure")
        s.press(.enter)
        Self.expectFresh(s, "a figure as wide")
        // Undone and redone: 8.00 and 7.00 are as wide, so are their totals, and the columns stay.
        let eight = s.value("A.sangong.budget")
        s.press(.ctrl("z"))
        Self.expectFresh(s, "undone to a figure as wide")
        s.press(.down, .ctrl("y"))
        Self.expectFresh(s, "redone")
        #expect(s.value("A.sangong.budget") == eight)
        s.press(.up, .up)
        Self.expectFresh(s, "up to the totals")
        s.press(.enter, .ctrl("u"), .enter)
        Self.expectFresh(s, "a figure cleared")
        s.focus("A.carPurchase.budget")
        let before = s.lines
        // A figure wider than its column widens it: every line of the section moves.
        s.press(.enter)
        s.type("123456789012.5")
        s.press(.enter)
        Self.expectFresh(s, "a wide figure")
        #expect(s.lines.contains { $0.contains("123456789012.50") } && s.lines != before, "the figure shows whole")
        s.press(.ctrl("z"))
        Self.expectFresh(s, "undone")
        s.press(.up, .up)
        Self.expectFresh(s, "up after the undo")
        // Another year: the headings ({Y}年预算数) change with nothing else of the layout.
        var d = s.draft
        d.year = 2031
        App.resetDraft(&s, d)
        App.update(&s, .resize(rows: 30, cols: 100))
        Self.expectFresh(s, "another year")
        #expect(s.lines.contains { $0.contains("2031年") }, "the headings show the new year")
        s.press(.down)
        Self.expectFresh(s, "another year, down")
        for (rows, cols) in [(24, 80), (40, 140), (30, 100)] {
            App.update(&s, .resize(rows: rows, cols: cols))
            Self.expectFresh(s, "resized to \(cols)x\(rows)")
            s.press(.down, .up)
            Self.expectFresh(s, "resized to \(cols)x\(rows), moved")
        }
        for k in 0..<3 {
            s.press(.pageDown)
            Self.expectFresh(s, "page down \(k)")
        }
        s.press(.pageUp, .right, .right, .left)
        Self.expectFresh(s, "page up, sideways")
        // The outline's kept entries: another form, the outline's own highlight, and a project's name typed.
        for (k, key) in ([.ctrl("n"), .ctrl("n"), .ctrl("l"), .down, .down, .up, .enter, .ctrl("p")] as [Key]).enumerated() {
            s.press(key)
            Self.expectFresh(s, "outline key \(k) \(key)")
        }
        App.focusInstance(&s, form: "C", index: 1)
        App.update(&s, .resize(rows: 30, cols: 100))
        s.focus("C[2].name.value")
        s.press(.enter)
        s.type("某某项目")
        s.press(.enter)
        Self.expectFresh(s, "a project renamed")
        #expect(s.lines.contains { $0.contains("某某项目") }, "the outline shows the new name")
        // A named row's own name typed: the status line words the focused cell by it, key by key.
        App.focusInstance(&s, form: "A", index: 0)
        App.update(&s, .resize(rows: 30, cols: 100))
        s.focus("A.specialItem[1].label")
        s.press(.enter, .ctrl("u"))
        for c in "专项乙" {
            s.press(.char(c))
            Self.expectFresh(s, "a row's name typed: \(c)")
        }
        s.press(.enter)
        Self.expectFresh(s, "a row's name committed")
    }

    /// Rows added and removed in the middle of a group whose rows show different figures (附件1's
    /// 专项业务经费): the texts, widths and drawn lines kept for the rows after the change move with
    /// them (`RowShift`); one moved the wrong way, or not at all, shows another row's figures.
    @Test func keptLinesMoveWithAddedAndRemovedRows() {
        var s = AppFixture.example()
        func count() -> Int { s.draft.instances(of: "A")[0].count(of: "specialItem") }
        let rows = count()
        for (k, start) in ["A.specialItem[4].prev", "A.specialItem[1].budget", "A.specialItem[16].actual"].enumerated() {
            s.focus(start)
            s.press(.up, .down)
            Self.expectFresh(s, "\(start): before")
            let shown = s.lines
            s.press(.f(5))
            Self.expectFresh(s, "\(start): a row added")
            #expect(count() == rows + 1)
            #expect(s.lines != shown, "the rows after the new one move down")
            s.press(.down, .up)
            Self.expectFresh(s, "\(start): a row added, moved")
            s.press(.ctrl("z"))
            Self.expectFresh(s, "\(start): undone")
            s.press(.ctrl("y"), .down)
            Self.expectFresh(s, "\(start): redone")
            // F6 on the added row: its removal moves the rows after it back up.
            s.press(.up, .f(6), .char("y"))
            Self.expectFresh(s, "\(start): removed with F6 (\(k))")
            #expect(count() == rows)
            s.press(.ctrl("z"), .ctrl("z"))
            Self.expectFresh(s, "\(start): both undone")
            #expect(count() == rows)
        }
        // A row with figures removed and put back: the totals above the group change with it.
        s.focus("A.specialItem[4].prev")
        let total = s.value("A.special.prev")
        s.press(.f(6), .char("y"))
        Self.expectFresh(s, "a row with figures removed")
        #expect(count() == rows - 1 && s.value("A.special.prev") != total)
        s.press(.ctrl("z"))
        Self.expectFresh(s, "a row with figures put back")
        #expect(count() == rows && s.value("A.special.prev") == total)
    }

    /// Problems that arrive after the first frame mark cells with no change of the draft.
    @Test func keptTableLinesFollowChecksThatArriveLater() {
        let loaded = try! DraftStore(catalog: AppFixture.catalog).load(AppFixture.root.appendingPathComponent("examples/hunan-unit-2023.json").path)
        var s = AppState(workspace: Workspace(draft: loaded.draft, template: loaded.template), path: "r.json", checkLater: true)
        App.update(&s, .resize(rows: 30, cols: 100))
        App.focusInstance(&s, form: "C", index: 0)
        App.update(&s, .resize(rows: 30, cols: 100))
        s.press(.down)
        let before = s.screen
        while !s.checks.isComplete { App.update(&s, .checkPending) }
        Self.expectFresh(s, "after the pending checks")
        #expect(s.screen != before, "the project's problems arrive with the pending checks and mark its cells")
    }

    /// The report's figure warnings of a draft opened with its checks left for after the first frame
    /// arrive without any change of the draft: the kept page must show them once they do.
    @Test func keptReportPageFollowsChecksThatArriveLater() {
        let loaded = try! DraftStore(catalog: AppFixture.catalog).load(AppFixture.root.appendingPathComponent("examples/hunan-unit-2023-report.json").path)
        var s = AppState(workspace: Workspace(draft: loaded.draft, template: loaded.template), path: "r.json", checkLater: true)
        App.update(&s, .resize(rows: 30, cols: 100))
        App.focusInstance(&s, form: ReportPage.form, index: 0)
        App.update(&s, .resize(rows: 30, cols: 100))
        let before = App.reportLayout(s).lines
        while !s.checks.isComplete { App.update(&s, .checkPending) }
        Self.expectFresh(s, "after the pending checks")
        let moved = App.reportLayout(s).lines != before
        #expect(moved, "the example's prose has figure warnings, which arrive with the pending checks")
    }
}
