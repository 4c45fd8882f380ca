import JixiaoKit
/// Where word moves and word kills stop (Ctrl-←/→, Ctrl-W).
///
/// A word is a run of non-space characters of one kind. Chinese has no spaces between words, so a run of
/// wide characters (Han, kana, full-width letters) is one word and a run of narrow ones (Latin letters,
/// digits, `1,234.50`) another: in “项目abc” the cursor stops between 目 and a. Spaces and full-width
/// punctuation (，。、：；) separate words, so a move stops at a clause, not at the start of the field.
enum WordBoundary {
    enum Kind { case separator, wide, narrow }

    static func kind(of character: Character) -> Kind {
        if character.isWhitespace { return .separator }
        let wide = DisplayWidth.width(of: character) == 2
        if wide, character.isPunctuation || character.isSymbol { return .separator }
        return wide ? .wide : .narrow
    }

    /// The start of the word before `index` (skipping separators first).
    static func previousWordStart(in chars: [Character], from index: Int) -> Int {
        var i = min(max(0, index), chars.count)
        while i > 0, kind(of: chars[i - 1]) == .separator { i -= 1 }
        guard i > 0 else { return 0 }
        let wordKind = kind(of: chars[i - 1])
        while i > 0, kind(of: chars[i - 1]) == wordKind { i -= 1 }
        return i
    }

    /// The end of the word at or after `index` (skipping separators first).
    static func nextWordEnd(in chars: [Character], from index: Int) -> Int {
        var i = min(max(0, index), chars.count)
        while i < chars.count, kind(of: chars[i]) == .separator { i += 1 }
        guard i < chars.count else { return chars.count }
        let wordKind = kind(of: chars[i])
        while i < chars.count, kind(of: chars[i]) == wordKind { i += 1 }
        return i
    }
}
