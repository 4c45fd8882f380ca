import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JixiaoKit

/// Identity of a file on disk when we read it, to notice a draft replaced behind our back.
public struct FileStamp: Equatable, Sendable {
    public let device: UInt64
    public let inode: UInt64
    public let size: Int64
    public let modified: Int64
    public let modifiedNanos: Int64
}

/// Reads and writes draft files so that they cannot be lost: a save writes a temporary file in the
/// same folder, flushes it, keeps the previous version as `<file>.bak`, and renames the new one
/// into place; files are created owner-only (0600). A failed save leaves the old file untouched.
public struct DraftStore: Sendable {
    public let catalog: TemplateCatalog

    public init(catalog: TemplateCatalog) { self.catalog = catalog }

    public struct Loaded: Sendable {
        public let draft: Draft
        public let template: Template
        public let stamp: FileStamp?
    }

    public static func stamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                         modified: Int64(st.st_mtim.tv_sec), modifiedNanos: Int64(st.st_mtim.tv_nsec))
    }

    public static func readBytes(_ path: String) throws(DraftError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            if n == 0 { break }
            out.append(contentsOf: buf[0..<n])
            if out.count > DraftCodec.maxBytes { throw .tooLarge(path: path, bytes: out.count) }
        }
        return out
    }

    public func load(_ path: String) throws(DraftError) -> Loaded {
        let stamp = Self.stamp(path)
        let bytes = try Self.readBytes(path)
        let head = try DraftCodec.header(bytes, path: path)
        let template: Template
        do { template = try catalog.load(head.templateID) } catch { throw .missingTemplate(path: path, id: head.templateID) }
        let draft = try DraftCodec.decode(head.root, template: template, path: path)
        return Loaded(draft: draft, template: template, stamp: stamp)
    }

    /// Saves atomically. `expected`: the stamp seen at load or last save; a different file now on disk
    /// means someone else wrote it, and we refuse rather than overwrite. `beforeRename` is a test seam
    /// to interrupt a save after the temporary file is written.
    @discardableResult
    public static func save(_ draft: Draft, template: Template, to path: String, expected: FileStamp? = nil,
                            beforeRename: (() throws -> Void)? = nil) throws(DraftError) -> FileStamp? {
        let text = DraftCodec.encode(draft, template: template)
        return try writeFile(Array(text.utf8), to: path, expected: expected, beforeRename: beforeRename)
    }

    @discardableResult
    public static func writeFile(_ bytes: [UInt8], to path: String, expected: FileStamp? = nil, keepBackup: Bool = true,
                             beforeRename: (() throws -> Void)? = nil) throws(DraftError) -> FileStamp? {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        if let expected, let now = stamp(path), now != expected { throw .changedOnDisk(path: path) }
        let tmp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw writeError(errno, path: path) }
        var ok = false
        defer { if !ok { unlink(tmp) } }
        fchmod(fd, 0o600)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                close(fd)
                throw writeError(e, path: path)
            }
            written += n
        }
        if fsync(fd) != 0 {
            let e = errno
            close(fd)
            throw writeError(e, path: path)
        }
        close(fd)
        if let beforeRename {
            do { try beforeRename() } catch { throw .writeFailed(path: path, reason: "\(error)") }
        }
        if keepBackup && FileManager.default.fileExists(atPath: path) {
            // A hard link keeps the old version as .bak without copying or a moment with no draft.
            let bak = path + ".bak"
            let bakTmp = dir + "/." + url.lastPathComponent + ".bak-\(getpid())"
            unlink(bakTmp)
            if link(path, bakTmp) == 0 {
                if rename(bakTmp, bak) != 0 { unlink(bakTmp) }
            }
        }
        guard rename(tmp, path) == 0 else { throw writeError(errno, path: path) }
        ok = true
        let dfd = open(dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
        return stamp(path)
    }

    static func writeError(_ e: Int32, path: String) -> DraftError {
        switch e {
        case EACCES, EROFS, EPERM: return .readOnly(path: path)
        case ENOSPC, EDQUOT: return .diskFull(path: path)
        default: return .writeFailed(path: path, reason: String(cString: strerror(e)))
        }
    }
}
