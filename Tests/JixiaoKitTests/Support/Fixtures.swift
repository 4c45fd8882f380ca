import Foundation
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Paths into the repository and the seed 001 example, shared by the tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let catalog = TemplateCatalog(directories: [root.appendingPathComponent("templates").path])
    static let examplePath = root.appendingPathComponent("examples/hunan-unit-2023.json").path

    static func template(_ id: String = "hunan-unit") -> Template {
        try! catalog.load(id)
    }

    static func example() -> Workspace {
        let loaded = try! DraftStore(catalog: catalog).load(examplePath)
        return Workspace(draft: loaded.draft, template: loaded.template)
    }

    static func d(_ s: String) -> Decimal { Decimal(string: s)! }

    /// A fresh temporary folder, removed by the caller.
    static func tempDir() -> String {
        let p = NSTemporaryDirectory() + "jixiao-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        return p
    }

    /// A fresh temporary folder holding `ws`'s draft saved as `d.json`: the folder (removed by the caller)
    /// and the draft's path.
    static func savedDraft(_ ws: Workspace) throws -> (dir: String, path: String) {
        let dir = tempDir()
        try DraftStore.save(ws.draft, template: ws.template, to: dir + "/d.json")
        return (dir, dir + "/d.json")
    }

    /// A file's bytes (none when it cannot be read).
    static func bytes(_ p: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: p) ?? Data()) }

    /// The pid of a process that has exited and been reaped.
    static func deadPID() -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try? p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    /// Sets a cell through the editor (as the CLI does) and returns the new workspace.
    static func setting(_ ws: Workspace, _ path: String, _ value: String) -> Workspace {
        var draft = ws.draft
        let editor = DraftEditor(template: ws.template)
        let a = try! TypedPath.parse(path).resolve(in: &draft, editor: editor)
        try! editor.set(&draft, a, text: value, lenient: true)
        return Workspace(draft: draft, template: ws.template)
    }
}

extension Workspace {
    func value(_ path: String) -> Value {
        var d = draft
        let a = try! TypedPath.parse(path).resolve(in: &d, editor: DraftEditor(template: template))
        return evaluation.value(a)
    }
    func number(_ path: String) -> Decimal? { value(path).number }
}
