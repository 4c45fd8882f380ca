import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JixiaoKit

/// Who holds a draft open: written into `.NAME.lock` beside it.
public struct LockInfo: Equatable, Sendable {
    public var pid: Int32
    public var host: String
    public var user: String
    public var since: Date
    /// Linux's boot id: a lock from before a reboot is stale whatever its pid now names.
    public var boot: String?

    public init(pid: Int32, host: String, user: String, since: Date, boot: String?) {
        self.pid = pid
        self.host = host
        self.user = user
        self.since = Date(timeIntervalSince1970: (since.timeIntervalSince1970 * 1000).rounded() / 1000)
        self.boot = boot
    }

    public static func current(pid: Int32 = getpid(), now: Date = Date()) -> LockInfo {
        LockInfo(pid: pid, host: RecoveryStore.hostName(), user: userName(), since: now, boot: bootID())
    }

    static func userName() -> String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name {
            return String(decoding: UnsafeRawBufferPointer(start: name, count: strlen(name)), as: UTF8.self)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? String(getuid())
    }

    public static func bootID() -> String? {
        guard let d = FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id") else { return nil }
        let s = String(decoding: d, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }

    func encoded() -> String {
        var pairs: [(String, JSONValue)] = [
            ("program", .string("jixiao")), ("pid", .number(String(pid))), ("host", .string(host)), ("user", .string(user)),
            ("since", .string(RecoveryCodec.iso(since))),
            ("sinceMs", .number(String(Int64((since.timeIntervalSince1970 * 1000).rounded())))),
        ]
        if let boot { pairs.append(("boot", .string(boot))) }
        return JSONWriter.write(.object(pairs))
    }

    static func decode(_ bytes: [UInt8]) -> LockInfo? {
        guard let v = try? JSONReader.parse(bytes), let pid = v["pid"]?.int, pid > 0,
              let ms = v["sinceMs"]?.numberText.flatMap({ Int64($0) }) else { return nil }
        return LockInfo(pid: Int32(clamping: pid), host: v["host"]?.string ?? "", user: v["user"]?.string ?? "",
                        since: Date(timeIntervalSince1970: Double(ms) / 1000), boot: v["boot"]?.string)
    }
}

/// A lock on a draft so two programs never edit it at once: `.NAME.lock` beside the draft, created with
/// O_CREAT|O_EXCL|O_NOFOLLOW, and read only when it is a regular file (never through a link, never
/// blocking on a FIFO). A lock whose process is gone (same host, and `kill(pid, 0)` says ESRCH, or another
/// boot) is stale and taken over; one held by a live process, or by another host we cannot ask, is not.
public final class DraftLock: @unchecked Sendable {
    public let path: String
    public let info: LockInfo
    private var held = true

    init(path: String, info: LockInfo) {
        self.path = path
        self.info = info
    }

    public static func path(for draftPath: String) -> String {
        DraftFiles.lock(of: draftPath)
    }

    public enum Outcome: Sendable {
        /// `tookOver`: the stale lock that was there.
        case acquired(DraftLock, tookOver: LockInfo?)
        case heldBy(LockInfo)
        /// No lock could be made (read-only folder…): the caller may go on without one.
        case unavailable(DraftError)
    }

    /// A lock file that cannot be read is given this long to be finished by whoever is creating it.
    static let unreadableGrace: TimeInterval = 10

    public static func acquire(for draftPath: String, pid: Int32 = getpid(), now: Date = Date(),
                               isAlive: (Int32) -> Bool = DraftLock.processIsAlive) -> Outcome {
        let lockPath = path(for: draftPath)
        let mine = LockInfo.current(pid: pid, now: now)
        var tookOver: LockInfo?
        for _ in 0..<4 {
            let fd = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                let bytes = Array(mine.encoded().utf8)
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                // A short write to a file is the disk filling up (the next write would say ENOSPC).
                var cause: Int32 = n < 0 ? errno : n < bytes.count ? ENOSPC : 0
                // Not synced: the lock only speaks to programs running now, which read it from the cache
                // (a network file system sends it at close, and says there if it could not); after a power
                // cut it is stale whatever it says, and one left empty is taken over (`judge`). An fsync
                // here cost 1-6 ms of every opening before its first frame (docs/performance.md).
                if close(fd) != 0, cause == 0 { cause = errno }
                guard cause == 0 else {
                    unlink(lockPath)
                    return .unavailable(DraftStore.writeError(cause, path: lockPath))
                }
                return .acquired(DraftLock(path: lockPath, info: mine), tookOver: tookOver)
            }
            guard errno == EEXIST else { return .unavailable(DraftStore.writeError(errno, path: lockPath)) }
            let found: LockInfo
            switch judge(lockPath, mine: mine, now: now, isAlive: isAlive) {
            case .vanished: continue
            // A link, FIFO or folder planted where the lock goes: neither followed nor removed (it is not
            // ours); the draft can still be edited, without a lock, and the caller says why.
            case .notRegular: return .unavailable(.notRegular(path: lockPath))
            case let .unreadable(error): return .unavailable(error)
            case let .held(info): return .heldBy(info)
            case let .stale(info): found = info
            }
            // Move the stale lock aside before deleting it, and check it is still the one judged stale:
            // another program may have taken it over in between, and its fresh lock must survive. The
            // aside name is random so that nothing planted there is replaced by the rename.
            let aside = SafeFile.temporaryName(prefix: lockPath + ".stale-", pid: pid, random: SafeFile.randomPart())
            guard rename(lockPath, aside) == 0 else { continue }
            var st = stat()
            guard lstat(aside, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
                // Swapped for something else between the look and the move: put it back untouched.
                if link(aside, lockPath) == 0 { unlink(aside) }
                return .unavailable(.notRegular(path: lockPath))
            }
            let moved = (try? DraftStore.readBytes(aside)).flatMap(LockInfo.decode)
            if let moved, moved != found {
                _ = link(aside, lockPath)  // best effort: put the live lock back
                unlink(aside)
                return .heldBy(moved)
            }
            unlink(aside)
            tookOver = found
        }
        return .unavailable(.writeFailed(path: lockPath, reason: "lock contended"))
    }

    /// Who has the draft open, for a writer that does not take this lock itself (`jixiao set`): the
    /// holder when the lock names a live process here or another host; nil when there is no lock, it is
    /// stale, or it is not a regular file (nobody's lock).
    public static func holder(for draftPath: String, now: Date = Date(),
                              isAlive: (Int32) -> Bool = DraftLock.processIsAlive) -> LockInfo? {
        guard case let .held(info) = judge(path(for: draftPath), mine: LockInfo.current(now: now), now: now, isAlive: isAlive) else {
            return nil
        }
        return info
    }

    enum Judgement {
        /// No lock there (any more).
        case vanished
        case notRegular
        /// There, but we may not read it (another user's): not ours to judge or take over.
        case unreadable(DraftError)
        case held(LockInfo)
        case stale(LockInfo)
    }

    /// What the lock file says and whether it is stale.
    static func judge(_ lockPath: String, mine: LockInfo, now: Date, isAlive: (Int32) -> Bool) -> Judgement {
        let bytes: [UInt8]
        do { bytes = try DraftStore.readBytes(lockPath) } catch {
            switch error {
            case .notFound: return .vanished
            case .notRegular: return .notRegular
            default: return .unreadable(error)
            }
        }
        guard let found = LockInfo.decode(bytes) else {
            // Empty or damaged: a crash between creating and writing it, or someone creating it right now.
            let age = DraftStore.stamp(lockPath).map { now.timeIntervalSince1970 - Double($0.modified) } ?? .infinity
            let unknown = LockInfo(pid: 0, host: "", user: "", since: now.addingTimeInterval(-max(0, age.isFinite ? age : 0)), boot: nil)
            return age > unreadableGrace ? .stale(unknown) : .held(unknown)
        }
        guard found.host == mine.host else { return .held(found) }  // cannot ask another machine
        if let a = found.boot, let b = mine.boot, a != b { return .stale(found) }
        // Our own pid in someone else's lock: a previous process that had the same pid (containers reuse them).
        if found.pid == mine.pid { return .stale(found) }
        return isAlive(found.pid) ? .held(found) : .stale(found)
    }

    /// kill(pid, 0): ESRCH means no such process; EPERM means it exists but belongs to someone else.
    public static func processIsAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) == 0 { return true }
        return errno != ESRCH
    }

    /// Removes the lock if it is still ours. Safe to call more than once.
    public func release() {
        guard held else { return }
        held = false
        if let bytes = try? DraftStore.readBytes(path), let found = LockInfo.decode(bytes), found != info { return }
        unlink(path)
    }

    deinit { release() }
}
