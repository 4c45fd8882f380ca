import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

struct DraftLockTests {
    @Test func acquireWritesWhoHoldsItAndReleaseRemovesIt() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        guard case let .acquired(lock, tookOver) = DraftLock.acquire(for: p) else { Issue.record("not acquired"); return }
        #expect(tookOver == nil)
        #expect(lock.path == dir + "/.d.json.lock")
        let info = LockInfo.decode(try DraftStore.readBytes(lock.path))
        #expect(info?.pid == getpid())
        #expect(info?.host == RecoveryStore.hostName())
        let attrs = try FileManager.default.attributesOfItem(atPath: lock.path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: lock.path))
    }

    @Test func aLockHeldByALiveProcessIsReported() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        guard case let .acquired(lock, _) = DraftLock.acquire(for: p) else { Issue.record("not acquired"); return }
        defer { lock.release() }
        // A second program (another pid) asks for the same draft while we, alive, hold it.
        guard case let .heldBy(info) = DraftLock.acquire(for: p, pid: getpid() &+ 100_000) else { Issue.record("expected held"); return }
        #expect(info.pid == getpid())
        #expect(info.host == RecoveryStore.hostName())
        #expect(abs(info.since.timeIntervalSinceNow) < 60)
        #expect(FileManager.default.fileExists(atPath: lock.path))
    }

    @Test func aLockLeftByADeadProcessIsTakenOver() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        let dead = Fixtures.deadPID()
        let stale = LockInfo.current(pid: dead, now: Date(timeIntervalSinceNow: -3600))
        try stale.encoded().write(toFile: DraftLock.path(for: p), atomically: false, encoding: .utf8)
        guard case let .acquired(lock, tookOver) = DraftLock.acquire(for: p) else { Issue.record("not taken over"); return }
        #expect(tookOver?.pid == dead)
        #expect(LockInfo.decode(try DraftStore.readBytes(lock.path))?.pid == getpid())
        lock.release()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func aLockFromAnotherHostIsNeverTakenOver() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        var other = LockInfo.current(pid: Fixtures.deadPID())
        other.host = "another-machine"
        try other.encoded().write(toFile: DraftLock.path(for: p), atomically: false, encoding: .utf8)
        guard case let .heldBy(info) = DraftLock.acquire(for: p) else { Issue.record("expected held"); return }
        #expect(info.host == "another-machine")
    }

    @Test func aLockFromBeforeARebootIsStale() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        var old = LockInfo.current(pid: getpid() &+ 100_000)
        guard old.boot != nil else { return }  // no boot id on this system
        old.boot = "00000000-0000-0000-0000-000000000000"
        try old.encoded().write(toFile: DraftLock.path(for: p), atomically: false, encoding: .utf8)
        guard case .acquired = DraftLock.acquire(for: p, isAlive: { _ in true }) else { Issue.record("expected takeover"); return }
    }

    @Test func anEmptyLockIsHeldWhileYoungAndStaleWhenOld() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        FileManager.default.createFile(atPath: DraftLock.path(for: p), contents: Data())
        guard case .heldBy = DraftLock.acquire(for: p) else { Issue.record("expected held while young"); return }
        guard case .acquired = DraftLock.acquire(for: p, now: Date(timeIntervalSinceNow: 60)) else { Issue.record("expected takeover"); return }
    }

    @Test func aReadOnlyFolderGivesNoLockButAnError() {
        guard case let .unavailable(error) = DraftLock.acquire(for: "/nonexistent-folder/d.json") else { Issue.record("expected unavailable"); return }
        #expect(error != .readOnly(path: ""))
    }

    @Test func releaseLeavesSomeoneElsesLockAlone() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = dir + "/d.json"
        guard case let .acquired(lock, _) = DraftLock.acquire(for: p) else { Issue.record("not acquired"); return }
        // Our lock was judged stale and replaced by another program's.
        let theirs = LockInfo.current(pid: getpid() &+ 100_000)
        try theirs.encoded().write(toFile: lock.path, atomically: true, encoding: .utf8)
        lock.release()
        #expect(FileManager.default.fileExists(atPath: lock.path))
    }
}
