import JixiaoKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// One cell of the grid.
///
/// A plain value of eight bytes (a code and a style), so that making, copying, comparing and dropping
/// the thousands of cells of a frame is copying memory: a `Character` in each cell made every one of
/// them a reference to count.
public struct Cell: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// A grapheme that starts in this cell (one or two cells wide).
        case grapheme(Character)
        /// The right half of the wide grapheme in the cell to the left; never painted on its own.
        case wideTail
    }

    /// The scalar value of a grapheme of one scalar (nearly all of them); `wideTailCode`; or, for a
    /// grapheme of several scalars, `clusterBit` and its number in `GraphemeTable`.
    private var code: UInt32
    public var style: CellStyle
    /// Fills the two bytes after `style`, which would otherwise be padding that copies need not keep: rows
    /// are compared by their bytes (`rowsDiffering`, `forEachChanged`), and equal cells whose padding
    /// differed counted as changed (a form drawn whole after a panel closed no longer matched the same form
    /// kept from before it, and was painted again cell by cell).
    private var unused: UInt16 = 0

    private static let wideTailCode: UInt32 = 0x7FFF_FFFF
    private static let clusterBit: UInt32 = 0x8000_0000

    public init(_ content: Content, style: CellStyle = .normal) {
        switch content {
        case .wideTail: code = Self.wideTailCode
        case let .grapheme(c):
            let scalars = c.unicodeScalars
            code = scalars.index(after: scalars.startIndex) == scalars.endIndex ? scalars.first!.value : Self.clusterBit | GraphemeTable.shared.number(of: c)
        }
        self.style = style
    }

    /// A grapheme of one scalar.
    init(scalar: Unicode.Scalar, style: CellStyle) {
        code = scalar.value
        self.style = style
    }

    public static let blank = Cell(.grapheme(" "))

    public var content: Content {
        get { character.map(Content.grapheme) ?? .wideTail }
        set { self = Cell(newValue, style: style) }
    }

    /// The grapheme starting here, nil for the right half of a wide one.
    public var character: Character? {
        if code == Self.wideTailCode { return nil }
        if code & Self.clusterBit != 0 { return GraphemeTable.shared.character(code & ~Self.clusterBit) }
        return Unicode.Scalar(code).map(Character.init) ?? " "
    }

    public var isWideTail: Bool { code == Self.wideTailCode }

    /// The grapheme starting here when it is one scalar (nearly every cell), without making a
    /// `Character` of it: the painter's way through a frame of a few thousand cells.
    public var scalar: Unicode.Scalar? {
        code & Self.clusterBit != 0 || code == Self.wideTailCode ? nil : Unicode.Scalar(code)
    }
}

/// What a frame shows: a grid of cells laid out by display width, plus where the real cursor goes.
///
/// Rendering builds a fresh `Screen` from state; the terminal paints only what differs from the previous
/// frame. Tests read `lines()`. The grid keeps one invariant that the painter relies on: every wide
/// grapheme is followed by exactly one `wideTail`, and a `wideTail` never stands alone. Writes that would
/// break a wide character leave a space in its other half instead.
public struct Screen: Sendable, Hashable {
    public let rows: Int
    public let cols: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor is shown (the focused field's insertion point), or hidden when nil.
    /// Chinese input methods open their candidate window at this cell.
    public var cursor: Position?

    public init(rows: Int, cols: Int) {
        self.rows = max(0, rows)
        self.cols = max(0, cols)
        cells = Array(repeating: .blank, count: self.rows * self.cols)
    }

    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(row: 0, col: 0, height: rows, width: cols) }

    public subscript(row: Int, col: Int) -> Cell {
        precondition(row >= 0 && row < rows && col >= 0 && col < cols, "cell (\(row), \(col)) is off the screen")
        return cells[row * cols + col]
    }

    /// Writes `text` on one row starting at `col`, by display width, and returns the column after it.
    ///
    /// Stops at the screen's right edge or after `maxWidth` cells. A wide character that does not fit
    /// before that edge is replaced by a space; zero-width graphemes are dropped and control characters
    /// (tab, newline) become one space, so a value can never move the rest of the frame.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, style: CellStyle = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < rows else { return col }
        var limit = cols
        if let maxWidth { limit = min(limit, col + max(0, maxWidth)) }
        if let end = putSimple(text, row: row, col: col, limit: limit, style: style) { return end }
        return putGraphemes(text, row: row, col: col, limit: limit, style: style)
    }

    /// `put` grapheme by grapheme: for any text.
    mutating func putGraphemes(_ text: String, row: Int, col: Int, limit: Int, style: CellStyle) -> Int {
        var c = col
        for original in text {
            guard c < limit else { break }
            var character = original
            var w = DisplayWidth.width(of: character)
            // A control character (category Cc: C0, DEL, C1) is never sent to the terminal.
            if let v = character.unicodeScalars.first?.value, v < 0x20 || (0x7F..<0xA0).contains(v) {
                character = " "
                w = 1
            }
            if w == 0 { continue }
            if c + w > limit {
                if c >= 0 { store(Cell(.grapheme(" "), style: style), row: row, col: c) }
                c += 1
                break
            }
            if c < 0 {
                // A wide character cut by the left edge leaves a space in the visible half.
                if c + w > 0 { store(Cell(.grapheme(" "), style: style), row: row, col: 0) }
                c += w
                continue
            }
            store(Cell(.grapheme(character), style: style), row: row, col: c)
            if w == 2 { store(Cell(.wideTail, style: style), row: row, col: c + 1) }
            c += w
        }
        return c
    }

    /// `put` for the text a frame is mostly made of (ASCII, Latin-1, punctuation and symbols, box
    /// drawing, kana, Han, CJK and full-width punctuation), scalar by scalar without breaking it into
    /// graphemes: each of these scalars is a grapheme of its own when the next one is too (none
    /// extends or joins another), none is a control character, and each takes the cells its own
    /// width says. Nil when the text holds anything else (the general path then draws it).
    private mutating func putSimple(_ text: String, row: Int, col: Int, limit: Int, style: CellStyle) -> Int? {
        guard col >= 0 else { return nil }
        for scalar in text.unicodeScalars where !Self.isSimple(scalar.value) { return nil }
        guard col < limit, !text.isEmpty else { return col }
        // Written in one pass over the row's storage: only the cells at the text's two ends can be
        // halves of wide characters it cuts (a panel's lines went cell by cell through `store`, which
        // looks at both neighbours of every cell: a third of drawing a panel).
        let base = row * cols
        if col > 0, cells[base + col].isWideTail { cells[base + col - 1] = Cell(scalar: " ", style: cells[base + col - 1].style) }
        let tail = Cell(.wideTail, style: style)
        var c = col
        cells.withUnsafeMutableBufferPointer { buf in
            for scalar in text.unicodeScalars {
                guard c < limit else { break }
                let v = scalar.value
                let w = v < 0x80 ? 1 : TextWidth.width(of: scalar)
                if c + w > limit {
                    buf[base + c] = Cell(scalar: " ", style: style)
                    c += 1
                    break
                }
                buf[base + c] = Cell(scalar: scalar, style: style)
                if w == 2 { buf[base + c + 1] = tail }
                c += w
            }
        }
        if c < cols, cells[base + c].isWideTail { cells[base + c] = Cell(scalar: " ", style: cells[base + c].style) }
        return c
    }

    /// Scalars whose grapheme cluster break property is Other (Unicode's GraphemeBreakProperty.txt) and
    /// that take one or two cells: no control or format character, combining mark, joiner, Hangul jamo
    /// or regional indicator, and nothing from U+1F000 up, where a following selector may widen an emoji.
    static func isSimple(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x20 && v != 0x7F }
        if v < 0x100 { return v >= 0xA0 && v != 0xAD }
        if v >= 0x4E00 { return v <= 0x9FFF || (0xFF01...0xFF9D).contains(v) || (0xFFE0...0xFFE6).contains(v) }
        return (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) || (0x2190...0x23FF).contains(v)
            || (0x2500...0x27BF).contains(v) || (0x3000...0x3029).contains(v) || (0x3030...0x303F).contains(v)
            || (0x3041...0x3096).contains(v) || (0x30A0...0x30FF).contains(v)
    }

    /// Sets the style of cells without changing their characters (to highlight a focused row).
    public mutating func setStyle(_ style: CellStyle, in rect: Rect) {
        let area = rect.intersection(bounds)
        for r in area.row..<area.bottom {
            for c in area.col..<area.right { cells[r * cols + c].style = style }
        }
    }

    /// The text of every row, wide characters once and their right halves skipped. With `trimmed`,
    /// trailing spaces are dropped, which keeps test expectations short.
    public func lines(trimmed: Bool = false) -> [String] {
        (0..<rows).map { r in
            var line = ""
            for c in 0..<cols {
                if let character = cells[r * cols + c].character { line.append(character) }
            }
            if trimmed {
                while line.last == " " { line.removeLast() }
            }
            return line
        }
    }

    /// The cells to repaint to turn `previous` into this frame: every grapheme start whose cell (or
    /// whose right half) differs. A different size, or no previous frame, means everything.
    public func changedPositions(since previous: Screen?) -> [Position] {
        var changed: [Position] = []
        forEachChanged(since: previous) { changed.append(Position(row: $0, col: $1)) }
        return changed
    }

    /// `changedPositions`, each given to `body` (row, column) as it is found: the terminal paints a
    /// panel's four thousand cells without an array of them made first.
    @inline(__always)
    func forEachChanged(since previous: Screen?, _ body: (Int, Int) -> Void) {
        guard let previous, previous.rows == rows, previous.cols == cols else {
            for r in 0..<rows {
                for c in 0..<cols where !cells[r * cols + c].isWideTail { body(r, c) }
            }
            return
        }
        for r in 0..<rows {
            // Most rows of a frame are as they were: the same bytes are the same cells (the converse does
            // not hold, so rows whose bytes differ are compared cell by cell).
            if sameBytes(previous, row: r) { continue }
            for c in 0..<cols {
                let i = r * cols + c
                guard !cells[i].isWideTail else { continue }
                // A wide character is painted from its left cell, so a change in its right half counts here.
                let rightHalfChanged = c + 1 < cols
                    && (cells[i + 1].isWideTail || previous.cells[i + 1].isWideTail)
                    && cells[i + 1] != previous.cells[i + 1]
                if cells[i] != previous.cells[i] || rightHalfChanged { body(r, c) }
            }
        }
    }

    /// Copies the first row of `line` onto row `row` from `col`, as far as both reach: a line drawn
    /// once and kept (the table's) costs a copy per frame instead of its drawing. The halves of wide
    /// characters cut at either end become spaces, as when the same text is written there.
    public mutating func paste(_ line: Screen, row: Int, col: Int) {
        guard row >= 0, row < rows, col >= 0, line.rows > 0 else { return }
        let width = min(line.cols, cols - col)
        guard width > 0 else { return }
        let at = row * cols + col
        store(line.cells[0], row: row, col: col)
        if width > 1 { cells.replaceSubrange(at + 1..<at + width, with: line.cells[1..<width]) }
        let last = at + width - 1
        // A wide character whose right half did not fit, or the right half of one that was overwritten.
        if width < line.cols, line.cells[width].isWideTail { cells[last] = Cell(.grapheme(" "), style: cells[last].style) }
        if col + width < cols, cells[last + 1].isWideTail { cells[last + 1] = Cell(.grapheme(" "), style: cells[last + 1].style) }
    }

    /// How many rows differ from `other` (of the same size), counting no further than `limit`.
    public func rowsDiffering(from other: Screen, limit: Int) -> Int {
        guard other.rows == rows, other.cols == cols else { return rows }
        var n = 0
        for r in 0..<rows where !sameBytes(other, row: r) {
            n += 1
            if n >= limit { break }
        }
        return n
    }

    private func sameBytes(_ other: Screen, row: Int) -> Bool {
        let stride = MemoryLayout<Cell>.stride
        guard cols > 0 else { return true }
        return cells.withUnsafeBytes { a in
            other.cells.withUnsafeBytes { b in
                memcmp(a.baseAddress! + row * cols * stride, b.baseAddress! + row * cols * stride, cols * stride) == 0
            }
        }
    }

    /// Sets the cells `from..<to` of a row to `cell`, a narrow one, without looking at what they held:
    /// for runs whose end cells were just stored.
    mutating func setRun(_ cell: Cell, row: Int, from: Int, to: Int) {
        let at = row * cols
        for c in from..<to { cells[at + c] = cell }
    }

    /// Replaces one cell, first turning the other half of any wide character it overlaps into a space.
    mutating func store(_ cell: Cell, row: Int, col: Int) {
        guard row >= 0, row < rows, col >= 0, col < cols else { return }
        let i = row * cols + col
        if !cells[i].isWideTail, col + 1 < cols, cells[i + 1].isWideTail {
            cells[i + 1] = Cell(.grapheme(" "), style: cells[i + 1].style)
        }
        if cells[i].isWideTail, !cell.isWideTail, col > 0 {
            cells[i - 1] = Cell(.grapheme(" "), style: cells[i - 1].style)
        }
        cells[i] = cell
    }
}
