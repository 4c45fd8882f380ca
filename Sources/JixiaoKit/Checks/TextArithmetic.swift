import Foundation

/// A total and its parts as a text states them: 「共受理 120 件，已办结 100 件，正在办理 30 件」,
/// 「组织 224 场招聘活动，其中线下 153 场，线上 71 场」.
public struct StatedSum: Equatable, Sendable {
    public let total: Decimal
    public let parts: [Decimal]
    public let unit: String
    /// The sentence it was read from, trimmed.
    public let sentence: String
}

/// Reads totals and parts out of prose, conservatively: a wrong alarm on the many texts whose figures
/// do add up costs more than a missed one. Only a sentence with a total (the figure just before 其中,
/// or after 共/合计/总计/累计 when the parts are 已…/正在…/尚…/未… clauses) and at least two parts in the
/// same unit is read; bracketed asides, approximate figures (600余人次) and clauses that start
/// something else (同时…, 另…, 比上年…) end or drop the reading. The parts contradict the total only
/// when they add up to more than it and no leading run of them equals it (a breakdown followed by an
/// unrelated figure of the same unit).
public enum TextArithmetic {
    static let units = ["万人次", "人次", "车次", "万元", "亿元", "万人", "元", "人", "件", "个", "场", "份", "项", "户", "家", "名", "条", "次", "册", "篇"]
    static let stopWords = ["同时", "另", "此外", "并", "累计", "比上年", "较上年", "比去年", "较去年", "减少", "增加", "增长", "下降", "目前", "超额", "完成全年", "共", "合计", "总计"]
    static let statusStarts = ["已", "正在", "尚", "未", "待"]
    static let totalWords = ["共计", "共", "合计", "总计", "累计"]

    struct Figure {
        let value: Decimal
        let unit: String
        let approximate: Bool
    }

    /// Sums whose parts exceed their total.
    public static func contradictions(in text: String) -> [StatedSum] {
        sums(in: text).filter { s in
            let tolerance = Decimal(string: "0.01")!
            guard s.parts.reduce(0, +) > s.total + tolerance else { return false }
            var running = Decimal(0)
            for p in s.parts {
                running += p
                if abs(running - s.total) <= tolerance { return false }
            }
            return true
        }
    }

    static func sums(in text: String) -> [StatedSum] {
        mayStateASum(text) ? read(text) : []
    }

    /// `sums` without the quick look: what it must always equal.
    static func read(_ text: String) -> [StatedSum] {
        let folded = withoutBrackets(FullWidth.fold(text))
        var out: [StatedSum] = []
        for sentence in folded.split(whereSeparator: { "。；;\n!?！？".contains($0) }).map(String.init) {
            let clauses = sentence.split(whereSeparator: { ",，、:：".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            if let s = breakdown(clauses, sentence: sentence) { out.append(s) } else if let s = statusList(clauses, sentence: sentence) { out.append(s) }
        }
        return out
    }

    /// Whether a text can hold a stated sum at all: a digit (ASCII or full-width), and 其中 or a total
    /// word (共, 共计, 合计, 总计, 累计: each has 共 or 计). Folding and dropping brackets make no digit and
    /// no CJK character, so this is exact. Most cells have neither; reading them all in full was 40% of
    /// a cold check of a 200-project draft.
    static func mayStateASum(_ text: String) -> Bool {
        var digit = false, qi = false, zhong = false, total = false
        for u in text.unicodeScalars {
            switch u.value {
            case 0x30...0x39, 0xFF10...0xFF19: digit = true
            case 0x5176: qi = true  // 其
            case 0x4E2D: zhong = true  // 中
            case 0x5171, 0x8BA1: total = true  // 共, 计
            default: break
            }
        }
        return digit && (total || (qi && zhong))
    }

    /// 「…N U，其中 a N1 U，b N2 U…」: the total is the last figure before 其中.
    static func breakdown(_ clauses: [String], sentence: String) -> StatedSum? {
        guard sentence.components(separatedBy: "其中").count == 2,
              let k = clauses.firstIndex(where: { $0.hasPrefix("其中") }), k > 0 else { return nil }
        let before = clauses[..<k].joined(separator: "，")
        guard let total = figures(in: before).last, !total.approximate else { return nil }
        var first = clauses[k]
        first.removeFirst(2)
        let rest = [first] + clauses[(k + 1)...]
        return collect(total, rest, sentence: sentence, mustStart: nil)
    }

    /// 「共受理 120 件，已办结 100 件，正在办理 30 件」.
    static func statusList(_ clauses: [String], sentence: String) -> StatedSum? {
        guard let k = clauses.firstIndex(where: { c in totalWords.contains { c.contains($0) } }) else { return nil }
        let c = clauses[k]
        guard let word = totalWords.first(where: { c.contains($0) }), let r = c.range(of: word),
              let total = figures(in: String(c[r.upperBound...])).first, !total.approximate else { return nil }
        return collect(total, Array(clauses[(k + 1)...]), sentence: sentence, mustStart: statusStarts)
    }

    static func collect(_ total: Figure, _ clauses: [String], sentence: String, mustStart: [String]?) -> StatedSum? {
        var parts: [Decimal] = []
        for c in clauses {
            if stopWords.contains(where: { c.hasPrefix($0) }) { break }
            if let starts = mustStart, !starts.contains(where: { c.hasPrefix($0) }) { break }
            let fs = figures(in: c)
            guard let f = fs.first else { continue }
            guard fs.count == 1, f.unit == total.unit else { break }
            if f.approximate { return nil }
            parts.append(f.value)
        }
        guard parts.count >= 2 else { return nil }
        return StatedSum(total: total.value, parts: parts, unit: total.unit, sentence: sentence.trimmingCharacters(in: .whitespaces))
    }

    /// The figures with a count or money unit in a clause, in order (spaces between a number and its
    /// unit allowed; 「30（家）次」 is not read).
    static func figures(in s: String) -> [Figure] {
        let chars = Array(s)
        var out: [Figure] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isASCII && (chars[i - 1].isNumber || chars[i - 1] == ".")) else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." || chars[j] == "," { j += 1 }
            let digits = String(chars[i..<j]).trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
            var k = j
            while k < chars.count, chars[k] == " " { k += 1 }
            var approximate = false
            if k < chars.count, "余多".contains(chars[k]) { approximate = true; k += 1 }
            let tail = String(chars[k...])
            if let unit = units.first(where: { tail.hasPrefix($0) }), let value = NumberInput.decimal(digits.replacingOccurrences(of: ",", with: "")) {
                out.append(Figure(value: value, unit: unit, approximate: approximate))
                k += unit.count
            }
            i = max(k, j)
        }
        return out
    }

    /// The text with （…） and (…) asides removed: a breakdown of one part is not another part.
    static func withoutBrackets(_ s: String) -> String {
        var out = ""
        var depth = 0
        for c in s {
            if c == "(" || c == "（" { depth += 1; continue }
            if c == ")" || c == "）" { depth = max(depth - 1, 0); continue }
            if depth == 0 { out.append(c) }
        }
        return out
    }
}
