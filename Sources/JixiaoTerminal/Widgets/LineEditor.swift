import JixiaoKit
/// Single-line text editing (a field being typed into): the text, a cursor between graphemes, and the
/// readline keys accountants know from other tools. A pure value: `update` keeps it in the state, and
/// `render` asks it what to show.
public struct LineEditor: Sendable, Hashable {
    private var chars: [Character]
    /// Insertion point, in graphemes from the start (0…count).
    public private(set) var cursor: Int
    /// The text the last kill (Ctrl-W, Ctrl-K, Ctrl-U) removed; Ctrl-Y puts it back.
    public private(set) var killBuffer = ""
    /// Display column of the text at the field's left edge, when the text is wider than the field.
    public private(set) var scrollColumn = 0

    /// Starts editing `text` with the cursor at the end (or at `cursor`, clamped).
    public init(text: String = "", cursor: Int? = nil) {
        chars = Array(Self.singleLine(text))
        self.cursor = min(max(0, cursor ?? chars.count), chars.count)
    }

    public var text: String { String(chars) }
    public var isEmpty: Bool { chars.isEmpty }
    /// Number of graphemes.
    public var count: Int { chars.count }

    /// Where the cursor is drawn, in display cells from the start of the text: after “预算单位名称” it is 12.
    public var cursorColumn: Int {
        var column = 0
        for c in chars[..<cursor] { column += DisplayWidth.width(of: c) }
        return column
    }

    // MARK: Editing

    /// Inserts typed or pasted text at the cursor. Line breaks and tabs become spaces (a one-line field
    /// keeps a pasted address readable); other control characters are dropped.
    public mutating func insert(_ text: String) {
        let clean = Self.singleLine(text)
        guard !clean.isEmpty else { return }
        let before = String(chars[..<cursor]) + clean
        let beforeCount = before.count
        chars = Array(before + String(chars[cursor...]))
        cursor = min(beforeCount, chars.count)
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        chars.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func delete() {
        guard cursor < chars.count else { return }
        chars.remove(at: cursor)
    }

    /// Ctrl-W: removes the word before the cursor (see `WordBoundary`).
    public mutating func deleteWordBackward() {
        kill(WordBoundary.previousWordStart(in: chars, from: cursor)..<cursor)
    }

    /// Ctrl-K: removes from the cursor to the end.
    public mutating func killToEnd() { kill(cursor..<chars.count) }

    /// Ctrl-U: removes from the start to the cursor.
    public mutating func killToStart() { kill(0..<cursor) }

    /// Ctrl-Y: inserts the last killed text.
    public mutating func yank() { insert(killBuffer) }

    /// Replaces the whole text, cursor at the end.
    public mutating func setText(_ text: String) {
        chars = Array(Self.singleLine(text))
        cursor = chars.count
    }

    // MARK: Moving

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(chars.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = chars.count }
    public mutating func moveWordLeft() { cursor = WordBoundary.previousWordStart(in: chars, from: cursor) }
    public mutating func moveWordRight() { cursor = WordBoundary.nextWordEnd(in: chars, from: cursor) }

    /// Puts the cursor at a grapheme index, clamped to the text.
    public mutating func moveCursor(to index: Int) { cursor = min(max(0, index), chars.count) }

    /// Applies an editing key; returns false for keys a field does not handle (Enter, Tab, Esc, ↑↓, F-keys),
    /// which the form then uses to move focus or run a command.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(String(c))
        case .paste(let s): insert(s)
        case .backspace: backspace()
        case .delete, .ctrl("d"): delete()
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrlLeft: moveWordLeft()
        case .ctrlRight: moveWordRight()
        case .ctrl("w"): deleteWordBackward()
        case .ctrl("k"): killToEnd()
        case .ctrl("u"): killToStart()
        case .ctrl("y"): yank()
        default: return false
        }
        return true
    }

    // MARK: Showing

    /// What a field shows of the text, and where the cursor falls in it.
    public struct Slice: Sendable, Hashable {
        /// At most `width` cells; a wide character cut by either edge shows as a space.
        public var text: String
        /// Cursor column within `text`.
        public var cursorColumn: Int
        /// Display column of the text where the slice starts.
        public var startColumn: Int
    }

    /// The part of the text shown in a field `width` cells wide, scrolled so the cursor (and the
    /// character under it) is visible.
    ///
    /// Starts from `scrollColumn` and moves it as little as needed, so a field whose editor is kept
    /// scrolled with `handle(_:width:)` or `scrollToCursor(width:)` holds still while the cursor moves
    /// inside it; without that, the cursor rides the right edge once the text overflows.
    public func visibleSlice(width: Int) -> Slice {
        guard width > 0 else { return Slice(text: "", cursorColumn: 0, startColumn: 0) }
        let start = Self.scroll(from: scrollColumn, cursor: cursorColumn, under: widthUnderCursor,
                                total: DisplayWidth.width(of: text), width: width)
        var shown = ""
        var col = 0
        for c in chars {
            let w = DisplayWidth.width(of: c)
            defer { col += w }
            if col + w <= start { continue }
            if col < start {
                shown += String(repeating: " ", count: min(col + w - start, width))
                continue
            }
            let used = col - start
            if used + w > width {
                shown += String(repeating: " ", count: max(0, width - used))
                break
            }
            shown.append(c)
        }
        return Slice(text: shown, cursorColumn: cursorColumn - start, startColumn: start)
    }

    /// Remembers the scroll that `visibleSlice(width:)` would use now, so the next frame starts from it.
    public mutating func scrollToCursor(width: Int) {
        guard width > 0 else { return }
        scrollColumn = Self.scroll(from: scrollColumn, cursor: cursorColumn, under: widthUnderCursor,
                                   total: DisplayWidth.width(of: text), width: width)
    }

    /// `handle(_:)`, then keeps the field of `width` cells scrolled to the cursor.
    @discardableResult
    public mutating func handle(_ key: Key, width: Int) -> Bool {
        let handled = handle(key)
        scrollToCursor(width: width)
        return handled
    }

    private var widthUnderCursor: Int {
        cursor < chars.count ? max(1, DisplayWidth.width(of: chars[cursor])) : 1
    }

    /// The smallest change to `start` that shows the cursor cell(s) inside `width`, and that does not
    /// leave blank cells on the right while text is hidden on the left (after deleting at the end).
    private static func scroll(from start: Int, cursor: Int, under: Int, total: Int, width: Int) -> Int {
        var s = max(0, start)
        if cursor < s { s = cursor }
        if cursor + under > s + width { s = cursor + under - width }
        s = min(s, max(0, total + 1 - width))
        return max(0, min(s, cursor))
    }

    // MARK: Private

    private mutating func kill(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        killBuffer = String(chars[range])
        chars.removeSubrange(range)
        cursor = range.lowerBound
    }

    private static func singleLine(_ text: String) -> String {
        var out = ""
        for c in text {
            if c.isNewline || c == "\t" {
                out.append(" ")
            } else if let first = c.unicodeScalars.first, first.properties.generalCategory == .control {
                continue
            } else {
                out.append(c)
            }
        }
        return out
    }
}
