import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// Issue 13's defects of what the screen shows (each failed before its fix).
struct ScreenDefectTests {
    /// Defect 8: nothing of the table shows beside the multi-line editor.
    @Test func theMultiLinePopupHidesTheTableBesideIt() {
        for (rows, cols) in [(24, 80), (36, 120), (50, 200)] {
            var s = AppFixture.example(rows: rows, cols: cols)
            s.focus("A.measures.value")
            s.press(.enter)
            let lines = s.lines
            let band = lines.indices.filter { lines[$0].contains("┌") || lines[$0].contains("│1、") || lines[$0].contains("└") }
            #expect(!band.isEmpty)
            let top = band.min()!, bottom = band.max()!
            for r in top...bottom {
                let l = lines[r]
                let box = l.firstIndex { "┌│└".contains($0) }!, end = l.lastIndex { "┐│┘".contains($0) }!
                #expect(l[..<box].allSatisfy { $0 == " " }, "\(cols)×\(rows) row \(r): «\(l)»")
                #expect(l[l.index(after: end)...].allSatisfy { $0 == " " }, "\(cols)×\(rows) row \(r): «\(l)»")
            }
        }
    }

    /// Defect 2: with the long file name the default naming gives, the title still says the draft is
    /// unsaved and how many problems it has; the name gives way, with an ellipsis.
    @Test func theTitleKeepsTheUnsavedMarkAndCountsOverALongFileName() {
        for cols in [80, 120, 200] {
            var s = AppFixture.example(rows: 24, cols: cols)
            s.path = "/home/会计/文档/岳阳市岳阳楼区人力资源和社会保障局-2023年度整体支出绩效自评.json"
            s.focus("A.staff.actual")
            s.type("16")
            s.press(.enter)
            let title = s.lines[0]
            #expect(title.contains("＊未保存"), "\(cols): «\(title)»")
            #expect(title.contains("错误 0  警告"), "\(cols): «\(title)»")
            #expect(title.contains("…") || title.contains("自评.json"), "\(cols): «\(title)»")
        }
    }
}

/// Issue 13, defect 4: no message is cut mid-sentence without a sign.
struct MessageCutTests {
    /// Every character of `text` (spaces aside) appears in `lines`, in order; on a line with the outline
    /// beside a panel, only what is right of the outline's edge counts.
    static func shownWhole(_ text: String, in lines: [String]) -> Bool {
        let flat = lines.map { $0.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false).last.map(String.init) ?? $0 }
            .joined().filter { $0 != " " && $0 != "│" }
        return flat.contains(text.filter { $0 != " " })
    }

    @Test func problemsPanelShowsEachMessageWhole() {
        for (rows, cols) in [(24, 80), (36, 120)] {
            var s = AppFixture.example(rows: rows, cols: cols)
            s.press(.f(3))
            let message = ProblemText(template: s.template, draft: s.draft).message(s.panel.problems[0])
            #expect(Self.shownWhole(message, in: s.lines), "\(cols): \(message)")
        }
    }

    @Test func helpKeysAreNotCutAndTheRestScrolls() {
        var s = AppFixture.example(rows: 24, cols: 80)
        s.press(.f(1))
        var seen = s.lines
        for _ in 0..<40 { s.press(.down); seen += s.lines }
        #expect(seen.contains { $0.contains("编辑中 Ctrl-A/E, Ctrl-←/→") })
        #expect(seen.contains { $0.contains("F10 或 Ctrl-Q") })
        #expect(Self.shownWhole("可输入全角数字和标点、千位分隔符，百分比可带 %，金额可带“万元”", in: seen))
    }

    @Test func aLongStatusMessageIsShownWhole() {
        var s = AppFixture.example(rows: 24, cols: 80)
        s.say(UIText.App.printFailed("权限不足：/home/会计/文档/示例区某某局-2023年度整体支出绩效自评-自评得分.txt"), error: true)
        #expect(Self.shownWhole(s.message!, in: s.lines.suffix(5)))
    }

    @Test func theLockPromptDoesNotSplitAFileName() {
        let lock = "/home/kuaiji/wendang/示例区某某局-2023年度整体支出绩效自评.json.lock"
        let c = RecoveryPrompts.lockHeld(LockInfo(pid: 4321, host: "desk-7", user: "kuaiji", since: Date(timeIntervalSince1970: 0), boot: nil),
                                         draftPath: "d.json", lockPath: lock)
        for cols in [80, 120] {
            let lines = ChoiceView.render(c, rows: 24, cols: cols).lines()
            #expect(lines.contains { $0.contains("示例区某某局-2023年度整体支出绩效自评.json.lock") }, "\(cols)")
            #expect(lines.contains { $0.contains("以只读方式打开（可以查看、打印，不能修改和保存）") })
        }
    }
}

/// Issue 13, defect 3 and friction 10: every column of every section is on screen at 80 columns, and on
/// a wide screen the figures stay near their labels.
struct ColumnFitTests {
    @Test func everyColumnFitsAtEightyColumns() {
        var s = AppFixture.example(rows: 24, cols: 80)
        for form in s.template.forms where form.id != "S" {
            s.focus = CellAddress(form: form.id, formIndex: 0, row: "", column: "")
            let g = TableGeometry(state: s)
            let width = View.tableRect(s).width
            for section in form.sections {
                for c in g.columns(of: section.id).cells {
                    #expect(c.x + c.width <= width, "\(form.id) \(section.id).\(c.id): \(c.x)+\(c.width) > \(width)")
                }
            }
        }
        s.focus("C[1].total.score")
        #expect(s.lines.contains { $0.contains("得分") && $0.contains("执行率") })
    }

    /// 评分表's ten columns cannot fit at 80: the focused one scrolls into view, and a sign says more.
    @Test func aSectionTooWideScrollsToTheFocusedColumn() {
        var s = AppFixture.example(rows: 24, cols: 80)
        let form = s.template.form("S")!
        let width = View.tableRect(s).width
        let row = form.rows.first { $0.sectionID == "rubric" && $0.columnIDs.contains("note") }!
        for column in form.section("rubric")!.columns.map(\.id) where row.columnIDs.contains(column) {
            s.focus = CellAddress(form: "S", row: row.id, column: column)
            let c = TableGeometry(state: s).columns(of: "rubric").cells.first { $0.id == column }
            #expect(c.map { $0.x + $0.width <= width } == true, "\(column)")
        }
        s.focus = CellAddress(form: "S", row: row.id, column: row.columnIDs.first { $0 != "note" }!)
        App.keepFocusVisible(&s)
        #expect(s.lines.contains { $0.hasSuffix("›") })
    }

    /// Friction 2: at 120 columns text gets the room and numbers stay as narrow as their figures: the
    /// indicator table of every form gives 三级指标 at least 16 cells (the old layout gave it 11–13) and
    /// shows every 年度指标值 and 实际完成值 of up to 14 cells whole (不超过预算投入, 1034.36万元, cut
    /// before); 分值/得分 no wider than six.
    @Test func textColumnsGetTheRoomAt120() {
        var s = AppFixture.example(rows: 36, cols: 120)
        for (form, count) in [("B", 1), ("C", s.evaluation.instanceCount("C"))] {
            for k in 0..<count {
                s.focus = CellAddress(form: form, formIndex: k, row: "", column: "")
                let g = TableGeometry(state: s)
                let cells = g.columns(of: "ind").cells
                func width(_ id: String) -> Int { cells.first { $0.id == id }?.width ?? 0 }
                #expect(width("weight") <= 6 && width("score") <= 6, "\(form)[\(k + 1)]: \(cells)")
                let layout = s.layout
                var names: [Int] = []
                for case let .row(r) in layout.lines where !r.isPlaceholder && layout.form.row(r.row)?.sectionID == "ind" {
                    func shown(_ id: String) -> Int {
                        DisplayWidth.width(of: ValueText.display(s.evaluation.value(layout.address(r, id)), kind: .text))
                    }
                    for id in ["target", "actual"] where shown(id) <= 14 {
                        #expect(shown(id) <= width(id), "\(form)[\(k + 1)] \(id) \(shown(id)) > \(width(id))")
                    }
                    if shown("name") > 0 { names.append(shown("name")) }
                }
                #expect(width("name") >= 16, "\(form)[\(k + 1)]: 三级指标 \(width("name")) cells")
            }
        }
    }

    @Test func figuresStayNearTheirLabelsOnAWideScreen() {
        var s = AppFixture.example(rows: 50, cols: 200)
        s.focus("C[1].total.initial")
        let g = TableGeometry(state: s)
        #expect(g.columns(of: "funds").label <= 30)
    }
}

/// Issue 13, friction 4: required cells still empty are marked as blanks to fill; filled cells are not.
struct BlankMarkTests {
    @Test func emptyRequiredCellsShowABlank() {
        var s = AppFixture.fresh(rows: 30, cols: 100)
        s.focus("A.staff.actual")
        let unit = s.lines.first { $0.contains("│预算单位名称") }!
        #expect(unit.contains("______"), "«\(unit)»")
        let line = s.lines.first { $0.contains("财政供养人员") && !$0.contains("■") }!
        #expect(line.filter { $0 == "." }.count == 1, "«\(line)»")  // 编制数 optional; 在职 focused; 控制率 computed
        s.focus("A.staff.authorized")
        s.type("15")
        s.press(.enter)
        s.press(.up)
        let after = s.lines.first { $0.contains("财政供养人员") && !$0.contains("■") }!
        #expect(after.contains("15"))
    }
}

/// Issue 13, friction 2: number columns' long headings wrap over two lines instead of being cut, and
/// the numbers stay narrow.
struct HeadingWrapTests {
    @Test func numberHeadingsAreWholeAtOneHundredTwentyColumns() {
        var s = AppFixture.example(rows: 36, cols: 120)
        s.focus("A.staff.actual")
        let lines = s.lines.map { String($0.split(separator: "│", omittingEmptySubsequences: false).last ?? "") }  // the table's side
        let h = lines.firstIndex { $0.contains("2023年实际") }!
        #expect(lines[h + 1].contains("在职人数") && lines[h + 1].contains("编制数"), "\(lines[h])\n\(lines[h + 1])")
        #expect(!lines[h].contains("…") && !lines[h + 1].contains("…"))
    }
}

/// The table's cursor does not blink inside a panel drawn over it (an input method would open there).
struct PanelCursorTests {
    @Test func panelsHideTheTableCursor() {
        for keys in [[Key.f(1)], [.f(3)], [.f(4)], [.f(4), .char("p")]] {
            var s = AppFixture.example()
            for k in keys { s.press(k) }
            #expect(s.screen.cursor == nil, "\(keys)")
        }
        var p = AppFixture.example()
        p.press(.f(9))
        #expect(p.screen.cursor != nil)
    }
}
