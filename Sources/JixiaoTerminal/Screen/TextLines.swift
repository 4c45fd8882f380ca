import JixiaoKit
/// Wraps messages for the screen: the problems panel, the status line, help and the prompts.
///
/// Chinese breaks between any two characters, never before a closing mark (，。）…); an ASCII word stays
/// whole unless longer than the line; a path (a word with "/") breaks only after a "/", so a file name
/// is never split while its folder could go down instead.
public enum TextLines {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = "", used = 0
            for atom in atoms(String(paragraph)) {
                let w = DisplayWidth.width(of: atom)
                if used + w <= width {
                    line += atom
                    used += w
                    continue
                }
                if atom == " " { out.append(line); line = ""; used = 0; continue }
                if !line.isEmpty { out.append(trimmed(line)); line = ""; used = 0 }
                var rest = Substring(atom)
                // Longer than a whole line: cut by character.
                while DisplayWidth.width(of: rest) > width {
                    let head = DisplayWidth.truncate(String(rest), toWidth: width)
                    out.append(head)
                    rest = rest.dropFirst(head.count)
                }
                line = String(rest)
                used = DisplayWidth.width(of: line)
            }
            out.append(trimmed(line))
        }
        return out
    }

    /// The pieces a line may break between.
    static func atoms(_ text: String) -> [String] {
        var out: [String] = []
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            if word.contains("/") {
                // "/home/a/b.json" → "/", "home/", "a/", "b.json"
                var piece = ""
                for c in word {
                    piece.append(c)
                    if c == "/" { out.append(piece); piece = "" }
                }
                if !piece.isEmpty { out.append(piece) }
            } else {
                out.append(word)
            }
            word = ""
        }
        // A path runs to the next space, Chinese included; other words are ASCII runs.
        var inPath = false
        for c in text {
            if c == " " { flush(); inPath = false; out.append(" "); continue }
            if c == "/" && (word.isEmpty || word.allSatisfy { $0.isASCII }) { inPath = true }
            if inPath || c.isASCII { word.append(c); continue }
            flush()
            if Self.is(c, in: noLineStartScalars), let last = out.popLast(), last != " " {
                out.append(last + String(c))
            } else if let last = out.last, let end = last.last, Self.is(end, in: noLineEndScalars) {
                // The last character looked up, not a suffix compared per opening mark (hasSuffix
                // seven times per Chinese character was most of wrapping the problems panel).
                out[out.count - 1] = last + String(c)
            } else {
                out.append(String(c))
            }
        }
        flush()
        return out
    }

    private static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }

    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "】", "》", "”", "’", "…"]
    static let noLineEnd: Set<Character> = ["（", "「", "『", "【", "《", "“", "‘"]
    /// The same marks as scalars: a `Character` is hashed through its normalized form, and looking up
    /// two per Chinese character that way was most of wrapping the problems panel (F3).
    static let noLineStartScalars = scalars(noLineStart)
    static let noLineEndScalars = scalars(noLineEnd)

    private static func scalars(_ marks: Set<Character>) -> Set<Unicode.Scalar> {
        Set(marks.map { c in
            precondition(c.unicodeScalars.count == 1, "a mark of one scalar")
            return c.unicodeScalars.first!
        })
    }

    /// Whether `c` is one of the marks (each one scalar, so a character of more is none of them).
    private static func `is`(_ c: Character, in marks: Set<Unicode.Scalar>) -> Bool {
        let u = c.unicodeScalars
        guard let first = u.first, u.index(after: u.startIndex) == u.endIndex else { return false }
        return marks.contains(first)
    }
}
