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
        let tmp = NSTemporaryDirectory() + "jixiao-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else { return nil }
        defer { try? FileManager.default.removeItem(atPath: tmp) }
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
        guard p.terminationStatus == 0, let data = FileManager.default.contents(atPath: tmp) else { return nil }
        var s = String(decoding: data, as: UTF8.self)
        if s.hasSuffix("\n") && !text.hasSuffix("\n") { s.removeLast() }  // editors add a final newline
        return s
    }
}
