import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

extension AppDriver {
    /// Opens a draft for editing: takes its lock (or asks what to do when another program holds it),
    /// loads it, and deals with a recovery file left by a session that did not end normally.
    func open(_ path: String, note: String? = nil) -> Opened {
        // The draft's template is loaded on another core while the lock is taken and the draft read.
        let catalog = self.catalog
        let early = DraftStore.templateID(peeking: path).map { id in (id, Later { try? catalog.load(id) }) }
        var notes: [String] = note.map { [$0] } ?? []
        var readOnly = false
        switch DraftLock.acquire(for: path) {
        case let .acquired(l, tookOver):
            lock = l
            CrashGuard.setLock(l.path)
            if let t = tookOver, t.pid > 0 { notes.append(UIText.Recovery.tookOverLock(pid: t.pid)) }
        case let .heldBy(info):
            var c = RecoveryPrompts.lockHeld(info, draftPath: path, lockPath: DraftLock.path(for: path))
            switch ask(&c) {
            case .answer(.readOnly): readOnly = true
            case let .signal(sig): return .exit(128 + sig)
            default: return .exit(0)
            }
        case let .unavailable(error):
            // No lock can be made here; editing still works, and saving will say why it cannot.
            notes.append(Self.withoutLock(error))
        }

        // Only what the first frame shows is read and evaluated now; `runApp` reads and evaluates the
        // rest after painting it (`rest`).
        let place = DraftPlace.read(for: path)
        var loaded: DraftStore.Loaded
        do {
            (loaded, rest) = try DraftStore(catalog: catalog).loadFirst(path, early: early) { App.formsForFirstFrame($0, $1, place: place) }
            // A recovery file is compared with the whole draft.
            if let r = rest, !readOnly, RecoveryStore.hasFile(for: path) {
                loaded = try r.finish(loaded)
                rest = nil
            }
        } catch {
            return .exit(fail(DraftText.message(error)))
        }
        let first = App.formsForFirstFrame(loaded.template, loaded.draft, place: place)
        var state = AppState(workspace: Workspace(draft: loaded.draft, template: loaded.template, only: first), path: path, checkLater: true)
        state.stamp = loaded.stamp
        state.readOnly = readOnly
        keeper = nil
        // A read-only session never touches the recovery file: it belongs to the session holding the lock.
        if !readOnly {
            let k = RecoveryKeeper(draftPath: path, template: loaded.template, base: loaded.stamp)
            keeper = k
            CrashGuard.arm(recovery: k.recoveryPath, fallback: RecoveryStore.fallbackPath(for: path), lock: lock?.path)
            switch RecoveryStore.examine(draftPath: path, current: loaded.draft, stamp: loaded.stamp, catalog: catalog) {
            case .none, .stale: break
            case let .unreadable(p, keptAs, error):
                notes.append(UIText.Recovery.unreadable(p, keptAs: keptAs, reason: DraftText.message(error)))
            case let .offer(offer):
                var keepName = RecoveryStore.keepBothPath(for: path, at: offer.file.savedAt)
                var c = RecoveryPrompts.recovery(offer, draftPath: path, keepBothName: URL(fileURLWithPath: keepName).lastPathComponent)
                // Asked again only when "keep both" could not write its file (the prompt says why).
                while true {
                    switch ask(&c) {
                    case .answer(.restore):
                        restore(&state, offer, loaded: loaded)
                        notes.append(UIText.Recovery.restored(offer.diff.count))
                    case .answer(.discard):
                        k.remove()
                        notes.append(UIText.Recovery.discarded)
                    case .answer(.keepBoth):
                        do {
                            try DraftStore.save(offer.file.draft, template: offer.template, to: keepName, createNew: true)
                        } catch {
                            if case .exists = error {
                                // Taken since it was offered: offer the next free name.
                                keepName = RecoveryStore.keepBothPath(for: path, at: offer.file.savedAt)
                                c = RecoveryPrompts.recovery(offer, draftPath: path, keepBothName: URL(fileURLWithPath: keepName).lastPathComponent)
                            }
                            c.message = UIText.Recovery.keepBothFailed(DraftText.message(error))
                            continue
                        }
                        // The recovered typing is safe in the new file; the original stays as it is on disk.
                        k.remove()
                        keeper = nil
                        lock?.release()
                        lock = nil
                        return open(keepName, note: UIText.Recovery.keptBoth(keepName, original: path))
                    case let .signal(sig):
                        return .exit(128 + sig)
                    default:
                        return .exit(0)
                    }
                    break
                }
            }
        }
        App.resume(&state, at: place)
        if !notes.isEmpty { state.say(notes.joined(separator: " ")) }
        return .state(state)
    }

    /// What the status line says when the draft is edited without a lock (`DraftLock.Outcome.unavailable`):
    /// why, and, unless the folder cannot be written at all, that another program could open it too.
    static func withoutLock(_ error: DraftError) -> String {
        switch error {
        case .readOnly: return UIText.Recovery.folderReadOnly
        case let .notRegular(lockPath): return UIText.Recovery.lockNotRegular(lockPath)
        default: return UIText.Recovery.lockNotMade(DraftText.message(error))
        }
    }

    /// Puts the recovered draft in the state, unsaved, with the version on disk one Ctrl-Z away.
    func restore(_ state: inout AppState, _ offer: RecoveryOffer, loaded: DraftStore.Loaded) {
        let recovered = offer.file.draft
        if offer.template.id == loaded.template.id && offer.template.version == loaded.template.version {
            let before = state.draft
            let focus = state.focus
            App.resetDraft(&state, recovered)
            App.recordChange(&state, before: before, focus: focus)
            state.focus = App.validFocus(state, focus)
        } else {
            // Written with another template version: open it as it is, marked unsaved.
            var s = AppState(workspace: Workspace(draft: recovered, template: offer.template), path: state.path)
            s.stamp = state.stamp
            s.revision = 1
            s.savedDraft = nil
            s.nextRevision = 2
            state = s
            keeper = RecoveryKeeper(draftPath: state.path, template: offer.template, base: loaded.stamp)
        }
        // Rewrite at once so the file describes this session (pid, base) and moves beside the draft if it
        // had to live in the fallback folder.
        keeper?.noteChange(state.inMemory, now: Date())
        keeper?.write(state.inMemory, now: Date())
    }
}
