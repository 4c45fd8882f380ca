import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// The start screen's 「以上年草稿为底稿新建」: N on a draft found in the folder.
struct StartNextYearTests {
    func state(in dir: String) -> StartState {
        let draft = RecentDraft(path: dir + "/单位-2023.json", unit: "测试单位", year: 2023, templateID: "hunan-unit", modified: Date())
        return StartState(recent: [draft], fixedFile: nil, defaultYear: 2023, templateTitle: "模板")
    }

    @Test func nOnADraftStartsNextYearFromIt() {
        let dir = NSTemporaryDirectory() + "jixiao-start-" + UUID().uuidString
        var s = state(in: dir)
        #expect(StartApp.update(&s, .down) == nil)
        #expect(StartApp.update(&s, .char("n")) == .next(source: dir + "/单位-2023.json", year: 2024, path: dir + "/单位-2024.json"))
        #expect(UIText.Start.chooseKeys.contains { $0.1 == "以上年草稿为底稿新建" })
    }

    @Test func nWithoutADraftSelectedSaysWhatToDo() {
        var s = state(in: "/nonexistent")
        // The draft worked on last is preselected: go up to 「＋ 新建草稿」 first.
        for _ in 0..<3 { _ = StartApp.update(&s, .up) }
        #expect(StartApp.update(&s, .char("n")) == nil)
        #expect(s.message == UIText.Start.chooseDraftFirst)
    }

    @Test func anExistingNextYearFileIsNotOverwritten() throws {
        let dir = NSTemporaryDirectory() + "jixiao-start-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        FileManager.default.createFile(atPath: dir + "/单位-2024.json", contents: Data())
        var s = state(in: dir)
        _ = StartApp.update(&s, .down)
        #expect(StartApp.update(&s, .char("n")) == nil)
        #expect(s.message == UIText.Start.exists(dir + "/单位-2024.json"))
    }
}
