import Foundation

/// The names of the files that belong to a draft `dir/NAME` (docs/recovery.md): its backup, lock and
/// recovery file beside it, and the recovery file's fallback in the user's state folder. Names only:
/// the store creates and removes these files, and the printouts must never be written over them, so
/// both ask here.
public enum DraftFiles {
    public static func backup(of draftPath: String) -> String { draftPath + ".bak" }
    public static func lock(of draftPath: String) -> String { sibling(draftPath, prefix: ".", suffix: ".lock") }
    public static func recovery(of draftPath: String) -> String { sibling(draftPath, prefix: ".", suffix: ".recovery") }

    /// `dir/<prefix>NAME<suffix>` for the draft `dir/NAME`.
    public static func sibling(_ draftPath: String, prefix: String, suffix: String) -> String {
        let url = URL(fileURLWithPath: draftPath)
        let dir = url.deletingLastPathComponent().path
        return dir + "/" + prefix + url.lastPathComponent + suffix
    }

    /// Where recovery files go when the draft's folder cannot be written.
    public static func fallbackDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") { return x + "/jixiao/recovery" }
        if let h = environment["HOME"], h.hasPrefix("/") { return h + "/.local/state/jixiao/recovery" }
        return nil
    }

    public static func fallbackRecovery(of draftPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let dir = fallbackDirectory(environment: environment) else { return nil }
        let abs = absolute(draftPath)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs, unlike Hasher
        for b in abs.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let name = URL(fileURLWithPath: abs).lastPathComponent
        return dir + "/" + name + "-" + String(h, radix: 16) + ".recovery"
    }

    /// Both places a draft's recovery file can be, beside it first.
    public static func recoveryCandidates(of draftPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        [recovery(of: draftPath)] + (fallbackRecovery(of: draftPath, environment: environment).map { [$0] } ?? [])
    }

    public static func absolute(_ path: String) -> String {
        let p = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: p).standardizedFileURL.path
    }
}
