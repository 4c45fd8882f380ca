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
    /// starts at a floor (`floorWidth`: numbers as wide as their widest figure, text keeping a short
    /// heading and an ASCII word whole), and the cells left over go, a few at a time, to the text
    /// column where they save the most printed lines per cell: room follows what a column holds and
    /// where it wraps, so a column of long sentences is not held at its floor beside short names, and a
    /// number column never grows while a text column still wraps. Ties go to the column holding more text.
    func columnWidths(total: Int) -> [Int] {
        let n = columns.count
        let cells = (0..<n).map { i in [columns[i].heading] + rows.map { i < $0.count ? $0[i] : "" } }
        let cellWidths = cells.map { $0.map(TextWrap.longestLine) }
        let widest = cellWidths.map { $0.dropFirst().max() ?? 0 }
        let full = cellWidths.map { max($0.max() ?? 0, 1) }
        let available = total - TextWrap.width(Self.separator) * max(n - 1, 0)
        if full.reduce(0, +) <= available { return full }
        var alloc = (0..<n).map { floorWidth($0, widest: widest[$0], full: full[$0], tight: false) }
        if alloc.reduce(0, +) > available {
            alloc = (0..<n).map { floorWidth($0, widest: widest[$0], full: full[$0], tight: true) }
        }
        let floors = alloc
        var remaining = available - alloc.reduce(0, +)
        let mass = cellWidths.map { $0.dropFirst().reduce(0, +) }
        // Lines each cell (the heading first) takes at a width, estimated from its tokens' widths once
        // measured: wrapping every cell at every width tried costs too much for hundreds of projects.
        let tokens = cells.map { $0.map(TextWrap.tokenWidths) }
        var memo: [[Int: [Int]]] = Array(repeating: [:], count: n)
        func lines(_ i: Int, _ w: Int) -> [Int] {
            if let known = memo[i][w] { return known }
            let counts = tokens[i].indices.map { r in cellWidths[i][r] <= w && tokens[i][r].count == 1 ? 1 : TextWrap.lineCount(tokens[i][r], width: w) }
            memo[i][w] = counts
            return counts
        }
        let textColumns = (0..<n).filter { columns[$0].align == .left }
        while remaining > 0 {
            let now = (0..<n).map { lines($0, alloc[$0]) }
            // The tallest and second tallest column of each row: what column i cannot make shorter is
            // the tallest of the others.
            var top = [(height: Int, column: Int, second: Int)](repeating: (1, -1, 1), count: cells[0].count)
            for r in top.indices {
                for i in 0..<n {
                    let h = now[i][r]
                    if h > top[r].height || top[r].column < 0 { top[r] = (h, i, top[r].column < 0 ? 1 : top[r].height) } else if h > top[r].second { top[r].second = h }
                }
            }
            var best: (column: Int, width: Int, saved: Int)?
            for i in textColumns where alloc[i] < full[i] {
                let others = top.map { $0.column == i ? $0.second : $0.height }
                let current = zip(others, now[i]).reduce(0) { $0 + max($1.0, $1.1) }
                for w in candidates(cellWidths[i], from: alloc[i], to: min(full[i], alloc[i] + remaining)) {
                    let saved = current - zip(others, lines(i, w)).reduce(0) { $0 + max($1.0, $1.1) }
                    guard saved > 0 else { continue }
                    let cost = w - alloc[i]
                    if let b = best {
                        let (a, c) = (saved * (b.width - alloc[b.column]), b.saved * cost)
                        if a < c || (a == c && mass[i] <= mass[b.column]) { continue }
                    }
                    best = (i, w, saved)
                }
            }
            guard let b = best else { break }
            remaining -= b.width - alloc[b.column]
            alloc[b.column] = b.width
        }
        // Growing one column at a time can overshoot: a few cells handed from one text column to
        // another may still save lines. Bounded, since each move saves at least one.
        func height(_ w: [Int]) -> Int {
            let counts = (0..<n).map { lines($0, w[$0]) }
            return counts[0].indices.reduce(0) { sum, r in sum + ((0..<n).map { counts[$0][r] }.max() ?? 1) }
        }
        var shortest = height(alloc)
        var improved = true
        while improved {
            improved = false
            for from in textColumns {
                for to in textColumns where to != from && alloc[to] < full[to] {
                    for k in 1...6 where alloc[from] - k >= floors[from] && alloc[to] + k <= full[to] {
                        var w = alloc
                        w[from] -= k
                        w[to] += k
                        let h = height(w)
                        if h < shortest { alloc = w; shortest = h; improved = true }
                    }
                }
            }
        }
        // No cell saves a line any more: number headings unwrap where a whole heading fits, then text
        // columns widen by what they hold.
        for i in (0..<n).filter({ columns[$0].align == .right }).sorted(by: { full[$0] - alloc[$0] < full[$1] - alloc[$1] })
        where full[i] - alloc[i] <= remaining {
            remaining -= full[i] - alloc[i]
            alloc[i] = full[i]
        }
        var open = textColumns.filter { alloc[$0] < full[$0] }
        while remaining > 0, !open.isEmpty {
            let weights = open.map { max(mass[$0], 1) }
            let sum = weights.reduce(0, +), budget = remaining
            for (k, i) in open.enumerated() {
                let give = min(max(budget * weights[k] / sum, 1), full[i] - alloc[i], remaining)
                alloc[i] += give
                remaining -= give
            }
            open = open.filter { alloc[$0] < full[$0] }
        }
        return alloc
    }

    /// The widths worth trying between `low` (excluded) and `high`: where a cell fits on one, two or
    /// three lines, and the next few cells. Trying every width would wrap every cell at every width,
    /// which a printout of hundreds of projects cannot afford.
    func candidates(_ widths: [Int], from low: Int, to high: Int) -> [Int] {
        guard high > low else { return [] }
        var out = Set((low + 1)...min(high, low + 4))
        for c in widths where c > low {
            for k in 1...3 {
                let w = (c + k - 1) / k
                for x in [w, w + 1] where x > low && x <= high { out.insert(x) }
            }
        }
        out.insert(high)
        return out.sorted()
    }

    /// The narrowest a column starts at. A number never wraps; its heading may take two lines (four
    /// cells, 分值, at least). A text column keeps an ASCII word (a figure with its unit) and a heading
    /// of up to 8 cells whole, and a longer heading on two lines when the column holds text that wide.
    /// `tight` is the fallback when those floors do not fit side by side: headings wrap as they must.
    func floorWidth(_ i: Int, widest: Int, full: Int, tight: Bool) -> Int {
        let heading = TextWrap.longestLine(columns[i].heading)
        // Half the heading, rounded up to a whole Han character.
        let twoLines = (heading + 3) / 4 * 2
        if columns[i].align == .right { return max(widest, tight ? 1 : min(heading, max(4, twoLines)), 1) }
        let cells = rows.map { i < $0.count ? $0[i] : "" }
        let word = TextWrap.longestWord(([columns[i].heading] + cells).joined(separator: " "), cap: tight ? 8 : 12)
        if tight { return min(full, max(word, min(heading, 4), 4)) }
        let headingFloor = heading <= 8 ? heading : max(8, min(twoLines, widest))
        return min(full, max(word, headingFloor, min(widest, 8)))
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
                // A figure carried along moves whole: -80% before ， goes down as -80%，, not as 0%，.
                var carried: [Character] = []
                var next = token[0]
                func inWord(_ a: Character, _ b: Character) -> Bool { a.isASCII && !a.isWhitespace && b.isASCII && !b.isWhitespace }
                while lines[lines.count - 1].count > 1, let last = lines[lines.count - 1].last, !last.isWhitespace,
                      carried.count < 4 || (!carried.isEmpty && inWord(last, next)),
                      noLineEnd.contains(last) || noLineStart.contains(next) || (!carried.isEmpty && inWord(last, next)),
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

    /// The display widths of a text's tokens, a list per paragraph: what `lineCount` packs.
    static func tokenWidths(_ text: String) -> [[Int]] {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
            tokens(paragraph).map { $0 == [" "] ? 0 : $0.reduce(0) { $0 + TextWidth.width(of: $1) } }
        }
    }

    /// About how many lines `wrap` makes of a text at `width`, from `tokenWidths` (a space is 0): the
    /// same packing without moving closing marks, so it may be one short now and then. For choosing
    /// column widths, where wrapping every cell at every width tried would cost too much.
    static func lineCount(_ paragraphs: [[Int]], width: Int) -> Int {
        guard width > 0 else { return paragraphs.count }
        var total = 0
        for tokens in paragraphs {
            var lines = 1, used = 0
            for tw in tokens {
                let w = max(tw, 1)
                if used + w <= width { used += w; continue }
                if tw == 0 { lines += 1; used = 0; continue }
                if w > width {
                    // A word longer than the line is cut where the line ends.
                    let rest = used + w
                    lines += (rest - 1) / width
                    used = rest - (rest - 1) / width * width
                    continue
                }
                lines += 1
                used = w
            }
            total += lines
        }
        return total
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
