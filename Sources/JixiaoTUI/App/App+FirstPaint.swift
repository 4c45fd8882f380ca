import JixiaoKit
import JixiaoStore

/// Item 5 of issue 12: opening a draft paints the first screen after the load and the evaluation of the
/// form it shows; the rest of the draft is evaluated right after that frame, before any key is handled,
/// and its checks follow between keys (`.checkPending`).
extension App {
    /// The forms the first frame needs: the one the draft opens on and the one of the saved place. nil
    /// (all) for a place on the 自评报告, whose sentences read every form.
    static func formsForFirstFrame(_ template: Template, _ draft: Draft, place: CellAddress?) -> Set<String>? {
        if place?.isReport == true { return nil }
        return Set([AppState.firstForm(template, draft).id] + (place.map { [$0.form] } ?? []))
    }

    /// Evaluates what the first frame left out. The first form was checked against the partial
    /// evaluation (a check there may read another form's computed cells): checked again, as a state made
    /// with the whole evaluation would have it.
    static func completeEvaluation(_ s: inout AppState, whole: Draft? = nil) {
        if let whole {
            // The forms the first frame did not show, read now: the draft as on disk, nothing changed.
            s.workspace.draft = whole
            s.savedDraft = whole
            s.workspace.evaluation.complete(draft: whole)
            // Everything kept of the draft (texts, outline entries) is compared again.
            s.draftVersion += 1
        }
        guard !s.evaluation.isComplete else { return }
        s.workspace.evaluation.complete()
        let first = AppState.firstForm(s.template, s.draft)
        s.checks = LiveChecks(s.evaluation, first: .init(form: first.id, index: 0))
        s.refreshProgress(form: first.id, index: 0)
    }
}
