import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI

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
