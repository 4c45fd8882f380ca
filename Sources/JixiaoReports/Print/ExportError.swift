import JixiaoKit
/// Why a printout was not written. Worded, with what to do, in `ExportText`.
public enum ExportError: Error, Equatable, Sendable {
    /// The target is one of the draft's own files; never replaced, even with `--force`.
    case protectedFile(path: String, role: ProtectedRole)
    /// An existing file that is not an earlier printout of this kind (`--force` replaces it).
    case notAnExport(path: String)
    /// A symbolic link: never written through (`--force` replaces the link itself).
    case link(path: String)
    /// A folder, a FIFO, a device…: never replaced.
    case notRegular(path: String)
    /// Beside the draft, every candidate name up to the last was taken by a file not ours.
    case noFreeName(path: String)
    case readOnly(path: String)
    case diskFull(path: String)
    case writeFailed(path: String, reason: String)

    /// The draft's own files, which no printout may replace.
    public enum ProtectedRole: Sendable, Equatable {
        case draft, backup, lock, recovery
    }
}
