import Foundation

/// Which way an indicator is better (指标方向).
public enum Direction: String, Sendable, Hashable, CaseIterable {
    /// 正向: ≥, 以上, 不低于, 至少, or a bare non-zero number.
    case higherIsBetter
    /// 反向: ≤, 以内, 以下, 不超过, 控制在…内, 低于.
    case lowerIsBetter
    /// 等于: "=", or a bare target of 0.
    case equal
}

/// A number with its unit as accountants write it ("47.96万元", "95%").
/// Percentages keep their points (95% is 95 with unit "%"), so target and actual compare directly.
public struct Measure: Sendable, Hashable, CustomStringConvertible {
    public var value: Decimal
    /// Normalised unit: "%", "万元", "元", "人", "份", "天", "个月", "件", "个", "起", "次", "平方米", or ""
    /// for none; a few more count words seen in the seeds ("亿元", "万人", "人次", "项", "名" …) are kept
    /// as their own units rather than converted, because converting would be a guess.
    public var unit: String

    public init(value: Decimal, unit: String) {
        self.value = value
        self.unit = unit
    }

    public var description: String { value.plain + unit }
}

/// What a 年度指标值 cell says.
public enum TargetReading: Sendable, Hashable {
    case quantitative(Direction, Measure)
    /// The cell's text, trimmed. Anything the reader is not certain about lands here.
    case qualitative(String)
}

/// Reads 年度指标值 and 实际完成值 as accountants type them. The grammar is deliberately narrow —
/// [达到] [direction word] number unit [direction word] [完成] — because a wrong reading would
/// suggest a wrong score with authority; everything outside it is qualitative and left to the person.
public enum TargetReader {
    public static func readTarget(_ text: String) -> TargetReading {
        let qualitative = TargetReading.qualitative(text.trimmed)
        guard let p = parse(text), !p.conflicting, !p.yearLike else { return qualitative }
        if let hint = p.hint { return .quantitative(hint, p.measure) }
        // "15天" alone does not say whether 15 days is a floor or a deadline; for a 时效 row it nearly
        // always means "within", so the bare-number-is-正向 rule would punish finishing early.
        if durationUnits.contains(p.measure.unit) { return qualitative }
        return .quantitative(p.measure.value == 0 ? .equal : .higherIsBetter, p.measure)
    }

    /// The achieved value as a measure, or nil when it is not one ("12月31日前完成", "有效促进").
    /// A direction word is dropped ("≤3.5%" → 3.5%): the person wrote a bound they reached.
    public static func readActual(_ text: String) -> Measure? {
        guard let p = parse(text), !p.conflicting, !p.yearLike else { return nil }
        return p.measure
    }

    // MARK: - Grammar

    struct Parsed: Equatable {
        var hint: Direction?
        var conflicting: Bool
        var yearLike: Bool
        var measure: Measure
    }

    static let durationUnits: Set<String> = ["天", "个月", "小时"]

    /// Longest spelling first so that "≥" is not taken for ">" and "大于等于" not for "大于".
    static let prefixes: [(String, Direction)] = sortedByLength([
        ("≥", .higherIsBetter), (">=", .higherIsBetter), ("⩾", .higherIsBetter), ("≧", .higherIsBetter),
        (">", .higherIsBetter), ("大于等于", .higherIsBetter), ("大于或等于", .higherIsBetter),
        ("不低于", .higherIsBetter), ("不少于", .higherIsBetter), ("不小于", .higherIsBetter),
        ("至少", .higherIsBetter), ("大于", .higherIsBetter), ("高于", .higherIsBetter),
        ("多于", .higherIsBetter), ("超过", .higherIsBetter),
        ("≤", .lowerIsBetter), ("<=", .lowerIsBetter), ("⩽", .lowerIsBetter), ("≦", .lowerIsBetter),
        ("<", .lowerIsBetter), ("小于等于", .lowerIsBetter), ("小于或等于", .lowerIsBetter),
        ("不超过", .lowerIsBetter), ("不高于", .lowerIsBetter), ("不多于", .lowerIsBetter),
        ("不大于", .lowerIsBetter), ("至多", .lowerIsBetter), ("最多", .lowerIsBetter),
        ("控制在", .lowerIsBetter), ("小于", .lowerIsBetter), ("低于", .lowerIsBetter),
        ("少于", .lowerIsBetter),
        ("==", .equal), ("=", .equal), ("等于", .equal),
    ])

    static let suffixes: [(String, Direction)] = sortedByLength([
        ("以上", .higherIsBetter), ("及以上", .higherIsBetter), ("或以上", .higherIsBetter),
        ("(含)以上", .higherIsBetter), ("以上(含)", .higherIsBetter),
        ("以下", .lowerIsBetter), ("及以下", .lowerIsBetter), ("或以下", .lowerIsBetter),
        ("(含)以下", .lowerIsBetter), ("以下(含)", .lowerIsBetter),
        ("以内", .lowerIsBetter), ("(含)以内", .lowerIsBetter), ("以内(含)", .lowerIsBetter),
        ("之内", .lowerIsBetter), ("内", .lowerIsBetter),
    ])

    /// The words by their first (last) character, longest first as above: a text can begin (end) only
    /// with a word that begins (ends) with its own first (last) character.
    private static let prefixesByFirst = Dictionary(grouping: prefixes) { $0.0.first! }
    private static let suffixesByLast = Dictionary(grouping: suffixes) { $0.0.last! }

    /// Words that add nothing to the reading ("达到95%以上", "30天内完成", "≥95%(含)").
    private static let neutralPrefixes = ["达到", "达"]
    private static let neutralSuffixes = ["完成", "(含)"]

    /// Spelling → normalised unit. Unknown words (年, 月, 亿人 …) make the text qualitative.
    private static let units: [String: String] = [
        "": "", "%": "%", "﹪": "%",
        "万元": "万元", "万": "万元", "元": "元", "亿元": "亿元", "亿": "亿元",
        "人": "人", "万人": "万人", "人次": "人次", "名": "名",
        "份": "份", "件": "件", "个": "个", "起": "起", "次": "次", "项": "项", "家": "家",
        "场": "场", "户": "户", "本": "本", "条": "条", "册": "册", "辆": "辆", "台": "台",
        "套": "套", "篇": "篇",
        "天": "天", "日": "天", "个月": "个月", "小时": "小时",
        "平方米": "平方米", "平米": "平方米", "m²": "平方米", "㎡": "平方米", "m2": "平方米",
    ]

    private static func sortedByLength(_ list: [(String, Direction)]) -> [(String, Direction)] {
        list.sorted { $0.0.count > $1.0.count }
    }

    static func parse(_ text: String) -> Parsed? {
        // No digit, no number (`NumberInput.decimal` needs one; folding makes one only of ０–９): most
        // qualitative targets end here, before the folding and the word tables.
        guard text.unicodeScalars.contains(where: FullWidth.isDigit) else { return nil }
        return read(text)
    }

    /// `parse` without the quick look: what it must always equal.
    static func read(_ text: String) -> Parsed? {
        if let simple = readScalars(text) { return simple }
        return readCharacters(text)
    }

    /// The reading by characters: the grammar as written, for any text.
    static func readCharacters(_ text: String) -> Parsed? {
        // Word tables wrap cells ("≥0起" arrives as "\n≥0起"), and people pad with spaces: no
        // whitespace carries meaning inside a target, so all of it goes.
        var s = String(FullWidth.fold(text).filter { !$0.isUnicodeWhiteSpace })
        while let last = s.last, ".,;、".contains(last) { s.removeLast() }
        guard !s.isEmpty, s.count <= 40 else { return nil }

        for word in neutralPrefixes where s.hasPrefix(word) {
            s.removeFirst(word.count)
            break
        }
        var prefixHint: Direction?
        for (word, dir) in s.first.flatMap({ prefixesByFirst[$0] }) ?? [] where s.hasPrefix(word) {
            prefixHint = dir
            s.removeFirst(word.count)
            break
        }
        if s.hasSuffix("完成") { s.removeLast(2) }
        var suffixHint: Direction?
        for (word, dir) in s.last.flatMap({ suffixesByLast[$0] }) ?? [] where s.hasSuffix(word) {
            suffixHint = dir
            s.removeLast(word.count)
            break
        }
        for word in neutralSuffixes where s.hasSuffix(word) {
            s.removeLast(word.count)
            break
        }

        let numberChars = s.prefix { "0123456789.,+-".contains($0) }
        guard !numberChars.isEmpty, let value = NumberInput.decimal(String(numberChars)) else { return nil }
        let unitText = String(s.dropFirst(numberChars.count))
        guard let unit = units[unitText] else { return nil }

        let conflicting = prefixHint != nil && suffixHint != nil && prefixHint != suffixHint
        let hint = prefixHint ?? suffixHint
        // A bare "2023" in a 时效 row is a year, not a count of 2023 of anything.
        let digitsOnly = numberChars.allSatisfy(\.isASCIIDigitCharacter)
        let yearLike = hint == nil && unit.isEmpty && digitsOnly && numberChars.count == 4
            && value >= 1900 && value <= 2100
        return Parsed(hint: hint, conflicting: conflicting, yearLike: yearLike,
                      measure: Measure(value: value, unit: unit))
    }

    // MARK: - The same grammar over Unicode scalars

    /// Scalars each of which is a character of its own, never joined to a neighbour into one
    /// (no combining marks, no CR of a CRLF), and none canonically equal to another spelling: over a
    /// text of only these, comparing scalars is comparing characters. These are what targets are
    /// typed with; anything else takes the reading by characters. Reading by scalars skips the
    /// grapheme breaking that was most of `TargetReader.read`, 13% of a cold `validate` of a
    /// 200-project draft (perf).
    static func isSimple(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09, 0x0A, 0x20...0x7E, 0xB2, 0x2010...0x2027, 0x2264, 0x2265, 0x2266, 0x2267, 0x2A7D, 0x2A7E,
             0x3000...0x3029, 0x3030...0x303F, 0x33A1, 0x4E00...0x9FFF, 0xFE6A, 0xFF01...0xFF60:
            return true
        default:
            return false
        }
    }

    private static func scalars(_ list: [(String, Direction)]) -> [([Unicode.Scalar], Direction)] {
        list.map { (Array($0.0.unicodeScalars), $0.1) }
    }
    private static let prefixScalarsByFirst = Dictionary(grouping: scalars(prefixes)) { $0.0[0] }
    private static let suffixScalarsByLast = Dictionary(grouping: scalars(suffixes)) { $0.0[$0.0.count - 1] }
    private static let neutralPrefixScalars = neutralPrefixes.map { Array($0.unicodeScalars) }
    private static let neutralSuffixScalars = neutralSuffixes.map { Array($0.unicodeScalars) }
    private static let done: [Unicode.Scalar] = Array("完成".unicodeScalars)
    private static let trailing: [Unicode.Scalar] = Array(".,;、".unicodeScalars)
    private static let numberScalars: [Unicode.Scalar] = Array("0123456789.,+-".unicodeScalars)

    /// `readCharacters` over the scalars of a text made only of simple ones (`isSimple`); nil for any
    /// other text. `.some(nil)`: read, and not a measure.
    static func readScalars(_ text: String) -> Parsed?? {
        var s: [Unicode.Scalar] = []
        for u in text.unicodeScalars {
            guard isSimple(u) else { return nil }
            let f = FullWidth.fold(u)
            if !f.isUnicodeWhiteSpace { s.append(f) }
        }
        var start = 0, end = s.count
        while end > start, trailing.contains(s[end - 1]) { end -= 1 }
        guard end > start, end - start <= 40 else { return .some(nil) }
        func hasPrefix(_ w: [Unicode.Scalar]) -> Bool {
            end - start >= w.count && s[start..<(start + w.count)].elementsEqual(w)
        }
        func hasSuffix(_ w: [Unicode.Scalar]) -> Bool {
            end - start >= w.count && s[(end - w.count)..<end].elementsEqual(w)
        }
        for word in neutralPrefixScalars where hasPrefix(word) {
            start += word.count
            break
        }
        var prefixHint: Direction?
        for (word, dir) in (start < end ? prefixScalarsByFirst[s[start]] : nil) ?? [] where hasPrefix(word) {
            prefixHint = dir
            start += word.count
            break
        }
        if hasSuffix(done) { end -= done.count }
        var suffixHint: Direction?
        for (word, dir) in (start < end ? suffixScalarsByLast[s[end - 1]] : nil) ?? [] where hasSuffix(word) {
            suffixHint = dir
            end -= word.count
            break
        }
        for word in neutralSuffixScalars where hasSuffix(word) {
            end -= word.count
            break
        }
        var n = start
        while n < end, numberScalars.contains(s[n]) { n += 1 }
        guard n > start else { return .some(nil) }
        let numberText = String(String.UnicodeScalarView(s[start..<n]))
        guard let value = NumberInput.decimal(numberText) else { return .some(nil) }
        guard let unit = units[String(String.UnicodeScalarView(s[n..<max(n, end)]))] else { return .some(nil) }

        let conflicting = prefixHint != nil && suffixHint != nil && prefixHint != suffixHint
        let hint = prefixHint ?? suffixHint
        let digitsOnly = s[start..<n].allSatisfy { $0.isASCII && FullWidth.isDigit($0) }
        let yearLike = hint == nil && unit.isEmpty && digitsOnly && n - start == 4 && value >= 1900 && value <= 2100
        return .some(Parsed(hint: hint, conflicting: conflicting, yearLike: yearLike, measure: Measure(value: value, unit: unit)))
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
