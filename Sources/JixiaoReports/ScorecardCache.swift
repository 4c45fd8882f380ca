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
    /// A class: assembling reads every instance's, and copying the struct (a card of a dozen fields and
    /// an entry) through the generic value witnesses was most of the lookup.
    final class Kept: Sendable {
        let entry: FormEntry
        let card: FormCard
        /// What the caller makes of the card (the TUI: its lines of the preview), kept with it.
        let extra: Extra

        init(entry: FormEntry, card: FormCard, extra: Extra) {
            self.entry = entry
            self.card = card
            self.extra = extra
        }
    }

    /// By form id, then instance index. Arrays, not dictionaries: assembling looks up every instance's
    /// card (a dictionary lookup of a generic value each was a third of assembling 200 projects' cards).
    private var kept: [String: [Kept?]] = [:]
    private var year: Int?
    private var parameters: [String: String] = [:]
    /// What the caller makes of each card, kept with the card and made again with it.
    private let derive: @Sendable (FormCard) -> Extra

    public init(derive: @escaping @Sendable (FormCard) -> Extra) { self.derive = derive }

    /// The scorecard of `ev`, as `ScorecardBuilder.build(ev, problems:)` makes it, and what `derive`
    /// made of each of its cards, in order.
    public mutating func scorecard(_ ev: Evaluation, problems: [Problem]) -> (scorecard: Scorecard, extras: [Extra]) {
        forget(ifNot: ev.draft)
        var cards: [FormCard] = [], extras: [Extra] = []
        for (form, k) in ScorecardBuilder.instances(ev) {
            if let old = kept(ev, form, k) {
                cards.append(old.card)
                extras.append(old.extra)
            } else {
                let made = build(ev, form, k)
                cards.append(made.card)
                extras.append(made.extra)
            }
        }
        return (ScorecardBuilder.assemble(ev, cards: cards, problems: problems), extras)
    }

    /// Builds the cards of up to `limit` instances that have none kept; returns whether every instance of
    /// the scorecard now has one (the TUI does this between keys after opening a draft).
    public mutating func warm(_ ev: Evaluation, limit: Int) -> Bool {
        forget(ifNot: ev.draft)
        var built = 0
        for (form, k) in ScorecardBuilder.instances(ev) where !form.readsOtherForms && kept(ev, form, k) == nil {
            guard built < limit else { return false }
            _ = build(ev, form, k)
            built += 1
        }
        return true
    }

    /// Builds an instance's card and keeps it (`forget(ifNot:)` called before).
    private mutating func build(_ ev: Evaluation, _ form: FormSpec, _ k: Int) -> Kept {
        let card = ScorecardBuilder.card(ev, form, k, Labels(template: ev.template, draft: ev.draft))
        let made = Kept(entry: ev.draft.instances(of: form.id)[k], card: card, extra: derive(card))
        if !form.readsOtherForms {
            let n = ev.instanceCount(form.id)
            if kept[form.id]?.count != n { kept[form.id] = Array(repeating: nil, count: max(n, k + 1)) }
            kept[form.id]![k] = made
        }
        return made
    }

    private func kept(_ ev: Evaluation, _ form: FormSpec, _ k: Int) -> Kept? {
        guard !form.readsOtherForms, let list = kept[form.id], k < list.count, let old = list[k],
              old.entry == ev.draft.instances(of: form.id)[k] else { return nil }
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
