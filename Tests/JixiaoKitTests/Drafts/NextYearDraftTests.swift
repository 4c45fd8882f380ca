import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// `jixiao next` on each template family's committed example.
struct NextYearDraftTests {
    static func next(_ name: String, year: Int) throws -> (old: Workspace, new: Workspace) {
        let old = TT.example(name)
        let outcome = try NextYearDraft.make(from: old.draft, template: old.template, year: year)
        return (old, Workspace(draft: outcome.draft, template: old.template))
    }

    /// Every entered cell of a draft: (form, instance, row, row instance, column, entry, carried).
    static func entered(_ d: Draft) -> [(form: String, index: Int, row: String, rowIndex: Int?, column: String, entry: Entry, carried: Bool)] {
        var out: [(String, Int, String, Int?, String, Entry, Bool)] = []
        for (fid, list) in d.forms {
            for (k, e) in list.enumerated() {
                for (rid, cells) in e.cells { for (c, v) in cells { out.append((fid, k, rid, nil, c, v, e.isCarried(row: rid, index: nil, column: c))) } }
                for (rid, rows) in e.rows {
                    for (i, r) in rows.enumerated() { for (c, v) in r.cells { out.append((fid, k, rid, i, c, v, r.carried.contains(c))) } }
                }
            }
        }
        return out
    }

    /// What `validate` reports on a fresh next-year draft is only what is still to fill: errors are
    /// required cells left empty, anything milder is about a cell carried over to be looked at.
    static func onlyStillToFill(_ ws: Workspace) {
        for p in ws.worded {
            if p.severity == .error {
                #expect(p.code == "required", "\(p.location): \(p.message)")
            } else if p.code != "required" {
                let carried = p.address.map { a in ws.draft.instances(of: a.form)[a.formIndex].isCarried(row: a.row, index: a.rowIndex, column: a.column) } ?? false
                #expect(carried, "\(p.code) \(p.location): \(p.message)")
            }
        }
    }

    @Test func hunanUnitPreviousColumnIsThisYearsActual() throws {
        let (old, new) = try Self.next("hunan-unit-2023", year: 2024)
        let form = old.template.form("A")!
        var compared = 0
        for row in form.rows where row.sectionID == "funds" {
            let indices: [Int?] = row.repeating == nil ? [nil] : (0..<old.draft.forms["A"]![0].count(of: row.id)).map { $0 }
            for i in indices {
                let before = old.evaluation.value(form: form, index: 0, row: row.id, rowIndex: i, column: "actual")
                let after = new.evaluation.value(form: form, index: 0, row: row.id, rowIndex: i, column: "prev")
                #expect(after == (before.number == nil ? .empty : before), "\(row.id)[\(i ?? -1)]")
                if before.number != nil { compared += 1 }
                #expect(new.evaluation.value(form: form, index: 0, row: row.id, rowIndex: i, column: "actual").number == nil)
            }
        }
        #expect(compared >= 20)
        #expect(new.draft.year == 2024)
        #expect(new.draft.parameters == old.draft.parameters)
    }

    @Test func hunanUnitCarriesProjectsAndSpecialFunds() throws {
        let (old, new) = try Self.next("hunan-unit-2023", year: 2024)
        let projects = new.draft.instances(of: "C")
        #expect(projects.count == 7)
        for (k, p) in projects.enumerated() {
            for row in ["name", "department", "implementer"] {
                #expect(p.entry(row: row, index: nil, column: "value") == old.draft.forms["C"]![k].entry(row: row, index: nil, column: "value"))
            }
            #expect(p.entry(row: "name", index: nil, column: "value") != nil)
            #expect(p.count(of: "quantity") == old.draft.forms["C"]![k].count(of: "quantity"))
        }
        let funds = { (d: Draft) in ["specialItem", "transferItem"].flatMap { d.forms["A"]![0].rows[$0] ?? [] }.map(\.label) }
        #expect(funds(new.draft).count >= 13)
        #expect(funds(new.draft) == funds(old.draft))
        #expect(funds(new.draft).allSatisfy { $0 != nil })
        #expect(new.value("B.filler.value") == old.value("B.filler.value"))
        #expect(new.value("B.phone.value") == old.value("B.phone.value"))
        #expect(new.value("B.date.value") == .empty)
        #expect(new.value("A.unitName.value") == old.value("A.unitName.value"))
    }

    @Test func hunanUnitCarriesNoActualOrScore() throws {
        let (_, new) = try Self.next("hunan-unit-2023", year: 2024)
        let cleared: Set<String> = ["actual", "score", "reason", "achieved", "points", "rate", "count", "amount", "met", "note"]
        let kept = Self.entered(new.draft)
        #expect(!kept.isEmpty)
        for c in kept where c.column != "prev" {
            #expect(!cleared.contains(c.column), "\(c.form)[\(c.index)].\(c.row).\(c.column)")
        }
        for c in kept where c.row == "date" { Issue.record("date kept: \(c.form)[\(c.index)]") }
        // The indicators are carried and marked to be looked at; the {Y-1} figures are facts, not marked.
        #expect(kept.contains { $0.form == "C" && $0.row == "quantity" && $0.column == "name" && $0.carried })
        #expect(kept.contains { $0.form == "C" && $0.row == "quantity" && $0.column == "target" && $0.carried })
        #expect(!kept.contains { $0.column == "prev" && $0.carried })
        #expect(kept.filter { $0.carried }.count == new.worded.filter { $0.code == "carried" }.count)
    }

    @Test func hunanUnitValidateReportsOnlyWhatIsStillToFill() throws {
        let (_, new) = try Self.next("hunan-unit-2023", year: 2024)
        #expect(new.worded.contains { $0.code == "required" && $0.path == "B.total.actual" })
        #expect(new.worded.contains { $0.code == "carried" && $0.path == "C[1].quantity[1].target" })
        Self.onlyStillToFill(new)
    }

    @Test func markStaysThroughSaveAndGoesWhenTheCellIsSet() throws {
        let (_, new) = try Self.next("hunan-unit-2023", year: 2024)
        let text = DraftCodec.encode(new.draft, template: new.template)
        #expect(text.contains("\"carried\""))
        let root = try JSONReader.parse(Array(text.utf8))
        let back = try DraftCodec.decode(root, template: new.template, path: "t.json")
        #expect(back == new.draft)
        let before = new.draft.forms["C"]![0].rows["quantity"]![0].cells["target"]
        let touched = Fixtures.setting(Workspace(draft: back, template: new.template), "C[1].quantity[1].target", "≥5000份")
        #expect(touched.draft.forms["C"]![0].rows["quantity"]![0].cells["target"] == before)
        #expect(!touched.draft.forms["C"]![0].isCarried(row: "quantity", index: 0, column: "target"))
        #expect(touched.draft.forms["C"]![0].isCarried(row: "quantity", index: 0, column: "name"))
        #expect(!touched.worded.contains { $0.code == "carried" && $0.path == "C[1].quantity[1].target" })
    }

    @Test func refusesAYearNotLaterAndAnotherTemplate() {
        let old = TT.example("hunan-unit-2023")
        #expect(throws: NextYearError.notLater(draftYear: 2023, asked: 2023)) {
            try NextYearDraft.make(from: old.draft, template: old.template, year: 2023)
        }
        #expect(throws: NextYearError.notLater(draftYear: 2023, asked: 2022)) {
            try NextYearDraft.make(from: old.draft, template: old.template, year: 2022)
        }
        #expect(throws: NextYearError.otherTemplate(draft: "hunan-unit", asked: "henan-dept")) {
            try NextYearDraft.make(from: old.draft, template: old.template, year: 2024, templateID: "henan-dept")
        }
        #expect(NextYearText.message(.notLater(draftYear: 2023, asked: 2023)).contains("2024"))
    }

    /// Two years on, this year's figures are not the new year's {Y-1}: left empty.
    @Test func aYearFurtherLeavesThePreviousColumnEmpty() throws {
        let old = TT.example("hunan-unit-2023")
        let outcome = try NextYearDraft.make(from: old.draft, template: old.template, year: 2025)
        #expect(!outcome.previousApplies)
        #expect(outcome.previousFilled == 0)
        #expect(!Self.entered(outcome.draft).contains { $0.column == "prev" })
    }

    @Test func henanDept() throws {
        let (old, new) = try Self.next("henan-dept-2022", year: 2023)
        #expect(new.value("A.unitName.value") == old.value("A.unitName.value"))
        #expect(new.value("A.reportDate.value") == .empty)
        #expect(new.draft.forms["A"]![0].count(of: "goal") == old.draft.forms["A"]![0].count(of: "goal"))
        #expect(new.draft.forms["A"]![0].rows["goal"]![0].cells["name"] == old.draft.forms["A"]![0].rows["goal"]![0].cells["name"])
        #expect(new.draft.forms["A"]![0].isCarried(row: "goal", index: 0, column: "name"))
        let kept = Self.entered(new.draft)
        #expect(kept.contains { $0.row == "keyTasks" && $0.column == "target" && $0.carried })
        for c in kept { #expect(!["actual", "score", "completion", "reason", "points", "reported", "reportedGrade", "initial", "budget"].contains(c.column), "\(c.row).\(c.column)") }
        Self.onlyStillToFill(new)
    }

    @Test func hunanDeptReport() throws {
        let (old, new) = try Self.next("hunan-dept-report-2022", year: 2023)
        let sangong = old.value("R.sangongAll.total")
        #expect(sangong.number != nil)
        #expect(new.value("S.sangongPrev.amount") == sangong)
        let units = { (d: Draft) in d.forms["R"]![0].rows["incomeUnit"]?.map(\.label) ?? [] }
        #expect(units(new.draft) == units(old.draft))
        #expect(new.draft.forms["R"]![0].rows["incomeUnit"]?.allSatisfy { $0.cells.isEmpty } ?? true)
        #expect(new.value("R.contact.value") == old.value("R.contact.value"))
        #expect(new.value("R.overall.score") == .empty)
        #expect(new.value("R.sangongAll.total").number == nil)
        Self.onlyStillToFill(new)
    }
}
