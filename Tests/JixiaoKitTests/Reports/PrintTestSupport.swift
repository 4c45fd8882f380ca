import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Golden files: the expected printouts, reviewed by eye and kept in Tests/JixiaoKitTests/Golden.
/// `JIXIAO_UPDATE_GOLDEN=1 swift test` rewrites them from the current output instead of comparing.
enum Golden {
    static let folder = Fixtures.root.appendingPathComponent("Tests/JixiaoKitTests/Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["JIXIAO_UPDATE_GOLDEN"] == "1" }

    static func check(_ bytes: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if updating {
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(bytes).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing: run JIXIAO_UPDATE_GOLDEN=1 swift test and review it", sourceLocation: sourceLocation)
            return
        }
        let expected = [UInt8](data)
        guard expected != bytes else { return }
        Issue.record("\(name) differs from the golden file: \(firstDifference(expected, bytes))", sourceLocation: sourceLocation)
    }

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(Array(text.utf8), name, sourceLocation: sourceLocation)
    }

    /// The first line that differs, so a failure says what changed without a diff tool.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let la = String(decoding: a, as: UTF8.self).components(separatedBy: "\n")
        let lb = String(decoding: b, as: UTF8.self).components(separatedBy: "\n")
        for k in 0..<max(la.count, lb.count) {
            let x = k < la.count ? la[k] : "<end>", y = k < lb.count ? lb[k] : "<end>"
            if x != y { return "line \(k + 1): expected «\(x.prefix(200))», got «\(y.prefix(200))»" }
        }
        return "same lines, different bytes (line ends?)"
    }
}

/// The seed 001 example, evaluated and scored, as every printout test starts from it.
struct PrintFixture {
    let ws: Workspace
    let scorecard: Scorecard

    init(_ ws: Workspace = Fixtures.example()) {
        self.ws = ws
        scorecard = ScorecardBuilder.build(ws.evaluation)
    }

    var ev: Evaluation { ws.evaluation }

    /// The example with an error: 附件2's 全年执行数 cleared (a required cell, and the totals no longer agree).
    static func withError() -> PrintFixture { PrintFixture(Fixtures.setting(Fixtures.example(), "B.total.actual", "")) }
}
