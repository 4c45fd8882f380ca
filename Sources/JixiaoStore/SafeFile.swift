import Foundation
import JixiaoKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the program opens and creates the files beside a draft, which may sit in a folder others can
/// write to. Existing files are opened only when they are regular files, never through a link, and
/// never in a way that can block (a FIFO or a device planted under a draft's name). New files are
/// created exclusively (O_EXCL, O_NOFOLLOW, 0600) under a name with a random part, so a file or link
/// planted in advance is neither written through nor removed: its name is simply skipped.
public enum SafeFile {
    /// Opens an existing regular file for reading. O_NONBLOCK keeps a FIFO from blocking the open (it
    /// is then refused by the fstat check, and the flag is cleared for ordinary reads); O_NOFOLLOW
    /// refuses a link instead of opening whatever it points to.
    public static func openRegular(_ path: String) throws(DraftError) -> Int32 {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            switch e {
            case ENOENT, ENOTDIR: throw .notFound(path: path)
            case ELOOP, EMLINK: throw .notRegular(path: path)  // what O_NOFOLLOW gives for a link (Linux, BSD)
            default: throw .unreadable(path: path, reason: String(cString: strerror(e)))
            }
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .notRegular(path: path)
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return fd
    }

    /// Everything from the start of `fd`, refusing more than `limit` bytes.
    public static func readAll(_ fd: Int32, path: String, limit: Int = DraftCodec.maxBytes) throws(DraftError) -> [UInt8] {
        var st = stat()
        if fstat(fd, &st) == 0, Int(st.st_size) > limit { throw .tooLarge(path: path, bytes: Int(st.st_size)) }
        // Read straight into the array's storage, sized by fstat (one byte more, to see a file that grew):
        // through a buffer, the copy of a 2 MB draft was a tenth of the time to the first frame.
        let expected = max(0, Int(st.st_size))
        var failure: Int32?
        var out = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                // pread: a file read earlier through the same descriptor (a write lock's) is read again whole.
                let n = pread(fd, buffer.baseAddress! + count, buffer.count - count, off_t(count))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if let failure { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
        guard out.count > expected else { return out }
        // Longer than fstat said (written to meanwhile): the rest in pieces.
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if out.count > limit { throw .tooLarge(path: path, bytes: out.count) }
            let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(out.count)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        if out.count > limit { throw .tooLarge(path: path, bytes: out.count) }
        return out
    }

    /// The contents of the regular file at `path` (see `openRegular`).
    public static func read(_ path: String, limit: Int = DraftCodec.maxBytes) throws(DraftError) -> [UInt8] {
        let fd = try openRegular(path)
        defer { close(fd) }
        return try readAll(fd, path: path, limit: limit)
    }

    /// `PREFIX<pid>-<16 hex digits>`. The pid lets a later save tell a leftover of a writer that is gone
    /// (`removeLeftovers`); the random part makes the name impossible to plant in advance.
    public static func temporaryName(prefix: String, pid: Int32 = getpid(), random: UInt64) -> String {
        let hex = String(random, radix: 16)
        return prefix + "\(pid)-" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    public static func randomPart() -> UInt64 { UInt64.random(in: .min ... .max) }

    /// How many taken names are skipped before giving up: with 64 random bits, more than one means
    /// someone is planting names as fast as they are tried.
    static let attempts = 16

    /// Creates a new empty file `directory/PREFIX<pid>-<random>` for writing, owner-only. Errors are
    /// worded for `target`, the file the caller is really writing.
    public static func createExclusive(directory: String, prefix: String, target: String? = nil,
                                       random: () -> UInt64 = SafeFile.randomPart) throws(DraftError) -> (fd: Int32, path: String) {
        let target = target ?? directory
        switch PosixFile.createExclusive(attempts: attempts, { directory + "/" + temporaryName(prefix: prefix, random: random()) }) {
        case let .success(file): return file
        case let .failure(e) where e.code == EEXIST: throw .writeFailed(path: target, reason: DraftText.temporaryNamesTaken)
        case let .failure(e): throw DraftStore.writeError(e.code, path: target)
        }
    }

    /// Makes a second name `directory/PREFIX<pid>-<random>` for the file open as `fd` (the draft being
    /// replaced, to become its backup). Through /proc on Linux so the name is given to exactly the file
    /// that was locked and read, not to whatever `path` names by now; elsewhere `link(path)`, which does
    /// not follow a link either. Nil when no name could be made (the save then goes on without a backup).
    static func linkExclusive(fd: Int32, path: String, directory: String, prefix: String) -> String? {
        for _ in 0..<attempts {
            let name = directory + "/" + temporaryName(prefix: prefix, random: randomPart())
            #if os(Linux)
            if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 { return name }
            if errno == EEXIST { continue }
            #endif
            if link(path, name) == 0 { return name }
            if errno != EEXIST { return nil }
        }
        return nil
    }

    /// A leftover must not have been touched for this long before it is removed: a writer on another
    /// computer sharing the folder has a pid that means nothing here, but no save takes a minute.
    public static let leftoverGrace: TimeInterval = 60

    /// Removes what killed writers left in `directory`: files named `PREFIX<pid>-<16 hex>` (or
    /// `PREFIX<pid>`, the names of earlier versions) for one of `prefixes`, and only when each is a
    /// regular file (never a link), owned by us, older than `leftoverGrace`, and its pid is gone.
    /// Each is a full copy of a draft, so a folder of killed saves would otherwise fill up with them.
    public static func removeLeftovers(directory: String, prefixes: [String], now: Date = Date(),
                                       isAlive: (Int32) -> Bool = DraftLock.processIsAlive) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }),
                  let pid = leftoverPID(String(name.dropFirst(prefix.count))) else { continue }
            let path = directory + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_uid == geteuid() else { continue }
            let age = now.timeIntervalSince1970 - Double(st.st_mtim.tv_sec)
            guard age > leftoverGrace, pid != getpid(), !isAlive(pid) else { continue }
            unlink(path)
        }
    }

    /// The pid in `<pid>-<16 hex>` or `<pid>`; nil for anything else.
    static func leftoverPID(_ rest: String) -> Int32? {
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.allSatisfy({ $0 >= "0" && $0 <= "9" }), let pid = Int32(first), pid > 0 else { return nil }
        switch parts.count {
        case 1: return pid
        case 2 where parts[1].count == 16 && parts[1].allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }): return pid
        default: return nil
        }
    }
}
