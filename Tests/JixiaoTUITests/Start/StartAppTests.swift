import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

struct StartAppTests {
    static let recent = [RecentDraft(path: "a.json", unit: "示例区某某局", year: 2023, templateID: "hunan-unit", modified: Date(timeIntervalSince1970: 0))]

    /// Issue 13, defect 10: Esc on the new-draft screen goes back to the first screen instead of quitting,
    /// also when it is the first screen shown (no drafts in the folder).
    @Test func escapeOnTheNewDraftScreenGoesBack() {
        for recent in [[], Self.recent] {
            var s = StartState(recent: recent, fixedFile: nil, defaultYear: 2023, templateTitle: "表")
            if s.stage == .choose { s.selected = 0; _ = StartApp.update(&s, .enter) }
            #expect(s.stage == .new)
            #expect(StartApp.update(&s, .escape) == nil)
            #expect(s.stage == .choose)
            // On the first screen, Esc is the way out.
            #expect(StartApp.update(&s, .escape) == .quit)
        }
    }

    /// Friction 5: the draft worked on last is preselected, and one with changes to recover says so.
    @Test func theLastDraftIsPreselectedAndRecoverableChangesShow() throws {
        let dir = NSTemporaryDirectory() + "jx-start-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s0 = AppFixture.example()
        try DraftStore.save(s0.draft, template: s0.template, to: dir + "/d.json")
        try DraftStore.save(s0.draft, template: s0.template, to: dir + "/e.json")
        FileManager.default.createFile(atPath: RecoveryStore.path(for: dir + "/d.json"), contents: Data("{}".utf8))
        let found = StartApp.recentDrafts(in: dir)
        #expect(found.first { $0.path.hasSuffix("/d.json") }?.recoverable == true)
        #expect(found.first { $0.path.hasSuffix("/e.json") }?.recoverable == false)

        let s = StartState(recent: found, fixedFile: nil, defaultYear: 2023, templateTitle: "表")
        #expect(s.selected == 1)
        let lines = StartView.render(s, rows: 24, cols: 120).lines()
        #expect(lines.contains { $0.contains("▶ ") && $0.contains(found[0].path) })
        #expect(lines.contains { $0.contains("d.json") && $0.contains("有未保存的改动可恢复") })
    }

    /// Friction 11: the new-draft screen offers the templates and the number of projects.
    @Test func theNewDraftScreenChoosesTemplateAndProjects() {
        let choices = [TemplateChoice(id: "hunan-unit", title: "单位表"), TemplateChoice(id: "henan-dept", title: "部门表")]
        var s = StartState(recent: [], fixedFile: nil, defaultYear: 2023, templateTitle: "单位表", templates: choices)
        #expect(s.fields == [.template, .projects, .year, .unit, .file])
        #expect(s.focusedField == .unit)
        for c in "示例单位" { _ = StartApp.update(&s, .char(c)) }
        _ = StartApp.update(&s, .up)
        _ = StartApp.update(&s, .up)
        _ = StartApp.update(&s, .char("7"))
        _ = StartApp.update(&s, .up)
        #expect(s.focusedField == .template)
        _ = StartApp.update(&s, .right)
        #expect(StartView.render(s, rows: 24, cols: 80).lines().contains { $0.contains("◀ 部门表 ▶") })
        s.field = s.fields.firstIndex(of: .file)!
        let result = StartApp.update(&s, .enter)
        #expect(result == .create(NewDraftRequest(path: "示例单位-2023.json", year: 2023, unit: "示例单位", templateID: "henan-dept", projects: 7)))
        // A number that is not one is refused where it was typed.
        var t = StartState(recent: [], fixedFile: "x.json", defaultYear: 2023, templateTitle: "单位表")
        t.field = t.fields.firstIndex(of: .projects)!
        _ = StartApp.update(&t, .char("x"))
        t.field = t.fields.count - 1
        #expect(StartApp.update(&t, .enter) == nil)
        #expect(t.message == UIText.Start.badProjects && t.focusedField == .projects)
    }
}
