#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JixiaoKit

extension DraftStore {
    /// The template a draft names, read from its first bytes only (the header comes first in every
    /// draft this program writes): so its template can be loaded on another core while the draft's lock
    /// is taken and the draft is read. nil for anything else; the draft is then read as it always is,
    /// and whatever is wrong with it is said there.
    public static func templateID(peeking path: String) -> String? {
        guard let fd = try? SafeFile.openRegular(path) else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 4096)
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        var c = JSONCursor(Array(head[..<n]))
        var id: String?
        // Stops (false) at the template, or at anything that is not one of the members before it.
        _ = c.members { c, key in
            switch key {
            case "format": return c.string() != nil
            case "formatVersion": return c.number() != nil
            case "template":
                _ = c.members { c, k in
                    guard k == "id" else { return c.string() != nil }
                    id = c.string()
                    return false
                }
                return false
            default: return false
            }
        }
        return id
    }
}
