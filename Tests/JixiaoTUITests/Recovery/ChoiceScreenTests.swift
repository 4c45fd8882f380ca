import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

struct ChoiceScreenTests {
    func offer(changes: [(String, String)]) -> RecoveryOffer {
        let s = AppFixture.example()
        var draft = s.draft
        let editor = DraftEditor(template: s.template)
        for (p, v) in changes {
            let a = try! TypedPath.parse(p).resolve(in: &draft, editor: editor)
            try! editor.set(&draft, a, text: v, lenient: true)
        }
        let diff = RecoveryDiff.compare(s.draft, draft, template: s.template)
        let file = RecoveryFile(draft: draft, savedAt: Date(timeIntervalSince1970: 1_700_000_000), pid: 4321, host: "desk-7",
                                draftPath: "/x/d.json", base: nil, changedCells: diff.count, changes: diff.sample)
        return RecoveryOffer(path: "/x/.d.json.recovery", file: file, template: s.template, diff: diff, draftNewer: false)
    }

    @Test func theRecoveryPromptShowsWhatItHolds() {
        let o = offer(changes: [("A.staff.actual", "16"), ("A.carPurchase.prev", "7"), ("A.measures.value", "第一行\n第二行")])
        let c = RecoveryPrompts.recovery(o, draftPath: "d.json", keepBothName: "d.recovered-20231114-0613.json")
        let lines = ChoiceView.render(c, rows: 30, cols: 100).lines()
        #expect(lines[0].contains("发现未保存的改动"))
        #expect(lines.contains { $0.contains("有 3 处不同") })
        #expect(lines.contains { $0.contains("财政供养人员") && $0.contains("15 → 16") })
        #expect(lines.contains { $0.contains("其中：公车购置 · 2022年决算数") && $0.contains("（空） → 7.00") })
        #expect(lines.contains { $0.contains("第一行⏎第二行") })
        #expect(lines.contains { $0.contains("进程 4321") && $0.contains("desk-7") })
        #expect(lines.contains { $0.contains("R  恢复这些改动") })
        #expect(lines.contains { $0.contains("d.recovered-20231114-0613.json") })
    }

    @Test func longListsAreCutWithACount() {
        let paths = ["A.carPurchase.prev", "A.carPurchase.budget", "A.carPurchase.actual", "A.carRunning.prev", "A.carRunning.budget",
                     "A.carRunning.actual", "A.abroad.prev", "A.abroad.budget", "A.abroad.actual"]
        let o = offer(changes: paths.map { ($0, "1") })
        #expect(o.diff.count == 9)
        let lines = ChoiceView.render(RecoveryPrompts.recovery(o, draftPath: "d.json", keepBothName: "k.json"), rows: 30, cols: 100).lines()
        #expect(lines.contains { $0.contains("……另有 3 处") })
    }

    @Test func answersAreExplicitAndEscapeDecidesNothing() {
        let c = RecoveryPrompts.recovery(offer(changes: [("A.staff.actual", "16")]), draftPath: "d.json", keepBothName: "k.json")
        var s = c
        #expect(ChoiceApp.update(&s, .char("R")) == .restore)
        #expect(ChoiceApp.update(&s, .char("d")) == .discard)
        #expect(ChoiceApp.update(&s, .char("k")) == .keepBoth)
        #expect(ChoiceApp.update(&s, .escape) == .quit)
        #expect(ChoiceApp.update(&s, .ctrl("c")) == .quit)
        // Keys that mean nothing here pick nothing.
        for k: Key in [.char("x"), .char("1"), .paste("r"), .f(2), .backspace] { #expect(ChoiceApp.update(&s, k) == nil) }
        #expect(ChoiceApp.update(&s, .down) == nil)
        #expect(ChoiceApp.update(&s, .enter) == .discard)
        #expect(ChoiceApp.update(&s, .up) == nil)
        #expect(ChoiceApp.update(&s, .up) == nil)
        #expect(ChoiceApp.update(&s, .enter) == .quit)  // wraps around from the first to the last
    }

    @Test func theLockPromptSaysWhoHoldsTheDraft() {
        let info = LockInfo(pid: 777, host: "office-pc", user: "kuaiji", since: Date(timeIntervalSince1970: 1_700_000_000), boot: nil)
        var c = RecoveryPrompts.lockHeld(info, draftPath: "d.json", lockPath: ".d.json.lock")
        let lines = ChoiceView.render(c, rows: 24, cols: 80).lines()
        #expect(lines.contains { $0.contains("进程 777") && $0.contains("office-pc") && $0.contains("kuaiji") })
        #expect(lines.contains { $0.contains("打开于：") })
        #expect(lines.contains { $0.contains("以只读方式打开") })
        #expect(ChoiceApp.update(&c, .char("r")) == .readOnly)
        #expect(ChoiceApp.update(&c, .escape) == .quit)
    }

    @Test func theConflictPromptCancelsOnEscape() {
        var c = RecoveryPrompts.changedOnDisk(draftPath: "/x/d.json", newName: "d.saved-20231114-0613.json")
        let lines = ChoiceView.render(c, rows: 24, cols: 80).lines()
        #expect(lines.contains { $0.contains("d.json.bak") })
        #expect(lines.contains { $0.contains("d.saved-20231114-0613.json") })
        #expect(ChoiceApp.update(&c, .escape) == .cancel)
        #expect(ChoiceApp.update(&c, .char("o")) == .overwrite)
        #expect(ChoiceApp.update(&c, .char("S")) == .saveAsNew)
    }

    @Test func aSmallWindowSaysSoAndAMessageIsShown() {
        var c = RecoveryPrompts.changedOnDisk(draftPath: "d.json", newName: "n.json")
        #expect(ChoiceView.render(c, rows: 10, cols: 40).lines().joined().contains("终端窗口太小"))
        c.message = "无法保存"
        #expect(ChoiceView.render(c, rows: 24, cols: 80).lines()[22].contains("无法保存"))
    }
}
