/// Instances of one repeated row added or removed at one place, the rest unchanged (F5, F6 and their
/// undo and redo): the instances after that place moved by `delta`. What was found for them (values,
/// problems, progress, texts on screen) can move with them instead of being found again.
public struct InstanceShift: Equatable, Sendable {
    /// The first instance that is not where it was.
    public let at: Int
    /// Instances added (> 0) or removed (< 0) at `at`.
    public let delta: Int

    /// From the row's instances before and after: the place is the first instance that differs (when
    /// equal instances sit there, two empty rows, any of their places is the same change). Nil unless
    /// the instances after it are those after it before, moved.
    public init?(old: [RowEntry], new: [RowEntry]) {
        guard new.count != old.count else { return nil }
        var at = 0
        let common = min(old.count, new.count)
        while at < common && old[at] == new[at] { at += 1 }
        let delta = new.count - old.count
        guard old[(at + max(0, -delta))...].elementsEqual(new[(at + max(0, delta))...]) else { return nil }
        self.at = at
        self.delta = delta
    }

    /// Where the instance now at `index` was before; nil for one added.
    public func origin(of index: Int) -> Int? {
        if index < at { return index }
        if delta > 0 { return index < at + delta ? nil : index - delta }
        return index - delta
    }

    /// Where the instance that was at `index` is now; nil for one removed.
    public func destination(of index: Int) -> Int? {
        if index < at { return index }
        if delta < 0 { return index < at - delta ? nil : index + delta }
        return index + delta
    }

    /// The instances added (now) or removed (before).
    public var changed: Range<Int> { at..<(at + abs(delta)) }
}
