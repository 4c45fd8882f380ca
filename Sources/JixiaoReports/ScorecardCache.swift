import JixiaoKit

/// The scorecard's cards kept per form instance, so that the TUI's score preview is assembled from cards
/// already built rather than built from every instance when it opens (136 ms on a 200-project draft).
///
/// A card is read from its own instance only: its entered cells, the values and row reviews computed
/// from them, and labels that also read the draft's year and parameters. So a kept card stands while its
/// instance's entry is the same value (untouched instances share their storage with the draft, so the
/// comparison is a few identity checks) and the year and parameters are unchanged. A form that reads
/// other forms (the 评分表) is built afresh every time.
public struct ScorecardCache<Extra: Sendable>: Sendable {
    struct Kept: Sendable {
        let entry: FormEntry
        let card: FormCard
        /// What the caller makes of the card (the TUI: its lines of the preview), kept with it.
        let extra: Extra
    }

    /// By form id, then instance index.
    private var kept: [String: [Int: Kept]] = [:]
    private var year: Int?
    private var parameters: [String: String] = [:]
    /// What the caller makes of each card, kept with the card and made again with it.
    private let derive: @Sendable (FormCard) -> Extra

    public init(derive: @escaping @Sendable (FormCard) -> Extra) { self.derive = derive }

    /// The scorecard of `ev`, as `ScorecardBuilder.build(ev, problems:)` makes it, and what `derive`
    /// made of each of its cards, in order.
    public mutating func scorecard(_ ev: Evaluation, problems: [Problem]) -> (scorecard: Scorecard, extras: [Extra]) {
        let kept = ScorecardBuilder.instances(ev).map { card(ev, $0.form, $0.index) }
        return (ScorecardBuilder.assemble(ev, cards: kept.map(\.card), problems: problems), kept.map(\.extra))
    }

    /// Builds the cards of up to `limit` instances that have none kept; returns whether every instance of
    /// the scorecard now has one (the TUI does this between keys after opening a draft).
    public mutating func warm(_ ev: Evaluation, limit: Int) -> Bool {
        forget(ifNot: ev.draft)
        var built = 0
        for (form, k) in ScorecardBuilder.instances(ev) where !form.readsOtherForms && kept(ev, form, k) == nil {
            guard built < limit else { return false }
            _ = card(ev, form, k)
            built += 1
        }
        return true
    }

    mutating func card(_ ev: Evaluation, _ form: FormSpec, _ k: Int) -> Kept {
        forget(ifNot: ev.draft)
        if let old = kept(ev, form, k) { return old }
        let card = ScorecardBuilder.card(ev, form, k, Labels(template: ev.template, draft: ev.draft))
        let made = Kept(entry: ev.draft.instances(of: form.id)[k], card: card, extra: derive(card))
        if !form.readsOtherForms { kept[form.id, default: [:]][k] = made }
        return made
    }

    private func kept(_ ev: Evaluation, _ form: FormSpec, _ k: Int) -> Kept? {
        guard !form.readsOtherForms, let old = kept[form.id]?[k], old.entry == ev.draft.instances(of: form.id)[k] else { return nil }
        return old
    }

    /// Every card goes when what all labels read changes.
    private mutating func forget(ifNot draft: Draft) {
        guard draft.year != year || draft.parameters != parameters else { return }
        kept = [:]
        year = draft.year
        parameters = draft.parameters
    }
}

extension ScorecardCache where Extra == Void {
    public init() { self.init(derive: { _ in () }) }
}
