import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// The draft in memory as the recovery keeper sees it: `version` changes whenever the draft value may
/// have changed (so an arrow key costs nothing), `unsaved` says whether it differs from the file.
struct DraftInMemory {
    var draft: Draft
    var version: Int
    var unsaved: Bool
}

/// `AppState.inMemory` as the run loop hands it to the keeper after every turn, with `unsaved` worked
/// out again only when the draft's stamp or the edit in progress moved: comparing the draft with the
/// saved one (and with the one before the edit) walks every form changed since, and the loop asked
/// three times a key.
struct InMemoryMemo {
    private var known: (stamp: DirtyStamp, editing: Bool, unsaved: Bool)?

    mutating func of(_ s: AppState) -> DraftInMemory {
        let stamp = s.dirtyStamp, editing = s.editing != nil
        let unsaved: Bool
        if let k = known, k.stamp == stamp, k.editing == editing {
            unsaved = k.unsaved
        } else {
            unsaved = s.hasUnsavedChanges
            known = (stamp, editing, unsaved)
        }
        return DraftInMemory(draft: s.draft, version: s.draftVersion, unsaved: unsaved)
    }
}

/// When the run loop gives the recovery keeper its turn after a key: once the key's frame has had
/// `settle` to reach the terminal, or, while keys keep coming, `longest` after the first key the keeper
/// has not heard of. The system carries a frame to the terminal on the CPU that wrote it, and the
/// keeper's work started at once (the recovery worker's encoding, a file write) held the frame's last
/// bytes back for as long as it ran (docs/performance.md, wave 13). Times are monotonic nanoseconds.
struct KeeperTurn {
    let settle: UInt64
    let longest: UInt64
    private var paintedAt: UInt64 = 0
    /// When the first key was handled that the keeper has not heard of.
    private(set) var owedSince: UInt64?
    /// A key was handled that the keeper has not heard of.
    var isOwed: Bool { owedSince != nil }

    init(settle: UInt64 = 2_000_000, longest: UInt64 = 100_000_000) {
        self.settle = settle
        self.longest = longest
    }

    mutating func painted(at now: UInt64) { paintedAt = now }

    mutating func keyHandled(at now: UInt64) {
        if owedSince == nil { owedSince = now }
    }

    /// The keeper has been told of every key handled so far.
    mutating func told() { owedSince = nil }

    func isDue(at now: UInt64) -> Bool {
        now &- paintedAt >= settle || owedSince.map { now &- $0 >= longest } ?? false
    }

    /// How long to wait for a key before the keeper's turn comes, in whole milliseconds.
    var settleMs: Int { Int((settle + 999_999) / 1_000_000) }
}

/// Keeps the recovery file (docs/recovery.md) in step with the draft in memory: written a moment after
/// the accountant pauses (and at least every few seconds while they keep typing), at once when asked
/// (a signal, Ctrl-C, a failed save, before $EDITOR), and removed when nothing unsaved is left.
///
/// Nothing here looks at the whole draft: the run loop says which version of the draft it holds, and the
/// encoding and writing happen on the `RecoveryWorker`'s thread. Time is passed in, so the policy can be
/// tested without waiting.
final class RecoveryKeeper {
    struct Policy: Sendable {
        /// Write after this long without a change…
        var idle: TimeInterval = 1
        /// …or once a change has waited this long, however fast the typing…
        var maxDelay: TimeInterval = 5
        /// …but not more often than this.
        var minInterval: TimeInterval = 2
        /// After a failed write, wait this long before trying again.
        var retry: TimeInterval = 10
    }

    let draftPath: String
    let policy: Policy
    let worker: RecoveryWorker
    private(set) var base: FileStamp?
    /// The draft version our recovery file holds; nil when there is none (or it describes an older base).
    private(set) var writtenVersion: Int?
    /// Whether a recovery file of ours may be on disk.
    private(set) var fileWritten = false
    /// The last version handed to the worker for the crash handler, and whether it holds any bytes.
    private var seenVersion: Int?
    private var crashArmed = false
    private(set) var pendingSince: Date?
    private(set) var lastChange: Date?
    private(set) var lastWrite: Date?
    private(set) var lastFailure: Date?
    private(set) var lastError: DraftError?
    /// A timed write handed to the worker whose outcome has not come back.
    private var inFlight: Int?
    private var seq = 0

    init(draftPath: String, template: Template, base: FileStamp?, policy: Policy = Policy(),
         environment: [String: String] = ProcessInfo.processInfo.environment, pid: Int32 = getpid(),
         publish: @escaping @Sendable (PinnedText?) -> Void = { CrashGuard.update($0) }) {
        self.draftPath = draftPath
        self.base = base
        self.policy = policy
        self.worker = RecoveryWorker(identity: .init(draftPath: draftPath, template: template, pid: pid,
                                                     host: RecoveryStore.hostName(), environment: environment),
                                     publish: publish)
    }

    var recoveryPath: String { RecoveryStore.path(for: draftPath) }
    var hasPending: Bool { pendingSince != nil }

    private func nextSeq() -> Int {
        seq += 1
        return seq
    }

    /// After every action. Costs nothing unless the draft's version moved.
    func noteChange(_ m: DraftInMemory, now: Date) {
        guard m.unsaved else {
            // Undone back to the saved version (or just saved): nothing left to recover.
            pendingSince = nil
            seenVersion = nil
            if crashArmed || fileWritten {
                worker.submit(.init(seq: nextSeq(), kind: .clear(removeFile: fileWritten)))
                crashArmed = false
                fileWritten = false
                writtenVersion = nil
            }
            return
        }
        guard m.version != seenVersion else { return }
        seenVersion = m.version
        crashArmed = true
        if m.version == writtenVersion {
            pendingSince = nil
        } else {
            if pendingSince == nil { pendingSince = now }
            lastChange = now
        }
        worker.submit(.init(seq: nextSeq(), kind: .snapshot(draft: m.draft, version: m.version, base: base, at: now, writeFile: false)))
    }

    func isDue(now: Date) -> Bool {
        guard inFlight == nil, let since = pendingSince, let last = lastChange else { return false }
        if let f = lastFailure, now.timeIntervalSince(f) < policy.retry { return false }
        if let w = lastWrite, now.timeIntervalSince(w) < policy.minInterval { return false }
        return now.timeIntervalSince(last) >= policy.idle || now.timeIntervalSince(since) >= policy.maxDelay
    }

    /// Called each turn of the run loop: takes in what the worker finished and starts a write when one is
    /// due. Returns an error the first time writing fails (to show once).
    func tick(_ m: DraftInMemory, now: Date) -> DraftError? {
        let error = collect()
        if isDue(now: now) {
            let s = nextSeq()
            inFlight = s
            worker.submit(.init(seq: s, kind: .snapshot(draft: m.draft, version: m.version, base: base, at: now, writeFile: true)))
        }
        return error
    }

    /// Takes in the worker's finished writes. Returns an error only when it differs from the last one reported.
    @discardableResult
    func collect() -> DraftError? {
        var report: DraftError?
        for o in worker.takeOutcomes() {
            if let r = apply(o) { report = r }
        }
        return report
    }

    /// Waits for the worker, then takes in what it did (tests; before the program ends).
    @discardableResult
    func settle() -> DraftError? {
        worker.flush()
        return collect()
    }

    private func apply(_ o: RecoveryWorker.Outcome) -> DraftError? {
        if inFlight.map({ o.seq >= $0 }) ?? false { inFlight = nil }
        if let error = o.error {
            lastFailure = o.at
            let isNew = lastError != error
            lastError = error
            return isNew ? error : nil
        }
        writtenVersion = o.version
        fileWritten = true
        lastWrite = o.at
        lastFailure = nil
        lastError = nil
        if o.version == seenVersion { pendingSince = nil }
        return nil
    }

    /// Writes now, whatever the timing, and waits for it. Returns an error only when it differs from the
    /// last one reported.
    @discardableResult
    func write(_ m: DraftInMemory, now: Date) -> DraftError? {
        let earlier = collect()
        guard m.unsaved else {
            noteChange(m, now: now)
            worker.flush()
            return earlier
        }
        if m.version == writtenVersion && pendingSince == nil && m.version == seenVersion { return earlier }
        seenVersion = m.version
        crashArmed = true
        let s = nextSeq()
        guard let o = worker.runNow(.init(seq: s, kind: .snapshot(draft: m.draft, version: m.version, base: base, at: now, writeFile: true))) else {
            return earlier
        }
        return apply(o) ?? earlier
    }

    /// The draft was saved (the file now has `stamp`); `m` is what is in memory now.
    func didSave(stamp: FileStamp?, current m: DraftInMemory, now: Date) {
        collect()
        base = stamp
        // The old recovery file was measured against the previous version: it is rewritten or removed.
        writtenVersion = nil
        seenVersion = nil
        pendingSince = nil
        if m.unsaved {
            noteChange(m, now: now)
            write(m, now: now)
        } else {
            crashArmed = true
            fileWritten = true
            noteChange(m, now: now)
        }
    }

    /// Removes the recovery file and waits until it is gone (quitting, switching files).
    func remove() {
        worker.runNow(.init(seq: nextSeq(), kind: .clear(removeFile: true)))
        collect()
        fileWritten = false
        crashArmed = false
        writtenVersion = nil
        seenVersion = nil
        pendingSince = nil
        inFlight = nil
    }
}
