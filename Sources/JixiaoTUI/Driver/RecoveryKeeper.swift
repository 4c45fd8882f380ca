import Foundation
import JixiaoKit

/// Keeps the recovery file (docs/recovery.md) in step with the draft in memory: written a moment after
/// the accountant pauses (and at least every few seconds while they keep typing), at once when asked
/// (a signal, Ctrl-C, a failed save, before $EDITOR), and removed when nothing unsaved is left.
/// Time is passed in, so the policy can be tested without waiting.
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
    let template: Template
    let policy: Policy
    let environment: [String: String]
    let pid: Int32
    let host: String
    /// The draft as the file on disk holds it (last load or save).
    private(set) var saved: Draft
    private(set) var base: FileStamp?
    /// What our recovery file holds; nil when there is none.
    private(set) var written: Draft?
    private(set) var pendingSince: Date?
    private(set) var lastChange: Date?
    private(set) var lastWrite: Date?
    private(set) var lastFailure: Date?
    private(set) var lastError: DraftError?
    private var snapshotOf: Draft?

    init(draftPath: String, template: Template, saved: Draft, base: FileStamp?, policy: Policy = Policy(),
         environment: [String: String] = ProcessInfo.processInfo.environment, pid: Int32 = getpid()) {
        self.draftPath = draftPath
        self.template = template
        self.saved = saved
        self.base = base
        self.policy = policy
        self.environment = environment
        self.pid = pid
        self.host = RecoveryStore.hostName()
    }

    var recoveryPath: String { RecoveryStore.path(for: draftPath) }
    var hasPending: Bool { pendingSince != nil }

    /// After every action: is the draft now different from what is already safe on disk?
    func noteChange(_ draft: Draft, now: Date) {
        if draft == saved {
            // Undone back to the saved version: nothing left to recover.
            if written != nil { remove() }
            pendingSince = nil
            return
        }
        if let written, draft == written { pendingSince = nil; return }
        if pendingSince == nil { pendingSince = now }
        lastChange = now
    }

    func isDue(now: Date) -> Bool {
        guard let since = pendingSince, let last = lastChange else { return false }
        if let f = lastFailure, now.timeIntervalSince(f) < policy.retry { return false }
        if let w = lastWrite, now.timeIntervalSince(w) < policy.minInterval { return false }
        return now.timeIntervalSince(last) >= policy.idle || now.timeIntervalSince(since) >= policy.maxDelay
    }

    /// Called each turn of the run loop. Returns an error the first time writing fails (to show once).
    func tick(_ draft: Draft, now: Date) -> DraftError? {
        isDue(now: now) ? write(draft, now: now) : nil
    }

    /// Writes now, whatever the timing. Returns an error only when it differs from the last one reported.
    @discardableResult
    func write(_ draft: Draft, now: Date) -> DraftError? {
        guard draft != saved else {
            if written != nil { remove() }
            pendingSince = nil
            return nil
        }
        if let written, draft == written, pendingSince == nil { return nil }
        do {
            try RecoveryStore.write(file(draft, now: now), template: template, environment: environment)
        } catch {
            lastFailure = now
            let isNew = lastError != error
            lastError = error
            return isNew ? error : nil
        }
        written = draft
        lastWrite = now
        pendingSince = nil
        lastFailure = nil
        lastError = nil
        return nil
    }

    /// The draft was saved as `draft` (the file now has `stamp`); `current` is what is in memory now.
    func didSave(_ draft: Draft, stamp: FileStamp?, current: Draft, now: Date) {
        saved = draft
        base = stamp
        if current == draft {
            remove()
        } else {
            // The old recovery file was measured against the previous version: rewrite it.
            written = nil
            noteChange(current, now: now)
            write(current, now: now)
        }
    }

    func remove() {
        RecoveryStore.remove(for: draftPath, environment: environment)
        written = nil
        pendingSince = nil
    }

    enum Snapshot {
        case unchanged
        case nothingUnsaved
        case bytes([UInt8])
    }

    /// What the crash handler should write if the program dies now. Re-encoded only when the draft
    /// changed since the last call.
    func crashSnapshot(_ draft: Draft, now: Date) -> Snapshot {
        if let snapshotOf, snapshotOf == draft { return .unchanged }
        snapshotOf = draft
        if draft == saved { return .nothingUnsaved }
        return .bytes(Array(RecoveryCodec.encode(file(draft, now: now), template: template).utf8))
    }

    func file(_ draft: Draft, now: Date) -> RecoveryFile {
        let diff = RecoveryDiff.compare(saved, draft, template: template)
        return RecoveryFile(draft: draft, savedAt: now, pid: pid, host: host, draftPath: RecoveryStore.absolute(draftPath),
                            base: base, changedCells: diff.count, changes: diff.sample)
    }
}
