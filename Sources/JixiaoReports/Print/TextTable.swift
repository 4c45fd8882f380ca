import JixiaoKit
/// A table for a fixed-pitch page: columns sized by display width so Chinese lines up, text wrapped
/// inside its column. Separators are ASCII (` | `, `-+-`): box-drawing characters are ambiguous-width
/// and some Chinese terminals and printers draw them two cells wide, which would break the columns.
struct TextTable {
    enum Align { case left, right }

    struct Column {
        let heading: String
        let align: Align
    }

    static let separator = " | "
    static let ruleSeparator = "-+-"

    var columns: [Column]
    var rows: [[String]] = []

    /// Headings and cells are laid out as `VisibleText` shows them: a control character is measured
    /// and printed as its visible escape, never passed to the terminal or printer.
    init(_ columns: [Column]) { self.columns = columns.map { Column(heading: VisibleText.text($0.heading), align: $0.align) } }

    mutating func add(_ cells: [String]) { rows.append(cells.map(VisibleText.text)) }

    /// The table's lines, at most `width` cells wide when the columns' minimums allow it.
    func render(width: Int) -> [String] {
        let widths = columnWidths(total: width)
        var out = block(columns.map(\.heading), widths)
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: Self.ruleSeparator))
        for row in rows { out += block(row, widths) }
        return out
    }

    func block(_ cells: [String], _ widths: [Int]) -> [String] {
        let wrapped = widths.indices.map { i in TextWrap.wrap(i < cells.count ? cells[i] : "", width: widths[i]) }
        let height = wrapped.map(\.count).max() ?? 1
        var lines: [String] = []
        for k in 0..<max(height, 1) {
            let parts = widths.indices.map { i -> String in
                let text = k < wrapped[i].count ? wrapped[i][k] : ""
                return TextWrap.pad(text, to: widths[i], right: columns[i].align == .right)
            }
            lines.append(TextWrap.trimTrailing(parts.joined(separator: Self.separator)))
        }
        return lines
    }

    /// Every column gets what it needs to show its content unwrapped when that fits. Otherwise each
    /// starts at a floor (numbers are never wrapped) and the rest is shared out max-min fairly, first
    /// towards the content's width (a heading may wrap), then towards the headings' width: a short
    /// column is satisfied in full before the long text columns split what remains.
    func columnWidths(total: Int) -> [Int] {
        let n = columns.count
        var floor = [Int](repeating: 1, count: n)
        var content = [Int](repeating: 1, count: n)
        var full = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let cells = rows.map { i < $0.count ? $0[i] : "" }
            let widest = cells.map(TextWrap.longestLine).max() ?? 0
            let heading = TextWrap.longestLine(columns[i].heading)
            full[i] = max(widest, heading, 1)
            if columns[i].align == .right {
                floor[i] = max(widest, min(heading, 4), 1)
            } else {
                floor[i] = min(full[i], max(8, TextWrap.longestWord(([columns[i].heading] + cells).joined(separator: " "), cap: 12)))
            }
            content[i] = columns[i].align == .right ? floor[i] : max(floor[i], widest, min(heading, 8))
        }
        let available = total - TextWrap.width(Self.separator) * max(n - 1, 0)
        if full.reduce(0, +) <= available { return full }
        var alloc = floor
        var remaining = available - floor.reduce(0, +)
        for want in [content, full] {
            var open = Set((0..<n).filter { alloc[$0] < want[$0] })
            while remaining > 0, !open.isEmpty {
                let share = max(remaining / open.count, 1)
                let satisfiable = open.filter { want[$0] - alloc[$0] <= share }
                if satisfiable.isEmpty {
                    // What is left goes in proportion to what each column still lacks, so the longest
                    // text wraps onto about as few lines as the others.
                    let order = open.sorted()
                    let lacking = order.map { want[$0] - alloc[$0] }
                    let sum = lacking.reduce(0, +)
                    let budget = remaining
                    for (k, i) in order.enumerated() {
                        let give = min(budget * lacking[k] / sum, remaining)
                        alloc[i] += give
                        remaining -= give
                    }
                    for i in order where remaining > 0 && alloc[i] < want[i] {
                        alloc[i] += 1
                        remaining -= 1
                    }
                    break
                }
                for i in satisfiable {
                    remaining -= want[i] - alloc[i]
                    alloc[i] = want[i]
                    open.remove(i)
                }
            }
        }
        return alloc
    }
}

/// Wrapping and padding by display width.
enum TextWrap {
    static func width<S: StringProtocol>(_ s: S) -> Int { TextWidth.width(of: s) }

    static func longestLine(_ s: String) -> Int {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { width($0) }.max() ?? 0
    }

    /// The widest run of ASCII non-space characters (a number, a word), capped: what a column should
    /// not cut in the middle if it can help it.
    static func longestWord(_ s: String, cap: Int) -> Int {
        var best = 0, run = 0
        for c in s {
            if c.isASCII && !c.isWhitespace { run += 1; best = max(best, run) } else { run = 0 }
        }
        return min(best, cap)
    }

    static func pad(_ s: String, to w: Int, right: Bool = false) -> String {
        let gap = max(w - width(s), 0)
        let fill = String(repeating: " ", count: gap)
        return right ? fill + s : s + fill
    }

    static func trimTrailing(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }

    /// Characters that may not begin a line (避头点): a closing mark takes the character before it down.
    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "】", "》", "”", "’", "％",
                                               ",", ".", ";", ":", "?", "!", ")", "%"]

    /// Characters that may not end a line: an opening mark moves down with what it opens.
    static let noLineEnd: Set<Character> = ["（", "「", "『", "【", "《", "“", "‘", "("]

    /// Lines of at most `width` cells. Line breaks in the text are kept; ASCII words are not cut unless
    /// longer than the line; Chinese breaks between any two characters except before a closing mark.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var out: [String] = []
        for whole in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            // Leading spaces (an indented 二级指标) indent every line the paragraph wraps onto.
            var indent = whole.prefix { $0 == " " }
            if width - indent.count < 4 { indent = indent.prefix(0) }
            let paragraph = whole.dropFirst(indent.count)
            let w = width - indent.count
            let prefix = String(indent)
            var lines: [[Character]] = [[]]
            var used = 0
            for token in tokens(paragraph) {
                let tw = token.reduce(0) { $0 + TextWidth.width(of: $1) }
                if used + tw <= w {
                    lines[lines.count - 1] += token
                    used += tw
                    continue
                }
                if token == [" "] { lines.append([]); used = 0; continue }
                if tw > w {
                    for c in token {
                        let cw = TextWidth.width(of: c)
                        if used + cw > w, !lines[lines.count - 1].isEmpty { lines.append([]); used = 0 }
                        lines[lines.count - 1].append(c)
                        used += cw
                    }
                    continue
                }
                // Move characters down until the break falls where it may: 。） after （含 goes down as （含）。
                var carried: [Character] = []
                var next = token[0]
                while lines[lines.count - 1].count > 1, carried.count < 4, let last = lines[lines.count - 1].last, !last.isWhitespace,
                      noLineEnd.contains(last) || noLineStart.contains(next),
                      carried.reduce(0, { $0 + TextWidth.width(of: $1) }) + TextWidth.width(of: last) + tw <= w {
                    carried.insert(lines[lines.count - 1].removeLast(), at: 0)
                    next = last
                }
                lines.append(carried + token)
                used = (carried + token).reduce(0) { $0 + TextWidth.width(of: $1) }
            }
            out += lines.map { trimTrailing(prefix + String($0)) }
        }
        return out
    }

    /// Runs of ASCII letters and digits (with . , % and the like inside a number) stay together;
    /// every other character is a token of its own.
    static func tokens(_ s: Substring) -> [[Character]] {
        var out: [[Character]] = []
        var word: [Character] = []
        for c in s {
            if c.isASCII && !c.isWhitespace {
                word.append(c)
            } else {
                if !word.isEmpty { out.append(word); word = [] }
                out.append([c == "\t" ? " " : c])
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }
}
