/// How many terminal cells text occupies (显示宽度).
///
/// Swift has no East-Asian-width API and `wcwidth` depends on the process locale, so this small table is
/// the single source of truth for layout, cursor placement and tests. It follows what `wcwidth` and tmux
/// do in a UTF-8 locale: East-Asian wide and full-width characters take 2 cells, combining marks and
/// zero-width format characters take 0, everything else 1. Ambiguous-width characters (box drawing, “…”)
/// count as 1, as they do in tmux and in most terminals' default settings.
public enum DisplayWidth {
    /// Cells taken by one Unicode scalar on its own.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }  // C1 controls and DEL
        if isZeroWidth(scalar) { return 0 }
        if isWide(v) { return 2 }
        if v >= 0x1F000, scalar.properties.isEmojiPresentation, !(0x1F1E6...0x1F1FF).contains(v) { return 2 }
        return 1
    }

    /// Cells taken by one grapheme: its first visible scalar decides, except that an emoji variation
    /// selector (U+FE0F) or a pair of regional indicators (a flag) makes it wide.
    public static func width(of character: Character) -> Int {
        var result = 0
        var regionalIndicators = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }
            if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
            if result == 0 { result = width(of: scalar) }
        }
        return regionalIndicators >= 2 ? 2 : result
    }

    /// Cells taken by a string.
    public static func width(of text: String) -> Int {
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// Cells taken by a slice of a string.
    public static func width(of text: Substring) -> Int {
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// The longest prefix of `text` that fits in `width` cells, never splitting a wide character.
    ///
    /// When a wide character would straddle the edge, a space stands in for the cell it cannot fill, so
    /// the result is exactly `width` cells whenever the text was wider than that. With an `ellipsis`, a
    /// cut line ends with it (the ellipsis itself is cut if `width` is too small for it).
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String? = nil) -> String {
        guard width > 0 else { return "" }
        if Self.width(of: text) <= width { return text }
        guard let ellipsis, !ellipsis.isEmpty else { return prefix(text, width: width) }
        let ellipsisWidth = Self.width(of: ellipsis)
        if ellipsisWidth >= width { return prefix(ellipsis, width: width) }
        return prefix(text, width: width - ellipsisWidth) + ellipsis
    }

    /// Text cut or padded with spaces to exactly `width` cells.
    public static func fit(_ text: String, toWidth width: Int, alignment: Alignment = .left, ellipsis: String? = nil) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, toWidth: width, ellipsis: ellipsis)
        let gap = width - Self.width(of: cut)
        guard gap > 0 else { return cut }
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }

    /// Where text sits inside a wider field.
    public enum Alignment: Sendable, Hashable {
        case left, right, center
    }

    private static func prefix(_ text: String, width: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            let w = Self.width(of: character)
            if used + w > width {
                if used < width { out += String(repeating: " ", count: width - used) }
                break
            }
            out.append(character)
            used += w
        }
        return out
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Hangul medial vowels and final consonants join the preceding initial into one syllable cell.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
        if v == 0x00AD { return false }  // soft hyphen: terminals draw it
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return false
        }
    }

    /// East-Asian Wide (W) and Full-width (F) blocks, from Unicode's EastAsianWidth.txt.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,  // Hangul Jamo initial consonants
             0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
             0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic space and punctuation 、。「」【】
             0x3041...0x33FF,  // kana, bopomofo, Hangul compatibility jamo, enclosed CJK, CJK compatibility
             0x3400...0x4DBF,  // CJK extension A
             0x4DC0...0x4DFF,  // Yijing hexagrams
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xA000...0xA4CF,  // Yi
             0xA960...0xA97F,  // Hangul Jamo extended A
             0xAC00...0xD7A3,  // Hangul syllables
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0xFE10...0xFE19,  // vertical forms
             0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
             0xFF00...0xFF60,  // full-width ASCII variants ，（）：
             0xFFE0...0xFFE6,  // full-width signs ￥
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
             0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:  // CJK extensions B and beyond
            return true
        default:
            return false
        }
    }
}

extension StringProtocol {
    /// Cells this text occupies in a terminal (see `DisplayWidth`).
    public var displayWidth: Int {
        var total = 0
        for character in self { total += DisplayWidth.width(of: character) }
        return total
    }
}

extension Character {
    /// Cells this character occupies in a terminal (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.width(of: self) }
}
