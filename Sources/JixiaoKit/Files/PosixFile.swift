#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two file steps every writer of ours shares (drafts, recovery files, printouts): make a new file
/// that nobody else can have prepared, and put all the bytes in it for good. They answer with the
/// `errno` of a failure; each layer words its own errors.
public enum PosixFile {
    /// Creates the first free name that `candidate` offers (called afresh for each try), exclusively and
    /// never through a link, owner-only whatever the umask. `EEXIST` on every try means names are being
    /// planted as fast as they are tried.
    public static func createExclusive(attempts: Int, _ candidate: () -> String) -> Result<(fd: Int32, path: String), PosixError> {
        for _ in 0..<attempts {
            let path = candidate()
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                fchmod(fd, 0o600)  // the umask can only have taken bits away; make it exactly 0600
                return .success((fd, path))
            }
            if errno != EEXIST { return .failure(PosixError(errno)) }
        }
        return .failure(PosixError(EEXIST))
    }

    /// Writes every byte (again after an interrupted call) and flushes it to the disk. Closes `fd` when
    /// it fails, so the caller only has to remove the file.
    public static func writeAllAndSync(_ fd: Int32, _ bytes: [UInt8]) -> PosixError? {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                close(fd)
                return PosixError(e)
            }
            written += n
        }
        if fsync(fd) != 0 {
            let e = errno
            close(fd)
            return PosixError(e)
        }
        return nil
    }
}

/// An `errno` value, as an error.
public struct PosixError: Error, Sendable, Equatable {
    public let code: Int32
    public init(_ code: Int32) { self.code = code }
}
