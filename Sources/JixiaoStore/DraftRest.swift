import JixiaoKit

/// The forms `DraftStore.loadFirst` left for after the first frame: their instances are read whole
/// by `finish`, on every core, before the program reads a key. Until then the draft must not be saved,
/// compared or written for recovery: its instances of these forms hold only their names.
public struct DraftRest: Sendable {
    public let forms: Set<String>
    let scan: DirectScan
    let store: DraftStore
    let path: String

    /// `draft` (as `loadFirst` gave it) with the instances of `forms` read whole. A draft the direct
    /// reader refuses there is read the long way, which either takes it (the draft it gives is the
    /// whole one) or says what is wrong, exactly as `load` would have.
    public func finish(_ draft: Draft) throws(DraftError) -> Draft {
        if let whole = scan.fill(draft, forms: forms) { return whole }
        return try store.readLongWay(scan.bytes, path: path, stamp: nil).draft
    }

    /// `loaded` with its draft finished.
    public func finish(_ loaded: DraftStore.Loaded) throws(DraftError) -> DraftStore.Loaded {
        DraftStore.Loaded(draft: try finish(loaded.draft), template: loaded.template, stamp: loaded.stamp)
    }
}
