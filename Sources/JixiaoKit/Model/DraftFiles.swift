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
        return dir + "/" + stateName(of: draftPath) + ".recovery"
    }

    /// Where the TUI remembers the cell a draft was left on: the user's state folder, not beside the
    /// draft (whose folder may be shared or read-only) and not in the draft (moving the cursor must not
    /// change the file that is handed in).
    public static func placeDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        fallbackDirectory(environment: environment).map { URL(fileURLWithPath: $0).deletingLastPathComponent().path + "/places" }
    }

    public static func place(of draftPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        placeDirectory(environment: environment).map { $0 + "/" + stateName(of: draftPath) + ".json" }
    }

    /// `NAME-<hash of the absolute path>`: one file per draft in a folder shared by all of them.
    static func stateName(of draftPath: String) -> String {
        let abs = absolute(draftPath)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs, unlike Hasher
        for b in abs.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return URL(fileURLWithPath: abs).lastPathComponent + "-" + String(h, radix: 16)
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
