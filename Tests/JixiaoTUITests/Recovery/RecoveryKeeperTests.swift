import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// What the crash handler was handed last, collected from the worker's thread.
final class PublishedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var value: [UInt8]?
    private(set) var calls = 0
    func set(_ t: PinnedText?) { lock.lock(); value = t?.bytes; calls += 1; lock.unlock() }
    var last: [UInt8]? { lock.lock(); defer { lock.unlock() }; return value }
}

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

    func memory(_ d: Draft, _ version: Int, unsaved: Bool = true) -> DraftInMemory {
        DraftInMemory(draft: d, version: version, unsaved: unsaved)
    }

    func keeper(_ dir: String, published: PublishedBytes = PublishedBytes()) -> RecoveryKeeper {
        RecoveryKeeper(draftPath: dir + "/d.json", template: s.template, base: nil,
                       environment: ["HOME": dir + "/home"], publish: { published.set($0) })
    }

    func folder() -> String {
        let dir = NSTemporaryDirectory() + "jixiao-keeper-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func exists(_ dir: String) -> Bool { FileManager.default.fileExists(atPath: dir + "/.d.json.recovery") }

    @Test func writesAMomentAfterThePause() {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let k = keeper(dir)
        let d = edited("A.staff.actual", "16")
        k.noteChange(memory(d, 1), now: t0)
        #expect(k.tick(memory(d, 1), now: t0.addingTimeInterval(0.5)) == nil)
        k.settle()
        #expect(!exists(dir))
        _ = k.tick(memory(d, 1), now: t0.addingTimeInterval(1.0))
        #expect(k.settle() == nil)
        #expect(exists(dir))
        #expect(!k.hasPending)
        let back = try! RecoveryCodec.decode(try! DraftStore.readBytes(dir + "/.d.json.recovery"), path: "r", catalog: AppFixture.catalog)
        #expect(back.0.draft == d)
        // The list of changes is left to the prompt, which compares with the file on disk.
        #expect(back.0.changedCells == nil)
    }

    @Test func steadyTypingIsStillSavedEveryFewSeconds() {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let k = keeper(dir)
        var d = s.draft
        var writes: [Double] = []
        // A key every 0.4 s for 16 s never leaves a 1 s pause…
        for i in 0..<40 {
            let now = t0.addingTimeInterval(Double(i) * 0.4)
            d = edited("A.staff.actual", String(100 + i), from: d)
            k.noteChange(memory(d, i + 1), now: now)
            _ = k.tick(memory(d, i + 1), now: now)
            k.settle()
            if let w = k.lastWrite, writes.last != w.timeIntervalSince(t0) { writes.append(w.timeIntervalSince(t0)) }
        }
        // …yet no change waits much longer than 5 s for the file, and writes are at least 2 s apart.
        #expect(writes.count >= 2)
        #expect(writes.first! <= 5.0 + 0.4)
        #expect(zip(writes, writes.dropFirst()).allSatisfy { $1 - $0 >= 2 && $1 - $0 <= 5.0 + 0.8 })
    }

    /// Prose typed on the 自评报告 page (still in the popup, not committed) is in the recovery file, and
    /// opening the draft offers it back rather than calling the file stale.
    @Test func proseOfTheReportBeingTypedIsKeptAndOffered() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let stamp = try DraftStore.save(s.draft, template: s.template, to: dir + "/d.json")
        var state = s
        App.focusInstance(&state, form: ReportPage.form, index: 0)
        state.press(.enter)
        state.type("本单位在编人员15人。")
        #expect(state.editing != nil && state.hasUnsavedChanges)
        let k = RecoveryKeeper(draftPath: dir + "/d.json", template: s.template, base: stamp, environment: ["HOME": dir + "/home"], publish: { _ in })
        k.noteChange(state.inMemory, now: t0)
        k.write(state.inMemory, now: t0)
        #expect(k.settle() == nil)
        guard case let .offer(offer) = RecoveryStore.examine(draftPath: dir + "/d.json", current: s.draft, stamp: stamp, catalog: AppFixture.catalog,
                                                            environment: ["HOME": dir + "/home"]) else {
            Issue.record("the prose was not offered back"); return
        }
        #expect(offer.file.draft.report["basic"] == "本单位在编人员15人。")
        #expect(offer.diff.sample.map(\.path) == ["report.basic"])
    }

    @Test func backToTheSavedVersionRemovesTheFile() {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let published = PublishedBytes()
        let k = keeper(dir, published: published)
        let d = edited("A.staff.actual", "16")
        k.noteChange(memory(d, 1), now: t0)
        k.write(memory(d, 1), now: t0)
        #expect(exists(dir))
        #expect(published.last != nil)
        k.noteChange(memory(s.draft, 2, unsaved: false), now: t0.addingTimeInterval(1))  // undone
        k.settle()
        #expect(!exists(dir))
        #expect(!k.hasPending)
        #expect(published.last == nil)
    }

    @Test func aSaveRemovesTheFileUnlessMoreWasTypedMeanwhile() {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let k = keeper(dir)
        let d = edited("A.staff.actual", "16")
        k.write(memory(d, 1), now: t0)
        #expect(exists(dir))
        k.didSave(stamp: nil, current: memory(d, 1, unsaved: false), now: t0)
        k.settle()
        #expect(!exists(dir))
        let more = edited("A.staff.authorized", "20", from: d)
        k.didSave(stamp: nil, current: memory(more, 2), now: t0)
        #expect(exists(dir))
    }

    @Test func aFailedWriteIsReportedOnceAndRetriedLater() {
        let k = RecoveryKeeper(draftPath: "/nonexistent-folder/d.json", template: s.template, base: nil, environment: [:], publish: { _ in })
        let d = edited("A.staff.actual", "16")
        k.noteChange(memory(d, 1), now: t0)
        _ = k.tick(memory(d, 1), now: t0.addingTimeInterval(1))
        #expect(k.settle() != nil)
        #expect(!k.isDue(now: t0.addingTimeInterval(5)))
        #expect(k.isDue(now: t0.addingTimeInterval(12)))
        _ = k.tick(memory(d, 1), now: t0.addingTimeInterval(12))
        #expect(k.settle() == nil)  // same error: not repeated
        #expect(k.hasPending)
    }

    @Test func theCrashHandlerGetsARecoveryFileOfTheNewestDraft() {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let published = PublishedBytes()
        let k = keeper(dir, published: published)
        k.noteChange(memory(s.draft, 0, unsaved: false), now: t0)
        k.settle()
        #expect(published.calls == 0)
        var d = s.draft
        for i in 0..<50 {
            d = edited("A.staff.actual", String(200 + i), from: d)
            k.noteChange(memory(d, i + 1), now: t0)
        }
        k.settle()
        let bytes = try! #require(published.last)
        #expect((try? RecoveryCodec.decode(bytes, path: "r", catalog: AppFixture.catalog))?.0.draft == d)
        // Moving about (the same version) hands over nothing new.
        let calls = published.calls
        for _ in 0..<10 { k.noteChange(memory(d, 50), now: t0) }
        k.settle()
        #expect(published.calls == calls)
        // The crash handler's copy is made for the handler only: no file is written while typing.
        #expect(!exists(dir))
    }

    @Test func aWriteAfterCoalescedSnapshotsIsNeverOverwrittenByAnOlderDraft() {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let published = PublishedBytes()
        let k = keeper(dir, published: published)
        let older = edited("A.staff.actual", "1")
        let newer = edited("A.staff.actual", "2", from: older)
        k.noteChange(memory(older, 1), now: t0)
        k.write(memory(newer, 2), now: t0)
        k.settle()
        let onDisk = try! RecoveryCodec.decode(try! DraftStore.readBytes(dir + "/.d.json.recovery"), path: "r", catalog: AppFixture.catalog)
        #expect(onDisk.0.draft == newer)
        let handed = try! RecoveryCodec.decode(try! #require(published.last), path: "r", catalog: AppFixture.catalog)
        #expect(handed.0.draft == newer)
    }
}
