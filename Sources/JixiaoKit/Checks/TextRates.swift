import Foundation

/// A rate a text states beside the two figures it comes from, when they give another:
/// 「应开展绩效监控 5 个项目，实际开展 4 个项目，完成率 100%」 (4 ÷ 5 = 80%),
/// 「全年总预算 1913.2 万元，年底结余 0 万元，结余率 100%」 (0 ÷ 1913.2 = 0%).
public struct StatedRate: Equatable, Sendable {
    /// The rate's words and number as written: 完成率 100%.
    public let quote: String
    /// The two figures with their unit, in the order written.
    public let figures: [String]
    /// The rate the figures give, as a ratio.
    public let computed: Decimal
    /// The sentence it was read from, trimmed.
    public let sentence: String
}

/// Reads stated rates out of prose as conservatively as `TextArithmetic` reads sums: only a rate named
/// by a word that means "part of a whole" (执行率, 完成率, 结余率 …), written as a plain percent right
/// after its word, in a sentence with exactly two exact figures of one unit. The rate agrees when one
/// figure divided by the other gives it at the precision it was written with (95% for 95.3%); a 结余率
/// over figures none of which is called 结余 or 结转 is read as the unspent share, 1 − spent ÷ budget.
public enum TextRates {
    static let rateWords = ["结余率", "执行率", "完成率", "实现率", "控制率", "到位率", "结案率", "办结率", "占比"]
    static let connectors: Set<Character> = ["为", "达", "到", "是", "了", ":", "：", " "]
    static let balanceWords = ["结余", "结转"]
    static let approximateAfter = ["以上", "以下", "以内", "左右", "多"]
    static let asides = ["另", "此外", "同时", "比上年", "较上年", "比去年", "较去年"]

    /// A quick look before the slow reading, which runs over every text cell of every form on each
    /// check (42% of `validate` on a 200-project draft): a rate is read only when written as a percent
    /// after one of its words, so a text without % (or its full-width ％, the only sign folding turns into
    /// %) or without any of the words states none. Folding and cutting sentences only ever change or
    /// remove ASCII, brackets and stops, none of which is in a rate's word, so a literal search of the
    /// text as typed answers for every sentence read from it.
    static func mayStateARate(_ text: String, words: [String] = rateWords) -> Bool {
        let u = text.utf8
        guard u.contains(0x25) || (u.contains(0x85) && text.unicodeScalars.contains("\u{FF05}")) else { return false }
        return words.contains { text.containsLiteral($0) }
    }

    public static func contradictions(in text: String) -> [StatedRate] {
        mayStateARate(text) ? readContradictions(in: text) : []
    }

    static func readContradictions(in text: String) -> [StatedRate] {
        var out: [StatedRate] = []
        var previous = ""
        for sentence in sentences(text) {
            defer { previous = sentence }
            guard let rate = rates(in: sentence, words: rateWords).first else { continue }
            var found = figures(in: String(sentence[..<rate.start]))
            // 「应开展 5 个项目，实际开展 4 个项目。完成率为 100%。」: a rate alone in its sentence is
            // the previous sentence's.
            if found.isEmpty { found = figures(in: previous) }
            // Exactly two exact figures of one unit: with more, which two the rate divides is a guess.
            guard found.count == 2, found[0].0.unit == found[1].0.unit, !found.contains(where: { $0.0.approximate }) else { continue }
            let (a, b) = (found[0].0.value, found[1].0.value)
            let readings = expected(rate, a, b, balance: found.map { c in balanceWords.contains { c.clause.contains($0) } })
            guard let computed = readings.first, !readings.contains(where: { $0.rounded(rate.places) == rate.value }) else { continue }
            let unit = found[0].0.unit
            out.append(StatedRate(quote: rate.quote, figures: ["\(a.plain)\(unit)", "\(b.plain)\(unit)"], computed: computed,
                                  sentence: sentence.trimmingCharacters(in: .whitespaces)))
        }
        return out
    }

    /// The figures of a text with the clause each stands in, leaving out asides: 「另有离退休人员 79 人」
    /// counts other people than the rate's.
    static func figures(in s: String) -> [(TextArithmetic.Figure, clause: String)] {
        var out: [(TextArithmetic.Figure, clause: String)] = []
        for c in s.split(whereSeparator: { ",，、:：".contains($0) }).map(String.init)
        where !asides.contains(where: { c.trimmingCharacters(in: .whitespaces).hasPrefix($0) }) {
            for f in TextArithmetic.figures(in: c) { out.append((f, c)) }
        }
        return out
    }

    struct Rate {
        let word: String
        let value: Decimal
        /// Decimals of `value` as a ratio: 95% → 2, 92.5% → 3.
        let places: Int
        let quote: String
        let start: String.Index
        /// The % sign.
        let end: String.Index
    }

    /// The text's sentences, folded, without bracketed asides. Cut at 。 before folding: folding reads 。
    /// as a decimal point.
    static func sentences(_ text: String) -> [String] {
        text.split(whereSeparator: { "。；;\n!?！？".contains($0) }).map { TextArithmetic.withoutBrackets(FullWidth.fold(String($0))) }
    }

    /// A rate a text states, named by one of `words`, with the sentence it stands in.
    public struct Named: Equatable, Sendable {
        /// The rate's words and number as written: 预算执行率 95%.
        public let quote: String
        public let value: Decimal
        /// Decimals of `value` as a ratio: 95% → 2.
        public let places: Int
        public let sentence: String
    }

    /// Every rate of the text named by one of `words` and written as a plain percent.
    public static func named(in text: String, words: [String]) -> [Named] {
        mayStateARate(text, words: words) ? readNamed(in: text, words: words) : []
    }

    static func readNamed(in text: String, words: [String]) -> [Named] {
        sentences(text).flatMap { s in
            rates(in: s, words: words).map { Named(quote: $0.quote, value: $0.value, places: $0.places, sentence: s.trimmingCharacters(in: .whitespaces)) }
        }
    }

    /// The rates of a sentence written as one of `words`, a connector or two, and a plain percent, in
    /// the order they stand; a word inside a longer one of the list counts once.
    static func rates(in s: String, words: [String]) -> [Rate] {
        var out: [Rate] = []
        for word in words where s.containsLiteral(word) {
            var from = s.startIndex
            while let r = s.range(of: word, range: from..<s.endIndex) {
                from = r.upperBound
                var i = r.upperBound
                var gap = 0
                while i < s.endIndex, connectors.contains(s[i]), gap < 3 { i = s.index(after: i); gap += 1 }
                var j = i
                while j < s.endIndex, s[j].isASCII, s[j].isNumber || s[j] == "." { j = s.index(after: j) }
                guard j > i, let number = Decimal(string: String(s[i..<j])) else { continue }
                var k = j
                while k < s.endIndex, s[k] == " " { k = s.index(after: k) }
                guard k < s.endIndex, s[k] == "%" else { continue }
                let after = s[s.index(after: k)...].drop { $0 == " " }
                if approximateAfter.contains(where: { after.hasPrefix($0) }) { continue }
                let digits = String(s[i..<j])
                let decimals = digits.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
                // A 结余率 is quoted with the 结转 written before it.
                let head = s[..<r.lowerBound].hasSuffix("结转") ? s.index(r.lowerBound, offsetBy: -2) : r.lowerBound
                if out.contains(where: { $0.end == k }) { continue }
                out.append(Rate(word: word, value: number / 100, places: decimals + 2, quote: String(s[head...k]), start: head, end: k))
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// The rates two figures can give, the likeliest first: a share (the smaller over the larger, or the
    /// larger over the smaller for a rate above 100%; or either over their sum: 「基本支出 1633.25 万元，项目
    /// 支出 280 万元，项目支出占比 14.6%」), or for a 结余率 the balance over the budget.
    static func expected(_ rate: Rate, _ a: Decimal, _ b: Decimal, balance: [Bool]) -> [Decimal] {
        let (small, large) = (Swift.min(a, b), Swift.max(a, b))
        guard small >= 0, large > 0 else { return [] }
        if rate.word.hasSuffix("结余率") {
            if balance[0] != balance[1] {
                let (part, whole) = balance[0] ? (a, b) : (b, a)
                return whole > 0 ? [part / whole] : []
            }
            return [(large - small) / large]
        }
        if rate.value > 1 { return small > 0 ? [large / small] : [] }
        return [small / large, small / (a + b), large / (a + b)]
    }
}
