import Foundation

/// Checks the figures the 自评报告's prose restates against the forms. A number is compared only when
/// it can be attributed without guessing: a word the template gives for a figure (编制, 在编, a
/// project's name) stands in the same clause right before it, with nothing but a few characters of
/// text between them, and its unit fits the figure's kind (万元, 人, %, 分). Everything else — a number
/// with no such word, an approximate one (98%以上, 约, 余), one inside a longer phrase the template
/// excludes (行政编制) — is left alone.
public enum ReportFigures {
    /// Characters between a figure's word and its number: 在编[人员]36人, 基本支出[为]360.71万元.
    static let maxGap = 6

    struct Candidate {
        let words: [String]
        let value: Value
        /// The figure's place in the template's `report.figures`, and the instance's name when it lists names.
        let figure: Int
        let name: String?
        let kind: ReportFigureSpec.Kind
        let not: [String]
        let notAfter: [String]
    }

    /// One figure of the prose attributed to one of the forms' figures.
    public struct Comparison: Sendable, Equatable {
        public let sectionID: String
        /// The words and the number as the prose has them: 在编人员36人.
        public let quote: String
        /// The form's figure: its place in the template's `report.figures`, and for a figure over named
        /// instances the instance's name.
        public let figure: Int
        public let name: String?
        /// The form's value in the prose's terms (a rate as points; a grade as its text).
        public let expectedValue: Value
        public let kind: ReportFigureSpec.Kind
        public let agrees: Bool
    }

    public static func check(_ ev: Evaluation) -> [Problem] {
        guard let spec = ev.template.report else { return [] }
        let figures = comparisons(ev).filter { !$0.agrees }.map { c in
            Problem(severity: .warning, address: nil,
                    finding: .reportFigure(quote: c.quote, figure: c.figure, name: c.name, expected: c.expectedValue, kind: c.kind),
                    reportSection: c.sectionID)
        }
        // A rate the prose states beside its own two figures (年底结余 0 万元，结余率 100%).
        var rates: [Problem] = []
        for section in spec.sections {
            guard let prose = ev.draft.report[section.id], !prose.isEmpty else { continue }
            rates += TextRates.contradictions(in: prose).map {
                Problem(severity: .warning, address: nil, finding: .reportRate($0), reportSection: section.id)
            }
        }
        return figures + rates
    }

    /// Every figure of the prose that could be attributed, agreeing or not, in section order.
    public static func comparisons(_ ev: Evaluation) -> [Comparison] {
        guard let spec = ev.template.report, !ev.draft.report.isEmpty else { return [] }
        let candidates = self.candidates(spec, ev)
        var out: [Comparison] = []
        for section in spec.sections {
            guard let prose = ev.draft.report[section.id], !prose.isEmpty else { continue }
            out += compare(prose, candidates, tolerance: ev.template.settings.tolerance).map {
                Comparison(sectionID: section.id, quote: $0.quote, figure: $0.candidate.figure, name: $0.candidate.name, expectedValue: $0.expected,
                           kind: $0.candidate.kind, agrees: $0.agrees)
            }
        }
        return out
    }

    static func candidates(_ spec: ReportSpec, _ ev: Evaluation) -> [Candidate] {
        var out: [Candidate] = []
        let render = { (s: String) in YearText.render(s, year: ev.draft.year, parameters: ev.draft.parameters) }
        for (k, f) in spec.figures.enumerated() {
            if let names = f.names {
                let ns = ReportSentences.values(names, ev), vs = ReportSentences.values(f.value, ev)
                for (n, v) in zip(ns, vs) {
                    guard case let .text(name) = n else { continue }
                    let trimmed = name.trimmingCharacters(in: .whitespaces)
                    guard trimmed.count >= 2 else { continue }
                    out.append(Candidate(words: [trimmed], value: v, figure: k, name: trimmed, kind: f.kind, not: f.not, notAfter: f.notAfter))
                }
            } else {
                out.append(Candidate(words: f.words.map(render), value: ReportSentences.evaluate(f.value, ev, form: nil, index: 0),
                                     figure: k, name: nil, kind: f.kind, not: f.not, notAfter: f.notAfter))
            }
        }
        return out
    }

    /// A number written in the prose with its unit and where it stands.
    struct Written {
        let number: Decimal
        let decimals: Int
        let unit: String
        /// Character offsets within the clause.
        let start: Int
        let end: Int
    }

    static let units = ["万元", "人", "名", "%", "％", "分"]
    static let approximateAfter = ["以上", "以下", "以内", "左右", "余", "多"]
    static let approximateBefore = ["约", "近", "超过", "超", "≥", "≤", ">", "<", "＞", "＜", "不低于", "不少于", "不超过"]
    static let clauseBreaks: Set<Character> = ["，", ",", "；", ";", "。", "\n", "\t", "、", "（", "）", "(", ")", "！", "？"]

    /// The attributed figures of one section's prose.
    static func compare(_ prose: String, _ candidates: [Candidate], tolerance: Decimal) -> [(quote: String, candidate: Candidate, expected: Value, agrees: Bool)] {
        var out: [(quote: String, candidate: Candidate, expected: Value, agrees: Bool)] = []
        for sentence in prose.split(whereSeparator: { "。；;\n！？".contains($0) }) {
            var earlier = ""
            for clause in clauses(String(sentence)) {
                defer { earlier += clause }
                let chars = Array(clause)
                for w in numbers(chars) {
                    guard let kind = kind(unit: w.unit) else { continue }
                    let ahead = String(chars[max(0, w.start - 3)..<w.start])
                    let after = String(chars[w.end..<min(chars.count, w.end + 2)])
                    if approximateAfter.contains(where: after.hasPrefix) || approximateBefore.contains(where: ahead.hasSuffix) { continue }
                    let context = earlier + String(chars[..<w.start])
                    let eligible = candidates.filter { c in !c.notAfter.contains { context.contains($0) } }
                    guard let (c, wordStart) = attribute(chars, w, kind: kind, eligible),
                          let expected = expectedNumber(c.value, kind: kind) else { continue }
                    let quote = String(chars[wordStart..<w.end]).trimmingCharacters(in: .whitespaces)
                    out.append((quote, c, .number(expected), agrees(w, expected, kind: kind, tolerance: tolerance)))
                }
                out += grades(chars, candidates)
            }
        }
        return out
    }

    static func clauses(_ s: String) -> [String] {
        s.split(whereSeparator: { clauseBreaks.contains($0) }).map(String.init)
    }

    static func kind(unit: String) -> ReportFigureSpec.Kind? {
        switch unit {
        case "万元": return .money
        case "人", "名": return .count
        case "%", "％": return .percent
        case "分": return .score
        default: return nil
        }
    }

    /// Numbers followed (after spaces) by a unit.
    static func numbers(_ chars: [Character]) -> [Written] {
        var out: [Written] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isASCII && (chars[i - 1].isNumber || chars[i - 1] == ".")) else { i += 1; continue }
            var j = i
            var text = ""
            while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." || chars[j] == "," {
                if chars[j] != "," { text.append(chars[j]) }
                j += 1
            }
            var k = j
            while k < chars.count, chars[k] == " " || chars[k] == "\u{3000}" { k += 1 }
            let rest = String(chars[k..<min(chars.count, k + 2)])
            if let unit = units.first(where: rest.hasPrefix), let d = Decimal(string: text), !text.hasSuffix(".") {
                let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
                out.append(Written(number: d, decimals: decimals, unit: unit, start: i, end: k + unit.count))
            }
            i = j
        }
        return out
    }

    /// The figure whose word ends closest before the number, within `maxGap` characters with no digit
    /// between; a longer word wins over one it contains. Returns where the word starts.
    static func attribute(_ chars: [Character], _ w: Written, kind: ReportFigureSpec.Kind, _ candidates: [Candidate]) -> (Candidate, Int)? {
        let clause = String(chars)
        var best: (Candidate, Int, Int)?  // candidate, word start, word end
        for c in candidates where c.kind == kind || (c.kind == .score && kind == .score) {
            for word in c.words {
                let wc = Array(word)
                guard wc.count <= w.start else { continue }
                var s = w.start - wc.count
                let lowest = max(0, w.start - wc.count - maxGap)
                while s >= lowest {
                    if Array(chars[s..<(s + wc.count)]) == wc {
                        let gap = chars[(s + wc.count)..<w.start]
                        if !gap.contains(where: { $0.isNumber }) && !excluded(clause, at: s, length: wc.count, by: c.not) {
                            let end = s + wc.count
                            if best == nil || end > best!.2 || (end == best!.2 && s < best!.1) { best = (c, s, end) }
                        }
                        break
                    }
                    s -= 1
                }
            }
        }
        return best.map { ($0.0, $0.1) }
    }

    /// Whether the word at `start` is part of one of the excluded phrases.
    static func excluded(_ clause: String, at start: Int, length: Int, by phrases: [String]) -> Bool {
        let chars = Array(clause)
        for p in phrases {
            let pc = Array(p)
            let low = max(0, start + length - pc.count), high = min(start, chars.count - pc.count)
            guard pc.count >= length, low <= high else { continue }
            for s in low...high where Array(chars[s..<(s + pc.count)]) == pc {
                return true
            }
        }
        return false
    }

    /// The form's figure in the prose's terms (a rate as points); nil when the form has no number there.
    static func expectedNumber(_ v: Value, kind: ReportFigureSpec.Kind) -> Decimal? {
        let d: Decimal
        switch v {
        case let .number(x): d = x
        case let .text(s):
            guard kind == .percent, s.contains("%") || s.contains("％"), case let .success(x) = NumberInput.parse(s, kind: .percent) else { return nil }
            d = x
        default: return nil
        }
        return kind == .percent ? d * 100 : d
    }

    /// Equal within the template's tolerance, or equal once the form's figure is rounded as the prose
    /// wrote its own (100% for 99.6%, 36 人 exactly).
    static func agrees(_ w: Written, _ expected: Decimal, kind: ReportFigureSpec.Kind, tolerance: Decimal) -> Bool {
        if kind == .count { return w.number == expected }
        var diff = w.number - expected
        if diff < 0 { diff = -diff }
        return diff <= tolerance || expected.rounded(w.decimals) == w.number
    }

    /// A grade word, then at most a few characters, then one grade label (…为“优”).
    static func grades(_ chars: [Character], _ candidates: [Candidate]) -> [(quote: String, candidate: Candidate, expected: Value, agrees: Bool)] {
        var out: [(quote: String, candidate: Candidate, expected: Value, agrees: Bool)] = []
        for c in candidates where c.kind == .grade {
            guard case let .text(expected) = c.value, !expected.isEmpty else { continue }
            for word in c.words {
                let wc = Array(word)
                guard wc.count <= chars.count else { continue }
                for s in 0...(chars.count - wc.count) where Array(chars[s..<(s + wc.count)]) == wc {
                    var k = s + wc.count
                    var gap = 0
                    while k < chars.count, gap <= 3, !"优良中差".contains(chars[k]) { k += 1; gap += 1 }
                    guard k < chars.count, "优良中差".contains(chars[k]) else { continue }
                    // 优秀 and 良好 read as 优 and 良; a longer word (中等) too.
                    let agrees = String(chars[k]) == expected.trimmingCharacters(in: .whitespaces).prefix(1)
                    out.append((String(chars[s...k]), c, .text(expected), agrees))
                    return out
                }
            }
        }
        return out
    }
}
