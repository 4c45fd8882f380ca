import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The TUI's score preview reuses the cards of instances that did not change (`ScorecardCache`): after
/// any sequence of edits, added and removed projects, a changed year or parameter, it must say what a
/// scorecard built afresh says, in every line of `jixiao score --json` and of the text printout.
struct ScorecardCacheTests {
    static func same(_ a: Scorecard, _ b: Scorecard, _ ev: Evaluation) -> Bool {
        JSONWriter.write(ScoreReport.json(a)) == JSONWriter.write(ScoreReport.json(b))
            && PrintText.render(scorecard: a, evaluation: ev, width: 132) == PrintText.render(scorecard: b, evaluation: ev, width: 132)
    }

    @Test(arguments: ["example", "hunan-unit", "henan-dept", "hunan-dept-report"])
    func cachedEqualsFreshAfterRandomEdits(_ which: String) throws {
        let ws = which == "example" ? Fixtures.example()
            : Workspace(draft: DraftGenerator(template: Fixtures.template(which), seed: 9, sizes: .small).draft(), template: Fixtures.template(which))
        let t = ws.template
        let editor = DraftEditor(template: t)
        var draft = ws.draft
        var ev = ws.evaluation
        var cache = ScorecardCache<Void>()
        var seed: UInt64 = 11
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(max(1, n)))
        }
        // Half the cards built beforehand, as between keys after opening.
        _ = cache.warm(ev, limit: ScorecardBuilder.instances(ev).count / 2)
        let repeated = t.forms.first { $0.isRepeated }
        var compared = 0
        for step in 0..<60 {
            switch next(10) {
            case 0 where repeated != nil:
                _ = try editor.addInstance(&draft, form: repeated!.id, name: "项目\(step)")
            case 1 where repeated != nil && draft.instances(of: repeated!.id).count > 1:
                try editor.removeInstance(&draft, form: repeated!.id, index: next(draft.instances(of: repeated!.id).count))
            case 2:
                draft.year += step % 2 == 0 ? 1 : -1
            case 3 where !t.parameters.isEmpty:
                let p = t.parameters[next(t.parameters.count)]
                if !p.options.isEmpty { try editor.setParameter(&draft, p.id, p.options[next(p.options.count)]) }
            default:
                let cells = FillableCells.list(ev)
                let cell = cells[next(cells.count)]
                let text = cell.kind.isNumeric ? ["", "0", "12.5", "100", "abc", "95%"][next(6)]
                    : ["", "完成", "≥95%", "100%", "实际 90%", "项目甲"][next(6)]
                try editor.set(&draft, cell.address, text: text, lenient: true)
            }
            ev = Evaluation(template: t, draft: draft)
            if step % 7 == 3 { _ = cache.warm(ev, limit: 3) }
            guard step % 3 == 2 else { continue }
            let problems = Checker.check(ev)
            let cached = cache.scorecard(ev, problems: problems).scorecard
            let fresh = ScorecardBuilder.build(ev, problems: problems)
            #expect(Self.same(cached, fresh, ev), "step \(step): the kept cards differ from a scorecard built afresh")
            compared += 1
        }
        #expect(compared == 20)
    }

    /// A warm cache builds nothing more, and an edit makes it build the edited instance again.
    @Test func warmingEndsAndAnEditIsSeen() throws {
        let ws = Fixtures.example()
        var cache = ScorecardCache<Void>()
        var rounds = 0
        while !cache.warm(ws.evaluation, limit: 1) { rounds += 1 }
        #expect(rounds > 1)
        let warm = cache.warm(ws.evaluation, limit: 0)
        #expect(warm)
        let form = try #require(ws.template.forms.first { $0.indicators != nil && $0.isRepeated })
        let row = try #require(form.rows.first { $0.sectionID == form.indicators!.section && $0.repeating != nil })
        var draft = ws.draft
        let address = CellAddress(form: form.id, formIndex: 0, row: row.id, rowIndex: 0, column: form.indicators!.target)
        try DraftEditor(template: ws.template).set(&draft, address, text: "≥12345", lenient: true)
        let ev = Evaluation(template: ws.template, draft: draft)
        let stillWarm = cache.warm(ev, limit: 0)
        #expect(!stillWarm, "the edited instance's card is no longer kept")
        let card = cache.scorecard(ev, problems: []).scorecard
        #expect(card.forms.first { $0.formID == form.id && $0.index == 0 }?.indicators.first?.target == "≥12345")
    }
}
