import Foundation
import Testing
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// Whole-screen pictures, reviewed by eye and kept in Tests/JixiaoTUITests/Golden: every row of the
/// frame (trailing spaces dropped) under a header with the size and where the cursor is.
/// `JIXIAO_UPDATE_GOLDENS=1 swift test` rewrites them from the current screens instead of comparing.
enum ScreenGolden {
    static let folder = AppFixture.root.appendingPathComponent("Tests/JixiaoTUITests/Golden")
    static var updating: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["JIXIAO_UPDATE_GOLDENS"] == "1" || env["JIXIAO_UPDATE_GOLDEN"] == "1"
    }

    static func picture(_ sc: Screen) -> String {
        let cursor = sc.cursor.map { "cursor \($0.row),\($0.col)" } ?? "cursor hidden"
        return (["# \(sc.cols)×\(sc.rows) \(cursor)"] + sc.lines(trimmed: true)).joined(separator: "\n") + "\n"
    }

    static func check(_ sc: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = picture(sc)
        let url = folder.appendingPathComponent(name + ".txt")
        if updating {
            try! Data(text.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("screen golden \(name).txt is missing: run JIXIAO_UPDATE_GOLDENS=1 swift test and review it",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != text else { return }
        let message = "screen \(name) differs from its golden picture (JIXIAO_UPDATE_GOLDENS=1 rewrites it):\n" + diff(expected, text)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The first few differing rows, expected above got, so the change reads without a diff tool.
    static func diff(_ expected: String, _ got: String, limit: Int = 6) -> String {
        let a = expected.components(separatedBy: "\n"), b = got.components(separatedBy: "\n")
        var out: [String] = []
        for k in 0..<max(a.count, b.count) {
            let x = k < a.count ? a[k] : "<end>", y = k < b.count ? b[k] : "<end>"
            guard x != y else { continue }
            if out.count / 2 == limit { out.append("…"); break }
            out.append(String(format: "%3d - ", k) + x)
            out.append(String(format: "%3d + ", k) + y)
        }
        return out.joined(separator: "\n")
    }
}
