import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

extension AppDriver {
    /// Hands long text to $VISUAL / $EDITOR (vi if unset) in a private temporary file.
    func runEditor(_ text: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        let editor = env["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        // /tmp is shared: created exclusively under an unpredictable name, never through a planted link.
        var dir = NSTemporaryDirectory()
        while dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
        guard let (fd, tmp) = try? SafeFile.createExclusive(directory: dir, prefix: "jixiao-edit-") else { return nil }
        defer { unlink(tmp) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return nil }
        terminal.suspend()
        // While the editor owns the terminal, a crash of ours must not reset it under the editor's feet.
        CrashGuard.terminalActive(false)
        defer {
            terminal.resume()
            CrashGuard.terminalActive(true)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", editor + " \"$1\"", "sh", tmp]
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        guard p.terminationStatus == 0, let data = try? SafeFile.read(tmp) else { return nil }
        var s = String(decoding: data, as: UTF8.self)
        if s.hasSuffix("\n") && !text.hasSuffix("\n") { s.removeLast() }  // editors add a final newline
        return s
    }
}
