import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI

struct RecoveryKeeperTests {
    let s = AppFixture.example()
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    func edited(_ path: String, _ value: String, from d: Draft? = nil) -> Draft {
        var draft = d ?? s.draft
        let editor = DraftEditor(template: s.template)
        let a = try! TypedPath.parse(path).resolve(in: &draft, editor: editor)
        try! editor.set(&draft, a, text: value, lenient: true)
        return draft
    }

    func keeper(_ dir: String) -> RecoveryKeeper {
        RecoveryKeeper(draftPath: dir + "/d.json", template: s.template, saved: s.draft, base: nil,
                       environment: ["HOME": dir + "/home"])
    }

    func exists(_ dir: String) -> Bool { FileManager.default.fileExists(atPath: dir + "/.d.json.recovery") }

    @Test func writesAMomentAfterThePause() {
        let dir = NSTemporaryDirectory() + "jixiao-keeper-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let k = keeper(dir)
        let d = edited("A.staff.actual", "16")
        k.noteChange(d, now: t0)
        #expect(k.tick(d, now: t0.addingTimeInterval(0.5)) == nil)
        #expect(!exists(dir))
        _ = k.tick(d, now: t0.addingTimeInterval(1.0))
        #expect(exists(dir))
        let back = try! RecoveryCodec.decode(try! DraftStore.readBytes(dir + "/.d.json.recovery"), path: "r", catalog: AppFixture.catalog)
        #expect(back.0.draft == d)
        #expect(back.0.changedCells == 1)
    }

    @Test func steadyTypingIsStillSavedEveryFewSeconds() {
        let dir = NSTemporaryDirectory() + "jixiao-keeper-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let k = keeper(dir)
        var d = s.draft
        var writes: [Double] = []
        // A key every 0.4 s for 16 s never leaves a 1 s pause…
        for i in 0..<40 {
            let now = t0.addingTimeInterval(Double(i) * 0.4)
            d = edited("A.staff.actual", String(100 + i), from: d)
            k.noteChange(d, now: now)
            _ = k.tick(d, now: now)
            if let w = k.lastWrite, writes.last != w.timeIntervalSince(t0) { writes.append(w.timeIntervalSince(t0)) }
        }
        // …yet no change waits much longer than 5 s for the file, and writes are at least 2 s apart.
        #expect(writes.count >= 2)
        #expect(writes.first! <= 5.0 + 0.4)
        #expect(zip(writes, writes.dropFirst()).allSatisfy { $1 - $0 >= 2 && $1 - $0 <= 5.0 + 0.8 })
    }

    @Test func backToTheSavedVersionRemovesTheFile() {
        let dir = NSTemporaryDirectory() + "jixiao-keeper-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let k = keeper(dir)
        let d = edited("A.staff.actual", "16")
        k.noteChange(d, now: t0)
        k.write(d, now: t0)
        #expect(exists(dir))
        k.noteChange(s.draft, now: t0.addingTimeInterval(1))  // undone
        #expect(!exists(dir))
        #expect(!k.hasPending)
    }

    @Test func aSaveRemovesTheFileUnlessMoreWasTypedMeanwhile() {
        let dir = NSTemporaryDirectory() + "jixiao-keeper-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let k = keeper(dir)
        let d = edited("A.staff.actual", "16")
        k.write(d, now: t0)
        k.didSave(d, stamp: nil, current: d, now: t0)
        #expect(!exists(dir))
        let more = edited("A.staff.authorized", "20", from: d)
        k.didSave(d, stamp: nil, current: more, now: t0)
        #expect(exists(dir))
    }

    @Test func aFailedWriteIsReportedOnceAndRetriedLater() {
        let k = RecoveryKeeper(draftPath: "/nonexistent-folder/d.json", template: s.template, saved: s.draft, base: nil, environment: [:])
        let d = edited("A.staff.actual", "16")
        k.noteChange(d, now: t0)
        #expect(k.tick(d, now: t0.addingTimeInterval(1)) != nil)
        #expect(!k.isDue(now: t0.addingTimeInterval(5)))
        #expect(k.isDue(now: t0.addingTimeInterval(12)))
        #expect(k.tick(d, now: t0.addingTimeInterval(12)) == nil)  // same error: not repeated
        #expect(k.hasPending)
    }

    @Test func theCrashSnapshotIsARecoveryFile() {
        let dir = NSTemporaryDirectory() + "jixiao-keeper-" + UUID().uuidString
        let k = keeper(dir)
        guard case .nothingUnsaved = k.crashSnapshot(s.draft, now: t0) else { Issue.record("expected nothing"); return }
        let d = edited("A.staff.actual", "16")
        guard case let .bytes(b) = k.crashSnapshot(d, now: t0) else { Issue.record("expected bytes"); return }
        #expect((try? RecoveryCodec.decode(b, path: "r", catalog: AppFixture.catalog))?.0.draft == d)
        guard case .unchanged = k.crashSnapshot(d, now: t0) else { Issue.record("expected unchanged"); return }
    }
}
