import JixiaoKit
/// Wraps messages for the screen: the problems panel, the status line, help and the prompts.
///
/// Chinese breaks between any two characters, never before a closing mark (，。）…); an ASCII word stays
/// whole unless longer than the line; a path (a word with "/") breaks only after a "/", so a file name
/// is never split while its folder could go down instead.
public enum TextLines {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return wrapSimple(text, width: width) ?? wrapAny(text, width: width)
    }

    /// `wrap` for any text, character by character.
    static func wrapAny(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        // A text with no line break (nearly every one) is not split: testing each character's
        // properties was a tenth of wrapping F3's problems. Those that break a line are these scalars.
        let breaks = text.unicodeScalars.contains { s in
            switch s.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
            default: false
            }
        }
        for paragraph in breaks ? text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) : [Substring(text)] {
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
                // Longer than a whole line: cut by character (one wider than the line goes alone).
                while DisplayWidth.width(of: rest) > width {
                    var head = "", used = 0
                    for c in rest {
                        let w = DisplayWidth.width(of: c)
                        if used + w > width, !head.isEmpty { break }
                        head.append(c)
                        used += w
                    }
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

    /// `wrap` for a text whose every scalar is a character of its own (`Screen.isSimple`: nearly every
    /// message): the same lines, found by scalar in one array. Breaking the text into characters and
    /// making a string of each was most of wording F3's first page. Nil for any other text.
    static func wrapSimple(_ text: String, width: Int) -> [String]? {
        // The scalars kept (a space before a closing mark goes, as in `atoms`), and the pieces as ranges
        // of them: every kept scalar is in one piece, in order.
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(text.utf8.count)
        var atoms: [Range<Int>] = []
        var wordStart: Int?
        var inPath = false
        func flush() {
            guard let start = wordStart else { return }
            var piece = start
            for k in start..<kept.count where kept[k] == "/" {
                atoms.append(piece..<(k + 1))
                piece = k + 1
            }
            if piece < kept.count { atoms.append(piece..<kept.count) }
            wordStart = nil
        }
        for c in text.unicodeScalars {
            guard Screen.isSimple(c.value) else { return nil }
            if c == " " {
                flush()
                inPath = false
                atoms.append(kept.count..<(kept.count + 1))
                kept.append(c)
                continue
            }
            if c == "/" && (wordStart.map { kept[$0...].allSatisfy(\.isASCII) } ?? true) { inPath = true }
            if inPath || c.isASCII {
                if wordStart == nil { wordStart = kept.count }
                kept.append(c)
                continue
            }
            flush()
            if noLineStartMarks.contains(c), let last = atoms.last {
                if !(last.count == 1 && kept[last.lowerBound] == " ") {
                    kept.append(c)
                    atoms[atoms.count - 1] = last.lowerBound..<kept.count
                    continue
                }
                atoms.removeLast()
                kept.removeLast()
            }
            kept.append(c)
            if let last = atoms.last, noLineEndMarks.contains(kept[last.upperBound - 1]) {
                atoms[atoms.count - 1] = last.lowerBound..<kept.count
            } else {
                atoms.append((kept.count - 1)..<kept.count)
            }
        }
        flush()
        // Cells up to each kept scalar, and its UTF-8 (a line is made from its bytes in one piece).
        var upTo = [Int](repeating: 0, count: kept.count + 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var byteAt = [Int](repeating: 0, count: kept.count + 1)
        for (k, c) in kept.enumerated() {
            upTo[k + 1] = upTo[k] + TextWidth.width(of: c)
            UTF8.encode(c) { bytes.append($0) }
            byteAt[k + 1] = bytes.count
        }
        func cells(_ r: Range<Int>) -> Int { upTo[r.upperBound] - upTo[r.lowerBound] }
        func string(_ r: Range<Int>, trimmed: Bool) -> String {
            var end = r.upperBound
            if trimmed { while end > r.lowerBound && kept[end - 1] == " " { end -= 1 } }
            return String(decoding: bytes[byteAt[r.lowerBound]..<byteAt[end]], as: UTF8.self)
        }
        var out: [String] = []
        var line: Range<Int>?
        for a in atoms {
            let used = line.map(cells) ?? 0
            if used + cells(a) <= width {
                line = (line?.lowerBound ?? a.lowerBound)..<a.upperBound
                continue
            }
            if a.count == 1 && kept[a.lowerBound] == " " {
                out.append(line.map { string($0, trimmed: false) } ?? "")
                line = nil
                continue
            }
            if let l = line { out.append(string(l, trimmed: true)); line = nil }
            var rest = a
            // Longer than a whole line: cut by character (one wider than the line goes alone).
            while cells(rest) > width {
                var end = rest.lowerBound + 1
                while end < rest.upperBound && upTo[end + 1] - upTo[rest.lowerBound] <= width { end += 1 }
                out.append(string(rest.lowerBound..<end, trimmed: false))
                rest = end..<rest.upperBound
            }
            line = rest.isEmpty ? nil : rest
        }
        out.append(line.map { string($0, trimmed: true) } ?? "")
        return out
    }

    /// The pieces a line may break between.
    static func atoms(_ text: String) -> [String] {
        var out: [String] = []
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            // Its bytes first: searching the characters was most of what was left of `atoms`. (A "/"
            // inside a longer character is no "/" of the word, and the split below keeps such a word whole.)
            if word.utf8.contains(UInt8(ascii: "/")), word.contains("/") {
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
            // The character's one scalar, if it is one: compared as a number, not as a `Character`
            // (compared and hashed through its normalized form, that was most of wrapping F3's problems).
            let only = Self.onlyScalar(c)
            if only == " " { flush(); inPath = false; out.append(" "); continue }
            if only == "/" && (word.isEmpty || word.allSatisfy { $0.isASCII }) { inPath = true }
            if inPath || c.isASCII { word.append(c); continue }
            flush()
            if let only, noLineStartMarks.contains(only), let last = out.popLast(), last != " " {
                out.append(last + String(c))
            } else if let last = out.last, let end = last.unicodeScalars.last, noLineEndMarks.contains(end),
                      let whole = last.last, noLineEnd.contains(whole) {
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
    /// The same marks by scalar, looked up as bits: a `Character` is hashed through its normalized form,
    /// and looking up two per Chinese character that way was most of wrapping the problems panel (F3).
    static let noLineStartMarks = ScalarBits(noLineStart)
    static let noLineEndMarks = ScalarBits(noLineEnd)

    /// The scalar of a character of one scalar; nil for one of more.
    private static func onlyScalar(_ c: Character) -> Unicode.Scalar? {
        let u = c.unicodeScalars
        guard let first = u.first, u.index(after: u.startIndex) == u.endIndex else { return nil }
        return first
    }

    /// A set of scalars of the Basic Multilingual Plane, one bit each.
    struct ScalarBits: Sendable {
        private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)

        /// Each mark must be one scalar of the plane.
        init(_ marks: Set<Character>) {
            for m in marks {
                let v = Int(TextLines.onlyScalar(m)!.value)
                bits[v >> 6] |= 1 << UInt64(v & 63)
            }
        }

        func contains(_ s: Unicode.Scalar) -> Bool {
            let v = Int(s.value)
            return v < 0x10000 && bits[v >> 6] & (1 << UInt64(v & 63)) != 0
        }
    }
}
