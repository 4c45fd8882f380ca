import Testing
@testable import JixiaoTerminal

/// The shortcuts of the screen grid give what the general path gives: `put`'s scalar-by-scalar path
/// for ASCII and CJK text, `paste` of a kept line, and `changedPositions`' skipping of unchanged rows.
@Suite struct ScreenFastPathTests {
    /// A small deterministic generator, so a failure names its case.
    struct Mix {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let pieces = ["a", "Z", "1", " ", "~", "中", "文", "，", "（", "）", "\u{3000}", "〇", "、", "ｘ", "é", "e\u{301}", "\t", "…",
                          "·", "✗", "■", "⏎", "‼", "\u{FE0F}", "→", "ア", "か\u{3099}", "\u{AD}", "\u{303F}", "─", "°", "\u{2028}", "ｶﾞ"]

    static func text(_ mix: inout Mix) -> String {
        (0..<mix.next(12)).map { _ in pieces[mix.next(pieces.count)] }.joined()
    }

    /// A screen with wide characters under where the text goes, so cut halves must become spaces.
    static func background() -> Screen {
        var s = Screen(rows: 1, cols: 16)
        s.putGraphemes("中文中文中文中文", row: 0, col: 0, limit: 16, style: .muted)
        return s
    }

    /// Clearing a region sets the cells between its ends as they are: the same grid as storing a space
    /// cell by cell, wide characters cut at either end (or inside) included.
    @Test func clearingIsStoringSpacesCellByCell() {
        var mix = Mix(state: 11)
        for k in 0..<2000 {
            var fast = Screen(rows: 2, cols: 16)
            for r in 0..<2 { fast.put(Self.text(&mix) + Self.text(&mix), row: r, col: mix.next(4), style: .muted) }
            var general = fast
            let area = Rect(row: mix.next(2), col: mix.next(18) - 1, height: 1 + mix.next(2), width: mix.next(19))
            fast.fill(area, style: .focus)
            let clipped = area.intersection(general.bounds)
            for r in clipped.row..<clipped.bottom {
                for c in clipped.col..<clipped.right { general.store(Cell(.grapheme(" "), style: .focus), row: r, col: c) }
            }
            let same = fast == general
            #expect(same, "case \(k): \(area)")
        }
    }

    /// A panel's rules (─ │) are set the same way: the same grid as putting the repeated character.
    @Test func rulesAreTheRepeatedCharacterPut() {
        var mix = Mix(state: 13)
        for k in 0..<2000 {
            let ch: Character = ["─", "│", "x", "┌"][mix.next(4)]
            var fast = Screen(rows: 2, cols: 16)
            for r in 0..<2 { fast.put(Self.text(&mix) + Self.text(&mix), row: r, col: mix.next(4), style: .muted) }
            var general = fast
            let area = Rect(row: mix.next(2), col: mix.next(18) - 1, height: 1 + mix.next(2), width: mix.next(19))
            fast.fill(area, with: ch, style: .focus)
            let clipped = area.intersection(general.bounds)
            if !clipped.isEmpty {
                for r in clipped.row..<clipped.bottom {
                    _ = general.putGraphemes(String(repeating: String(ch), count: clipped.width), row: r, col: clipped.col, limit: clipped.right, style: .focus)
                }
            }
            let same = fast == general
            #expect(same, "case \(k): \(ch) \(area)")
        }
    }

    @Test func putOfSimpleTextIsPutByGrapheme() {
        var mix = Mix(state: 7)
        for k in 0..<3000 {
            let text = Self.text(&mix)
            let col = mix.next(18) - 1, maxWidth = mix.next(20)
            var fast = Self.background(), general = Self.background()
            let a = fast.put(text, row: 0, col: col, style: .focus, maxWidth: maxWidth)
            let b = general.putGraphemes(text, row: 0, col: col, limit: min(16, col + maxWidth), style: .focus)
            #expect(a == b && fast == general, "case \(k): \(text.debugDescription) at \(col), max \(maxWidth)")
        }
    }

    /// A cell holds a number: a grapheme of several scalars comes back exactly as written, and two
    /// spellings of one letter stay two.
    @Test func graphemesOfSeveralScalarsComeBackAsWritten() {
        var s = Screen(rows: 1, cols: 12)
        s.put("e\u{301}x\u{1F1E8}\u{1F1F3}o\u{308}\u{323}o\u{323}\u{308}", row: 0, col: 0)
        let scalars = (0..<12).compactMap { s[0, $0].character }.map { $0.unicodeScalars.map(\.value) }
        #expect(scalars.prefix(6) == [[0x65, 0x301], [0x78], [0x1F1E8, 0x1F1F3], [0x6F, 0x308, 0x323], [0x6F, 0x323, 0x308], [0x20]])
        #expect(s[0, 2].character != nil && s[0, 3].isWideTail, "a flag is wide")
        #expect(s[0, 4] != s[0, 5], "two spellings of ọ̈ are two cells")
        #expect(Cell(.grapheme("e\u{301}")) == Cell(.grapheme("e\u{301}")) && Cell(.grapheme("中")) != Cell(.wideTail))
    }

    @Test func aPastedLineIsTheLineWrittenThere() {
        var mix = Mix(state: 11)
        for k in 0..<2000 {
            let text = Self.text(&mix)
            let col = mix.next(16), width = 1 + mix.next(16)
            var line = Screen(rows: 1, cols: width)
            line.put(text, row: 0, col: 0, style: .warning)
            var pasted = Self.background(), written = Self.background()
            pasted.paste(line, row: 0, col: col)
            // The same cells written one by one, as `put` stores them.
            for c in 0..<min(width, 16 - col) where !line[0, c].isWideTail {
                let w = line[0, c].character.map(DisplayWidth.width(of:)) ?? 1
                written.store(c + w <= min(width, 16 - col) ? line[0, c] : Cell(.grapheme(" "), style: line[0, c].style), row: 0, col: col + c)
                if w == 2, c + 1 < min(width, 16 - col) { written.store(line[0, c + 1], row: 0, col: col + c + 1) }
            }
            #expect(pasted == written, "case \(k): \(text.debugDescription) pasted at \(col), \(width) wide")
        }
    }

    @Test func changedPositionsSkipOnlyRowsThatAreTheSame() {
        var mix = Mix(state: 3)
        for k in 0..<300 {
            var a = Screen(rows: 4, cols: 12), b = Screen(rows: 4, cols: 12)
            for r in 0..<4 {
                let text = Self.text(&mix)
                a.put(text, row: r, col: 0)
                b.put(mix.next(2) == 0 ? text : Self.text(&mix), row: r, col: mix.next(2))
            }
            var expected: [Position] = []
            for r in 0..<4 {
                for c in 0..<12 where !b[r, c].isWideTail {
                    let right = c + 1 < 12 && (b[r, c + 1].isWideTail || a[r, c + 1].isWideTail) && b[r, c + 1] != a[r, c + 1]
                    if b[r, c] != a[r, c] || right { expected.append(Position(row: r, col: c)) }
                }
            }
            #expect(b.changedPositions(since: a) == expected, "case \(k)")
        }
    }
}
