import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

struct AppUpdateTests {
    @Test func typingUpdatesTotalsOnEveryKeystroke() {
        var s = AppFixture.example()
        s.focus("A.reception.actual")
        #expect(s.value("A.sangong.actual") == .number(0))
        s.type("5")
        // Still editing, and 三公经费 already follows.
        #expect(s.editing != nil)
        #expect(s.value("A.sangong.actual") == .number(5))
        #expect(s.lines.contains { $0.contains("三公经费") && $0.contains("5.00") })
        s.type("0")
        #expect(s.value("A.sangong.actual") == .number(50))
    }

    /// Found by the fuzz: with the window too small, F9 opened the new-project prompt over an open edit,
    /// and Esc on that edit then put back the whole draft from before it, dropping the new project.
    @Test func aTooSmallWindowTakesOnlySaveAndQuitAndKeepsTheEdit() {
        var s = AppFixture.example()
        s.focus("A.reception.prev")
        s.press(.enter)
        s.type("7")
        App.update(&s, .resize(rows: 10, cols: 40))
        #expect(s.overlay == .tooSmall)
        for key: Key in [.f(9), .f(5), .ctrl("z"), .f(6), .char("x")] { s.press(key) }
        #expect(s.overlay == .tooSmall)
        #expect(s.draft.instances(of: "C").count == AppFixture.example().draft.instances(of: "C").count)
        let effects = App.update(&s, .key(.f(2)))
        #expect(effects == [.save])
        #expect(s.editing == nil)
        #expect(s.value("A.reception.prev") == .number(Decimal(string: "2.587")!))
    }

    /// Opening checks the form on screen first: the status line says the rest is being checked, and
    /// `.checkPending` brings the problems and the outline's progress to what a full check gives.
    @Test func theRestIsCheckedAfterTheFirstFrame() {
        let full = AppFixture.example()
        var s = AppState(workspace: full.workspace, path: full.path, checkLater: true)
        App.update(&s, .resize(rows: 30, cols: 100))
        #expect(!s.checks.isComplete)
        #expect(View.render(s, rows: 30, cols: 100).lines().contains { $0.contains(UIText.App.checkingTheRest) })
        var turns = 0
        while !s.checks.isComplete && turns < 1000 {
            App.update(&s, .checkPending)
            turns += 1
        }
        #expect(s.checks.isComplete)
        let text = ProblemText(template: s.template, draft: s.draft)
        #expect(s.checks.all(s.template).map(text.message) == full.checks.all(full.template).map(text.message))
        for form in s.template.forms {
            for k in 0..<s.evaluation.instanceCount(form.id) {
                #expect(s.progressOf(form: form.id, index: k) == full.progressOf(form: form.id, index: k), "\(form.id)[\(k)]")
            }
        }
        #expect(!View.render(s, rows: 30, cols: 100).lines().contains { $0.contains(UIText.App.checkingTheRest) })
    }

    @Test func escapeRestoresTheOldValue() {
        var s = AppFixture.example()
        s.focus("A.reception.prev")
        s.press(.enter)
        s.press(.ctrl("u"))
        s.type("99")
        #expect(s.value("A.sangong.prev") == .number(99))
        s.press(.escape)
        #expect(s.editing == nil)
        #expect(s.value("A.reception.prev") == .number(Decimal(string: "2.58")!))
        #expect(!s.isDirty)
    }

    @Test func enterCommitsAndMovesToTheNextCellToFill() {
        var s = AppFixture.example()
        s.focus("A.staff.authorized")
        s.press(.enter, .ctrl("u"))
        s.type("16")
        s.press(.enter)
        #expect(s.value("A.staff.authorized") == .number(16))
        #expect(s.focus.description == "A.staff.actual")
        #expect(s.isDirty)
        // The computed 控制率 is skipped: Tab order holds fillable cells only.
        s.press(.tab)
        #expect(s.focus.row == "carPurchase")
    }

    @Test func fullWidthInputIsAccepted() {
        var s = AppFixture.example()
        s.focus("A.office.budget")
        s.type("１，２３４．５")
        s.press(.enter)
        #expect(s.value("A.office.budget") == .number(Decimal(string: "1234.5")!))
    }

    @Test func badNumberIsKeptShownAndDoesNotTrap() {
        var s = AppFixture.example()
        s.focus("A.office.budget")
        s.type("2元整")
        s.press(.enter)
        #expect(s.value("A.office.budget") == .invalid("2元整"))
        #expect(s.message?.contains("「2元整」") == true)
        // The user moved on: focus is on the next cell, nothing typed is lost.
        #expect(s.focus.description == "A.office.actual")
        #expect(s.checks.count(.error) >= 1)
    }

    @Test func computedCellsAreNotEditable() {
        var s = AppFixture.example()
        s.focus("A.sangong.actual")
        s.press(.enter)
        #expect(s.editing == nil)
        #expect(s.messageIsError)
    }

    @Test func undoAndRedoEveryChange() {
        var s = AppFixture.example()
        let original = s.draft
        s.focus("A.staff.actual")
        s.type("14")
        s.press(.enter)
        s.press(.f(5))  // not a repeated row: refused, no change
        s.focus("A.specialItem[2].actual")
        s.press(.f(5))
        #expect(s.draft.forms["A"]![0].count(of: "specialItem") == 18)
        s.press(.ctrl("z"))
        #expect(s.draft.forms["A"]![0].count(of: "specialItem") == 17)
        s.press(.ctrl("z"))
        #expect(s.draft == original)
        #expect(!s.isDirty)
        s.press(.ctrl("y"))
        #expect(s.value("A.staff.actual") == .number(14))
    }

    @Test func addRemoveAndReorderRows() {
        var s = AppFixture.example()
        s.focus("B.quantity[1].name")
        s.press(.f(5))
        #expect(s.focus.rowIndex == 1 && s.draft.forms["B"]![0].count(of: "quantity") == 15)
        s.type("新指标")
        s.press(.enter)
        s.focus("B.quantity[2].name")
        s.press(.f(7))
        #expect(s.value("B.quantity[1].name") == .text("新指标"))
        s.press(.f(6))
        guard case .confirm(.removeRow) = s.overlay else { Issue.record("no confirmation"); return }
        s.press(.char("n"))
        #expect(s.draft.forms["B"]![0].count(of: "quantity") == 15)
        s.press(.f(6), .char("y"))
        #expect(s.draft.forms["B"]![0].count(of: "quantity") == 14)
        #expect(s.value("B.quantity[1].name") == .text("对全区工程建设领域在建项目保障农民工工资支付保障人数"))
    }

    @Test func newProjectIsNamedAsItIsCreated() {
        var s = AppFixture.example()
        s.press(.f(9))
        s.type("就业补助资金")
        s.press(.enter)
        #expect(s.evaluation.instanceCount("C") == 8)
        #expect(s.focus.form == "C")
        #expect(Labels(template: s.template, draft: s.draft).instanceName(s.template.form("C")!, index: s.focus.formIndex) == "就业补助资金")
        #expect(s.lines.contains { $0.contains("就业补助资金") })
    }

    @Test func pastedNewlinesNeverSubmit() {
        var s = AppFixture.example()
        s.focus("A.measures.value")
        s.press(.enter)
        s.press(.ctrl("s"))  // leave it as it was
        s.focus("B.goal[1].expected")
        s.press(.paste("第一行\n第二行\n第三行"))
        #expect(s.editing?.area != nil)
        s.press(.ctrl("s"))
        #expect(s.value("B.goal[1].expected") == .text("第一行\n第二行\n第三行"))
        // In a single-line cell a paste's line breaks become spaces, and it is still being edited.
        s.focus("B.quantity[1].target")
        s.press(.paste("≥100\n人"))
        #expect(s.editing != nil)
        s.press(.enter)
        #expect(s.value("B.quantity[1].target") == .text("≥100 人"))
    }

    @Test func problemsPanelJumpsToTheCell() {
        var s = AppFixture.example()
        s.press(.f(3))
        let all = s.checks.all(s.template)
        let k = all.firstIndex { $0.code == "placeholder" }!
        for _ in 0..<k { s.press(.down) }
        s.press(.enter)
        #expect(s.overlay == .none)
        #expect(s.focus == all[k].address)
        #expect(s.lines.joined().contains("某某"))
    }

    @Test func quitAsksWhenUnsaved() {
        var s = AppFixture.example()
        #expect(s.press(.f(10)) == [.quit])
        var t = AppFixture.example()
        t.focus("A.staff.actual")
        t.type("1")
        t.press(.enter)
        #expect(t.press(.f(10)).isEmpty)
        #expect(t.overlay == .confirm(.quitUnsaved))
        #expect(t.press(.char("y")) == [.save, .quit])
        _ = s
    }

    @Test func saveResultIsShown() {
        var s = AppFixture.example()
        s.focus("A.staff.actual")
        s.type("1")
        s.press(.enter)
        #expect(s.press(.f(2)) == [.save])
        App.update(&s, .saved(.failure(.readOnly(path: "x.json")), revision: s.revision))
        #expect(s.isDirty && s.messageIsError && s.message!.contains("只读"))
        App.update(&s, .saved(.success(nil), revision: s.revision))
        #expect(!s.isDirty)
    }

    @Test func tabWalksAcrossForms() {
        var s = AppFixture.fresh()
        let layout = s.layout
        s.focus = layout.fillable.last!
        s.press(.tab)
        #expect(s.focus.form == "B")
    }
}
