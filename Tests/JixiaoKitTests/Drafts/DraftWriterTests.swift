import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 11, items 2, 4, 6 and 8 at the store: writers serialize on the draft and honour the terminal
/// UI's lock; a read-only draft file is never replaced; an edit that changes nothing writes nothing;
/// temporary files left by killed saves are removed by the next save, and nothing else is.
struct DraftWriterTests {
    let ws = Fixtures.example()
    var store: DraftStore { DraftStore(catalog: Fixtures.catalog) }

    func lstatOf(_ p: String) -> stat? {
        var st = stat()
        return lstat(p, &st) == 0 ? st : nil
    }

    func setCell(_ d: inout Draft, _ t: Template, _ path: String, _ value: String) throws {
        let editor = DraftEditor(template: t)
        try editor.set(&d, try TypedPath.parse(path).resolve(in: &d, editor: editor), text: value)
    }

    func backdate(_ p: String, by seconds: TimeInterval = 3600) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -seconds)], ofItemAtPath: p)
    }

    // MARK: 4. A read-only draft file

    @Test func aReadOnlyDraftFileIsNotReplaced() throws {
        let (dir, p) = try Fixtures.savedDraft(ws)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        chmod(p, 0o400)
        let before = Fixtures.bytes(p)
        let inode = lstatOf(p)?.st_ino
        var draft = ws.draft
        try setCell(&draft, ws.template, "A.staff.actual", "16")
        // As the terminal UI's F2 saves, and as `set` does.
        #expect(throws: DraftError.fileReadOnly(path: p)) { try DraftStore.save(draft, template: ws.template, to: p, expected: DraftStore.stamp(p)) }
        #expect(throws: DraftError.fileReadOnly(path: p)) { try store.update(p) { d, t in try setCell(&d, t, "A.staff.actual", "16") } }
        #expect(DraftText.message(.fileReadOnly(path: p)).contains("只读"))
        #expect(Fixtures.bytes(p) == before)
        #expect(lstatOf(p)?.st_ino == inode)
        #expect(lstatOf(p).map { Int($0.st_mode & 0o777) } == 0o400)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["d.json"])
    }

    // MARK: 6. Nothing changed, nothing written

    @Test func anUpdateThatChangesNothingWritesNothing() throws {
        let (dir, p) = try Fixtures.savedDraft(ws)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try store.update(p) { d, t in try setCell(&d, t, "A.staff.actual", "14") } != .unchanged)
        let bak = Fixtures.bytes(p + ".bak")
        let before = lstatOf(p)!
        let content = Fixtures.bytes(p)
        // The value it already has (as typed, with spaces a number does not keep), and no edit at all.
        #expect(try store.update(p) { d, t in try setCell(&d, t, "A.staff.actual", " 14 ") } == .unchanged)
        #expect(try store.update(p) { _, _ in } == .unchanged)
        let after = lstatOf(p)!
        #expect(Fixtures.bytes(p + ".bak") == bak, ".bak was rotated")
        #expect(Fixtures.bytes(p) == content)
        #expect(after.st_ino == before.st_ino)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    }

    // MARK: 2. Writers serialize; the terminal UI's lock is honoured

    @Test func updatesFromManyThreadsAllLand() async throws {
        let (dir, p) = try Fixtures.savedDraft(ws)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = self.store
        // Each writer adds one special fund named after itself: a lost update loses a name.
        let names = (1...8).map { "并发专项\($0)" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for name in names {
                group.addTask {
                    _ = try store.update(p) { d, t in
                        let row = try DraftEditor(template: t).addRow(&d, form: "A", formIndex: 0, row: "specialItem")
                        d.forms["A"]![0].rows["specialItem"]![row].label = name
                    }
                }
            }
            try await group.waitForAll()
        }
        let labels = Set(try store.load(p).draft.forms["A"]![0].rows["specialItem"]!.compactMap(\.label))
        #expect(labels.isSuperset(of: names), "lost: \(Set(names).subtracting(labels))")
    }

    @Test func aWriterWaitsForTheLockThenReadsWhatTheFirstWrote() throws {
        let (dir, p) = try Fixtures.savedDraft(ws)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Holding the lock, nobody else may take it; once the holder has replaced the file and let go,
        // the next one locks the new file, not the old one it may have opened.
        let first = try #require(try DraftWriteLock.acquire(p))
        #expect(throws: DraftError.busy(path: p, seconds: 0)) { try DraftWriteLock.acquire(p, patience: 0) }
        var draft = ws.draft
        try setCell(&draft, ws.template, "A.staff.actual", "21")
        try DraftStore.save(draft, template: ws.template, to: p, lock: first)
        first.release()
        let second = try #require(try DraftWriteLock.acquire(p, patience: 0))
        #expect(second.stamp == DraftStore.stamp(p))
        #expect(try store.load(p, lock: second).draft == draft)
        second.release()
    }

    @Test func anUpdateRefusesADraftOpenInTheTerminalUI() throws {
        let (dir, p) = try Fixtures.savedDraft(ws)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = Fixtures.bytes(p)
        // Another live program has it open: a lock naming a running process that is not this one.
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/bin/sleep")
        other.arguments = ["60"]
        try other.run()
        defer { kill(other.processIdentifier, SIGKILL); other.waitUntilExit() }  // SIGKILL: the runner may block SIGTERM
        guard case let .acquired(session, _) = DraftLock.acquire(for: p, pid: other.processIdentifier) else { Issue.record("no lock"); return }
        defer { session.release() }
        #expect(DraftLock.holder(for: p) == session.info)
        do {
            _ = try store.update(p) { d, t in try setCell(&d, t, "A.staff.actual", "16") }
            Issue.record("written while the terminal UI has it open")
        } catch let e as DraftError {
            #expect(e == .inUse(path: p, holder: session.info))
            #expect(DraftText.message(e).contains("进程 \(other.processIdentifier)") && DraftText.message(e).contains("未等待"))
        }
        #expect(Fixtures.bytes(p) == before)
    }

    // MARK: 8. Leftovers of killed saves

    @Test func leftoversOfKilledSavesAreRemovedByTheNextSaveAndNothingElseIs() throws {
        let (dir, p) = try Fixtures.savedDraft(ws)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = Fixtures.deadPID()
        func plant(_ name: String, old: Bool = true) throws -> String {
            let path = dir + "/" + name
            try Data("a full copy of the draft".utf8).write(to: URL(fileURLWithPath: path))
            if old { try backdate(path) }
            return path
        }
        let gone = [
            try plant(SafeFile.temporaryName(prefix: ".d.json.tmp-", pid: dead, random: 0xABCDEF)),
            try plant(SafeFile.temporaryName(prefix: ".d.json.bak-", pid: dead, random: 42)),
            try plant(".d.json.tmp-\(dead)"),  // the name earlier versions used
        ]
        let kept = [
            try plant(SafeFile.temporaryName(prefix: ".d.json.tmp-", pid: getpid(), random: 1)),   // a live writer's
            try plant(SafeFile.temporaryName(prefix: ".d.json.tmp-", pid: dead, random: 2), old: false),  // too fresh to judge
            try plant(SafeFile.temporaryName(prefix: ".e.json.tmp-", pid: dead, random: 3)),       // another draft's
            try plant(".d.json.tmp-\(dead)-notours"),                                              // not the pattern
            try plant(".d.json.tmp-\(dead)x"),
        ]
        let link = dir + "/" + SafeFile.temporaryName(prefix: ".d.json.tmp-", pid: dead, random: 4)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "d.json")
        var draft = ws.draft
        try setCell(&draft, ws.template, "A.staff.actual", "16")
        try DraftStore.save(draft, template: ws.template, to: p)
        for g in gone { #expect(!FileManager.default.fileExists(atPath: g), "left: \(g)") }
        for k in kept { #expect(FileManager.default.fileExists(atPath: k), "removed: \(k)") }
        #expect(lstatOf(link) != nil, "a link is never removed as a leftover")
        #expect(try store.load(p).draft == draft)
    }

    @Test func leftoverNamesAreParsedExactly() {
        #expect(SafeFile.leftoverPID("123") == 123)
        #expect(SafeFile.leftoverPID("123-00000000000000ff") == 123)
        #expect(SafeFile.leftoverPID("123-ff") == nil)
        #expect(SafeFile.leftoverPID("123-00000000000000FF") == nil)
        #expect(SafeFile.leftoverPID("+123") == nil)
        #expect(SafeFile.leftoverPID("") == nil)
        #expect(SafeFile.leftoverPID("0") == nil)
        #expect(SafeFile.leftoverPID("12-34-56") == nil)
    }
}
