import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// Encodes the draft for the crash handler and writes recovery files on a thread of its own, so that no
/// key waits for the whole draft to be encoded (docs/performance.md measured that as 90% of a keystroke).
///
/// Jobs are coalesced: a `Draft` is a copy-on-write value, so handing one over costs nothing, and only the
/// newest one matters. Every job carries a sequence number in the order the run loop made it; a job older
/// than one already carried out is dropped, so the crash handler never goes back to older bytes.
final class RecoveryWorker: @unchecked Sendable {
    /// What the recovery file says besides the draft: fixed for the life of a keeper.
    struct Identity: Sendable {
        let draftPath: String
        let template: Template
        let pid: Int32
        let host: String
        let environment: [String: String]
        /// `draftPath` made absolute once (the file records it; working it out took a tenth of a job).
        let absolutePath: String

        init(draftPath: String, template: Template, pid: Int32, host: String, environment: [String: String]) {
            self.draftPath = draftPath
            self.template = template
            self.pid = pid
            self.host = host
            self.environment = environment
            absolutePath = RecoveryStore.absolute(draftPath)
        }
    }

    struct Job: Sendable {
        enum Kind: Sendable {
            /// Nothing unsaved: the crash handler has nothing to write (and the recovery file goes, if asked).
            case clear(removeFile: Bool)
            /// Encode for the crash handler; `writeFile` also writes the recovery file.
            case snapshot(draft: Draft, version: Int, base: FileStamp?, at: Date, writeFile: Bool)
        }
        var seq: Int
        var kind: Kind
    }

    /// The result of a file write, picked up by the run loop.
    struct Outcome: Sendable {
        let seq: Int
        let version: Int
        let at: Date
        let error: DraftError?
    }

    let identity: Identity
    /// Where the encoded text goes: the crash handler (a seam for tests).
    let publish: @Sendable (PinnedText?) -> Void

    private let queue = DispatchQueue(label: "jixiao.recovery")
    private let lock = NSLock()
    // Guarded by `lock`.
    private var pending: Job?
    private var scheduled = false
    private var outcomes: [Outcome] = []
    // Touched only on `queue`.
    private var lastRun = 0
    private var encoded: (version: Int, base: FileStamp?, at: Date, text: PinnedText)?
    /// The draft's text by form instance: a change re-encodes only the instances it touched.
    private var draftText = DraftTextCache()

    init(identity: Identity, publish: @escaping @Sendable (PinnedText?) -> Void = { CrashGuard.update($0) }) {
        self.identity = identity
        self.publish = publish
    }

    /// Hands over a job to run soon; replaces one still waiting (keeping its file write, if it had one,
    /// since the newer draft serves for it too).
    func submit(_ job: Job) {
        lock.lock()
        var job = job
        if case .snapshot(_, _, _, _, true)? = pending?.kind, case let .snapshot(d, v, b, at, false) = job.kind {
            job.kind = .snapshot(draft: d, version: v, base: b, at: at, writeFile: true)
        }
        pending = job
        let start = !scheduled
        scheduled = true
        lock.unlock()
        if start { queue.async { self.drain() } }
    }

    /// Runs a job now, after whatever the worker is doing, and returns its outcome (signals, Ctrl-C, a
    /// failed save, before $EDITOR: the moments the file must be on disk before the program goes on).
    func runNow(_ job: Job) -> Outcome? {
        queue.sync { run(job) }
    }

    /// Outcomes of file writes since the last call, oldest first.
    func takeOutcomes() -> [Outcome] {
        lock.lock()
        defer { lock.unlock() }
        let out = outcomes
        outcomes = []
        return out
    }

    /// Waits until every job handed over so far has run (tests, and before the program ends).
    func flush() { queue.sync {} }

    private func drain() {
        while true {
            lock.lock()
            guard let job = pending else {
                scheduled = false
                lock.unlock()
                return
            }
            pending = nil
            lock.unlock()
            if let o = run(job) {
                lock.lock()
                outcomes.append(o)
                lock.unlock()
            }
        }
    }

    /// On `queue` only.
    @discardableResult
    private func run(_ job: Job) -> Outcome? {
        guard job.seq > lastRun else { return nil }
        lastRun = job.seq
        switch job.kind {
        case let .clear(removeFile):
            encoded = nil
            publish(nil)
            if removeFile { RecoveryStore.remove(for: identity.draftPath, environment: identity.environment) }
            return nil
        case let .snapshot(draft, version, base, at, writeFile):
            let text: PinnedText
            if let e = encoded, e.version == version, e.base == base, !writeFile || e.at == at {
                text = e.text
            } else {
                let file = RecoveryFile(draft: draft, savedAt: at, pid: identity.pid, host: identity.host,
                                        draftPath: identity.absolutePath, base: base)
                text = RecoveryCodec.encode(file, template: identity.template, cache: &draftText)
                encoded = (version, base, at, text)
                publish(text)
            }
            guard writeFile else { return nil }
            do {
                try RecoveryStore.write(bytes: text.bytes, draftPath: identity.draftPath, environment: identity.environment)
                return Outcome(seq: job.seq, version: version, at: at, error: nil)
            } catch {
                return Outcome(seq: job.seq, version: version, at: at, error: error)
            }
        }
    }
}
