import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The TUI recomputes only the edited instance and the forms that read it; after any sequence of
/// edits that must equal a full recompute, and the live problem list must equal a full check.
struct IncrementalEvaluationTests {
    @Test func incrementalEqualsFullAfterRandomEdits() throws {
        var ws = Fixtures.setting(Fixtures.example(), "S.card.rate", "60%")
        // Report prose restating figures the edits change, so its warnings come and go too.
        ws.draft.report = ["basic": "现有在编人员15人，在职人数15人。",
                           "general": "本单位基本支出360.71万元，其中人员经费299.66万元，日常公用经费61.05万元。业务工作经费107.96万元。"]
        ws = Workspace(draft: ws.draft, template: ws.template)
        let editor = DraftEditor(template: ws.template)
        var ev = ws.evaluation
        var live = LiveChecks(ev)
        var draft = ws.draft
        let cells = FillableCells.list(ev).filter { $0.kind.isNumeric }
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for step in 0..<200 {
            let cell = cells[next(cells.count)]
            let text = ["", "0", "12.5", "100", "abc", "99.99", "3"][next(7)]
            try editor.set(&draft, cell.address, text: text, lenient: true)
            ev.update(draft: draft, form: cell.address.form, index: cell.address.formIndex)
            live.refresh(ev, form: cell.address.form, index: cell.address.formIndex)
            if step % 20 == 19 {
                // Checks that compare every instance run after the key, between keys: let them.
                while !live.isComplete { live.checkPending(ev, budget: 100) }
                let full = Evaluation(template: ws.template, draft: draft)
                for (slot, list) in full.forms.enumerated() {
                    for (k, inst) in list.enumerated() {
                        let same = ev.forms[slot][safe: k]?.computed == inst.computed
                        #expect(same, "step \(step): \(ws.template.forms[slot].id)[\(k)] differs from a full recompute")
                    }
                }
                let fullProblems = Checker.check(full)
                let sameProblems = live.all(ws.template).worded(ws.template, draft).map(\.message) == fullProblems.worded(ws.template, draft).map(\.message)
                #expect(sameProblems, "step \(step): live problems differ from a full check")
                for severity in Severity.allCases {
                    let counted = fullProblems.filter { $0.severity == severity }.count
                    #expect(live.count(severity) == counted, "step \(step): the kept count of \(severity) is not the count of a full check")
                }
            }
        }
    }
}

/// Opening a draft checks the form on screen first and the rest later: however the pending checks and
/// edits interleave, the end is a full check of the draft as it then is.
struct DeferredChecksTests {
    @Test func checkingLaterEndsWhereAFullCheckIs() throws {
        let ws = Fixtures.example()
        let editor = DraftEditor(template: ws.template)
        var ev = ws.evaluation
        var live = LiveChecks(ev, first: .init(form: "A", index: 0))
        #expect(!live.isComplete)
        #expect(live.problems(form: "A", index: 0).worded(ws.template, ws.draft).map(\.message)
                == Checker.check(ev, form: ws.template.form("A")!, index: 0).worded(ws.template, ws.draft).map(\.message))
        var draft = ws.draft
        let cells = FillableCells.list(ev).filter { $0.kind.isNumeric }
        var step = 0
        while !live.isComplete {
            let cell = cells[(step * 37) % cells.count]
            try editor.set(&draft, cell.address, text: ["7", "", "abc", "12.5"][step % 4], lenient: true)
            ev.update(draft: draft, form: cell.address.form, index: cell.address.formIndex)
            live.refresh(ev, form: cell.address.form, index: cell.address.formIndex)
            live.checkPending(ev, budget: 2)
            step += 1
        }
        let full = Checker.check(ev)
        #expect(live.all(ws.template).worded(ws.template, draft).map(\.message) == full.worded(ws.template, draft).map(\.message))
        for severity in Severity.allCases {
            #expect(live.count(severity) == full.filter { $0.severity == severity }.count)
        }
        #expect(step > 1)
    }
}

/// The comparison of indicators across forms (`sameIndicators`) is kept by name from facts the
/// evaluation keeps per instance: after renaming, retargeting, adding, removing and moving indicator
/// rows and renaming projects, the facts equal a full recompute's and the live problems a full check's.
struct IndicatorIndexTests {
    @Test func keptByNameEqualsFullAfterRandomIndicatorEdits() throws {
        let ws = Fixtures.example()
        let editor = DraftEditor(template: ws.template)
        var ev = ws.evaluation
        var live = LiveChecks(ev)
        var draft = ws.draft
        var seed: UInt64 = 11
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        // Few names, so that rows of the same indicator meet across forms and instances; values that
        // agree only once read (≥95% and 95%以上) or once spaces and punctuation go.
        let names = ["职称评定数", "职称 评定数", "满意度", "服务对象满意度", "", "完成率"]
        let targets = ["≥95%", "95%以上", "≥90%", "100%", "", "及时", "≥100人"]
        let actuals = ["96%", "11.04万", "11.04万元", "", "及时", "374人", "100%"]
        let compared = ["B", "C"].compactMap { ws.template.form($0) }
        #expect(compared.count == 2 && compared.allSatisfy { $0.indicators != nil })
        var warningsSeen = 0
        for step in 0..<300 {
            let form = compared[next(2)]
            let k = next(ev.instanceCount(form.id))
            let ind = try #require(form.indicators)
            let rows = form.rows.filter { $0.sectionID == ind.section && $0.repeating != nil }
            let row = rows[next(rows.count)]
            let n = draft.instances(of: form.id)[k].count(of: row.id)
            switch next(10) {
            case 0 where form.repeated != nil:
                let cell = try #require(form.repeated?.nameCell)
                let a = CellAddress(form: form.id, formIndex: k, row: cell.row, rowIndex: nil, column: cell.column)
                try editor.set(&draft, a, text: ["项目甲", "项目乙", ""][next(3)], lenient: true)
            case 1:
                try editor.addRow(&draft, form: form.id, formIndex: k, row: row.id, at: next(n + 1))
            case 2 where n > 0:
                try editor.removeRow(&draft, form: form.id, formIndex: k, row: row.id, index: next(n))
            case 3 where n > 1:
                _ = try editor.moveRow(&draft, form: form.id, formIndex: k, row: row.id, index: next(n), by: next(2) == 0 ? -1 : 1)
            default:
                guard n > 0 else { continue }
                let (column, pool) = [(ind.name, names), (ind.target, targets), (ind.actual, actuals)][next(3)]
                let a = CellAddress(form: form.id, formIndex: k, row: row.id, rowIndex: next(n), column: column)
                try editor.set(&draft, a, text: pool[next(pool.count)], lenient: true)
            }
            ev.update(draft: draft, form: form.id, index: k)
            live.refresh(ev, form: form.id, index: k)
            #expect(live.isComplete, "step \(step): the comparison waits for later")
            guard step % 10 == 9 else { continue }
            let full = Evaluation(template: ws.template, draft: draft)
            for f in compared {
                for i in 0..<full.instanceCount(f.id) {
                    #expect(ev.indicatorFacts(form: f.id, index: i) == full.indicatorFacts(form: f.id, index: i),
                            "step \(step): the facts of \(f.id)[\(i)] differ from a full recompute")
                    #expect(ev.forms[f.compiled.slot][i].reviews == full.forms[f.compiled.slot][i].reviews, "step \(step): the reviews of \(f.id)[\(i)] differ")
                }
            }
            let fullProblems = Checker.check(full)
            let same = live.all(ws.template) == fullProblems
            #expect(same, "step \(step): live problems differ from a full check")
            for severity in Severity.allCases {
                #expect(live.count(severity) == fullProblems.filter { $0.severity == severity }.count, "step \(step): the count of \(severity)")
            }
            warningsSeen += fullProblems.filter { $0.code == "sameIndicator" }.count
        }
        // The edits must have made the forms disagree, or the comparison was never exercised.
        #expect(warningsSeen > 20)
    }
}

/// The compiled evaluation (values in arrays by slot, formulas with their references resolved at load)
/// on every template in templates/: after random edits — cells set, repeated rows added, removed and
/// moved, which shift every slot of the instance's arrays — the values kept incrementally equal a full
/// recompute, and every computed cell equals its formula as written, evaluated by names through
/// `FormulaScope` (the interpreter the compiled one replaced on this path).
struct CompiledEvaluationTests {
    @Test(arguments: DraftGeneratorTests.templates.map(\.id))
    func compiledEqualsFullRecomputeAndNamedFormulasAfterRandomEdits(_ id: String) throws {
        let t = try #require(DraftGeneratorTests.templates.first { $0.id == id })
        var draft = DraftGenerator(template: t, seed: 5, sizes: .small).draft()
        let editor = DraftEditor(template: t)
        var ev = Evaluation(template: t, draft: draft)
        var seed: UInt64 = 13
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let numbers = ["", "0", "12.5", "100", "abc", "99.99", "3", "-7", "95%", "1e3"]
        let texts = ["", "≥95%", "100%", "及时", "2023年", "11.04万元"]
        var structural = 0, compared = 0
        for step in 0..<160 {
            let cells = FillableCells.list(ev)
            let cell = cells[next(cells.count)]
            let a = cell.address
            switch next(8) {
            case 0 where a.rowIndex != nil:
                try editor.addRow(&draft, form: a.form, formIndex: a.formIndex, row: a.row, at: next(draft.instances(of: a.form)[a.formIndex].count(of: a.row) + 1))
                structural += 1
            case 1 where a.rowIndex != nil:
                try editor.removeRow(&draft, form: a.form, formIndex: a.formIndex, row: a.row, index: a.rowIndex!)
                structural += 1
            case 2 where a.rowIndex != nil:
                if (try? editor.moveRow(&draft, form: a.form, formIndex: a.formIndex, row: a.row, index: a.rowIndex!, by: next(2) == 0 ? -1 : 1)) != nil { structural += 1 }
            default:
                let pool = cell.kind.isNumeric ? numbers : texts
                try editor.set(&draft, a, text: pool[next(pool.count)], lenient: true)
            }
            ev.update(draft: draft, form: a.form, index: a.formIndex)
            guard step % 10 == 9 else { continue }
            let full = Evaluation(template: t, draft: draft)
            #expect(ev.forms.count == full.forms.count)
            for (slot, list) in full.forms.enumerated() {
                let form = t.forms[slot]
                #expect(ev.forms[slot].count == list.count, "step \(step): \(form.id) has another number of instances")
                for (k, inst) in list.enumerated() {
                    let kept = try #require(ev.forms[slot][safe: k])
                    #expect(kept.computed == inst.computed, "step \(step): \(form.id)[\(k)] differs from a full recompute")
                    #expect(kept.reviews == inst.reviews && kept.indicatorFacts == inst.indicatorFacts && kept.overflowed == inst.overflowed,
                            "step \(step): the reviews, facts or overflows of \(form.id)[\(k)] differ from a full recompute")
                    for cell in form.evaluationOrder {
                        let row = try #require(form.row(cell.row))
                        let indices: [Int?] = row.repeating == nil ? [nil] : (0..<draft.instances(of: form.id)[k].count(of: row.id)).map { $0 }
                        for idx in indices {
                            let scope = full.scopeFor(form: form, index: k, row: cell.row, rowIndex: idx, column: cell.column)
                            let named = FormulaEvaluator.evaluate(cell.formula, in: scope)
                            let value = ev.value(form: form, index: k, row: cell.row, rowIndex: idx, column: cell.column)
                            #expect(value == named, "step \(step): \(form.id)[\(k)].\(cell.row)[\(idx.map(String.init) ?? "")].\(cell.column) is \(value), its formula read by names \(named)")
                            compared += 1
                        }
                    }
                }
            }
        }
        // The edits must have changed the rows, and the formulas must have been read, or nothing was shown.
        #expect(structural > 5)
        #expect(compared > 100)
    }
}

/// The path a key takes in the TUI: a change of known cells (`FormEntry.changedCells`) recomputes only
/// the computed cells that read them and reruns only the checks that read a changed cell
/// (`Evaluation.update(draft:form:index:cells:)`, `LiveChecks.refresh(_:changes:)`); rows added or
/// removed recompute the instance and recheck what reads a value that moved (`update(…resized:)`). After every step of random single-cell edits, row adds and
/// removes, and undos, on the seed example and on a generated draft of every template, the values, overflows, reviews,
/// facts, the problems in order and their counts equal a full evaluation and a full check.
struct ChangedCellsTests {
    /// The seed example, then a generated draft of each template in templates/.
    static func drafts() -> [(String, Template, Draft)] {
        var ws = Fixtures.setting(Fixtures.example(), "S.card.rate", "60%")
        ws.draft.report = ["general": "本单位基本支出360.71万元，其中人员经费299.66万元，日常公用经费61.05万元。"]
        return [("seed", ws.template, ws.draft)]
            + DraftGeneratorTests.templates.map { t in ("generated \(t.id)", t, DraftGenerator(template: t, seed: 3, sizes: .small).draft()) }
    }

    /// Every cell's value (names of named rows too), by instance and slot.
    static func values(_ ev: Evaluation) -> [InstanceSlot: [CellSlot: Value]] {
        var out: [InstanceSlot: [CellSlot: Value]] = [:]
        for form in ev.template.forms {
            for (k, entry) in ev.draft.instances(of: form.id).enumerated() {
                var cells: [CellSlot: Value] = [:]
                for c in FormCells(form, entry, names: true) {
                    cells[CellSlot(row: c.row.slot, index: c.rowIndex, column: c.column.slot)] =
                        ev.value(form: form, index: k, rowSlot: c.row.slot, rowIndex: c.rowIndex, columnSlot: c.column.slot)
                }
                out[InstanceSlot(form: form.compiled.slot, index: k)] = cells
            }
        }
        return out
    }

    @Test(arguments: 0..<(1 + DraftGeneratorTests.templates.count))
    func changedCellsEqualFullAfterEditsRowsAndUndos(_ which: Int) throws {
        let (name, t, start) = Self.drafts()[which]
        var draft = start
        var ev = Evaluation(template: t, draft: draft)
        var live = LiveChecks(ev)
        let editor = DraftEditor(template: t)
        var undo: [Draft] = []
        var seed: UInt64 = 17 + UInt64(which)
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let numbers = ["", "0", "12.5", "100", "abc", "99.99", "3", "-7", "95%", "1e30", "0.001"]
        let texts = ["", "≥95%", "100%", "及时", "2023年", "11.04万元", "项目甲"]
        var byCells = 0, byRows = 0, byInstance = 0, undos = 0, wholeCompared = 0, shifted = 0
        /// Puts `new` in place the way the TUI does: instance by instance, by cells where it can.
        func apply(_ new: Draft) {
            let old = draft
            draft = new
            let single = t.forms.map { f in
                let a = old.instances(of: f.id), b = new.instances(of: f.id)
                return (0..<max(a.count, b.count)).filter { a[safe: $0] != b[safe: $0] }.count
            }.reduce(0, +) == 1
            for form in t.forms {
                let a = old.instances(of: form.id), b = new.instances(of: form.id)
                for k in 0..<max(a.count, b.count) where a[safe: k] != b[safe: k] {
                    let before = ev
                    if a.count == b.count, let cells = b[k].changedCells(from: a[k], in: form.compiled),
                       let changes = ev.update(draft: new, form: form.id, index: k, cells: cells) {
                        live.refresh(ev, changes: changes)
                        byCells += 1
                        // The changes list every cell whose value moved, in any instance: the TUI looks
                        // at those alone to bring the table's texts and column widths up to date. (When
                        // more than one instance differs, the others' entries are in place before their
                        // own update lists them: only a change of one instance is compared whole.)
                        let was = single ? Self.values(before) : [:], now = single ? Self.values(ev) : [:]
                        if single { wholeCompared += 1 }
                        for (at, cells) in now {
                            for (cell, value) in cells where was[at]?[cell] != value {
                                #expect(changes.cells[at]?.contains(cell) == true,
                                        "\(name): \(t.forms[at.form].id)[\(at.index)] row \(cell.row)[\(cell.index.map(String.init) ?? "-")] column \(cell.column) changed unlisted")
                            }
                        }
                    } else if a.count == b.count, let rows = b[k].resizedRows(from: a[k], in: form.compiled),
                              let changes = ev.update(draft: new, form: form.id, index: k, resized: rows) {
                        live.refresh(ev, changes: changes)
                        byRows += 1
                        // Rows whose other instances only moved carry their problems and progress with them
                        // (`InstanceShift`): the problems are compared with a full check below, the progress here.
                        let shifts = changes.shifts[InstanceSlot(form: form.compiled.slot, index: k)] ?? [:]
                        if !shifts.isEmpty { shifted += 1 }
                        let delta = FillableCells.progressDelta(form: form, old: a[k], new: b[k], rows: rows, shifts: shifts)
                        let was = FillableCells.progress(FormCells(form, a[k], names: true)), now = FillableCells.progress(FormCells(form, b[k], names: true))
                        #expect(delta.filled == now.filled - was.filled && delta.required == now.required - was.required,
                                "\(name): the progress of \(form.id)[\(k)] moved by \(delta), a fresh count by \(now.filled - was.filled), \(now.required - was.required)")
                    } else {
                        ev.update(draft: new, form: form.id, index: k)
                        live.refresh(ev, form: form.id, index: k)
                        byInstance += 1
                    }
                }
            }
        }
        for step in 0..<(which == 0 ? 240 : 120) {
            let cells = FillableCells.list(ev)
            let cell = cells[next(cells.count)]
            let a = cell.address
            var d = draft
            switch next(10) {
            case 0 where a.rowIndex != nil:
                try editor.addRow(&d, form: a.form, formIndex: a.formIndex, row: a.row, at: next(d.instances(of: a.form)[a.formIndex].count(of: a.row) + 1))
            case 1 where a.rowIndex != nil:
                try editor.removeRow(&d, form: a.form, formIndex: a.formIndex, row: a.row, index: a.rowIndex!)
            case 2 where a.rowIndex != nil:
                _ = try? editor.moveRow(&d, form: a.form, formIndex: a.formIndex, row: a.row, index: a.rowIndex!, by: next(2) == 0 ? -1 : 1)
            case 3, 4 where !undo.isEmpty:
                d = undo.removeLast()
                undos += 1
            default:
                let pool = cell.kind.isNumeric ? numbers : texts
                try editor.set(&d, a, text: pool[next(pool.count)], lenient: true)
            }
            if d != draft && next(5) > 0 { undo.append(draft) }
            apply(d)
            let full = Evaluation(template: t, draft: draft)
            for (slot, list) in full.forms.enumerated() {
                for (k, inst) in list.enumerated() {
                    let kept = try #require(ev.forms[slot][safe: k])
                    let id = "\(name) step \(step): \(t.forms[slot].id)[\(k)]"
                    #expect(kept.computed == inst.computed, "\(id): values differ from a full evaluation")
                    #expect(kept.overflowed == inst.overflowed, "\(id): overflows differ")
                    #expect(kept.reviews == inst.reviews, "\(id): reviews differ")
                    #expect(kept.indicatorFacts == inst.indicatorFacts, "\(id): facts differ")
                }
            }
            let problems = Checker.check(full)
            #expect(live.all(t) == problems, "\(name) step \(step): live problems differ from a full check, in what or in order")
            // The order is kept by splicing the instances changed into it (`KeptOrder`), not sorted afresh.
            #expect(live.isOrderKept && live.all(t) == live.allSortedAfresh(t), "\(name) step \(step): the kept order differs from a fresh sort")
            // Each instance's own list, in the order its checks find them (the table's marks and the status line read it).
            for form in t.forms {
                for k in 0..<full.instanceCount(form.id) {
                    #expect(live.problems(form: form.id, index: k) == Checker.check(full, form: form, index: k),
                            "\(name) step \(step): the problems kept for \(form.id)[\(k)] differ from its full check, in what or in order")
                }
            }
            for severity in Severity.allCases {
                #expect(live.count(severity) == problems.filter { $0.severity == severity }.count, "\(name) step \(step): the count of \(severity)")
            }
        }
        // Both paths were taken, and undo went back over edits.
        #expect(byCells > 50 && byRows > 10 && undos > 10, "by cells \(byCells), by rows \(byRows), by instance \(byInstance), undos \(undos)")
        #expect(shifted > 10, "rows added or removed whose problems moved with them: \(shifted) of \(byRows)")
        #expect(wholeCompared > 50, "changes of one instance compared cell by cell: \(wholeCompared)")
    }
}

/// Opening a draft checks the form on screen first and the rest later (`LiveChecks(_:first:)`): edits
/// by cells while instances wait take the edited instance's path, whatever else the edit changed (an
/// edit in 附件1 moves the 评分表 too), and the end is a full check.
struct ChangedCellsWhileCheckingLaterTests {
    @Test func editsByCellsBetweenDeferredChecksEndWhereAFullCheckIs() throws {
        let ws = Fixtures.setting(Fixtures.example(), "S.card.rate", "60%")
        let t = ws.template
        let editor = DraftEditor(template: t)
        var ev = Evaluation(template: t, draft: ws.draft)
        var live = LiveChecks(ev, first: .init(form: "A", index: 0))
        var draft = ws.draft
        let cells = FillableCells.list(ev).filter { $0.kind.isNumeric && $0.address.form == "A" }
        var step = 0, moved = 0
        while !live.isComplete {
            // A few keys between two of the checks run after the first frame.
            for _ in 0..<4 {
                let a = cells[(step * 37) % cells.count].address
                var d = draft
                try editor.set(&d, a, text: ["7", "", "abc", "12.5", "100000"][step % 5], lenient: true)
                let form = try #require(t.form(a.form))
                let changed = try #require(d.instances(of: a.form)[a.formIndex].changedCells(from: draft.instances(of: a.form)[a.formIndex], in: form.compiled))
                draft = d
                let updated = ev.update(draft: d, form: a.form, index: a.formIndex, cells: changed)
                let changes = try #require(updated)
                if changes.cells.count > 1 { moved += 1 }
                live.refresh(ev, changes: changes)
                // The edited instance is checked as a full check would, however the changes are listed.
                #expect(live.problems(form: a.form, index: a.formIndex) == Checker.check(ev, form: form, index: a.formIndex), "step \(step)")
                step += 1
            }
            live.checkPending(ev, budget: 1)
        }
        let full = Checker.check(Evaluation(template: t, draft: draft))
        #expect(live.all(t) == full)
        for severity in Severity.allCases { #expect(live.count(severity) == full.filter { $0.severity == severity }.count) }
        // Some edits moved another form (the 评分表) too, or the path was not shown.
        #expect(moved > 0 && step > 1)
    }
}

/// F5 adds a blank instance and its undo removes one: a cell reading the row whole by rules that pass
/// over empty cells keeps its value without being computed again (`BlankShifts`); one reading it by
/// index (`row[_]`) or by a rule an empty cell changes (`sumAll`, `countOf`) must be computed again.
struct BlankRowsTests {
    static let json = """
    {"format": 1, "id": "t", "version": "1", "title": "t", "forms": [{"id": "F", "short": "表", "title": "表",
      "sections": [
        {"id": "inc", "title": "收入", "columns": [{"id": "total", "kind": "money"}, {"id": "a", "kind": "money"}, {"id": "n", "kind": "decimal"}],
         "rows": [{"id": "incUnit", "label": "机构", "repeat": {"noun": "机构", "named": true}},
                  {"id": "incAll", "formulas": {"total": "incUnit.total", "a": "sumAll(incUnit.total)", "n": "count(incUnit.total)"}},
                  {"id": "incOf", "formulas": {"n": "countOf(5, incUnit.total)", "total": "max(incUnit.total) - min(incUnit.a)"}}]},
        {"id": "exp", "title": "支出", "columns": [{"id": "total", "kind": "money"}, {"id": "left", "kind": "money"}],
         "rows": [{"id": "expUnit", "label": "机构", "repeat": {"noun": "机构", "named": true},
                   "formulas": {"left": "incUnit[_].total - _.total"}}]}],
      "checks": []}]}
    """

    @Test func blankInstancesAddedAndRemovedEndWhereAFullEvaluationIs() throws {
        let t = try TT.load(Self.json)
        let form = try #require(t.form("F"))
        let editor = DraftEditor(template: t)
        var draft = TT.set(Workspace(draft: DraftFactory.new(template: t, year: 2022), template: t),
                           [("F.incUnit[+].total", "5"), ("F.incUnit[$].a", "2"), ("F.incUnit[+].total", "7"),
                            ("F.expUnit[+].total", "1"), ("F.expUnit[+].total", "2")]).draft
        var ev = Evaluation(template: t, draft: draft)
        func step(_ change: (inout Draft) throws -> Void, _ what: String) throws {
            var d = draft
            try change(&d)
            let rows = try #require(d.instances(of: "F")[0].resizedRows(from: draft.instances(of: "F")[0], in: form.compiled))
            let changes = ev.update(draft: d, form: "F", index: 0, resized: rows)
            #expect(changes != nil, "\(what): not updated by rows")
            draft = d
            let full = Evaluation(template: t, draft: d)
            #expect(ev.forms[form.compiled.slot][0].computed == full.forms[form.compiled.slot][0].computed, "\(what): values differ from a full evaluation")
        }
        // At the top (every expUnit[_] pair moves), in the middle, at the end; then each removed again.
        for at in [0, 1, 2] {
            try step({ try editor.addRow(&$0, form: "F", formIndex: 0, row: "incUnit", at: at) }, "blank added at \(at)")
            #expect(ev.value(form: form, index: 0, row: "incAll", rowIndex: nil, column: "total") == .number(12))
            #expect(ev.value(form: form, index: 0, row: "incAll", rowIndex: nil, column: "a") == .empty)
            try step({ try editor.removeRow(&$0, form: "F", formIndex: 0, row: "incUnit", index: at) }, "blank removed at \(at)")
            #expect(ev.value(form: form, index: 0, row: "incAll", rowIndex: nil, column: "a") == .number(12))
        }
        // A filled instance removed and put back moves the sums.
        let filled = draft
        try step({ try editor.removeRow(&$0, form: "F", formIndex: 0, row: "incUnit", index: 0) }, "filled removed")
        #expect(ev.value(form: form, index: 0, row: "incAll", rowIndex: nil, column: "total") == .number(7))
        try step({ $0 = filled }, "filled put back")
        #expect(ev.value(form: form, index: 0, row: "incAll", rowIndex: nil, column: "total") == .number(12))
    }
}

