import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

#if canImport(Glibc)
import Glibc
#endif

extension AppDriver {
    /// Hands long text to $VISUAL / $EDITOR (vi if unset) in a private temporary file, on the terminal.
    /// The text comes back only when the editor ended normally: what a failed editor left is not used.
    func runEditor(_ text: String) -> Result<String, EditorFailure> {
        let env = ProcessInfo.processInfo.environment
        let editor = env["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        // /tmp is shared: created exclusively under an unpredictable name, never through a planted link.
        var dir = NSTemporaryDirectory()
        while dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
        let fd: Int32, tmp: String
        do { (fd, tmp) = try SafeFile.createExclusive(directory: dir, prefix: "jixiao-edit-") } catch {
            return .failure(.tempFile(DraftText.message(error)))
        }
        defer { unlink(tmp) }
        if let e = PosixFile.writeAllAndSync(fd, Array(text.utf8)) { return .failure(.tempFile(String(cString: strerror(e.code)))) }
        close(fd)
        terminal.suspend()
        // While the editor owns the terminal, a crash of ours must not reset it under the editor's feet.
        CrashGuard.terminalActive(false)
        defer {
            terminal.resume()
            CrashGuard.terminalActive(true)
        }
        switch ForegroundChild.run(["/bin/sh", "-c", editor + " \"$1\"", "sh", tmp]) {
        case .exited(0): break
        case let .exited(code): return .failure(.exitStatus(editor, code))
        case let .killed(sig): return .failure(.signal(editor, sig))
        case let .notStarted(err): return .failure(.notStarted(editor, String(cString: strerror(err))))
        }
        // Read back as a regular file only (the editor could have left a link or a pipe there).
        guard let data = try? SafeFile.read(tmp) else { return .failure(.tempFile(tmp)) }
        var s = String(decoding: data, as: UTF8.self)
        if s.hasSuffix("\n") && !text.hasSuffix("\n") { s.removeLast() }  // editors add a final newline
        return .success(s)
    }
}

/// Why the external editor's text was not taken.
public enum EditorFailure: Error, Sendable, Equatable {
    case tempFile(String)
    case notStarted(String, String)
    case exitStatus(String, Int32)
    case signal(String, Int32)
}
