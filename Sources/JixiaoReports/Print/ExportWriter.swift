import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JixiaoKit

/// Writes printouts (`jixiao print`, the TUI's keys 1–5) so that they can destroy nothing:
///
/// - never over the draft, its `.bak`, its lock or its recovery file (by name, or by identity when
///   another path leads to the same file), whatever the options;
/// - over an existing file only when it is an earlier printout of the same kind (`ExportMarker`), or
///   when the caller forces it (`--force`); a folder, FIFO or device never; a symbolic link is never
///   written through (forced, the link itself is replaced);
/// - atomically: a temporary file beside the target with an unpredictable name, created exclusively
///   (`O_CREAT|O_EXCL|O_NOFOLLOW`), made 0600 whatever the umask (the printouts hold the same names
///   and phone numbers as the draft), flushed, then renamed over the target.
///
/// Every file is checked before any is written, and each again just before its rename.
public enum ExportWriter {
    /// What to do with a file already at a target's name.
    public enum Existing: Sendable {
        /// Replace only an earlier printout of the same kind.
        case exportsOnly
        /// Replace any regular file or link (`--force`); never the draft's own files or a folder.
        case force
        /// Beside the draft (the TUI): a name taken by another file gives way to `NAME(2).ext`, `NAME(3).ext`…
        case renumber
    }

    /// Writes the files; returns the paths written (renumbered ones included).
    @discardableResult
    public static func write(_ files: [(path: String, bytes: [UInt8])], format: PrintJob.Format, draftPath: String,
                             existing: Existing) throws(ExportError) -> [String] {
        let protected = ProtectedFiles(draftPath: draftPath)
        let force = existing == .force
        var targets: [String] = []
        for f in files {
            targets.append(try target(f.path, f.bytes, format, protected, existing))
        }
        for (k, f) in files.enumerated() {
            try writeAtomically(f.bytes, to: targets[k]) { () throws(ExportError) in
                try check(targets[k], f.bytes, format, protected, force: force)
            }
        }
        return targets
    }

    static let renumberLimit = 99

    static func target(_ path: String, _ bytes: [UInt8], _ format: PrintJob.Format, _ protected: ProtectedFiles,
                       _ existing: Existing) throws(ExportError) -> String {
        guard existing == .renumber else {
            try check(path, bytes, format, protected, force: existing == .force)
            return path
        }
        for k in 1...renumberLimit {
            let candidate = k == 1 ? path : numbered(path, k)
            do { try check(candidate, bytes, format, protected, force: false) } catch { continue }
            return candidate
        }
        throw .noFreeName(path: path)
    }

    /// `dir/2023-附件1.csv` → `dir/2023-附件1(2).csv`, as `PrintCSV` numbers two forms of one name.
    static func numbered(_ path: String, _ k: Int) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        return stem + "(\(k))" + (ext.isEmpty ? "" : "." + ext)
    }

    /// Throws unless a printout may be written at `path`.
    static func check(_ path: String, _ bytes: [UInt8], _ format: PrintJob.Format, _ protected: ProtectedFiles,
                      force: Bool) throws(ExportError) {
        if let role = protected.role(of: path) { throw .protectedFile(path: path, role: role) }
        var st = stat()
        // Nothing there (or a folder we cannot look into, which the write will report).
        guard lstat(path, &st) == 0 else { return }
        switch st.st_mode & S_IFMT {
        case S_IFLNK:
            if !force { throw .link(path: path) }
        case S_IFREG:
            if !force, !isEarlierExport(path, format, bytes) { throw .notAnExport(path: path) }
        default:
            throw .notRegular(path: path)
        }
    }

    /// Reads the start of the file (all of it for a workbook, within a limit) without following a link
    /// or blocking, and asks `ExportMarker`.
    static func isEarlierExport(_ path: String, _ format: PrintJob.Format, _ new: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return false }
        let limit = format == .xlsx || format == .docx ? ExportMarker.workbookLimit : ExportMarker.textLimit
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += buf[0..<n]
        }
        return ExportMarker.isExport(bytes, complete: bytes.count <= limit, format: format, new: new)
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String, recheck: () throws(ExportError) -> Void) throws(ExportError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let created = PosixFile.createExclusive(attempts: 8) {
            dir + "/." + url.lastPathComponent + ".tmp-" + String(UInt64.random(in: .min ... .max), radix: 36)
        }
        let (fd, tmp): (Int32, String)
        switch created {
        case let .success(file): (fd, tmp) = file
        case let .failure(e): throw writeError(e.code, path)
        }
        var renamed = false
        defer { if !renamed { unlink(tmp) } }
        if let e = PosixFile.writeAllAndSync(fd, bytes) { throw writeError(e.code, path) }
        close(fd)
        try recheck()
        guard rename(tmp, path) == 0 else { throw writeError(errno, path) }
        renamed = true
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    static func writeError(_ e: Int32, _ path: String) -> ExportError {
        switch e {
        case EACCES, EROFS, EPERM: return .readOnly(path: path)
        case ENOSPC, EDQUOT: return .diskFull(path: path)
        default: return .writeFailed(path: path, reason: String(cString: strerror(e)))
        }
    }
}

/// The draft's own files, beside it and in the recovery fallback folder, and how to tell whether a
/// path names one of them: by its folder's real path and name, or by being the same file.
struct ProtectedFiles {
    let entries: [(path: String, role: ExportError.ProtectedRole)]

    init(draftPath: String) {
        entries = [(draftPath, .draft), (DraftFiles.backup(of: draftPath), .backup), (DraftFiles.lock(of: draftPath), .lock)]
            + DraftFiles.recoveryCandidates(of: draftPath).map { ($0, .recovery) }
    }

    func role(of path: String) -> ExportError.ProtectedRole? {
        let name = Self.canonical(path)
        let id = Self.identity(path)
        return entries.first { e in Self.canonical(e.path) == name || (id != nil && Self.identity(e.path) == id) }?.role
    }

    /// The real path of the file's folder (links and `..` resolved) and its name.
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        guard let real = realpath(dir, nil) else { return url.standardizedFileURL.path }
        defer { free(real) }
        return String(cString: real) + "/" + url.lastPathComponent
    }

    /// Device and inode of what the path leads to, links followed.
    static func identity(_ path: String) -> [UInt64]? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }
}
