import JixiaoKit
/// The characters of a frame. Box-drawing characters are East-Asian "ambiguous" width: a terminal set to
/// draw ambiguous characters wide (an option some Chinese users turn on) misaligns them, so an ASCII set
/// is there as a fallback.
public struct BoxCharacters: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                bottomLeft: Character, bottomRight: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    public static let light = BoxCharacters(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let ascii = BoxCharacters(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
}

extension Screen {
    /// Fills a region with one narrow character (a space clears it).
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: CellStyle = .normal) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let s = scalars.first, Self.isSimple(s.value), TextWidth.width(of: s) == 1 {
            // Clearing (the bars and highlights of every frame) and the rules of a panel's frame need no
            // text to be made and read, and only a row's end cells can be half of a wide character that
            // reaches out of the area: the cells between are set as they are.
            let blank = Cell(scalar: s, style: style)
            for r in area.row..<area.bottom {
                store(blank, row: r, col: area.col)
                if area.width > 1 { store(blank, row: r, col: area.right - 1) }
                if area.width > 2 { setRun(blank, row: r, from: area.col + 1, to: area.right - 1) }
            }
            return
        }
        let run = String(repeating: String(character), count: area.width)
        for r in area.row..<area.bottom {
            put(run, row: r, col: area.col, style: style, maxWidth: area.width)
        }
    }

    /// A horizontal rule of `width` cells.
    public mutating func hline(row: Int, col: Int, width: Int, character: Character = "─", style: CellStyle = .normal) {
        fill(Rect(row: row, col: col, height: 1, width: width), with: character, style: style)
    }

    /// A vertical rule of `height` cells.
    public mutating func vline(row: Int, col: Int, height: Int, character: Character = "│", style: CellStyle = .normal) {
        fill(Rect(row: row, col: col, height: height, width: 1), with: character, style: style)
    }

    /// A frame around `rect` with an optional title in its top edge; returns the inside, where the
    /// content goes. The title is cut by display width to fit between the corners.
    @discardableResult
    public mutating func box(_ rect: Rect, title: String? = nil, style: CellStyle = .normal,
                             titleStyle: CellStyle = .title, characters: BoxCharacters = .light) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(row: rect.row, col: rect.col, height: 0, width: 0) }
        let h = characters.horizontal, v = characters.vertical
        hline(row: rect.row, col: rect.col + 1, width: rect.width - 2, character: h, style: style)
        hline(row: rect.bottom - 1, col: rect.col + 1, width: rect.width - 2, character: h, style: style)
        vline(row: rect.row + 1, col: rect.col, height: rect.height - 2, character: v, style: style)
        vline(row: rect.row + 1, col: rect.right - 1, height: rect.height - 2, character: v, style: style)
        put(String(characters.topLeft), row: rect.row, col: rect.col, style: style)
        put(String(characters.topRight), row: rect.row, col: rect.right - 1, style: style)
        put(String(characters.bottomLeft), row: rect.bottom - 1, col: rect.col, style: style)
        put(String(characters.bottomRight), row: rect.bottom - 1, col: rect.right - 1, style: style)
        putTitle(title, in: rect, style: titleStyle)
        return rect.inset(by: 1)
    }

    /// `box` without its sides: rules along the top and bottom edges of `rect`, the title in the top one
    /// where `box` puts it. Returns the same inside as `box`, so content laid out for one fits the other.
    @discardableResult
    public mutating func rules(_ rect: Rect, title: String? = nil, style: CellStyle = .normal,
                               titleStyle: CellStyle = .title, characters: BoxCharacters = .light) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(row: rect.row, col: rect.col, height: 0, width: 0) }
        hline(row: rect.row, col: rect.col, width: rect.width, character: characters.horizontal, style: style)
        hline(row: rect.bottom - 1, col: rect.col, width: rect.width, character: characters.horizontal, style: style)
        putTitle(title, in: rect, style: titleStyle)
        return rect.inset(by: 1)
    }

    private mutating func putTitle(_ title: String?, in rect: Rect, style: CellStyle) {
        guard let title, !title.isEmpty, rect.width > 4 else { return }
        // The spaces keep the title from touching the rule on either side.
        let shown = DisplayWidth.truncate(title, toWidth: rect.width - 4)
        put(" " + shown + " ", row: rect.row, col: rect.col + 1, style: style, maxWidth: rect.width - 2)
    }

    /// Text clipped to a region: each line of `text` on its own row, cut by display width, rows past the
    /// bottom dropped. Returns how many rows were used.
    @discardableResult
    public mutating func text(_ text: String, in rect: Rect, style: CellStyle = .normal,
                              alignment: DisplayWidth.Alignment = .left) -> Int {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return 0 }
        var used = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            guard used < area.height else { break }
            let shown = alignment == .left
                ? DisplayWidth.truncate(String(line), toWidth: area.width)
                : DisplayWidth.fit(String(line), toWidth: area.width, alignment: alignment)
            put(shown, row: area.row + used, col: area.col, style: style, maxWidth: area.width)
            used += 1
        }
        return used
    }
}
