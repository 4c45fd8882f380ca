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
                for (form, list) in full.forms {
                    for (k, inst) in list.enumerated() {
                        let same = ev.forms[form]?[k].computed == inst.computed
                        #expect(same, "step \(step): \(form)[\(k)] differs from a full recompute")
                    }
                }
                let fullProblems = Checker.check(full)
                let sameProblems = live.all(ws.template).map(\.message) == fullProblems.map(\.message)
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
        #expect(live.problems(form: "A", index: 0).map(\.message) == Checker.check(ev, form: ws.template.form("A")!, index: 0).map(\.message))
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
        #expect(live.all(ws.template).map(\.message) == full.map(\.message))
        for severity in Severity.allCases {
            #expect(live.count(severity) == full.filter { $0.severity == severity }.count)
        }
        #expect(step > 1)
    }
}
