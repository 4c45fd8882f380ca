import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JixiaoKit

/// Where recovery files live and what to do with one found when a draft is opened.
///
/// The file sits beside the draft as `.NAME.recovery`. When that folder cannot be written (read-only,
/// full), it goes to the user's state folder instead (`$XDG_STATE_HOME/jixiao/recovery`, else
/// `~/.local/state/jixiao/recovery`), named after the draft plus a hash of its absolute path: a read-only
/// folder is exactly when typing most needs a place to go.
public enum RecoveryStore {
    public static func path(for draftPath: String) -> String { DraftFiles.recovery(of: draftPath) }

    public static func sibling(_ draftPath: String, prefix: String, suffix: String) -> String {
        DraftFiles.sibling(draftPath, prefix: prefix, suffix: suffix)
    }

    public static func fallbackDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        DraftFiles.fallbackDirectory(environment: environment)
    }

    public static func fallbackPath(for draftPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        DraftFiles.fallbackRecovery(of: draftPath, environment: environment)
    }

    public static func absolute(_ path: String) -> String { DraftFiles.absolute(path) }

    /// Both places a draft's recovery file can be, beside it first.
    public static func candidates(for draftPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        DraftFiles.recoveryCandidates(of: draftPath, environment: environment)
    }

    /// Whether any recovery file lies where one for `draftPath` would (`examine` then has something to
    /// judge): a name taken, nothing read.
    public static func hasFile(for draftPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        candidates(for: draftPath, environment: environment).contains { DraftStore.stamp($0) != nil }
    }

    /// Writes atomically (temporary file, fsync, rename; 0600) beside the draft, or in the fallback folder
    /// when that fails. Returns the path written. Throws the error of the place beside the draft when
    /// neither works, since that is the one the user can do something about.
    @discardableResult
    public static func write(_ r: RecoveryFile, template: Template,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws(DraftError) -> String {
        try write(bytes: Array(RecoveryCodec.encode(r, template: template).utf8), draftPath: r.draftPath, environment: environment)
    }

    /// The same, for a recovery file already encoded (the TUI encodes off the key path and writes later).
    @discardableResult
    public static func write(bytes: [UInt8], draftPath: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws(DraftError) -> String {
        let primary = path(for: draftPath)
        do {
            try DraftStore.writeFile(bytes, to: primary, keepBackup: false)
            // An older copy in the fallback folder would otherwise be offered next time as well.
            if let fb = fallbackPath(for: draftPath, environment: environment) { removeRegular(fb) }
            return primary
        } catch {
            guard let fb = fallbackPath(for: draftPath, environment: environment) else { throw error }
            let dir = URL(fileURLWithPath: fb).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            do { try DraftStore.writeFile(bytes, to: fb, keepBackup: false) } catch _ { throw error }
            return fb
        }
    }

    /// Removes the draft's recovery files wherever they are: regular files only, since anything else
    /// under the name (a planted link) is not ours. Failures are ignored: a file left behind is found
    /// identical to the draft next time and cleaned up then.
    public static func remove(for draftPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        for p in candidates(for: draftPath, environment: environment) { removeRegular(p) }
    }

    static func removeRegular(_ p: String) {
        var st = stat()
        if lstat(p, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { unlink(p) }
    }

    /// What opening a draft finds.
    public enum Finding: Sendable {
        case none
        /// Nothing in it that the draft on disk does not already have; already removed.
        case stale(path: String)
        /// It cannot be read (damaged, unknown template): moved aside to `keptAs`, never deleted.
        case unreadable(path: String, keptAs: String?, error: DraftError)
        case offer(RecoveryOffer)
    }

    /// Moves an unreadable recovery file to `NAME.unreadable-TIME-<16 hex>`, replacing nothing: the
    /// folder may be shared, so the new name is not guessable and is taken with link(2), which fails
    /// rather than replace a file planted under it. Where the file system has no hard links (a FAT
    /// stick), rename(2) to the unguessable name. Nil when neither worked: the file stays where it was.
    static func setAside(_ p: String, now: Date = Date()) -> String? {
        let aside = SafeFile.temporaryName(prefix: p + ".unreadable-\(Int(now.timeIntervalSince1970))-", pid: getpid(),
                                           random: SafeFile.randomPart())
        if link(p, aside) == 0 { return unlink(p) == 0 ? aside : nil }
        guard errno == EPERM || errno == EOPNOTSUPP || errno == ENOSYS else { return nil }
        return rename(p, aside) == 0 ? aside : nil
    }

    /// Looks for a recovery file for the draft just loaded (`current`, stamped `stamp`) and decides:
    /// nothing, stale (removed now), unreadable (set aside), or worth asking about.
    public static func examine(draftPath: String, current: Draft, stamp: FileStamp?, catalog: TemplateCatalog,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Finding {
        let abs = absolute(draftPath)
        var best: (path: String, file: RecoveryFile, template: Template)?
        for p in candidates(for: draftPath, environment: environment) where DraftStore.stamp(p) != nil {
            let decoded: (RecoveryFile, Template)
            do { decoded = try RecoveryCodec.decode(try DraftStore.readBytes(p), path: p, catalog: catalog) } catch {
                // A link or FIFO under the name was not written by us: left where it is, unread.
                if case .notRegular = error { continue }
                return .unreadable(path: p, keptAs: setAside(p), error: error)
            }
            // A fallback file whose hash collided with another draft's is not ours to judge.
            if p != path(for: draftPath), absolute(decoded.0.draftPath) != abs { continue }
            if best == nil || decoded.0.savedAt > best!.file.savedAt { best = (p, decoded.0, decoded.1) }
        }
        guard let best else { return .none }
        let diff = RecoveryDiff.compare(current, best.file.draft, template: best.template)
        if best.file.draft == current || diff.count == 0 {
            remove(for: draftPath, environment: environment)
            return .stale(path: best.path)
        }
        // Written against another version of the file: someone saved after it (another computer, jixiao set,
        // a restored backup). Still offered — deleting it would lose typing — but the prompt says so.
        let draftNewer = stamp != nil && best.file.base != stamp
            && (stamp.map { Double($0.modified) + Double($0.modifiedNanos) / 1e9 } ?? 0) > best.file.savedAt.timeIntervalSince1970
        return .offer(RecoveryOffer(path: best.path, file: best.file, template: best.template, diff: diff, draftNewer: draftNewer))
    }

    /// The name for "keep both": `NAME.recovered-YYYYMMDD-HHMM.json` beside the draft, with `-2`, `-3`…
    /// when taken (`tag` replaces "recovered" for other copies, such as a save that must not overwrite).
    public static func keepBothPath(for draftPath: String, at date: Date, tag: String = "recovered") -> String {
        let url = URL(fileURLWithPath: draftPath)
        let dir = url.deletingLastPathComponent().path
        var stem = url.lastPathComponent
        if stem.hasSuffix(".json") { stem.removeLast(5) }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmm"
        let base = dir + "/" + stem + "." + tag + "-" + f.string(from: date)
        var candidate = base + ".json"
        var n = 2
        while DraftStore.stamp(candidate) != nil {  // a link there, even a dangling one, takes the name
            candidate = base + "-\(n).json"
            n += 1
        }
        return candidate
    }

    public static func hostName() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        guard gethostname(&buf, buf.count - 1) == 0 else { return "" }
        let bytes = buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A recovery file worth asking about, with what it changes compared with the draft on disk now.
public struct RecoveryOffer: Sendable {
    public let path: String
    public let file: RecoveryFile
    public let template: Template
    public let diff: RecoveryDiff.Result
    /// The draft on disk was saved after the recovery file was written (by something else).
    public let draftNewer: Bool
}
