import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension AppDriver {
    /// Hands long text to $VISUAL / $EDITOR (vi if unset) in a private temporary file, on the terminal.
    /// The text comes back only when the editor ended normally: what a failed editor left is not used.
    func runEditor(_ text: String) -> Result<String, EditorFailure> {
        let env = ProcessInfo.processInfo.environment
        let editor = env["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let tmp = NSTemporaryDirectory() + "jixiao-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        let fd = Glibc.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return .failure(.tempFile(String(cString: strerror(errno)))) }
        defer { unlink(tmp) }
        fchmod(fd, 0o600)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            written += n
        }
        Glibc.close(fd)
        guard written == bytes.count else { return .failure(.tempFile(String(cString: strerror(errno)))) }
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
        guard let data = FileManager.default.contents(atPath: tmp) else { return .failure(.tempFile(tmp)) }
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
