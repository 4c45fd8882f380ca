import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

struct ViewTests {
    @Test func mainScreenLooksLikeThePaperForm() {
        let s = AppFixture.example()
        let lines = s.lines
        #expect(lines[0].contains("岳阳市岳阳楼区人力资源和社会保障局") && lines[0].contains("2023年度"))
        #expect(lines.contains { $0.contains("附件1") && $0.contains("2023年度预算单位整体支出绩效评价基础数据表") })
        #expect(lines.contains { $0.contains("经费控制情况(万元)") })
        // Long headings of number columns wrap over two lines (issue 13, friction 2).
        let h = lines.firstIndex { $0.contains("2022年") && $0.contains("2023年") }
        #expect(h.map { lines[$0 + 1].contains("决算数") && lines[$0 + 1].contains("预算数") } == true)
        // 其中 lines are indented under their parent.
        let car = lines.first { $0.contains("1、公务用车购置和维护经费") }!
        let purchase = lines.first { $0.contains("其中：公车购置") }!
        #expect(DisplayWidth.width(of: String(purchase.prefix { $0 != "其" })) > DisplayWidth.width(of: String(car.prefix { $0 != "1" })))
        // Outline with progress and the key bar.
        #expect(lines.contains { $0.contains("附件3-7") })
        #expect(lines.last!.contains("F1帮助") && lines.last!.contains("F10退出"))
    }

    @Test func cursorAfterChineseTextIsAtTheRightColumn() {
        var s = AppFixture.fresh()
        s.focus("A.unitName.value")
        s.type("预算单位名称")
        let sc = s.screen
        let row = sc.cursor!.row
        let line = sc.lines()[row]
        // The cell starts where the typed text starts; the cursor is 12 cells (6 Han characters) after it.
        let start = line.range(of: "预算单位名称", options: .backwards)!.lowerBound
        let startCol = DisplayWidth.width(of: String(line[..<start]))
        #expect(sc.cursor!.col == startCol + 12)
    }

    @Test func everyLineFitsAndNoWideCharacterIsSplit() {
        for cols in [80, 100, 132] {
            var s = AppFixture.example(rows: 30, cols: cols)
            for path in ["A.specialItem[1].label", "B.quantity[1].name", "C[5].timeliness[1].name"] {
                s.focus(path)
                let sc = s.screen
                for (i, l) in sc.lines().enumerated() {
                    #expect(DisplayWidth.width(of: l) == cols, "width \(cols), line \(i): \(l)")
                }
                // The grid's invariant: a wide tail always follows a wide character.
                for r in 0..<sc.rows {
                    for c in 0..<sc.cols where sc[r, c].isWideTail {
                        #expect(c > 0 && DisplayWidth.width(of: sc[r, c - 1].character ?? " ") == 2)
                    }
                }
            }
        }
    }

    @Test func tooSmallAsksForALargerWindowAndComesBack() {
        var s = AppFixture.example()
        App.update(&s, .resize(rows: 20, cols: 70))
        #expect(s.lines.joined().contains("终端窗口太小"))
        App.update(&s, .resize(rows: 30, cols: 100))
        #expect(s.overlay == .none)
        #expect(s.lines.contains { $0.contains("附件1") })
    }

    @Test func helpListsKeysInChinese() {
        var s = AppFixture.example()
        s.press(.f(1))
        var text = s.lines.joined(separator: "\n")
        // The rest is a scroll away.
        s.press(.end)
        text += s.lines.joined(separator: "\n")
        #expect(text.contains("撤销") && text.contains("F9") && text.contains("外部编辑器"))
        s.press(.escape)
        #expect(s.overlay == .none)
    }

    @Test func scorePreviewShowsTotalsAndGrades() {
        var s = AppFixture.example(rows: 40, cols: 100)
        s.press(.f(4))
        let text = s.lines.joined(separator: "\n")
        #expect(text.contains("总分 97") && text.contains("优"))
    }

    /// The full panels are drawn without the outline and the table under them (`View.coversBody`): what
    /// shows must be what drawing the panel over them shows, cell for cell, at any size.
    @Test func fullPanelsHideTheOutlineAndTableWhole() {
        for (rows, cols) in [(24, 80), (30, 100), (41, 121)] {
            var s = AppFixture.example(rows: rows, cols: cols)
            s.focus("C[1].quantity[1].target")
            for keys: [Key] in [[.f(1)], [.f(3)], [.f(4)], [.f(4), .char("p")]] {
                var open = s
                for k in keys { open.press(k) }
                #expect(View.coversBody(open.overlay), "\(keys)")
                var under = open
                under.overlay = .none
                var over = View.render(under, rows: rows, cols: cols)
                switch open.overlay {
                case let .help(k): HelpView.draw(&over, open, scroll: k)
                case let .problems(k): ProblemsView.draw(&over, open, selected: k)
                case let .score(k): ScoreView.draw(&over, open, scroll: k)
                case let .printPreview(k): PrintPreviewView.draw(&over, open, scroll: k)
                default: Issue.record("\(keys) opened \(open.overlay)")
                }
                let shown = open.screen
                let differ = (1..<(rows - 3)).flatMap { r in (0..<cols).filter { over[r, $0] != shown[r, $0] }.map { (r, $0) } }
                #expect(differ.isEmpty, "\(rows)x\(cols) \(keys): \(differ.prefix(3))")
            }
        }
    }

    /// F3 and F4 sit beside the outline from 100 columns on, which then shows what it shows under no
    /// panel; narrower, and for help and the print preview, the panel covers it.
    @Test func problemsAndScoreLeaveTheOutlineInViewWhereThereIsRoom() {
        for (rows, cols) in [(24, 80), (30, 100), (36, 120), (50, 200)] {
            let s = AppFixture.example(rows: rows, cols: cols)
            let outline = View.outlineRect(s)
            let plain = s.screen
            for keys: [Key] in [[.f(3)], [.f(4)], [.f(1)], [.f(4), .char("p")]] {
                var open = s
                for k in keys { open.press(k) }
                let beside = cols >= 100 && (keys == [.f(3)] || keys == [.f(4)])
                let shown = open.screen
                let same = (outline.row..<outline.bottom).allSatisfy { r in (0...outline.width).allSatisfy { shown[r, $0] == plain[r, $0] } }
                #expect(same == beside, "\(rows)x\(cols) \(keys)")
                // The panel's rule starts right of the outline's edge, or at the screen's left.
                #expect(shown[outline.row, beside ? outline.width + 1 : 0].character == "─", "\(rows)x\(cols) \(keys)")
            }
        }
    }

    @Test func onlyVisibleRowsAreDrawnForTwoHundredProjects() {
        var s = AppFixture.example()
        var d = s.draft
        let editor = DraftEditor(template: s.template)
        for k in 0..<200 { _ = try! editor.addInstance(&d, form: "C", name: "项目\(k)") }
        App.resetDraft(&s, d)
        s.focus = CellAddress(form: "C", formIndex: 150, row: "name", column: "value")
        App.keepFocusVisible(&s)
        let lines = s.lines
        #expect(lines.contains { $0.contains("项目143") })
        #expect(!lines.contains { $0.contains("项目10 ") })
    }

    @Test func monochromeStillMarksFocusAndProblems() {
        // Without colour the theme falls back to attributes: focus and errors stay visible.
        let t = Theme.standard
        #expect(t.resolve(.focus, colors: false).attributes.contains(.reverse))
        #expect(!t.resolve(CellStyle(.error, [.bold]), colors: false).attributes.isEmpty)
    }
}
