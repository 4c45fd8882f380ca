import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// `jixiao import`: a printed workbook, edited as a spreadsheet saves it, read back into its draft.
struct WorkbookImportTests {
    let ws = Fixtures.example()

    func plan(_ book: TestWorkbook, into ws: Workspace? = nil) throws -> WorkbookImport.Plan {
        let target = ws ?? self.ws
        return try WorkbookImport.plan(try book.bytes(), draft: target.draft, template: target.template)
    }

    func refusals(_ book: TestWorkbook, into ws: Workspace? = nil) throws -> [ImportRefusal] {
        do {
            _ = try plan(book, into: ws)
            Issue.record("the workbook was not refused")
            return []
        } catch let e as ImportError {
            guard case let .refused(list) = e else { Issue.record("\(e)"); return [] }
            return list
        }
    }

    @Test func theUneditedWorkbookChangesNothing() throws {
        let p = try plan(try TestWorkbook(try TestWorkbook.export(ws)))
        #expect(p.changes.isEmpty)
        #expect(p.draft == ws.draft)
    }

    /// Each edit as a spreadsheet writes it: a number, a number with binary noise, a new inline string.
    @Test func exactlyTheEditedCellsAreListedAndApplied() throws {
        var book = try TestWorkbook(try TestWorkbook.export(ws))
        try book.setNumber("A[1].staff.authorized", "17")
        try book.setNumber("A[1].office.budget", "12.500000000000002")
        try book.setInline("C[2].quantity[1].target", "≥200件")
        let p = try plan(book)
        #expect(p.changes.map { $0.address.path(formRepeated: true) }.sorted()
                == ["A[1].office.budget", "A[1].staff.authorized", "C[2].quantity[1].target"])
        let staff = try #require(p.changes.first { $0.address.row == "staff" })
        #expect(staff.sheet == "附件1")
        #expect(staff.old == "15" && staff.new == "17")
        #expect(ImportText.change(staff).contains("工作表「附件1」\(staff.ref)"))
        let expected = TT.set(ws, [("A.staff.authorized", "17"), ("A.office.budget", "12.5"), ("C[2].quantity[1].target", "≥200件")])
        #expect(p.draft == expected.draft)
    }

    /// Shared strings as Excel and WPS write them: rich-text runs joined, the phonetic run left out.
    @Test func sharedStringsAsExcelWritesThem() throws {
        var book = try TestWorkbook(try TestWorkbook.export(ws))
        try book.setInline("C[2].quantity[1].target", "≥200件")
        try book.setNumber("A[1].office.budget", "12.5")
        book.shareStrings()
        #expect(book.text("xl/sharedStrings.xml").contains("<rPh"))
        #expect(!book.text("xl/worksheets/sheet1.xml").contains("inlineStr"))
        let p = try plan(book)
        #expect(p.changes.map { $0.address.path(formRepeated: true) }.sorted() == ["A[1].office.budget", "C[2].quantity[1].target"])
        #expect(p.draft == TT.set(ws, [("A.office.budget", "12.5"), ("C[2].quantity[1].target", "≥200件")]).draft)
    }

    /// A special fund renamed in the workbook: its name is a draft cell too.
    @Test func aRenamedSpecialFundIsAChange() throws {
        var book = try TestWorkbook(try TestWorkbook.export(ws))
        try book.setInline("A[1].specialItem[2].label", "离退休人员生活补贴")
        let p = try plan(book)
        #expect(p.changes.map { $0.address.path(formRepeated: true) } == ["A[1].specialItem[2].label"])
        #expect(p.draft.forms["A"]![0].rows["specialItem"]![1].label == "离退休人员生活补贴")
        #expect(p.changes.first?.old == "「离退休生活补贴」")
    }

    @Test func junkInAMoneyCellIsRefusedWithItsSheetAndCell() throws {
        var book = try TestWorkbook(try TestWorkbook.export(ws))
        try book.setNumber("A[1].staff.authorized", "17")
        try book.setInline("A[1].office.budget", "十二万")
        let (_, sheet, ref) = try book.locate("A[1].office.budget")
        let list = try refusals(book)
        #expect(list.count == 1)
        guard case let .badValue(s, r, location, _)? = list.first else { Issue.record("\(list)"); return }
        #expect(s == sheet && r == ref && s == "附件1")
        #expect(location.contains("办公经费"))
        #expect(ImportText.message(list[0]).contains("工作表「附件1」\(ref)"))
    }

    @Test func aComputedCellWhoseFormulaWasReplacedIsRefused() throws {
        var book = try TestWorkbook(try TestWorkbook.export(ws))
        let (_, sheet, ref) = try book.locate("A[1].sangong.actual")
        #expect(book.text("xl/worksheets/sheet1.xml").contains("<c r=\"\(ref)\" s=\"8\"><f>"))
        try book.setNumber("A[1].sangong.actual", "999")
        let list = try refusals(book)
        #expect(list == [.computedChanged(sheet: sheet, ref: ref, location: Labels(template: ws.template, draft: ws.draft).location(
            CellAddress(form: "A", row: "sangong", column: "actual")), found: "999")])
    }

    /// Another formula in a computed cell is refused too; the same one as a spreadsheet rewrites it is not.
    @Test func aComputedCellWithAnotherFormulaIsRefused() throws {
        var book = try TestWorkbook(try TestWorkbook.export(ws))
        let (part, sheet, ref) = try book.locate("A[1].sangong.budget")
        let xml = book.text(part)
        let open = xml.range(of: "<c r=\"\(ref)\"")!
        let f = xml[open.upperBound...].range(of: "<f>")!, fEnd = xml[f.upperBound...].range(of: "</f>")!
        let exported = String(xml[f.upperBound..<fEnd.lowerBound])
        var rewritten = xml
        rewritten.replaceSubrange(f.upperBound..<fEnd.lowerBound, with: "= " + exported.lowercased().replacingOccurrences(of: "c", with: "$c"))
        book.setText(part, rewritten)
        #expect(try plan(book).changes.isEmpty)
        var changed = xml
        changed.replaceSubrange(f.upperBound..<fEnd.lowerBound, with: exported + "+1")
        book.setText(part, changed)
        let list = try refusals(book)
        guard case let .computedChanged(s, r, _, found)? = list.first, list.count == 1 else { Issue.record("\(list)"); return }
        #expect(s == sheet && r == ref && found.hasSuffix("+1"))
    }

    /// A formula a spreadsheet recomputed after an edit is the template's: not a change, not refused.
    @Test func aRecomputedFormulaIsNotAChange() throws {
        var book = try TestWorkbook(try TestWorkbook.export(ws))
        try book.setNumber("A[1].office.budget", "12.5")
        let (part, _, ref) = try book.locate("A[1].sangong.budget")
        var xml = book.text(part)
        let cell = xml.range(of: "<c r=\"\(ref)\"")!
        let v = xml[cell.upperBound...].range(of: "<v>")!
        let vEnd = xml[v.upperBound...].range(of: "</v>")!
        xml.replaceSubrange(v.upperBound..<vEnd.lowerBound, with: "123456")
        book.setText(part, xml)
        #expect(try plan(book).changes.count == 1)
    }

    @Test func anotherDraftsWorkbookIsRefused() throws {
        let other = TT.example("henan-dept-2022")
        let book = try TestWorkbook(try TestWorkbook.export(other))
        let list = try refusals(book)
        guard case let .otherDraft(found, expected)? = list.first else { Issue.record("\(list)"); return }
        #expect(found.templateID == "henan-dept" && expected.templateID == "hunan-unit")
        // The same template and year but another unit is another draft too.
        let renamed = TT.set(ws, [("A.unitName.value", "另一个单位"), ("B.unitName.value", "另一个单位")])
        let list2 = try refusals(try TestWorkbook(try TestWorkbook.export(renamed)))
        guard case .otherDraft? = list2.first else { Issue.record("\(list2)"); return }
    }

    @Test func aDraftReshapedSinceTheExportIsRefused() throws {
        let book = try TestWorkbook(try TestWorkbook.export(ws))
        var d = ws.draft
        try DraftEditor(template: ws.template).removeRow(&d, form: "A", formIndex: 0, row: "specialItem", index: 0)
        #expect(try refusals(book, into: Workspace(draft: d, template: ws.template)) == [.reshaped])
    }

    @Test func aWorkbookWithoutTheCellMapIsRefused() throws {
        var book = try XLSXBook.read(try TestWorkbook.export(ws))
        book.sheets.removeLast()
        #expect(throws: ImportError.refused([.noCellMap])) { try WorkbookImport.plan(book, draft: ws.draft, template: ws.template) }
    }

    /// A carried cell left as it was keeps its 沿用上年 mark; an edited one loses it.
    @Test func importKeepsTheMarksOfUntouchedCarriedCells() throws {
        let next = try NextYearDraft.make(from: ws.draft, template: ws.template, year: 2024)
        let nws = Workspace(draft: next.draft, template: ws.template)
        var book = try TestWorkbook(try TestWorkbook.export(nws))
        try book.setInline("C[1].quantity[1].target", "≥6000份")
        let p = try plan(book, into: nws)
        #expect(p.changes.count == 1)
        #expect(!p.draft.forms["C"]![0].isCarried(row: "quantity", index: 0, column: "target"))
        #expect(p.draft.forms["C"]![0].isCarried(row: "quantity", index: 0, column: "name"))
    }
}
