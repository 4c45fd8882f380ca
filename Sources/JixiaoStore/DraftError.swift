import JixiaoKit
/// Why a draft could not be read or written. Worded, with what to do, in `DraftText`.
public enum DraftError: Error, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    case notFound(path: String)
    case tooLarge(path: String, bytes: Int)
    case syntax(path: String, JSONSyntaxError)
    case notADraft(path: String)
    case unsupportedVersion(path: String, found: String)
    case missingTemplate(path: String, id: String)
    case structure(path: String, entry: String, expected: String, found: String)
    case unknownCell(path: String, entry: String)
    case badYear(path: String, found: String)
    // Writing
    case readOnly(path: String)
    case diskFull(path: String)
    case changedOnDisk(path: String)
    case writeFailed(path: String, reason: String)
}
