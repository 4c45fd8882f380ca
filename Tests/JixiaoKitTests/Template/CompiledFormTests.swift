import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The template compiled at load (`CompiledForm`): every reference of every computed cell of every
/// template in templates/ is a slot that names what the formula names, and the per-cell tables say
/// what the form's rows and sections say.
struct CompiledFormTests {
    @Test(arguments: DraftGeneratorTests.templates.map(\.id))
    func everyFormulaReferenceCompilesToItsSlot(_ id: String) throws {
        let t = try #require(DraftGeneratorTests.templates.first { $0.id == id })
        var references = 0
        for (slot, form) in t.forms.enumerated() {
            let c = form.compiled
            #expect(c.slot == slot)
            #expect(c.rowIDs == form.rows.map(\.id))
            #expect(c.cells.count == form.evaluationOrder.count)
            for (j, (cell, source)) in zip(c.cells, form.evaluationOrder).enumerated() {
                #expect(c.rowIDs[cell.row] == source.row && c.columnIDs[cell.column] == source.column)
                #expect(c.computed(row: cell.row, column: cell.column) == j)
                let written = source.formula.references, compiled = cell.formula.references
                #expect(written.count == compiled.count, "\(form.id).\(source.row).\(source.column): a reference was not compiled")
                let here = try #require(form.row(source.row))
                for (r, s) in zip(written, compiled) {
                    references += 1
                    let target = s.form.map { t.forms[$0] } ?? form
                    #expect(target.id == (r.form ?? form.id))
                    #expect(s.allForms == r.allForms)
                    let column: String
                    switch r.column { case let .named(name): column = name; case .current: column = source.column }
                    #expect(target.compiled.columnIDs[s.column] == column, "\(form.id).\(source.row).\(source.column) → \(column)")
                    func slot(_ id: String) -> SlotReference.Rows? {
                        target.row(id).map { $0.repeating != nil ? .all(target.rowIndex[id]!) : .single(target.rowIndex[id]!) }
                    }
                    switch r.row {
                    case let .named(row), let .allInstances(row): #expect(s.rows == [slot(row)].compactMap { $0 })
                    case .this: #expect(s.rows == [.current(cell.row)])
                    case .children: #expect(s.rows == here.childIDs.compactMap(slot))
                    case let .sameIndex(row): #expect(s.rows == [.sameIndex(form.rowIndex[row]!)])
                    }
                }
            }
            for (r, row) in form.rows.enumerated() {
                let section = try #require(form.section(row.sectionID))
                for col in section.columns {
                    let k = try #require(c.column(col.id))
                    #expect(c.kind(row: r, column: k) == col.kind)
                    #expect(c.isComputed(row: r, column: k) == (row.columnIDs.contains(col.id) && row.formulas[col.id] != nil))
                }
            }
        }
        #expect(references > 20)
    }

    /// The compiler stands behind the loader's validation: an unknown reference is still refused at
    /// load with the words and the place it was refused with before there was a compiler (the two
    /// texts are what the build before it printed for these two templates).
    @Test func anUnknownReferenceIsALoadErrorWordedAsBefore() throws {
        let path = Fixtures.root.appendingPathComponent("templates/hunan-unit.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        func refusal(_ old: String, _ new: String) -> String? {
            #expect(text.contains(old), "fixture text not found: \(old)")
            do throws(TemplateError) {
                _ = try TemplateLoader.load(bytes: Array(text.replacingOccurrences(of: old, with: new).utf8), file: "edited.json")
                return nil
            } catch { return DraftText.template(error) }
        }
        #expect(refusal("\"formula\": \"_.actual / _.authorized\"", "\"formula\": \"_.actual / _.nosuch\"")
                == "模板 edited.json 的 forms[0](A).formula of staff.rate：引用了不存在的格子「staff.nosuch」。")
        #expect(refusal("\"rate\": \"A!staff.rate\"", "\"rate\": \"A!staff.nosuch\"")
                == "模板 edited.json 的 forms.S: staffRate.rate：引用了不存在的格子「A!staff.nosuch」。")
    }
}
