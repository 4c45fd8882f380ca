import JixiaoKit

/// How many terminal cells text occupies (显示宽度).
///
/// Swift has no East-Asian-width API and `wcwidth` depends on the process locale, so this small table is
/// the single source of truth for layout, cursor placement and tests. It follows what `wcwidth` and tmux
/// do in a UTF-8 locale: East-Asian wide and full-width characters take 2 cells, combining marks and
/// zero-width format characters take 0, everything else 1. Ambiguous-width characters (box drawing, “…”)
/// count as 1, as they do in tmux and in most terminals' default settings.
public enum DisplayWidth {
    /// Cells taken by one Unicode scalar. The table is the library's (`TextWidth`), so the screen and
    /// the printouts agree on every character.
    public static func width(of scalar: Unicode.Scalar) -> Int { TextWidth.width(of: scalar) }

    /// Cells taken by one grapheme.
    public static func width(of character: Character) -> Int { TextWidth.width(of: character) }

    /// Cells taken by a string.
    public static func width(of text: String) -> Int { TextWidth.width(of: text) }

    /// Cells taken by a slice of a string.
    public static func width(of text: Substring) -> Int { TextWidth.width(of: text) }

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
