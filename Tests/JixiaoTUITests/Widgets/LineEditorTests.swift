import Testing
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

@Suite struct LineEditorTests {
    @Test func cursorColumnCountsDisplayCells() {
        var e = LineEditor(text: "预算单位名称")
        #expect(e.cursor == 6)
        #expect(e.cursorColumn == 12)
        e.insert("abc")
        #expect(e.cursorColumn == 15)
        e.moveHome()
        e.moveRight()
        #expect(e.cursorColumn == 2)
    }

    @Test func typingInsertsAtTheCursor() {
        var e = LineEditor()
        let handled = [Key.char("项"), .char("目"), .left, .char("x"), .end, .char("1")].map { e.handle($0) }
        #expect(!handled.contains(false))
        #expect(e.text == "项x目1")
        #expect(e.cursor == 4)
    }

    @Test func backspaceAndDeleteAtTheEdgesDoNothing() {
        var e = LineEditor(text: "ab", cursor: 0)
        e.backspace()
        #expect(e.text == "ab")
        e.delete()
        #expect(e.text == "b")
        e.moveEnd()
        e.delete()
        #expect(e.text == "b")
        e.backspace()
        #expect(e.text == "" && e.cursor == 0)
    }

    @Test func pasteTurnsLineBreaksIntoSpaces() {
        var e = LineEditor(text: "地址：")
        e.handle(.paste("北京市\r\n西城区\n三里河路\t1号"))
        #expect(e.text == "地址：北京市 西城区 三里河路 1号")
        #expect(e.cursor == e.count)
    }

    @Test func wordMovesStopAtSpacesPunctuationAndScriptChanges() {
        var e = LineEditor(text: "项目名称，amount 123.50元")
        e.moveWordLeft()
        #expect(e.text.dropFirst(e.cursor).hasPrefix("元"))
        e.moveWordLeft()
        #expect(e.text.dropFirst(e.cursor).hasPrefix("123.50"))
        e.moveWordLeft()
        #expect(e.text.dropFirst(e.cursor).hasPrefix("amount"))
        e.moveWordLeft()
        #expect(e.cursor == 0)
        e.moveWordRight()
        #expect(e.cursor == 4)  // end of 项目名称
        e.moveWordRight()
        #expect(e.cursor == 11)  // end of amount (the comma is skipped)
        e.handle(.ctrlRight)
        #expect(e.cursor == 18)
        e.moveWordRight()
        e.moveWordRight()
        #expect(e.cursor == e.count)
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursor() {
        var e = LineEditor(text: "完成率 95%")
        e.handle(.ctrl("w"))
        #expect(e.text == "完成率 ")
        e.handle(.ctrl("w"))
        #expect(e.text == "")
        e.handle(.ctrl("y"))
        #expect(e.text == "完成率 ")  // the kill buffer holds the last kill
    }

    @Test func killToEndAndToStart() {
        var e = LineEditor(text: "绩效目标完成情况", cursor: 4)
        e.handle(.ctrl("k"))
        #expect(e.text == "绩效目标")
        #expect(e.killBuffer == "完成情况")
        e.moveCursor(to: 2)
        e.handle(.ctrl("u"))
        #expect(e.text == "目标")
        #expect(e.cursor == 0)
        e.moveEnd()
        e.yank()
        #expect(e.text == "目标绩效")
    }

    @Test func keysAFieldDoesNotHandleAreLeftToTheForm() {
        var e = LineEditor(text: "x")
        let keys: [Key] = [.enter, .tab, .backTab, .escape, .up, .down, .f(2), .ctrl("s"), .resize]
        let handled = keys.map { e.handle($0) }
        #expect(handled == Array(repeating: false, count: keys.count))
        #expect(e.text == "x")
    }

    @Test func shortTextIsShownWhole() {
        let e = LineEditor(text: "预算", cursor: 1)
        let slice = e.visibleSlice(width: 10)
        #expect(slice.text == "预算")
        #expect(slice.cursorColumn == 2)
        #expect(slice.startColumn == 0)
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        let text = "一二三四五六七八九十"  // 20 cells
        for cursor in 0...10 {
            let e = LineEditor(text: text, cursor: cursor)
            let slice = e.visibleSlice(width: 9)
            #expect(DisplayWidth.width(of: slice.text) <= 9)
            #expect(slice.cursorColumn >= 0)
            // The cursor cell and the character under it are inside the field.
            let under = cursor < 10 ? 2 : 1
            #expect(slice.cursorColumn + under <= 9, "cursor \(cursor): \(slice)")
            #expect(slice.startColumn + slice.cursorColumn == e.cursorColumn)
            if cursor < 10 {
                let shown = Array(slice.text)
                let index = shown.indices.first { DisplayWidth.width(of: String(shown[..<$0])) == slice.cursorColumn }
                #expect(index.map { shown[$0] } == Array(text)[cursor], "cursor \(cursor): \(slice)")
            }
        }
    }

    @Test func scrolledSliceReplacesCutWideCharactersWithSpaces() {
        let e = LineEditor(text: "一二三四五六七八九十", cursor: 10)
        let slice = e.visibleSlice(width: 6)
        #expect(slice.startColumn == 15)
        #expect(slice.text == " 九十")  // 八 straddles the left edge
        #expect(slice.cursorColumn == 5)
        let wider = e.visibleSlice(width: 8)
        #expect(wider.text == " 八九十")
        #expect(LineEditor(text: "一二三四五", cursor: 0).visibleSlice(width: 5).text == "一二 ")
    }

    @Test func viewStaysPutWhileTheCursorMovesInsideIt() {
        var e = LineEditor(text: String(repeating: "a", count: 30))
        e.scrollToCursor(width: 10)
        #expect(e.visibleSlice(width: 10).startColumn == 21)
        for _ in 0..<9 { e.handle(.left, width: 10) }
        #expect(e.visibleSlice(width: 10).startColumn == 21)
        #expect(e.visibleSlice(width: 10).cursorColumn == 0)
        e.handle(.left, width: 10)
        #expect(e.visibleSlice(width: 10).startColumn == 20)
        for _ in 0..<5 { e.handle(.right, width: 10) }
        #expect(e.visibleSlice(width: 10).startColumn == 20)
        e.handle(.home, width: 10)
        #expect(e.scrollColumn == 0)
    }

    @Test func deletingAtTheEndPullsHiddenTextBackIntoView() {
        var e = LineEditor(text: String(repeating: "a", count: 30))
        e.scrollToCursor(width: 10)
        for _ in 0..<5 { e.handle(.backspace, width: 10) }
        let slice = e.visibleSlice(width: 10)
        #expect(slice.startColumn == 16)
        #expect(slice.cursorColumn == 9)
        #expect(slice.text == String(repeating: "a", count: 9))
    }
}
