import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// Issue 13's defects in how keys change the draft (each failed before its fix).
struct EntryDefectTests {
    /// Defect 9: a project added (F9) and deleted again (F6) leaves nothing to save, so F10 quits
    /// without asking.
    @Test func changesThatCancelOutLeaveNothingToSave() {
        var s = AppFixture.example()
        s.press(.f(9))
        s.type("临时项目")
        s.press(.enter)
        let dirtyAfterAdding = s.isDirty
        #expect(dirtyAfterAdding)
        s.focus = CellAddress(form: "C", formIndex: s.focus.formIndex, row: "name", column: "value")
        #expect(s.evaluation.value(s.focus).text == "临时项目")
        s.press(.f(6), .char("y"))
        let sameAsFile = s.draft == s.savedDraft, dirty = s.isDirty
        #expect(sameAsFile)
        #expect(!dirty)
        #expect(s.press(.f(10)) == [.quit])
        // A real change still asks.
        var t = AppFixture.example()
        t.focus("A.staff.actual")
        t.type("16")
        t.press(.enter)
        t.press(.f(10))
        #expect(t.overlay == .confirm(.quitUnsaved))
    }

    /// Friction 9: Backspace on a cell clears it as an edit, so Esc brings the value back.
    @Test func backspaceClearsAsAnEditThatEscapeUndoes() {
        var s = AppFixture.example()
        s.focus("A.staff.actual")
        s.press(.backspace)
        #expect(s.value("A.staff.actual") == .empty)
        s.press(.escape)
        #expect(s.value("A.staff.actual") == .number(15))
        s.press(.backspace, .enter)
        #expect(s.value("A.staff.actual") == .empty)
        s.press(.ctrl("z"))
        #expect(s.value("A.staff.actual") == .number(15))
    }
}

/// Issue 13, friction 1: entering a list flows. An empty group is a stop for Tab and Enter, and the
/// last cell of a group's last row leads to its "one more" line, where typing starts the next row.
struct ListEntryTests {
    @Test func specialFundsAreEnteredInOneFlow() {
        var s = AppFixture.fresh()
        s.focus("A.operation.actual")
        s.press(.tab)
        #expect(s.focus.row == "specialItem" && s.focus.rowIndex == nil)
        s.type("专项一")
        s.press(.enter)
        for v in ["1", "2", "3"] { s.type(v); s.press(.enter) }
        // Past the last column: the line that adds the next one, not the next group.
        #expect(s.focus.row == "specialItem" && s.focus.rowIndex == nil)
        s.type("专项二")
        s.press(.enter)
        s.type("4")
        s.press(.enter)
        #expect(s.draft.instances(of: "A")[0].count(of: "specialItem") == 2)
        #expect(s.value("A.specialItem[1].label") == .text("专项一"))
        #expect(s.value("A.specialItem[2].label") == .text("专项二"))
        #expect(s.value("A.specialItem[1].actual") == .number(3))
        #expect(s.value("A.specialItem[2].prev") == .number(4))
        // Tab leaves the group from its "one more" line without adding anything.
        s.press(.escape)
        s.focus = CellAddress(form: "A", row: "specialItem", column: "")
        s.press(.tab)
        #expect(s.focus.row != "specialItem")
        #expect(s.draft.instances(of: "A")[0].count(of: "specialItem") == 2)
    }
}

/// Issue 13, friction 8: every function key has a Ctrl alternative, listed in help.
struct CtrlAlternativeTests {
    @Test func eachFunctionKeyHasACtrlKeyThatDoesTheSame() {
        let pairs: [(Key, Key)] = [(.f(1), .ctrl("g")), (.f(3), .ctrl("e")), (.f(4), .ctrl("t")), (.f(9), .ctrl("w")), (.f(10), .ctrl("q"))]
        for (f, c) in pairs {
            var a = AppFixture.example(), b = AppFixture.example()
            a.press(f)
            b.press(c)
            #expect(a.overlay == b.overlay, "\(f) / \(c)")
            #expect(a.overlay != .none || a.quitRequested, "\(f)")
        }
        var s = AppFixture.example()
        s.focus("A.specialItem[2].prev")
        s.press(.ctrl("o"))
        #expect(s.draft.instances(of: "A")[0].count(of: "specialItem") == 18)
        s.press(.ctrl("d"))
        #expect(s.overlay == .confirm(.removeRow(s.focus)))
        s.press(.escape)
        s.focus("A.specialItem[2].prev")
        s.press(.ctrl("b"))
        #expect(s.focus.rowIndex == 2)
        s.press(.ctrl("u"))
        #expect(s.focus.rowIndex == 1)
        s.focus("A.measures.value")
        s.press(.enter)
        #expect(s.press(.ctrl("x")) == [.openEditor(s.editing!.area!.text)])
        // F2 saves, on the form and while a cell is being typed into; F10 quits from both.
        for editing in [false, true] {
            var a = AppFixture.example(), b = AppFixture.example()
            a.focus("A.staff.actual")
            b.focus("A.staff.actual")
            if editing { a.type("1"); b.type("1") }
            #expect(a.press(.f(2)) == [.save] && b.press(.ctrl("s")) == [.save], "editing \(editing)")
            var c = AppFixture.example(), d = AppFixture.example()
            c.press(.f(10))
            d.press(.ctrl("q"))
            #expect(c.quitRequested && d.quitRequested)
        }
    }

    @Test func helpListsTheCtrlAlternatives() {
        let all = UIText.Help.lines.map(\.0).joined(separator: " ")
        for k in ["Ctrl-G", "Ctrl-S", "Ctrl-E", "Ctrl-T", "Ctrl-O", "Ctrl-D", "Ctrl-U", "Ctrl-B", "Ctrl-W", "Ctrl-Q"] {
            #expect(all.contains(k), "\(k)")
        }
    }
}

/// Issue 13, friction 7: F9's new project has 主管部门 and 实施单位 filled in.
struct NewProjectDefaultsTests {
    @Test func headerCellsComeFromThePreviousProjectOrTheUnit() {
        var s = AppFixture.example()
        s.focus("C[7].name.value")
        s.press(.f(9))
        s.type("新项目")
        s.press(.enter)
        #expect(s.value("C[8].department.value") == s.value("C[7].department.value"))
        #expect(s.value("C[8].implementer.value") == s.value("C[7].implementer.value"))
        var f = AppFixture.fresh()
        f.focus("A.unitName.value")
        f.type("示例单位")
        f.press(.enter)
        f.focus("C[1].name.value")
        f.press(.ctrl("w"))
        f.type("第二个")
        f.press(.enter)
        #expect(f.value("C[2].department.value") == .text("示例单位"))
    }
}

/// Issue 13, friction 6: the outline takes the focus (Ctrl-L) and opens any form, not only the next one.
struct OutlineFocusTests {
    @Test func ctrlLChoosesAFormInTheOutline() {
        var s = AppFixture.example()
        #expect(s.lines.last!.contains("^L选表"))
        s.press(.ctrl("l"))
        #expect(s.overlay == .outline(selected: 0))
        #expect(s.lines.last!.contains("选择表"))
        s.press(.down, .down, .down, .down)
        s.press(.enter)
        #expect(s.overlay == .none)
        #expect(s.focus.form == "C" && s.focus.formIndex == 2)
        // Esc gives the focus back to the table where it was.
        s.press(.ctrl("l"), .end, .escape)
        #expect(s.focus.form == "C" && s.focus.formIndex == 2)
        // The last entry is the 自评报告, after the forms (issue 15); the last form is just above it.
        s.press(.ctrl("l"), .end, .enter)
        #expect(s.focus.isReport)
        s.press(.ctrl("l"), .end, .up, .enter)
        #expect(s.focus.form == "S")
    }
}

/// Issue 13, friction 3: the problems panel filters by severity (E) and by the form on screen (F).
struct ProblemFilterTests {
    @Test func thePanelFiltersBySeverityAndForm() {
        var s = AppFixture.example()
        s.focus("B.quantity[1].score")
        s.type("3")
        s.press(.enter)
        s.press(.f(3))
        let all = s.panel.problems
        #expect(all.contains { $0.severity == .warning } && all.contains { $0.severity == .error })
        s.press(.char("e"))
        #expect(!s.panel.problems.isEmpty && s.panel.problems.allSatisfy { $0.severity == .error })
        #expect(s.lines.contains { $0.contains("仅错误") })
        s.press(.char("e"), .char("f"))
        #expect(!s.panel.problems.isEmpty && s.panel.problems.allSatisfy { $0.address?.form == "B" })
        #expect(s.panel.problems.count < all.count)
        #expect(s.lines.contains { $0.contains("仅附件2") })
    }

    /// The filters stay when the panel closes, and the list follows them and the form on screen when it
    /// opens again with no change of the draft in between: after F4 (whose content holds every problem)
    /// and on another form.
    @Test func theListFollowsTheFiltersAndTheFormWhenReopened() {
        var s = AppFixture.example()
        s.focus("B.quantity[1].score")
        s.type("3")
        s.press(.enter)
        s.press(.f(3), .char("e"), .f(3), .f(4), .f(4), .f(3))
        #expect(!s.panel.problems.isEmpty && s.panel.problems.allSatisfy { $0.severity == .error },
                "errors only, after F4 at the same version: \(s.panel.problems.count) problems")
        s.press(.char("e"), .char("f"), .f(3))
        App.focusInstance(&s, form: "C", index: 0)
        s.press(.f(3))
        #expect(!s.panel.problems.isEmpty && s.panel.problems.allSatisfy { $0.address?.form == "C" && $0.address?.formIndex == 0 },
                "this form only, reopened on 附件3-1: \(Set(s.panel.problems.compactMap { $0.address?.form }))")
    }
}

/// Issue 13, friction 5: reopening lands where the accountant left off, without touching the draft;
/// a cell that no longer exists (or never did) leaves the cursor on the first cell still to fill.
struct ResumePlaceTests {
    @Test func reopeningLandsOnTheCellLeft() {
        var left = AppFixture.fresh()
        left.focus("C[1].quantity[1].target")
        let cell = left.focus
        var s = AppFixture.fresh()
        let first = s.focus
        #expect(first != cell)
        App.resume(&s, at: cell)
        #expect(s.focus == cell)
        #expect(!s.hasUnsavedChanges)
        #expect(s.draft == AppFixture.fresh().draft)
        #expect(s.lines.contains { $0.contains("附件3-1") })
    }

    @Test func aStaleOrMadeUpCellOpensOnTheFirstEmptyCell() {
        let first = AppFixture.fresh().focus
        for bad in [CellAddress(form: "C", formIndex: 5, row: "quantity", rowIndex: 0, column: "target"),
                    CellAddress(form: "C", row: "quantity", rowIndex: 40, column: "target"),
                    CellAddress(form: "C", row: "quantity", rowIndex: 0, column: "nonsense"),
                    CellAddress(form: "Z", row: "x", column: "y"),
                    CellAddress(form: "A", formIndex: -3, row: "staff", column: "actual")] {
            var s = AppFixture.fresh()
            App.resume(&s, at: bad)
            #expect(s.focus == first, "\(bad)")
        }
    }
}
