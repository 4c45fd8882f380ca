/// How many terminal (or fixed-pitch printer) cells text takes: 显示宽度.
///
/// The library lays out printouts whose Chinese must line up, and cannot import the TUI, so the width
/// table lives here. It follows `wcwidth` and tmux in a UTF-8 locale: East-Asian wide and full-width
/// characters (Han, kana, Hangul, CJK punctuation，（）：) take 2 cells, combining marks and zero-width
/// format characters 0, everything else 1. Ambiguous-width characters (box drawing, “…”) count as 1.
/// The TUI's `DisplayWidth` delegates here, so the screen and the printouts agree.
public enum TextWidth {
    /// Cells taken by one Unicode scalar on its own.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }
        // Han first: most of what the forms hold, and it spares the general-category lookup (a table
        // search in the runtime) that a profile found to be an eighth of a repaint.
        if v >= 0x4E00 && v <= 0x9FFF { return 2 }
        // The only combining marks inside the wide blocks below: ideographic tone marks, kana voicing.
        if (0x302A...0x302D).contains(v) || v == 0x3099 || v == 0x309A { return 0 }
        if isWide(v) { return 2 }
        // Punctuation such as “…” and the box and block drawing of every panel's frame: neither wide nor
        // zero-width, known without the general-category lookup (a tenth of drawing a panel).
        if (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) || (0x2500...0x25FF).contains(v) { return 1 }
        if isZeroWidth(scalar) { return 0 }
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

    public static func width<S: StringProtocol>(of text: S) -> Int {
        // Scalar by scalar, without breaking the text into graphemes, unless it holds what only a whole
        // grapheme can tell (an emoji sequence, a variation selector, a flag): the sums are the same,
        // since every other scalar after a grapheme's first is zero-width (or Hangul jamo, likewise).
        var total = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x1F000 || v == 0xFE0F || v == 0x200D { return graphemeWidth(of: text) }
            total += width(of: scalar)
        }
        return total
    }

    private static func graphemeWidth<S: StringProtocol>(of text: S) -> Int {
        var total = 0
        for character in text { total += width(of: character) }
        return total
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
        case 0x1100...0x115F,
             0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
             0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E,  // CJK radicals, ideographic space and punctuation 、。「」【】
             0x3041...0x33FF,  // kana, bopomofo, Hangul compatibility jamo, enclosed CJK
             0x3400...0x4DBF, 0x4DC0...0x4DFF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60,  // full-width ASCII variants ，（）：
             0xFFE0...0xFFE6,  // full-width signs ￥
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
             0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
