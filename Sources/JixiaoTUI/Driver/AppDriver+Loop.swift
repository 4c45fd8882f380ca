import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

extension AppDriver {
    func runApp(_ state: inout AppState) -> Int32 {
        var (rows, cols) = terminal.size()
        App.update(&state, .resize(rows: rows, cols: cols))
        // The screen is painted after input or a change of state, never on an idle turn of the loop: with
        // nothing pressed the process only wakes to look at signals and the recovery timer.
        var needsPaint = true
        // The frame on the screen: the next is drawn over it (`View.frame`).
        var frame: View.Frame?
        // The keeper's work waits until the key's frame has reached the terminal.
        var turn = KeeperTurn()
        var keyRead = false
        var inMemory = InMemoryMemo()
        while !state.quitRequested {
            if let sig = SignalWatch.stopRequest(keyRead: keyRead) {
                // Terminal closed or killed: keep every change, then leave in order (run's defer gives
                // the terminal back and removes the lock).
                if !state.readOnly { keeper?.write(state.inMemory, now: Date()) }
                DraftPlace.write(state.focus, for: state.path)
                return 128 + sig
            }
            if needsPaint {
                let next = View.frame(state, rows: rows, cols: cols, over: frame)
                paint(next.screen, covering: View.coversBody(state.overlay))
                frame = next
                needsPaint = false
                turn.painted(at: Self.monotonicNs())
            }
            // The recovery worker is handed the key's draft, and a timed write is started, on the
            // keeper's turn (`KeeperTurn`).
            let keeperDue = turn.isDue(at: Self.monotonicNs())
            if keeperDue {
                if turn.isOwed {
                    afterAction(inMemory.of(state), readOnly: state.readOnly)
                    turn.told()
                }
                if let error = keeper?.tick(inMemory.of(state), now: Date()) {
                    state.say(UIText.Recovery.recoveryWriteFailed(DraftText.message(error)), error: true)
                    needsPaint = true
                    continue
                }
            }
            // The first frame is on the screen: now the forms it did not show (before any key is read).
            if let r = rest {
                rest = nil
                // A draft refused here is refused as it would have been before the frame.
                do { App.completeEvaluation(&state, whole: try r.finish(state.draft)) } catch { return fail(DraftText.message(error)) }
                needsPaint = true
            } else if !state.evaluation.isComplete {
                App.completeEvaluation(&state)
                needsPaint = true
            }
            // Checks left for after the first frame run while no key is waiting, a few forms at a time;
            // then the score preview's cards are built the same way. After a change, F3's first page is
            // worded once the keys pause (`warmMs`), then F4's scorecard assembled after another pause: a
            // burst of typing never waits for either.
            let pending = !state.checks.isComplete || !state.scorecardsWarm
            let warm = !pending && App.panelsNeedWarming(state)
            // Before the keeper's turn, the wait only runs to it: the pause that work for a panel waits
            // for is counted from then.
            let waitingForKeeper = !keeperDue && !pending
            let timeout = waitingForKeeper ? turn.settleMs : pending ? 0 : warm ? Self.warmMs : Self.tickMs
            guard let key = terminal.readKey(timeoutMs: timeout) else {
                if waitingForKeeper { continue }
                if !state.checks.isComplete {
                    App.update(&state, .checkPending)
                    if state.checks.isComplete { needsPaint = true }
                } else if !state.scorecardsWarm {
                    App.warmScorecards(&state)
                } else if warm {
                    App.warmPanels(&state)
                }
                keyRead = false
                continue
            }
            keyRead = true
            needsPaint = true
            if key == .resize {
                (rows, cols) = terminal.size()
                shown = nil
                App.update(&state, .resize(rows: rows, cols: cols))
                continue
            }
            // Ctrl-C is a reflex: whatever the quit dialog then gets as an answer, the typing is on disk.
            if key == .ctrl("c"), !state.readOnly { keeper?.write(state.inMemory, now: Date()) }
            var effects = App.update(&state, .key(key))
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                switch effect {
                case .save:
                    if !performSave(&state) {
                        // A failed save never lets a quit that was waiting for it through.
                        effects.removeAll()
                        state.quitRequested = false
                    }
                case .quit:
                    state.quitRequested = true
                case let .openEditor(text):
                    if !state.readOnly { keeper?.write(state.inMemory, now: Date()) }
                    App.update(&state, .editorFinished(runEditor(text)))
                    shown = nil
                case let .print(format):
                    App.update(&state, .printed(App.writePrintout(state, format)))
                }
            }
            turn.keyHandled(at: Self.monotonicNs())
        }
        // Quitting means the draft was saved or the accountant chose not to save: either way the
        // recovery file has nothing left to offer.
        if !state.readOnly { keeper?.remove() }
        // Where to open next time; a hint, so a folder that cannot be written is not worth a word.
        DraftPlace.write(state.focus, for: state.path)
        return 0
    }

    /// Tells the recovery keeper which version of the draft is in memory; it encodes it for the crash
    /// handler on its own thread when the version moved.
    func afterAction(_ inMemory: DraftInMemory, readOnly: Bool) {
        guard !readOnly, let keeper else { return }
        keeper.noteChange(inMemory, now: Date())
    }

    /// Saves, asking what to do when the file was changed behind our back. Reports the outcome to the
    /// app (which shows it) and to the recovery keeper. Returns whether the draft is now saved.
    func performSave(_ state: inout AppState) -> Bool {
        let revision = state.revision
        let draft = state.draft
        var note: String?
        var result: Result<FileStamp?, DraftError>
        do {
            result = .success(try DraftStore.save(draft, template: state.template, to: state.path, expected: state.stamp))
        } catch .changedOnDisk {
            result = resolveConflict(&state, note: &note)
        } catch {
            result = .failure(error)
        }
        App.update(&state, .saved(result, revision: revision))
        switch result {
        case let .success(stamp):
            keeper?.didSave(stamp: stamp, current: state.inMemory, now: Date())
            if let note { state.say(note) }
            return true
        case .failure:
            // The draft stays in memory, and goes to the recovery file now rather than in a few seconds.
            if let error = keeper?.write(state.inMemory, now: Date()) {
                state.say((state.message ?? "") + " " + UIText.Recovery.recoveryWriteFailed(DraftText.message(error)), error: true)
            }
            return false
        }
    }

    /// The file on disk is not the one we read or last saved. Asks: overwrite (the other version is kept
    /// as NAME.bak), save as a new file and go on editing that, or not save now (F2 asks again).
    func resolveConflict(_ state: inout AppState, note: inout String?) -> Result<FileStamp?, DraftError> {
        let original = state.path
        var newPath = RecoveryStore.keepBothPath(for: original, at: Date(), tag: "saved")
        let bak = original + ".bak"
        var c = RecoveryPrompts.changedOnDisk(draftPath: state.path, newName: URL(fileURLWithPath: newPath).lastPathComponent)
        while true {
            switch ask(&c) {
            case .answer(.overwrite):
                do {
                    let stamp = try DraftStore.save(state.draft, template: state.template, to: state.path, expected: nil)
                    note = UIText.Recovery.overwritten(state.path, bak: bak)
                    return .success(stamp)
                } catch {
                    return .failure(error)
                }
            case .answer(.saveAsNew):
                let stamp: FileStamp?
                do { stamp = try DraftStore.save(state.draft, template: state.template, to: newPath, createNew: true) } catch {
                    if case .exists = error {
                        // Taken since it was offered: offer the next free name.
                        newPath = RecoveryStore.keepBothPath(for: original, at: Date(), tag: "saved")
                        c = RecoveryPrompts.changedOnDisk(draftPath: state.path, newName: URL(fileURLWithPath: newPath).lastPathComponent)
                    }
                    c.message = DraftText.message(error)
                    continue
                }
                switchFile(&state, to: newPath)
                note = UIText.Recovery.savedAsNew(newPath, original: original)
                return .success(stamp)
            default:
                // Includes a termination signal: the run loop sees it next and writes the recovery file.
                return .failure(.changedOnDisk(path: state.path))
            }
        }
    }

    /// Goes on editing under another file name: the lock and the recovery file follow.
    func switchFile(_ state: inout AppState, to newPath: String) {
        keeper?.remove()
        lock?.release()
        lock = nil
        if case let .acquired(l, _) = DraftLock.acquire(for: newPath) { lock = l }
        state.path = newPath
        let k = RecoveryKeeper(draftPath: newPath, template: state.template, base: DraftStore.stamp(newPath))
        keeper = k
        CrashGuard.arm(recovery: k.recoveryPath, fallback: RecoveryStore.fallbackPath(for: newPath), lock: lock?.path)
    }
}
