import Foundation
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Helpers for the template tests: fresh drafts on a shipped template, several cells set at once, the
/// committed examples, and problems by code and path.
enum TT {
    static func fresh(_ id: String, year: Int, unit: String = "测试单位") -> Workspace {
        let t = Fixtures.template(id)
        return Workspace(draft: DraftFactory.new(template: t, year: year, unitName: unit), template: t)
    }

    /// Sets each `path=value` in order through the editor, as `jixiao set` does.
    static func set(_ ws: Workspace, _ pairs: [(String, String)]) -> Workspace {
        pairs.reduce(ws) { Fixtures.setting($0, $1.0, $1.1) }
    }

    static func example(_ name: String) -> Workspace {
        let path = Fixtures.root.appendingPathComponent("examples/\(name).json").path
        let loaded = try! DraftStore(catalog: Fixtures.catalog).load(path)
        return Workspace(draft: loaded.draft, template: loaded.template)
    }

    static func problems(_ ws: Workspace, code: String? = nil, at path: String? = nil) -> [Worded] {
        ws.worded.filter { (code == nil || $0.code == code) && (path == nil || $0.path == path) }
    }

    /// A template built from JSON text in the test, for the loader's errors and the engine's extensions.
    static func load(_ json: String) throws(TemplateError) -> Template {
        try TemplateLoader.load(bytes: Array(json.utf8), file: "test.json")
    }

    static func reason(_ json: String) -> TemplateError.Reason? {
        do { _ = try load(json); return nil } catch { return error.reason }
    }

    static func d(_ s: String) -> Decimal { Fixtures.d(s) }
}
