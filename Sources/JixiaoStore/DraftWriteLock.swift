import Foundation
import JixiaoKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serializes the writers of one draft (`jixiao set`, the terminal UI's save, its "overwrite" answer):
/// an exclusive `flock` on the draft file itself, held from before the draft is read (or compared with
/// what was read) until the new version has been renamed into place. Without it two writers both read
/// the old version and the second rename silently drops the first one's change.
///
/// The lock is on the file, and a save replaces the file: a writer that waited may find, once it has
/// the lock, that the path now names the newer file, and then it locks that one instead. So whoever
/// holds the lock holds it on the draft that is at the path, and nothing else appears there meanwhile
/// unless a program that takes no lock writes it (which the "changed on disk" check still catches).
///
/// No extra file is created beside the draft; the terminal UI's session lock (`DraftLock`) is separate:
/// it says who has the draft open for hours, this one who is writing it for milliseconds.
public final class DraftWriteLock: @unchecked Sendable {
    public let path: String
    let fd: Int32
    private var held = true

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// How long a writer waits for another one to finish before giving up: far longer than any save.
    public static let patience: TimeInterval = 10

    /// Locks the draft at `path`; nil when there is no file there (a new draft has nothing to protect).
    /// Throws `.notRegular` for a link, FIFO or folder, `.busy` when another writer held it for
    /// `patience` seconds.
    public static func acquire(_ path: String, patience: TimeInterval = DraftWriteLock.patience) throws(DraftError) -> DraftWriteLock? {
        let deadline = Date().addingTimeInterval(patience)
        var pause: UInt32 = 500  // µs, doubling to 20 ms
        while true {
            let fd: Int32
            do { fd = try SafeFile.openRegular(path) } catch .notFound { return nil }
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let e = errno
                // A file system without flock (some network mounts): writing still works, unserialized.
                if e == ENOLCK || e == EOPNOTSUPP || e == ENOSYS { break }
                guard e == EWOULDBLOCK || e == EINTR else {
                    close(fd)
                    throw .writeFailed(path: path, reason: String(cString: strerror(e)))
                }
                guard Date() < deadline else {
                    close(fd)
                    throw .busy(path: path, seconds: Int(patience.rounded()))
                }
                usleep(pause)
                pause = min(pause * 2, 20_000)
            }
            // Replaced while we waited: lock the file that is there now.
            var locked = stat(), now = stat()
            guard fstat(fd, &locked) == 0 else { close(fd); continue }
            if lstat(path, &now) != 0 {
                close(fd)
                if errno == ENOENT { return nil }
                continue
            }
            if locked.st_dev == now.st_dev && locked.st_ino == now.st_ino { return DraftWriteLock(path: path, fd: fd) }
            close(fd)
        }
    }

    /// The locked file's contents.
    func read() throws(DraftError) -> [UInt8] { try SafeFile.readAll(fd, path: path) }

    /// The locked file as it is now.
    var stamp: FileStamp? {
        var st = stat()
        return fstat(fd, &st) == 0 ? FileStamp(st) : nil
    }

    /// Whether the file may be replaced: renaming over it needs only the folder to be writable, so a
    /// draft made read-only (chmod 0400, or a file we may not write) would otherwise be replaced anyway.
    /// The mode bits are checked as well as access(2), since root passes access(2) whatever the mode.
    var isWritable: Bool {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return false }
        return st.st_mode & 0o222 != 0 && access(path, W_OK) == 0
    }

    public func release() {
        guard held else { return }
        held = false
        close(fd)  // closing the only descriptor drops the flock
    }

    deinit { release() }
}
