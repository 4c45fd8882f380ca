import Testing
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

@Suite struct ScreenTests {
    @Test func putWritesByDisplayWidth() {
        var s = Screen(rows: 2, cols: 10)
        let end = s.put("单位:abc", row: 0, col: 1)
        #expect(end == 9)
        #expect(s.lines() == [" 单位:abc ", "          "])
        #expect(s[0, 1].character == "单")
        #expect(s[0, 2].isWideTail)
        #expect(s[0, 5].character == ":")
    }

    @Test func aLineCutAtTheEdgeNeverSplitsAWideCharacter() {
        var s = Screen(rows: 1, cols: 5)
        s.put("预算单位", row: 0, col: 0)
        #expect(s.lines() == ["预算 "])
        #expect(s[0, 4].character == " ")
        #expect(!s[0, 4].isWideTail)

        var t = Screen(rows: 1, cols: 10)
        let end = t.put("预算单位", row: 0, col: 0, maxWidth: 3)
        #expect(t.lines(trimmed: true) == ["预"])
        #expect(end == 3)
        #expect(!t[0, 3].isWideTail)
    }

    @Test func aWideCharacterCutByTheLeftEdgeLeavesASpace() {
        var s = Screen(rows: 1, cols: 6)
        s.put("预算ab", row: 0, col: -1)
        #expect(s.lines() == [" 算ab "])
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var s = Screen(rows: 1, cols: 6)
        s.put("预算单", row: 0, col: 0)
        s.put("x", row: 0, col: 1)  // right half of 预
        #expect(s.lines() == [" x算单"])
        s.put("y", row: 0, col: 2)  // left half of 算
        #expect(s.lines() == [" xy 单"])
        #expect(!s[0, 3].isWideTail)
        s.put("合计", row: 0, col: 3)  // 合 covers 单's left half; 计 no longer fits
        #expect(s.lines() == [" xy合 "])
    }

    @Test func controlCharactersBecomeSpacesAndZeroWidthIsDropped() {
        var s = Screen(rows: 1, cols: 8)
        s.put("a\tb\nc\u{200B}d", row: 0, col: 0)
        #expect(s.lines() == ["a b cd  "])
    }

    @Test func offScreenWritesAreIgnored() {
        var s = Screen(rows: 1, cols: 3)
        s.put("abc", row: 1, col: 0)
        s.put("abc", row: -1, col: 0)
        s.put("abcdef", row: 0, col: 1)
        #expect(s.lines() == [" ab"])
    }

    enum Frame: CaseIterable { case box, rules }

    /// `box` draws a frame with its title and returns the inside; `rules` draws only its top and bottom
    /// (what was beside it stays) and returns the same inside.
    @Test(arguments: Frame.allCases)
    func aFrameDrawsItsTitleAndReturnsTheInside(_ frame: Frame) {
        var s = Screen(rows: 4, cols: 12)
        if frame == .rules { s.put("xxxxxxxxxxxx", row: 1, col: 0) }
        let rect = Rect(row: 0, col: 0, height: 4, width: 12)
        let inside = frame == .box ? s.box(rect, title: "基本信息表") : s.rules(rect, title: "基本信息表")
        #expect(inside == Rect(row: 1, col: 1, height: 2, width: 10))
        #expect(s.lines() == (frame == .box ? [
            "┌ 基本信息 ┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ] : [
            "─ 基本信息 ─",
            "xxxxxxxxxxxx",
            "            ",
            "────────────",
        ]))
        #expect(s[0, 2].style == .title)
        #expect(s[0, 0].style == .normal)
    }

    @Test func rowsDifferingCountsChangedRowsUpToTheLimit() {
        var a = Screen(rows: 5, cols: 4)
        a.put("甲", row: 1, col: 0)
        var b = a
        #expect(b.rowsDiffering(from: a, limit: 5) == 0)
        b.put("x", row: 0, col: 3)
        b.setStyle(.focus, in: Rect(row: 2, col: 0, height: 1, width: 1))
        b.put("乙", row: 4, col: 2)
        #expect(b.rowsDiffering(from: a, limit: 5) == 3, "a character, a style, a wide character")
        #expect(b.rowsDiffering(from: a, limit: 2) == 2)
        #expect(b.rowsDiffering(from: Screen(rows: 4, cols: 4), limit: 9) == 5, "another size: every row")
    }

    /// Rows are compared by their bytes: a cell has no padding, whose bytes copies need not keep.
    @Test func aCellHasNoPadding() {
        #expect(MemoryLayout<Cell>.size == MemoryLayout<Cell>.stride)
    }

    @Test func textIsClippedToItsRegion() {
        var s = Screen(rows: 4, cols: 8)
        let used = s.text("第一行很长很长\n二\n三\n四", in: Rect(row: 1, col: 1, height: 2, width: 5), style: .muted)
        #expect(used == 2)
        #expect(s.lines(trimmed: true) == ["", " 第一", " 二", ""])
        #expect(s[1, 1].style == .muted)
        #expect(s[3, 1].character == " ")
    }

    @Test func fillAndLines() {
        var s = Screen(rows: 3, cols: 4)
        s.fill(Rect(row: 1, col: 1, height: 5, width: 2), with: "#", style: .focus)
        s.hline(row: 0, col: 0, width: 4)
        #expect(s.lines() == ["────", " ## ", " ## "])
        #expect(s[2, 2].style == .focus)
        s.setStyle(.error, in: Rect(row: 0, col: 3, height: 1, width: 9))
        #expect(s[0, 3].style == .error)
        #expect(s[0, 2].style == .normal)
    }

    @Test func changedPositionsListOnlyWhatDiffers() {
        var a = Screen(rows: 2, cols: 6)
        a.put("预算", row: 0, col: 0)
        #expect(a.changedPositions(since: nil).count == 10)  // 12 cells less two right halves
        var b = a
        #expect(b.changedPositions(since: a).isEmpty)
        b.put("决", row: 0, col: 2)
        #expect(b.changedPositions(since: a) == [Position(row: 0, col: 2)])
        var c = a
        c.put("x", row: 0, col: 3)  // replaces 算's right half: both halves repaint
        #expect(c.changedPositions(since: a) == [Position(row: 0, col: 2), Position(row: 0, col: 3)])
        let other = Screen(rows: 3, cols: 6)
        #expect(a.changedPositions(since: other).count == 10)
    }

    @Test func rectSplitsAndInsets() {
        let r = Rect(row: 0, col: 0, height: 10, width: 20)
        let (title, rest) = r.splitTop(1)
        let (body, keybar) = rest.splitBottom(1)
        #expect(title == Rect(row: 0, col: 0, height: 1, width: 20))
        #expect(body == Rect(row: 1, col: 0, height: 8, width: 20))
        #expect(keybar == Rect(row: 9, col: 0, height: 1, width: 20))
        #expect(r.splitLeft(25).rest.isEmpty)
        #expect(Rect(row: 0, col: 0, height: 1, width: 1).inset(by: 1).isEmpty)
        #expect(r.intersection(Rect(row: 8, col: 15, height: 5, width: 10)) == Rect(row: 8, col: 15, height: 2, width: 5))
        #expect(r.intersection(Rect(row: 30, col: 0, height: 1, width: 1)).isEmpty)
        #expect(r.contains(Position(row: 9, col: 19)))
        #expect(!r.contains(Position(row: 10, col: 0)))
    }
}
