import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// The questions asked around opening and saving a draft, as `ChoiceState`s.
public enum RecoveryPrompts {
    /// How many changed cells the prompt lists before "另有 N 处".
    public static let listed = 6

    public static func recovery(_ offer: RecoveryOffer, draftPath: String, keepBothName: String) -> ChoiceState {
        typealias T = UIText.Recovery
        let f = offer.file
        var body: [ChoiceState.Line] = [
            .init(T.recoveryIntro(draftPath)),
            .init(T.savedAt(T.time(f.savedAt), pid: f.pid, host: f.host), style: .muted, indent: 2),
            .init(""),
            .init(T.changedCount(offer.diff.count), style: CellStyle(.normal, [.bold])),
        ]
        for c in offer.diff.sample.prefix(listed) {
            body.append(.init(T.change(c.location, old: c.old, new: c.new), indent: 2))
        }
        if offer.diff.count > min(listed, offer.diff.sample.count) {
            body.append(.init(T.more(offer.diff.count - min(listed, offer.diff.sample.count)), style: .muted, indent: 2))
        }
        if offer.draftNewer {
            body.append(.init(""))
            body.append(.init(T.draftNewer, style: CellStyle(.warning, [.bold])))
        }
        return ChoiceState(title: T.recoveryTitle, body: body, options: [
            .init(key: "r", label: T.restore, answer: .restore),
            .init(key: "d", label: T.discard, answer: .discard),
            .init(key: "k", label: T.keepBoth(keepBothName), answer: .keepBoth),
            .init(key: "q", label: T.quitUndecided, answer: .quit),
        ], escape: .quit)
    }

    public static func lockHeld(_ info: LockInfo, draftPath: String, lockPath: String) -> ChoiceState {
        typealias T = UIText.Recovery
        var body: [ChoiceState.Line] = [
            .init(T.lockHeld(draftPath)),
            .init(""),
            .init(T.lockOwner(pid: info.pid, host: info.host, user: info.user), style: CellStyle(.normal, [.bold]), indent: 2),
        ]
        if info.pid > 0 { body.append(.init(T.lockSince(T.time(info.since)), style: CellStyle(.normal, [.bold]), indent: 2)) }
        body += [.init(""), .init(T.lockHint(lockPath), style: .muted)]
        return ChoiceState(title: T.lockTitle, body: body, options: [
            .init(key: "r", label: T.openReadOnly, answer: .readOnly),
            .init(key: "q", label: T.quit, answer: .quit),
        ], escape: .quit)
    }

    public static func changedOnDisk(draftPath: String, newName: String) -> ChoiceState {
        typealias T = UIText.Recovery
        return ChoiceState(title: T.conflictTitle, body: [.init(T.conflictBody(draftPath))], options: [
            .init(key: "o", label: T.overwrite(URL(fileURLWithPath: draftPath).lastPathComponent + ".bak"), answer: .overwrite),
            .init(key: "s", label: T.saveAsNew(newName), answer: .saveAsNew),
            .init(key: "c", label: T.cancelSave, answer: .cancel),
        ], escape: .cancel)
    }
}
