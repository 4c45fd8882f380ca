import Testing
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

@Suite struct TextAreaEditorTests {
    @Test func enterBreaksTheLineAndBackspaceJoinsIt() {
        var e = TextAreaEditor(text: "偏差原因")
        e.moveLeft()
        e.moveLeft()
        let handled = e.handle(.enter)
        #expect(handled)
        #expect(e.lines == ["偏差", "原因"])
        #expect(e.row == 1 && e.col == 0)
        e.backspace()
        #expect(e.text == "偏差原因")
        #expect(e.row == 0 && e.col == 2)
    }

    @Test func pasteKeepsLineBreaks() {
        var e = TextAreaEditor(text: "前言")
        e.moveHome()
        e.handle(.paste("第一条\r\n第二条\n"))
        #expect(e.lines == ["第一条", "第二条", "前言"])
        #expect(e.row == 2 && e.col == 0)
    }

    @Test func arrowsCrossLinesAndKeepTheColumnByDisplayWidth() {
        var e = TextAreaEditor(text: "ab\n预算单位\nx")
        e.moveToStart()
        e.moveEnd()  // after "ab": column 2
        var moved = e.moveDown()
        #expect(moved && e.row == 1 && e.col == 1)  // after 预, also column 2
        moved = e.moveDown()
        #expect(moved && e.row == 2 && e.col == 1)  // short line: at its end
        moved = e.moveUp()
        #expect(moved && e.row == 1 && e.col == 1)  // the goal column (2) survived the short line
        e.moveToEnd()
        moved = e.moveDown()
        #expect(!moved)
        e.moveRight()
        #expect(e.row == 2 && e.col == 1)
        e.moveHome()
        e.moveLeft()  // crosses to the end of the line above
        #expect(e.row == 1 && e.col == 4)
        e.moveRight()
        #expect(e.row == 2 && e.col == 0)
    }

    @Test func upOnTheFirstRowAndDownOnTheLastAreLeftToTheForm() {
        var e = TextAreaEditor(text: "一行")
        let results = [Key.up, .down, .tab, .escape].map { e.handle($0) }
        #expect(results == [false, false, false, false])
        #expect(e.text == "一行")
    }

    @Test func killsWorkWithinTheLine() {
        var e = TextAreaEditor(text: "目标 完成\n下一行")
        e.moveToStart()
        e.moveEnd()
        e.handle(.ctrl("w"))
        #expect(e.lines == ["目标 ", "下一行"])
        e.handle(.ctrl("k"))  // at the end: joins the next line
        #expect(e.lines == ["目标 下一行"])
        e.handle(.ctrl("u"))
        #expect(e.lines == ["下一行"])
    }

    @Test func wrapsByDisplayWidthAndPlacesTheCursor() {
        let e = TextAreaEditor(text: "项目资金到位率达到百分之百")  // 13 chars, 26 cells
        let w = e.wrapped(width: 10)
        #expect(w.lines == ["项目资金到", "位率达到百", "分之百"])
        #expect(w.cursor == Position(row: 2, col: 6))
        for line in w.lines { #expect(DisplayWidth.width(of: line) <= 10) }
    }

    @Test func wrapKeepsRoomForTheCursorAtAFullLine() {
        let e = TextAreaEditor(text: "一二三四五")  // exactly 10 cells
        let w = e.wrapped(width: 10)
        #expect(w.lines == ["一二三四", "五"])
        #expect(w.cursor == Position(row: 1, col: 2))
    }

    @Test func wrapBreaksLatinTextAtSpaces() {
        let e = TextAreaEditor(text: "budget execution rate")
        #expect(e.wrapped(width: 12).lines == ["budget ", "execution ", "rate"])
    }

    @Test func upAndDownFollowWrappedRows() {
        var e = TextAreaEditor(text: "项目资金到位率达到百分之百")  // rows: 项目资金到 / 位率达到百 / 分之百
        var moved = e.moveUp(wrapWidth: 10)
        #expect(moved && e.col == 8)  // column 6 of the second row, before 到
        #expect(e.wrapped(width: 10).cursor == Position(row: 1, col: 6))
        moved = e.moveUp(wrapWidth: 10)
        #expect(moved && e.col == 3)
        moved = e.moveUp(wrapWidth: 10)
        #expect(!moved && e.col == 3)
        moved = e.moveDown(wrapWidth: 10)
        #expect(moved && e.col == 8)
        moved = e.moveDown(wrapWidth: 10)
        #expect(moved && e.col == 13)
        let wentPastEnd = e.handle(.down, wrapWidth: 10)
        #expect(!wentPastEnd)
    }

    @Test func visibleLinesScrollToTheCursor() {
        var e = TextAreaEditor(text: "1\n2\n3\n4\n5")
        var v = e.visibleLines(width: 10, height: 2)
        #expect(v.lines == ["4", "5"])
        #expect(v.cursor == Position(row: 1, col: 1))
        e.moveToStart()
        v = e.visibleLines(width: 10, height: 2)
        #expect(v.lines == ["1", "2"])
        #expect(v.cursor == Position(row: 0, col: 0))
    }
}
