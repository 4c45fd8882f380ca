import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

struct RecoveryFileTests {
    let ws = Fixtures.example()
    var env: [String: String] { ["HOME": "/nonexistent-home-for-tests"] }

    func changed(_ paths: [(String, String)]) -> Draft {
        var w = ws
        for (p, v) in paths { w = Fixtures.setting(w, p, v) }
        return w.draft
    }

    func file(_ d: Draft, path: String, at: Date = Date(), base: FileStamp? = nil) -> RecoveryFile {
        let diff = RecoveryDiff.compare(ws.draft, d, template: ws.template)
        return RecoveryFile(draft: d, savedAt: at, pid: 4242, host: "desk-7", draftPath: path, base: base,
                            changedCells: diff.count, changes: diff.sample)
    }

    @Test func roundTripKeepsTheDraftAndTheMetadata() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let draft = changed([("A.staff.actual", "16"), ("A.carPurchase.prev", "7.5"), ("A.measures.value", "第一行\n第二行 \"引号\"")])
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 4, modifiedNanos: 5)
        let r = file(draft, path: dir + "/d.json", at: Date(timeIntervalSince1970: 1_700_000_000.123), base: stamp)
        #expect(r.changedCells == 3)
        let written = try RecoveryStore.write(r, template: ws.template, environment: env)
        #expect(written == dir + "/.d.json.recovery")
        let attrs = try FileManager.default.attributesOfItem(atPath: written)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let (back, template) = try RecoveryCodec.decode(try DraftStore.readBytes(written), path: written, catalog: Fixtures.catalog)
        #expect(back == r)
        #expect(template.id == ws.template.id)
        #expect(back.changes.contains { $0.path == "A.staff.actual" && $0.old == "15" && $0.new == "16" })
        // Nothing else is left behind in the folder (no temporary files).
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [".d.json.recovery"])
    }

    @Test func diffNamesTheCellsAndCountsThem() {
        let draft = changed([("A.staff.actual", "16"), ("A.reception.actual", "")])
        let diff = RecoveryDiff.compare(ws.draft, draft, template: ws.template)
        #expect(diff.count == 2)
        let staff = diff.sample.first { $0.path == "A.staff.actual" }
        #expect(staff?.location.contains("财政供养人员") == true)
        #expect(staff?.old == "15" && staff?.new == "16")
        #expect(diff.sample.contains { $0.path == "A.reception.actual" && $0.new == nil })
        #expect(RecoveryDiff.compare(ws.draft, ws.draft, template: ws.template).count == 0)
    }

    /// The report's prose is typing too: a recovery file whose only change is a section's prose was
    /// found identical to the draft on disk, called stale and removed, losing what was written.
    @Test func proseOfTheReportCountsAsAChangeAndIsOffered() throws {
        var draft = ws.draft
        draft.report["basic"] = "本单位在编人员15人。"
        let diff = RecoveryDiff.compare(ws.draft, draft, template: ws.template)
        #expect(diff.count == 1)
        #expect(diff.sample.first == RecoveryChange(path: "report.basic", location: "自评报告 · 一、单位基本情况", old: nil, new: "本单位在编人员15人。"))
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        let stamp = try DraftStore.save(ws.draft, template: ws.template, to: p)
        try RecoveryStore.write(file(draft, path: p, base: stamp), template: ws.template, environment: env)
        guard case let .offer(offer) = RecoveryStore.examine(draftPath: p, current: ws.draft, stamp: stamp, catalog: Fixtures.catalog, environment: env) else {
            Issue.record("expected an offer of the prose"); return
        }
        #expect(offer.file.draft.report["basic"] == "本单位在编人员15人。")
    }

    @Test func aNewerRecoveryFileIsOffered() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        let stamp = try DraftStore.save(ws.draft, template: ws.template, to: p)
        let draft = changed([("A.staff.actual", "16")])
        try RecoveryStore.write(file(draft, path: p, base: stamp), template: ws.template, environment: env)
        guard case let .offer(offer) = RecoveryStore.examine(draftPath: p, current: ws.draft, stamp: stamp, catalog: Fixtures.catalog, environment: env) else {
            Issue.record("expected an offer"); return
        }
        #expect(offer.file.draft == draft)
        #expect(offer.diff.count == 1)
        #expect(!offer.draftNewer)
        #expect(FileManager.default.fileExists(atPath: RecoveryStore.path(for: p)))
    }

    @Test func anIdenticalRecoveryFileIsStaleAndRemoved() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        let draft = changed([("A.staff.actual", "16")])
        try RecoveryStore.write(file(draft, path: p), template: ws.template, environment: env)
        // Saved afterwards (a crash between saving and removing the recovery file): nothing to recover.
        let stamp = try DraftStore.save(draft, template: ws.template, to: p)
        guard case .stale = RecoveryStore.examine(draftPath: p, current: draft, stamp: stamp, catalog: Fixtures.catalog, environment: env) else {
            Issue.record("expected stale"); return
        }
        #expect(!FileManager.default.fileExists(atPath: RecoveryStore.path(for: p)))
    }

    @Test func aRecoveryFileOlderThanTheDraftIsStillOfferedWithAWarning() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        let first = try DraftStore.save(ws.draft, template: ws.template, to: p)
        let mine = changed([("A.staff.actual", "16")])
        try RecoveryStore.write(file(mine, path: p, at: Date(timeIntervalSinceNow: -60), base: first), template: ws.template, environment: env)
        // Someone else saved another change after the recovery file was written.
        let theirs = changed([("A.staff.authorized", "20")])
        let stamp = try DraftStore.save(theirs, template: ws.template, to: p)
        guard case let .offer(offer) = RecoveryStore.examine(draftPath: p, current: theirs, stamp: stamp, catalog: Fixtures.catalog, environment: env) else {
            Issue.record("expected an offer"); return
        }
        #expect(offer.draftNewer)
        #expect(offer.diff.count == 2)
    }

    @Test func aDamagedRecoveryFileIsSetAsideNotDeleted() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        try DraftStore.save(ws.draft, template: ws.template, to: p)
        try "{\"format\": \"jixiao-recovery\", tru".write(toFile: RecoveryStore.path(for: p), atomically: false, encoding: .utf8)
        guard case let .unreadable(_, keptAs, _) = RecoveryStore.examine(draftPath: p, current: ws.draft, stamp: nil, catalog: Fixtures.catalog, environment: env) else {
            Issue.record("expected unreadable"); return
        }
        #expect(keptAs != nil && FileManager.default.fileExists(atPath: keptAs!))
        #expect(!FileManager.default.fileExists(atPath: RecoveryStore.path(for: p)))
    }

    /// The folder may be shared: a file planted under the name the damaged recovery file would be moved
    /// to is never replaced, and the name is not the predictable `…unreadable-TIME` it once was.
    @Test func settingAsideReplacesNothing() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json.recovery"
        try "damaged".write(toFile: p, atomically: false, encoding: .utf8)
        let now = Date()
        let guessed = p + ".unreadable-" + String(Int(now.timeIntervalSince1970))
        try "planted".write(toFile: guessed, atomically: false, encoding: .utf8)
        let kept = RecoveryStore.setAside(p, now: now)
        #expect(kept != nil && kept != guessed)
        #expect(try String(contentsOfFile: guessed, encoding: .utf8) == "planted")
        #expect(try kept.map { try String(contentsOfFile: $0, encoding: .utf8) } == "damaged")
        #expect(!FileManager.default.fileExists(atPath: p))
    }

    @Test func aReadOnlyFolderSendsTheRecoveryFileToTheStateFolder() throws {
        let dir = Fixtures.tempDir()
        let state = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: state) }
        let env = ["XDG_STATE_HOME": state]
        let p = dir + "/missing-folder/d.json"  // a folder that cannot be written to stands in for a read-only one
        let draft = changed([("A.staff.actual", "16")])
        let written = try RecoveryStore.write(file(draft, path: p), template: ws.template, environment: env)
        #expect(written.hasPrefix(state + "/jixiao/recovery/d.json-"))
        guard case let .offer(offer) = RecoveryStore.examine(draftPath: p, current: ws.draft, stamp: nil, catalog: Fixtures.catalog, environment: env) else {
            Issue.record("expected an offer"); return
        }
        #expect(offer.path == written)
        RecoveryStore.remove(for: p, environment: env)
        #expect(!FileManager.default.fileExists(atPath: written))
    }

    @Test func keepBothNamesNeverClash() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        let first = RecoveryStore.keepBothPath(for: dir + "/d.json", at: at)
        #expect(first.hasPrefix(dir + "/d.recovered-") && first.hasSuffix(".json"))
        FileManager.default.createFile(atPath: first, contents: Data())
        let second = RecoveryStore.keepBothPath(for: dir + "/d.json", at: at)
        #expect(second != first && second.hasSuffix("-2.json"))
    }
}
