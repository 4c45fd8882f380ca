import Foundation
import JixiaoKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cell a draft was left on, kept per user in `$XDG_STATE_HOME/jixiao/places` (else
/// `~/.local/state/jixiao/places`), one small JSON file per draft named after its absolute path.
/// Not in the draft: moving the cursor must neither mark the draft changed nor change the file that is
/// handed in. Not beside it: the draft's folder may be shared or read-only. Everything here is a hint:
/// a file that is missing, too large, a link, damaged, for another draft or written by someone else is
/// simply not used, and a place that cannot be written is not worth a message.
public enum DraftPlace {
    static let limit = 4096

    struct Record: Codable {
        let draft: String
        let form: String
        let formIndex: Int
        let row: String
        let rowIndex: Int?
        let column: String
    }

    /// Where `draftPath` was left, if a readable record says so. The caller still checks that the cell
    /// exists in the draft as it is now.
    public static func read(for draftPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> CellAddress? {
        guard let path = DraftFiles.place(of: draftPath, environment: environment),
              let bytes = try? SafeFile.read(path, limit: limit),
              let r = try? JSONDecoder().decode(Record.self, from: Data(bytes)),
              r.draft == DraftFiles.absolute(draftPath), r.formIndex >= 0, (r.rowIndex ?? 0) >= 0 else { return nil }
        return CellAddress(form: r.form, formIndex: r.formIndex, row: r.row, rowIndex: r.rowIndex, column: r.column)
    }

    /// Remembers `cell` for `draftPath`: a new file (O_EXCL, O_NOFOLLOW, 0600) renamed over the old
    /// one, in a folder made 0700. Returns false when it could not be written.
    @discardableResult
    public static func write(_ cell: CellAddress, for draftPath: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let dir = DraftFiles.placeDirectory(environment: environment),
              let path = DraftFiles.place(of: draftPath, environment: environment) else { return false }
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let record = Record(draft: DraftFiles.absolute(draftPath), form: cell.form, formIndex: cell.formIndex,
                            row: cell.row, rowIndex: cell.rowIndex, column: cell.column)
        guard let data = try? JSONEncoder().encode(record), data.count <= limit else { return false }
        let prefix = "." + URL(fileURLWithPath: path).lastPathComponent + ".tmp-"
        SafeFile.removeLeftovers(directory: dir, prefixes: [prefix])
        guard let (fd, tmp) = try? SafeFile.createExclusive(directory: dir, prefix: prefix, target: path) else { return false }
        // writeAllAndSync closes fd itself when it fails: closing it again could close a descriptor
        // another thread (the recovery worker) has just been given the same number.
        let failed = PosixFile.writeAllAndSync(fd, [UInt8](data)) != nil
        if !failed { close(fd) }
        // rename replaces a planted link under the name itself, never what it points to.
        guard !failed, rename(tmp, path) == 0 else {
            unlink(tmp)
            return false
        }
        return true
    }
}
