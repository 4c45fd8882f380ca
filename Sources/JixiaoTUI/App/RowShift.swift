import JixiaoKit

/// Instances of one repeated row added or removed at one place (F5, F6, and their undo and redo):
/// the instances after that place moved by `delta`, so what the table kept for them (their texts
/// and widths, `ColumnContent`) moves with them instead of being made again for every row.
struct RowShift: Equatable, Sendable {
    let form: String
    let formIndex: Int
    let row: String
    let shift: InstanceShift
    /// The draft versions (`AppState.draftVersion`) before and after.
    let from: Int
    let to: Int

    /// The first instance that is not where it was.
    var at: Int { shift.at }
    /// Instances added (> 0) or removed (< 0) at `at`.
    var delta: Int { shift.delta }

    /// The row's instances after the place that changed are those after it before, moved (`shift`):
    /// then only computed cells can show another value than before.
    init(form: String, formIndex: Int, row: String, shift: InstanceShift, from: Int, to: Int) {
        self.form = form
        self.formIndex = formIndex
        self.row = row
        self.shift = shift
        self.from = from
        self.to = to
    }

    /// Where the instance now at `index` was before; nil for one added.
    func origin(of index: Int) -> Int? { shift.origin(of: index) }

    /// Where the instance that was at `index` is now; nil for one removed.
    func destination(of index: Int) -> Int? { shift.destination(of: index) }

    /// Whether instance `index` (before) was removed.
    func removes(_ index: Int) -> Bool { destination(of: index) == nil }
}
