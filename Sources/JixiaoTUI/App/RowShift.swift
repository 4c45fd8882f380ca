import JixiaoKit

/// Instances of one repeated row added or removed at one place (F5, F6, and their undo and redo):
/// the instances after that place moved by `delta`, so what the table kept for them (their texts
/// and widths, `ColumnContent`) moves with them instead of being made again for every row.
struct RowShift: Equatable, Sendable {
    let form: String
    let formIndex: Int
    let row: String
    /// The first instance that is not where it was.
    let at: Int
    /// Instances added (> 0) or removed (< 0) at `at`.
    let delta: Int
    /// The draft versions (`AppState.draftVersion`) before and after.
    let from: Int
    let to: Int

    /// From the row's instances before and after: the place is the first instance that differs (when
    /// equal instances sit there, two empty rows, any of their places is the same change). Nil unless
    /// the instances after it are those after it before, moved: then only computed cells can show
    /// another value than before.
    init?(form: String, formIndex: Int, row: String, old: [RowEntry], new: [RowEntry], from: Int, to: Int) {
        guard new.count != old.count else { return nil }
        var at = 0
        let common = min(old.count, new.count)
        while at < common && old[at] == new[at] { at += 1 }
        let delta = new.count - old.count
        guard old[(at + max(0, -delta))...].elementsEqual(new[(at + max(0, delta))...]) else { return nil }
        self.form = form
        self.formIndex = formIndex
        self.row = row
        self.at = at
        self.delta = delta
        self.from = from
        self.to = to
    }

    /// Where the instance now at `index` was before; nil for one added.
    func origin(of index: Int) -> Int? {
        if index < at { return index }
        if delta > 0 { return index < at + delta ? nil : index - delta }
        return index - delta
    }

    /// Where the instance that was at `index` is now; nil for one removed.
    func destination(of index: Int) -> Int? {
        if index < at { return index }
        if delta < 0 { return index < at - delta ? nil : index + delta }
        return index + delta
    }

    /// Whether instance `index` (before) was removed.
    func removes(_ index: Int) -> Bool { destination(of: index) == nil }
}
