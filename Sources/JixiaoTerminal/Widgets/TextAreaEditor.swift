import JixiaoKit
/// Multi-line text editing (long text such as 偏差原因 or 改进措施): Enter breaks the line, a paste keeps
/// its line breaks, and ↑/↓ move by wrapped rows when the editor is told the width it is shown at.
public struct TextAreaEditor: Sendable, Hashable {
    private var rows: [[Character]]
    /// Logical line of the cursor.
    public private(set) var row = 0
    /// Cursor position in that line, in graphemes.
    public private(set) var col = 0
    /// The display column ↑/↓ aim for, kept across consecutive vertical moves so that passing a short
    /// line does not pull the cursor left for good.
    private var goalColumn: Int?

    /// Starts editing `text` with the cursor at its end.
    public init(text: String = "") {
        rows = Self.splitLines(text)
        row = rows.count - 1
        col = rows[row].count
    }

    public var text: String { rows.map { String($0) }.joined(separator: "\n") }
    public var lines: [String] { rows.map { String($0) } }
    public var isEmpty: Bool { rows.count == 1 && rows[0].isEmpty }

    /// Cursor column in display cells within its logical line.
    public var cursorColumn: Int { Self.width(rows[row][..<col]) }

    // MARK: Editing

    /// Inserts typed or pasted text; line breaks (LF, CR, CRLF) start new lines, tabs become a space.
    public mutating func insert(_ text: String) {
        let pieces = Self.splitLines(text)
        guard pieces.count > 1 || !pieces[0].isEmpty else { return }
        let tail = Array(rows[row][col...])
        let head = Array(rows[row][..<col])
        var newRows = pieces
        newRows[0] = Array(String(head) + String(newRows[0]))
        let last = newRows.count - 1
        let cursorCol = newRows[last].count
        newRows[last] = Array(String(newRows[last]) + String(tail))
        rows.replaceSubrange(row...row, with: newRows)
        row += last
        col = min(cursorCol, rows[row].count)
        goalColumn = nil
    }

    public mutating func insertNewline() { insert("\n") }

    /// Removes the grapheme before the cursor; at a line start, joins the line to the one above.
    public mutating func backspace() {
        goalColumn = nil
        if col > 0 {
            rows[row].remove(at: col - 1)
            col -= 1
        } else if row > 0 {
            col = rows[row - 1].count
            rows[row - 1] += rows[row]
            rows.remove(at: row)
            row -= 1
        }
    }

    /// Removes the grapheme under the cursor; at a line end, joins the next line.
    public mutating func delete() {
        goalColumn = nil
        if col < rows[row].count {
            rows[row].remove(at: col)
        } else if row + 1 < rows.count {
            rows[row] += rows[row + 1]
            rows.remove(at: row + 1)
        }
    }

    /// Ctrl-W within the line; at a line start it joins the line above, like Backspace.
    public mutating func deleteWordBackward() {
        guard col > 0 else { return backspace() }
        let start = WordBoundary.previousWordStart(in: rows[row], from: col)
        rows[row].removeSubrange(start..<col)
        col = start
        goalColumn = nil
    }

    /// Ctrl-K: to the end of the line, or joins the next line when already there.
    public mutating func killToEnd() {
        if col == rows[row].count { return delete() }
        rows[row].removeSubrange(col...)
        goalColumn = nil
    }

    /// Ctrl-U: from the start of the line to the cursor.
    public mutating func killToStart() {
        rows[row].removeSubrange(..<col)
        col = 0
        goalColumn = nil
    }

    // MARK: Moving

    public mutating func moveLeft() {
        goalColumn = nil
        if col > 0 { col -= 1 } else if row > 0 { row -= 1; col = rows[row].count }
    }

    public mutating func moveRight() {
        goalColumn = nil
        if col < rows[row].count { col += 1 } else if row + 1 < rows.count { row += 1; col = 0 }
    }

    public mutating func moveHome() { col = 0; goalColumn = nil }
    public mutating func moveEnd() { col = rows[row].count; goalColumn = nil }
    public mutating func moveToStart() { row = 0; col = 0; goalColumn = nil }
    public mutating func moveToEnd() { row = rows.count - 1; col = rows[row].count; goalColumn = nil }

    public mutating func moveWordLeft() {
        goalColumn = nil
        if col == 0 { return moveLeft() }
        col = WordBoundary.previousWordStart(in: rows[row], from: col)
    }

    public mutating func moveWordRight() {
        goalColumn = nil
        if col == rows[row].count { return moveRight() }
        col = WordBoundary.nextWordEnd(in: rows[row], from: col)
    }

    /// Moves one row up: a wrapped row when `wrapWidth` is given, else a logical line. Returns false on
    /// the first row, so a form can move the focus to the field above instead.
    @discardableResult
    public mutating func moveUp(wrapWidth: Int? = nil) -> Bool { moveVertically(by: -1, wrapWidth: wrapWidth) }

    /// Moves one row down; returns false on the last row.
    @discardableResult
    public mutating func moveDown(wrapWidth: Int? = nil) -> Bool { moveVertically(by: 1, wrapWidth: wrapWidth) }

    /// Applies an editing key. Returns false for keys the area leaves to the form (Tab, Esc, F-keys, ↑ on
    /// the first row, ↓ on the last). Pass the width the text is shown at so ↑/↓ follow wrapped rows.
    @discardableResult
    public mutating func handle(_ key: Key, wrapWidth: Int? = nil) -> Bool {
        switch key {
        case .char(let c): insert(String(c))
        case .paste(let s): insert(s)
        case .enter: insertNewline()
        case .backspace: backspace()
        case .delete, .ctrl("d"): delete()
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .up: return moveUp(wrapWidth: wrapWidth)
        case .down: return moveDown(wrapWidth: wrapWidth)
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrlLeft: moveWordLeft()
        case .ctrlRight: moveWordRight()
        case .ctrl("w"): deleteWordBackward()
        case .ctrl("k"): killToEnd()
        case .ctrl("u"): killToStart()
        default: return false
        }
        return true
    }

    // MARK: Showing

    /// The text wrapped to a width, and where the cursor is in it.
    public struct Wrapped: Sendable, Hashable {
        /// One string per screen row, each at most the width in cells.
        public var lines: [String]
        /// Cursor row and column within `lines`.
        public var cursor: Position
    }

    /// Wraps every line at `width` cells (at a space when a Latin word would be cut, anywhere in Chinese).
    public func wrapped(width: Int) -> Wrapped {
        let segments = layout(width: width)
        let lines = segments.map { String(rows[$0.line][$0.start..<$0.end]) }
        return Wrapped(lines: lines, cursor: cursorPosition(in: segments))
    }

    /// The wrapped rows that fit in `height`, scrolled so the cursor row is visible.
    public func visibleLines(width: Int, height: Int) -> Wrapped {
        let all = wrapped(width: width)
        guard height > 0 else { return Wrapped(lines: [], cursor: Position(row: 0, col: all.cursor.col)) }
        let top = max(0, all.cursor.row - height + 1)
        let shown = Array(all.lines[top..<min(all.lines.count, top + height)])
        return Wrapped(lines: shown, cursor: Position(row: all.cursor.row - top, col: all.cursor.col))
    }

    // MARK: Layout

    struct Segment: Hashable {
        var line: Int
        var start: Int
        var end: Int
    }

    /// Screen rows for the text. The last row of each line keeps one cell free, so the cursor at a line's
    /// end is always drawn inside the area and the layout does not depend on where the cursor is.
    func layout(width: Int) -> [Segment] {
        let width = max(2, width)
        var segments: [Segment] = []
        for (index, chars) in rows.enumerated() {
            var start = 0
            var used = 0
            var i = 0
            while i < chars.count {
                let w = DisplayWidth.width(of: chars[i])
                if used + w > width, i > start {
                    var cut = i
                    // Break after the last space when a narrow word would be cut in half.
                    if WordBoundary.kind(of: chars[i]) == .narrow,
                       let space = chars[start..<i].lastIndex(where: { $0 == " " }), space + 1 > start, space + 1 < i {
                        cut = space + 1
                    }
                    segments.append(Segment(line: index, start: start, end: cut))
                    start = cut
                    used = Self.width(chars[start..<i])
                    continue
                }
                used += w
                i += 1
            }
            if used >= width, chars.count - start > 1 {
                segments.append(Segment(line: index, start: start, end: chars.count - 1))
                start = chars.count - 1
            } else if used >= width, start < chars.count {
                segments.append(Segment(line: index, start: start, end: chars.count))
                start = chars.count
            }
            segments.append(Segment(line: index, start: start, end: chars.count))
        }
        return segments
    }

    private func segmentIndex(in segments: [Segment]) -> Int {
        var found = 0
        for (i, s) in segments.enumerated() where s.line == row && s.start <= col {
            found = i
        }
        return found
    }

    private func cursorPosition(in segments: [Segment]) -> Position {
        let i = segmentIndex(in: segments)
        let s = segments[i]
        return Position(row: i, col: Self.width(rows[row][s.start..<col]))
    }

    private mutating func moveVertically(by delta: Int, wrapWidth: Int?) -> Bool {
        let goal = goalColumn
        let target: Int
        let here: Int
        let segments: [Segment]
        if let wrapWidth {
            segments = layout(width: wrapWidth)
            here = segmentIndex(in: segments)
            target = here + delta
        } else {
            segments = rows.indices.map { Segment(line: $0, start: 0, end: rows[$0].count) }
            here = row
            target = row + delta
        }
        guard target >= 0, target < segments.count else { return false }
        let column = goal ?? Self.width(rows[row][segments[here].start..<col])
        let s = segments[target]
        let isLastOfLine = target + 1 == segments.count || segments[target + 1].line != s.line
        var index = s.start
        var used = 0
        let limit = isLastOfLine ? s.end : max(s.start, s.end - 1)
        while index < limit {
            let w = DisplayWidth.width(of: rows[s.line][index])
            if used + w > column { break }
            used += w
            index += 1
        }
        row = s.line
        col = index
        goalColumn = column
        return true
    }

    private static func width(_ chars: ArraySlice<Character>) -> Int {
        var total = 0
        for c in chars { total += DisplayWidth.width(of: c) }
        return total
    }

    private static func splitLines(_ text: String) -> [[Character]] {
        var result: [[Character]] = [[]]
        for c in text {
            if c.isNewline {
                result.append([])
            } else if c == "\t" {
                result[result.count - 1].append(" ")
            } else if let first = c.unicodeScalars.first, first.properties.generalCategory == .control {
                continue
            } else {
                result[result.count - 1].append(c)
            }
        }
        return result
    }
}
