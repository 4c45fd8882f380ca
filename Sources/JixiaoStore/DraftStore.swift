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

extension FileStamp {
    init(_ st: stat) {
        self.init(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                  modified: Int64(st.st_mtim.tv_sec), modifiedNanos: Int64(st.st_mtim.tv_nsec))
    }
}

/// Reads and writes draft files so that they cannot be lost (docs/recovery.md): a save writes a new
/// file in the same folder under a name nobody can predict, created exclusively and owner-only (0600),
/// flushes it, keeps the previous version as `<file>.bak`, and renames the new one into place, all
/// while holding the draft's write lock. A failed save leaves the old file untouched, and so does a
/// refused one: a file changed on disk, a read-only file, a draft the reader would refuse.
public struct DraftStore: Sendable {
    public let catalog: TemplateCatalog

    public init(catalog: TemplateCatalog) { self.catalog = catalog }

    public struct Loaded: Sendable {
        public let draft: Draft
        public let template: Template
        public let stamp: FileStamp?
    }

    /// The file at `path` itself, not what a link there points to.
    public static func stamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return FileStamp(st)
    }

    /// The bytes of the regular file at `path` (never a link, never blocking on a FIFO).
    public static func readBytes(_ path: String) throws(DraftError) -> [UInt8] {
        try SafeFile.read(path)
    }

    /// Loads a draft. With `lock`, the file read is the locked one (a read-modify-write).
    public func load(_ path: String, lock: DraftWriteLock? = nil) throws(DraftError) -> Loaded {
        try loadFirst(path, lock: lock) { _, _ in nil }.loaded
    }

    /// Loads a draft for a first frame that shows only some of its forms (issue 12, item 5): `shows`
    /// names them, given the template and the draft's instances (none of them read yet; nil: all).
    /// The instances of the forms it can do without hold only what the frame reads of them (their
    /// names) until `DraftRest.finish` reads them whole, after the frame is painted.
    /// `early`: the template the caller began loading from `templateID(peeking:)`, used when the draft
    /// names that one.
    public func loadFirst(_ path: String, lock: DraftWriteLock? = nil, early: (id: String, template: Later<Template?>)? = nil,
                          shows: (Template, Draft) -> Set<String>?) throws(DraftError) -> (loaded: Loaded, rest: DraftRest?) {
        let (bytes, stamp) = try Self.read(path, lock: lock)
        let catalog = self.catalog
        if let scan = DirectScan(bytes, template: { id in id == early?.id ? early?.template.value : try? catalog.load(id) }) {
            let left = scan.deferrable(showing: shows(scan.template, scan.skeleton))
            if let draft = scan.draft(leaving: left) {
                return (Loaded(draft: draft, template: scan.template, stamp: stamp),
                        left.isEmpty ? nil : DraftRest(forms: left, scan: scan, store: self, path: path))
            }
        }
        // Not a draft the direct reader takes: read it the long way, which says what is wrong with it.
        return (try readLongWay(bytes, path: path, stamp: stamp), nil)
    }

    /// The bytes of the draft at `path` (the locked file's, with `lock`) and the file's stamp.
    static func read(_ path: String, lock: DraftWriteLock?) throws(DraftError) -> (bytes: [UInt8], stamp: FileStamp?) {
        if let lock { return (try lock.read(), lock.stamp) }
        let fd = try SafeFile.openRegular(path)
        defer { close(fd) }
        var st = stat()
        let stamp = fstat(fd, &st) == 0 ? FileStamp(st) : nil
        return (try SafeFile.readAll(fd, path: path), stamp)
    }

    /// A draft the direct reader does not take, read the long way, which says what is wrong with it.
    func readLongWay(_ bytes: [UInt8], path: String, stamp: FileStamp?) throws(DraftError) -> Loaded {
        let head = try DraftCodec.header(bytes, path: path)
        let template: Template
        do { template = try catalog.load(head.templateID) } catch { throw .missingTemplate(path: path, id: head.templateID) }
        let draft = try DraftCodec.decode(head.root, template: template, path: path)
        return Loaded(draft: draft, template: template, stamp: stamp)
    }

    /// Saves atomically. `expected`: the stamp seen at load or last save; a different file now on disk
    /// means someone else wrote it, and we refuse rather than overwrite. `createNew`: the file must not
    /// exist (a name just chosen as free); one that appeared meanwhile is never replaced. `lock`: the
    /// write lock the caller already holds (else one is taken here). `beforeRename` is a test seam to
    /// interrupt a save after the temporary file is written.
    ///
    /// What the reader would refuse is refused here first, so a saved draft can always be opened again.
    @discardableResult
    public static func save(_ draft: Draft, template: Template, to path: String, expected: FileStamp? = nil,
                            createNew: Bool = false, lock: DraftWriteLock? = nil,
                            beforeRename: (() throws -> Void)? = nil) throws(DraftError) -> FileStamp? {
        if let (cell, bytes, limit) = DraftCodec.oversizedCell(draft, template: template) {
            throw .cellTooLong(path: path, cell: cell, bytes: bytes, limit: limit)
        }
        let text = DraftCodec.encode(draft, template: template)
        return try writeFile(Array(text.utf8), to: path, expected: expected, createNew: createNew, lock: lock,
                             beforeRename: beforeRename)
    }

    /// `dir` and the temporary-name prefix `.NAME.tmp-` of the file `path`.
    public static func temporaryPrefix(for path: String) -> (directory: String, prefix: String) {
        let url = URL(fileURLWithPath: path)
        return (url.deletingLastPathComponent().path, "." + url.lastPathComponent + ".tmp-")
    }

    @discardableResult
    public static func writeFile(_ bytes: [UInt8], to path: String, expected: FileStamp? = nil, keepBackup: Bool = true,
                                 createNew: Bool = false, lock: DraftWriteLock? = nil,
                                 beforeRename: (() throws -> Void)? = nil) throws(DraftError) -> FileStamp? {
        guard bytes.count <= DraftCodec.maxBytes else {
            throw .draftTooLarge(path: path, bytes: bytes.count, limit: DraftCodec.maxBytes)
        }
        let (dir, tmpPrefix) = temporaryPrefix(for: path)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let bakPrefix = "." + name + ".bak-"
        // From here to the rename, no other writer that locks can slip in between.
        let held: DraftWriteLock?
        if createNew {
            guard stamp(path) == nil else { throw .exists(path: path) }
            held = nil
        } else {
            if let lock { held = lock } else { held = try DraftWriteLock.acquire(path) }
        }
        defer { if lock == nil { held?.release() } }
        if let held {
            guard held.isWritable else { throw .fileReadOnly(path: path) }
            if let expected, stamp(path) != expected { throw .changedOnDisk(path: path) }
        } else if stamp(path) != nil, !createNew {
            // Appeared between the lock's look and now, or a caller's lock for a file that was gone.
            throw .changedOnDisk(path: path)
        }
        SafeFile.removeLeftovers(directory: dir, prefixes: [tmpPrefix, bakPrefix])

        let (fd, tmp) = try SafeFile.createExclusive(directory: dir, prefix: tmpPrefix, target: path)
        var ok = false
        defer { if !ok { unlink(tmp) } }
        if let e = PosixFile.writeAllAndSync(fd, bytes) { throw writeError(e.code, path: path) }
        close(fd)
        if let beforeRename {
            do { try beforeRename() } catch { throw .writeFailed(path: path, reason: "\(error)") }
        }
        if keepBackup, let held {
            // A second name for the version being replaced keeps it as .bak without copying it or a moment
            // with no draft. Renaming onto .bak replaces whatever is there (a link included) and never
            // writes through it.
            if let bakTmp = SafeFile.linkExclusive(fd: held.fd, path: path, directory: dir, prefix: bakPrefix),
               rename(bakTmp, path + ".bak") != 0 {
                unlink(bakTmp)
            }
        }
        if createNew {
            // link, unlike rename, fails when the name has been taken since it was chosen.
            guard link(tmp, path) == 0 else {
                let e = errno
                throw e == EEXIST ? .exists(path: path) : writeError(e, path: path)
            }
            unlink(tmp)
        } else {
            guard rename(tmp, path) == 0 else { throw writeError(errno, path: path) }
        }
        ok = true
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
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
