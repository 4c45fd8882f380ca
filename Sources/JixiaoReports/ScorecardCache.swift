import JixiaoKit

/// The scorecard's cards kept per form instance, so that the TUI's score preview is assembled from cards
/// already built rather than built from every instance when it opens (136 ms on a 200-project draft).
///
/// A card is read from its own instance only: its entered cells, the values and row reviews computed
/// from them, and labels that also read the draft's year and parameters. So a kept card stands while its
/// instance's entry is the same value (untouched instances share their storage with the draft, so the
/// comparison is a few identity checks) and the year and parameters are unchanged. The card of a form
/// that reads other forms (the 评分表) stands while its entry and what was computed for it from the other
/// forms are the same (building it on every F4 after a change was half of assembling).
public struct ScorecardCache<Extra: Sendable>: Sendable {
    /// A class: assembling reads every instance's, and copying the struct (a card of a dozen fields and
    /// an entry) through the generic value witnesses was most of the lookup.
    final class Kept: Sendable {
        let entry: FormEntry
        /// What was computed for the instance, for a form that reads other forms; nil for any other.
        let values: InstanceValues?
        let card: FormCard
        /// What the caller makes of the card (the TUI: its lines of the preview), kept with it.
        let extra: Extra

        init(entry: FormEntry, values: InstanceValues?, card: FormCard, extra: Extra) {
            self.entry = entry
            self.values = values
            self.card = card
            self.extra = extra
        }
    }

    /// By form id, then instance index. Arrays, not dictionaries: assembling looks up every instance's
    /// card (a dictionary lookup of a generic value each was a third of assembling 200 projects' cards).
    private var kept: [String: [Kept?]] = [:]
    /// The last assembly, in the scorecard's order. The next one starts from it and replaces only the
    /// cards of instances changed: copying 200 cards into a new list cost more than finding them.
    private var assembled = Assembled()
    private var year: Int?
    private var parameters: [String: String] = [:]
    /// What the caller makes of each card, kept with the card and made again with it.
    private let derive: @Sendable (FormCard) -> Extra

    public init(derive: @escaping @Sendable (FormCard) -> Extra) { self.derive = derive }

    /// The scorecard of `ev`, as `ScorecardBuilder.build(ev, problems:)` makes it, and what `derive`
    /// made of each of its cards, in order.
    public mutating func scorecard(_ ev: Evaluation, problems: [Problem]) -> (scorecard: Scorecard, extras: [Extra]) {
        forget(ifNot: ev.draft)
        // Taken out while it is changed, so that its lists are not copied when nothing else holds them
        // (the TUI lets the previous scorecard go when the draft changes).
        var out = assembled
        assembled = Assembled()
        var p = 0
        for form in ev.template.forms where ScorecardBuilder.hasCard(form) {
            let entries = ev.draft.instances(of: form.id)
            for k in 0..<ev.instanceCount(form.id) where ev.counts(form, index: k) {
                defer { p += 1 }
                // The card already there, built from this entry: nothing generic touched (fetching each
                // kept card through the generic witnesses was most of assembling 200 unchanged ones).
                let here = FormInstance(form: form.id, index: k)
                if !form.readsOtherForms, k < entries.count, out.holds(here, built: entries[k], at: p) { continue }
                let card = kept(ev, form, k, entries) ?? build(ev, form, k)
                out.put(card, for: here, at: p)
            }
        }
        out.keepFirst(p)
        assembled = out
        return (ScorecardBuilder.assemble(ev, cards: out.cards, problems: problems), out.extras)
    }

    /// Builds the cards of up to `limit` instances that have none kept; returns whether every instance of
    /// the scorecard now has one (the TUI does this between keys after opening a draft).
    public mutating func warm(_ ev: Evaluation, limit: Int) -> Bool {
        forget(ifNot: ev.draft)
        var built = 0
        for (form, k) in ScorecardBuilder.instances(ev) where !form.readsOtherForms && kept(ev, form, k, ev.draft.instances(of: form.id)) == nil {
            guard built < limit else { return false }
            _ = build(ev, form, k)
            built += 1
        }
        return true
    }

    /// Builds an instance's card and keeps it (`forget(ifNot:)` called before).
    private mutating func build(_ ev: Evaluation, _ form: FormSpec, _ k: Int) -> Kept {
        let card = ScorecardBuilder.card(ev, form, k, Labels(template: ev.template, draft: ev.draft))
        let made = Kept(entry: ev.draft.instances(of: form.id)[k], values: form.readsOtherForms ? ev.values(form, index: k) : nil,
                        card: card, extra: derive(card))
        let n = ev.instanceCount(form.id)
        if kept[form.id]?.count != n { kept[form.id] = Array(repeating: nil, count: max(n, k + 1)) }
        kept[form.id]![k] = made
        return made
    }

    /// The card kept for instance `k` if it was built from its entry as it is (`entries`: the form's).
    private func kept(_ ev: Evaluation, _ form: FormSpec, _ k: Int, _ entries: [FormEntry]) -> Kept? {
        guard let list = kept[form.id], k < list.count, k < entries.count, let old = list[k], old.entry == entries[k] else { return nil }
        if form.readsOtherForms {
            guard let values = old.values, values == ev.values(form, index: k) else { return nil }
        }
        return old
    }

    /// Cards in the scorecard's order, each with what it was made from.
    struct Assembled: Sendable {
        private var at: [FormInstance] = []
        private var entries: [FormEntry] = []
        private(set) var kept: [Kept] = []
        private(set) var cards: [FormCard] = []
        private(set) var extras: [Extra] = []

        /// Whether position `p` holds the card of `instance` built from `entry`.
        func holds(_ instance: FormInstance, built entry: FormEntry, at p: Int) -> Bool {
            p < at.count && at[p] == instance && entries[p] == entry
        }

        /// Puts `card` (of `instance`) at position `p` (at most one past the end), unless it is there already.
        mutating func put(_ card: Kept, for instance: FormInstance, at p: Int) {
            if p < kept.count {
                guard kept[p] !== card || at[p] != instance else { return }
                at[p] = instance
                entries[p] = card.entry
                kept[p] = card
                cards[p] = card.card
                extras[p] = card.extra
            } else {
                at.append(instance)
                entries.append(card.entry)
                kept.append(card)
                cards.append(card.card)
                extras.append(card.extra)
            }
        }

        mutating func keepFirst(_ n: Int) {
            guard n < kept.count else { return }
            at.removeSubrange(n...)
            entries.removeSubrange(n...)
            kept.removeSubrange(n...)
            cards.removeSubrange(n...)
            extras.removeSubrange(n...)
        }
    }

    /// Every card goes when what all labels read changes.
    private mutating func forget(ifNot draft: Draft) {
        guard draft.year != year || draft.parameters != parameters else { return }
        kept = [:]
        assembled = Assembled()
        year = draft.year
        parameters = draft.parameters
    }
}

extension ScorecardCache where Extra == Void {
    public init() { self.init(derive: { _ in () }) }
}
