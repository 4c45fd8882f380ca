import JixiaoKit

extension DraftStore {
    public enum UpdateOutcome: Equatable, Sendable {
        case saved(FileStamp?)
        /// The edit changed nothing: nothing was written and `.bak` still holds the previous version.
        case unchanged
    }

    /// A read-modify-write for a one-shot writer (`jixiao set`). The draft's write lock is held from
    /// before it is read until the new version is in place, so of two such writers at once the second
    /// reads what the first wrote and both changes land. A draft open in the terminal UI (its lock names
    /// a live process, or another host) is refused at once rather than waited for: the session may last
    /// hours, and its next save would find the file changed anyway. An edit that leaves the draft as it
    /// was writes nothing. `edit` throws its own errors (`EditError`) through unchanged.
    public func update(_ path: String, _ edit: (inout Draft, Template) throws -> Void) throws -> UpdateOutcome {
        guard let lock = try DraftWriteLock.acquire(path) else { throw DraftError.notFound(path: path) }
        defer { lock.release() }
        if let holder = DraftLock.holder(for: path) { throw DraftError.inUse(path: path, holder: holder) }
        let loaded = try load(path, lock: lock)
        var draft = loaded.draft
        try edit(&draft, loaded.template)
        guard draft != loaded.draft else { return .unchanged }
        return .saved(try Self.save(draft, template: loaded.template, to: path, expected: loaded.stamp, lock: lock))
    }
}
