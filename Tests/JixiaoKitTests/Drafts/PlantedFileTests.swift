import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 11, item 1: every file the program creates beside a draft (the save's temporary file, the
/// backup and its temporary link, the lock, the recovery file and its temporary file) is created
/// exclusively and never through a link. Each test plants a link or a file where someone could
/// predict a name, runs the operation, and checks that the link's target is untouched, that what was
/// planted is still there when it is not ours to delete, and that the draft is a regular file.
struct PlantedFileTests {
    let ws = Fixtures.example()

    /// A folder holding a saved draft `d.json`, and `private/passwd`: the file an attacker wants written.
    struct Folder {
        let dir: String
        var draft: String { dir + "/d.json" }
        var target: String { dir + "/private/passwd" }
        static let secret = Array("root:x:0:0\n".utf8)
    }

    func folder() throws -> Folder {
        let f = Folder(dir: Fixtures.tempDir())
        try FileManager.default.createDirectory(atPath: f.dir + "/private", withIntermediateDirectories: false)
        try Data(Folder.secret).write(to: URL(fileURLWithPath: f.target))
        chmod(f.target, 0o644)
        try DraftStore.save(ws.draft, template: ws.template, to: f.draft)
        return f
    }

    func changedDraft() -> Draft { Fixtures.setting(ws, "B.phone.value", "000-1111111").draft }

    func plantLink(_ at: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: at, withDestinationPath: target)
    }

    func isLink(_ p: String) -> Bool {
        var st = stat()
        return lstat(p, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    func isRegular(_ p: String) -> Bool {
        var st = stat()
        return lstat(p, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    func mode(_ p: String) -> Int {
        var st = stat()
        return stat(p, &st) == 0 ? Int(st.st_mode & 0o7777) : -1
    }

    func expectTargetUntouched(_ f: Folder, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Fixtures.bytes(f.target) == Folder.secret, "the link's target was written through", sourceLocation: sourceLocation)
        #expect(mode(f.target) == 0o644, "the link's target changed mode", sourceLocation: sourceLocation)
    }

    @Test func aLinkAtTheOldPredictableTemporaryNameIsNeverWrittenThrough() throws {
        let f = try folder()
        defer { try? FileManager.default.removeItem(atPath: f.dir) }
        // The name the save used to write to, predictable from `ps`.
        let planted = f.dir + "/.d.json.tmp-\(getpid())"
        try plantLink(planted, to: "private/passwd")
        try DraftStore.save(changedDraft(), template: ws.template, to: f.draft)
        expectTargetUntouched(f)
        #expect(isLink(planted), "a planted link that is not ours was removed")
        #expect(isRegular(f.draft))
        #expect(try DraftStore(catalog: Fixtures.catalog).load(f.draft).draft == changedDraft())
    }

    @Test func aTakenTemporaryNameIsSkippedNotWrittenThroughOrRemoved() throws {
        let f = try folder()
        defer { try? FileManager.default.removeItem(atPath: f.dir) }
        // The random part is forced to repeat, so the first names tried are the planted ones.
        var draws: [UInt64] = [7, 7, 8, 9]
        let random = { draws.isEmpty ? 10 : draws.removeFirst() }
        let link = f.dir + "/" + SafeFile.temporaryName(prefix: ".d.json.tmp-", pid: getpid(), random: 7)
        let file = f.dir + "/" + SafeFile.temporaryName(prefix: ".d.json.tmp-", pid: getpid(), random: 8)
        try plantLink(link, to: "private/passwd")
        try Data("not ours".utf8).write(to: URL(fileURLWithPath: file))
        let (fd, path) = try SafeFile.createExclusive(directory: f.dir, prefix: ".d.json.tmp-", random: random)
        close(fd)
        #expect(path == f.dir + "/" + SafeFile.temporaryName(prefix: ".d.json.tmp-", pid: getpid(), random: 9))
        #expect(isRegular(path) && mode(path) == 0o600)
        unlink(path)
        expectTargetUntouched(f)
        #expect(isLink(link))
        #expect(Fixtures.bytes(file) == Array("not ours".utf8))
    }

    @Test func temporaryNamesAreUnpredictable() throws {
        let f = try folder()
        defer { try? FileManager.default.removeItem(atPath: f.dir) }
        let (fd1, a) = try SafeFile.createExclusive(directory: f.dir, prefix: ".d.json.tmp-")
        let (fd2, b) = try SafeFile.createExclusive(directory: f.dir, prefix: ".d.json.tmp-")
        close(fd1)
        close(fd2)
        #expect(a != b)
        #expect(a.hasPrefix(f.dir + "/.d.json.tmp-\(getpid())-") && a.count > (f.dir + "/.d.json.tmp-\(getpid())-").count + 8)
        unlink(a)
        unlink(b)
    }

    @Test func aFilePlantedAtTheOldBackupTemporaryNameIsLeftAlone() throws {
        let f = try folder()
        defer { try? FileManager.default.removeItem(atPath: f.dir) }
        let planted = f.dir + "/.d.json.bak-\(getpid())"
        try Data("not ours".utf8).write(to: URL(fileURLWithPath: planted))
        let before = Fixtures.bytes(f.draft)
        try DraftStore.save(changedDraft(), template: ws.template, to: f.draft)
        #expect(Fixtures.bytes(planted) == Array("not ours".utf8), "a planted file that is not ours was removed or replaced")
        #expect(Fixtures.bytes(f.draft + ".bak") == before)
    }

    @Test func aLinkAsTheBackupIsReplacedNeverWrittenThrough() throws {
        let f = try folder()
        defer { try? FileManager.default.removeItem(atPath: f.dir) }
        try plantLink(f.draft + ".bak", to: "private/passwd")
        let before = Fixtures.bytes(f.draft)
        try DraftStore.save(changedDraft(), template: ws.template, to: f.draft)
        expectTargetUntouched(f)
        #expect(isRegular(f.draft + ".bak"))
        #expect(Fixtures.bytes(f.draft + ".bak") == before)
        #expect(isRegular(f.draft))
    }

    @Test func aLinkAsTheLockIsNeitherFollowedNorRemoved() throws {
        let f = try folder()
        defer { try? FileManager.default.removeItem(atPath: f.dir) }
        // An old target: were it read as a lock, it would look like a damaged lock left long ago.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: f.target)
        let lockPath = DraftLock.path(for: f.draft)
        try plantLink(lockPath, to: "private/passwd")
        switch DraftLock.acquire(for: f.draft) {
        case let .acquired(lock, _):
            lock.release()
            Issue.record("a lock was taken through or over a planted link")
        case .heldBy:
            Issue.record("a planted link was read as a lock")
        case let .unavailable(error):
            #expect(error == .notRegular(path: lockPath))
        }
        expectTargetUntouched(f)
        #expect(isLink(lockPath), "the planted link was removed")
        // `set` reads the lock too, to honour the terminal UI's: a link is nobody's lock.
        #expect(DraftLock.holder(for: f.draft) == nil)
    }

    @Test func aLinkAtTheRecoveryFilesNamesIsNeverWrittenThroughOrRemoved() throws {
        let f = try folder()
        let state = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: f.dir); try? FileManager.default.removeItem(atPath: state) }
        let env = ["XDG_STATE_HOME": state]
        let recovery = RecoveryStore.path(for: f.draft)
        let oldTemporary = f.dir + "/..d.json.recovery.tmp-\(getpid())"
        try plantLink(oldTemporary, to: "private/passwd")
        let r = RecoveryFile(draft: changedDraft(), savedAt: Date(), pid: getpid(), host: "desk-7", draftPath: f.draft,
                             base: nil, changedCells: 1, changes: [])
        // Beside the draft, past a link planted at the old temporary name.
        #expect(try RecoveryStore.write(r, template: ws.template, environment: env) == recovery)
        expectTargetUntouched(f)
        #expect(isLink(oldTemporary))
        #expect(isRegular(recovery) && mode(recovery) == 0o600)
        // A link where the recovery file itself goes is not ours: the file goes to the state folder instead,
        // and neither writing nor removing the recovery file touches the link.
        unlink(recovery)
        try plantLink(recovery, to: "private/passwd")
        let written = try RecoveryStore.write(r, template: ws.template, environment: env)
        #expect(written.hasPrefix(state + "/jixiao/recovery/"))
        RecoveryStore.remove(for: f.draft, environment: env)
        expectTargetUntouched(f)
        #expect(isLink(recovery))
        #expect(!FileManager.default.fileExists(atPath: written))
    }

    @Test func aDraftThatIsALinkIsNeitherReadNorReplaced() throws {
        let f = try folder()
        defer { try? FileManager.default.removeItem(atPath: f.dir) }
        let link = f.dir + "/link.json"
        try plantLink(link, to: "d.json")
        #expect(throws: DraftError.notRegular(path: link)) { try DraftStore(catalog: Fixtures.catalog).load(link) }
        let before = Fixtures.bytes(f.draft)
        #expect(throws: DraftError.notRegular(path: link)) { try DraftStore.save(changedDraft(), template: ws.template, to: link) }
        #expect(isLink(link))
        #expect(Fixtures.bytes(f.draft) == before)
    }

    @Test func aNewFileIsNeverCreatedOverOneThatAppeared() throws {
        let f = try folder()
        defer { try? FileManager.default.removeItem(atPath: f.dir) }
        // "Keep both" and "save as new" pick a free name, then write: something planted there meanwhile stays.
        let name = f.dir + "/d.recovered-20240101-0800.json"
        try plantLink(name, to: "private/passwd")
        #expect(throws: DraftError.exists(path: name)) {
            try DraftStore.save(changedDraft(), template: ws.template, to: name, createNew: true)
        }
        expectTargetUntouched(f)
        #expect(isLink(name))
        let fresh = f.dir + "/d.saved-20240101-0800.json"
        try DraftStore.save(changedDraft(), template: ws.template, to: fresh, createNew: true)
        #expect(isRegular(fresh) && mode(fresh) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.dir).allSatisfy { !$0.contains(".tmp-") })
    }
}
