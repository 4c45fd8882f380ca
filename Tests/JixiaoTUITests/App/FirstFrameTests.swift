import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// Opening a draft evaluates only the forms the first frame shows (`App.formsForFirstFrame`) and the rest
/// after painting it (`App.completeEvaluation`): the first frame must be the one a state with the whole
/// evaluation draws, and the state after completing (and after the pending checks) the same as that one.
struct FirstFrameTests {
    static func drafts() -> [(name: String, draft: Draft, template: Template)] {
        let loaded = try! DraftStore(catalog: AppFixture.catalog).load(AppFixture.root.appendingPathComponent("examples/hunan-unit-2023.json").path)
        var out = [("example", loaded.draft, loaded.template)]
        for id in ["hunan-unit", "henan-dept", "hunan-dept-report"] {
            let t = try! AppFixture.catalog.load(id)
            out.append(("generated \(id)", DraftGenerator(template: t, seed: 8, sizes: .small).draft(), t))
        }
        return out
    }

    static func settle(_ s: inout AppState) {
        var turns = 0
        while !s.checks.isComplete && turns < 10_000 {
            App.update(&s, .checkPending)
            turns += 1
        }
    }

    @Test func partialThenCompleteIsTheWholeEvaluation() {
        for (name, draft, t) in Self.drafts() {
            let full = Evaluation(template: t, draft: draft)
            for form in t.forms {
                var ev = Evaluation(template: t, draft: draft, only: [form.id])
                #expect(ev.isComplete == form.readsOtherForms, "\(name) \(form.id)")
                // The forms asked for are computed as a whole evaluation computes them.
                if !form.readsOtherForms {
                    #expect(ev.forms[form.compiled.slot].map(\.computed) == full.forms[form.compiled.slot].map(\.computed), "\(name) \(form.id)")
                }
                ev.complete()
                #expect(ev.isComplete)
                for other in t.forms {
                    #expect(ev.forms[other.compiled.slot].map(\.computed) == full.forms[other.compiled.slot].map(\.computed), "\(name) \(form.id) → \(other.id)")
                    #expect(ev.forms[other.compiled.slot].map(\.reviews) == full.forms[other.compiled.slot].map(\.reviews), "\(name) \(form.id) → \(other.id)")
                }
            }
        }
    }

    @Test(arguments: [nil, "C[2].quantity[1].target", "S.card.rate"])
    func theFirstFrameAndWhatFollowsAreThoseOfTheWholeEvaluation(_ placePath: String?) {
        for (name, draft, t) in Self.drafts() where t.id == "hunan-unit" {
            var d = draft
            let place = placePath.flatMap { try? TypedPath.parse($0).resolve(in: &d, editor: DraftEditor(template: t)) }
            var whole = AppState(workspace: Workspace(draft: draft, template: t), path: "d.json", checkLater: true)
            App.resume(&whole, at: place)
            App.update(&whole, .resize(rows: 30, cols: 120))
            let first = App.formsForFirstFrame(t, draft, place: place)
            var s = AppState(workspace: Workspace(draft: draft, template: t, only: first), path: "d.json", checkLater: true)
            App.resume(&s, at: place)
            App.update(&s, .resize(rows: 30, cols: 120))
            // Partial unless the place is on a form that reads others (the 评分表 S).
            #expect(s.evaluation.isComplete == (first?.contains { t.form($0)?.readsOtherForms == true } ?? true), "\(name)")
            #expect(s.focus == whole.focus, "\(name)")
            #expect(View.render(s, rows: 30, cols: 120).lines() == View.render(whole, rows: 30, cols: 120).lines(), "\(name): the first frame")
            App.completeEvaluation(&s)
            #expect(s.evaluation.isComplete)
            #expect(View.render(s, rows: 30, cols: 120).lines() == View.render(whole, rows: 30, cols: 120).lines(), "\(name): after completing")
            Self.settle(&s)
            Self.settle(&whole)
            #expect(s.checks.all(t) == whole.checks.all(t), "\(name)")
            for form in t.forms {
                for k in 0..<s.evaluation.instanceCount(form.id) {
                    #expect(s.progressOf(form: form.id, index: k) == whole.progressOf(form: form.id, index: k), "\(name) \(form.id)[\(k)]")
                }
            }
            #expect(View.render(s, rows: 30, cols: 120).lines() == View.render(whole, rows: 30, cols: 120).lines(), "\(name): settled")
            // Keys after the first frame work on the whole evaluation.
            s.press(.down, .down, .f(4))
            whole.press(.down, .down, .f(4))
            #expect(View.render(s, rows: 30, cols: 120).lines() == View.render(whole, rows: 30, cols: 120).lines(), "\(name): F4")
        }
    }

    /// `DraftStore.loadFirst` leaves the forms the first frame does not show for after it: the first
    /// frame is the one a state made from the whole draft draws, and once `completeEvaluation` has the
    /// whole draft the state is that one's (draft, nothing unsaved, frames, checks, keys).
    @Test(arguments: [nil, "C[2].quantity[1].target", "B.budget.total"])
    func aDraftReadAfterItsFirstFrameOpensAsTheWholeDraft(_ placePath: String?) throws {
        let dir = NSTemporaryDirectory() + "jixiao-first-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = DraftStore(catalog: AppFixture.catalog)
        var left = 0
        for (name, draft, t) in Self.drafts() {
            let path = dir + "/\(name.replacingOccurrences(of: " ", with: "-")).json"
            try DraftStore.save(draft, template: t, to: path, createNew: true)
            var d = draft
            let place = placePath.flatMap { try? TypedPath.parse($0).resolve(in: &d, editor: DraftEditor(template: t)) }
            guard place == nil || t.id == "hunan-unit" else { continue }
            let loaded = try store.load(path)
            var whole = AppState(workspace: Workspace(draft: loaded.draft, template: t), path: path, checkLater: true)
            App.resume(&whole, at: place)
            App.update(&whole, .resize(rows: 30, cols: 120))
            let (first, rest) = try store.loadFirst(path) { App.formsForFirstFrame($0, $1, place: place) }
            let only = App.formsForFirstFrame(t, first.draft, place: place)
            var s = AppState(workspace: Workspace(draft: first.draft, template: t, only: only), path: path, checkLater: true)
            App.resume(&s, at: place)
            App.update(&s, .resize(rows: 30, cols: 120))
            #expect(s.focus == whole.focus, "\(name)")
            #expect(View.render(s, rows: 30, cols: 120).lines() == View.render(whole, rows: 30, cols: 120).lines(), "\(name): the first frame")
            if let rest {
                left += 1
                App.completeEvaluation(&s, whole: try rest.finish(s.draft))
            } else {
                App.completeEvaluation(&s)
            }
            #expect(s.draft == loaded.draft, "\(name)")
            #expect(!s.hasUnsavedChanges && s.evaluation.isComplete, "\(name)")
            #expect(View.render(s, rows: 30, cols: 120).lines() == View.render(whole, rows: 30, cols: 120).lines(), "\(name): after completing")
            Self.settle(&s)
            Self.settle(&whole)
            #expect(s.checks.all(t) == whole.checks.all(t), "\(name)")
            #expect(View.render(s, rows: 30, cols: 120).lines() == View.render(whole, rows: 30, cols: 120).lines(), "\(name): settled")
            s.press(.down, .down, .f(4))
            whole.press(.down, .down, .f(4))
            #expect(View.render(s, rows: 30, cols: 120).lines() == View.render(whole, rows: 30, cols: 120).lines(), "\(name): F4")
            s.press(.escape, .f(3))
            whole.press(.escape, .f(3))
            #expect(View.render(s, rows: 30, cols: 120).lines() == View.render(whole, rows: 30, cols: 120).lines(), "\(name): F3")
        }
        #expect(left >= 1)
    }
}
