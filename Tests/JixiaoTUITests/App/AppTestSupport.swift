import Foundation
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// The seed 001 example opened in the UI, and helpers to drive it by keys and read the screen.
enum AppFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let catalog = TemplateCatalog(directories: [root.appendingPathComponent("templates").path])

    /// `file`: the example with its 自评报告 is examples/hunan-unit-2023-report.json.
    static func example(rows: Int = 30, cols: Int = 100, file: String = "examples/hunan-unit-2023.json") -> AppState {
        let loaded = try! DraftStore(catalog: catalog).load(root.appendingPathComponent(file).path)
        var s = AppState(workspace: Workspace(draft: loaded.draft, template: loaded.template), path: "example.json")
        App.update(&s, .resize(rows: rows, cols: cols))
        return s
    }

    static func fresh(rows: Int = 30, cols: Int = 100) -> AppState {
        let t = try! catalog.load("hunan-unit")
        var s = AppState(workspace: Workspace(draft: DraftFactory.new(template: t, year: 2023), template: t), path: "new.json")
        App.update(&s, .resize(rows: rows, cols: cols))
        return s
    }
}

extension AppState {
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var all: [Effect] = []
        for k in keys { all += App.update(&self, .key(k)) }
        return all
    }

    mutating func type(_ text: String) {
        for c in text { App.update(&self, .key(.char(c))) }
    }

    mutating func focus(_ path: String) {
        var d = draft
        focus = try! TypedPath.parse(path).resolve(in: &d, editor: DraftEditor(template: template))
        App.keepFocusVisible(&self)
    }

    var screen: Screen { View.render(self, rows: size.rows, cols: size.cols) }
    var lines: [String] { screen.lines() }
    func value(_ path: String) -> Value {
        var d = draft
        return evaluation.value(try! TypedPath.parse(path).resolve(in: &d, editor: DraftEditor(template: template)))
    }
}
