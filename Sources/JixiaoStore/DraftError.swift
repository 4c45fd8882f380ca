import JixiaoKit
/// Why a draft could not be read or written. Worded, with what to do, in `DraftText`.
public enum DraftError: Error, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    case notFound(path: String)
    /// A link, FIFO, device or folder where a draft (or its lock) should be: never opened or followed.
    case notRegular(path: String)
    case tooLarge(path: String, bytes: Int)
    case syntax(path: String, JSONSyntaxError)
    case notADraft(path: String)
    case unsupportedVersion(path: String, found: String)
    case missingTemplate(path: String, id: String)
    /// Made with a later version of the template than the one installed.
    case newerTemplate(path: String, id: String, found: String, installed: String)
    case structure(path: String, entry: String, expected: String, found: String)
    case unknownCell(path: String, entry: String)
    /// A field the format does not have: refused rather than dropped by the next save.
    case unknownField(path: String, entry: String)
    case badYear(path: String, found: String)
    // Writing
    case readOnly(path: String)
    /// The draft file itself has no write permission (the folder may be writable).
    case fileReadOnly(path: String)
    case diskFull(path: String)
    case changedOnDisk(path: String)
    /// A name chosen as free was taken before the file could be created there.
    case exists(path: String)
    /// The terminal UI has the draft open (its lock names a live process or another host).
    case inUse(path: String, holder: LockInfo)
    /// Another writer held the draft's write lock for `seconds`.
    case busy(path: String, seconds: Int)
    /// What the reader refuses, the writer refuses first.
    case cellTooLong(path: String, cell: String, bytes: Int, limit: Int)
    case draftTooLarge(path: String, bytes: Int, limit: Int)
    case writeFailed(path: String, reason: String)
}
