/// Labels follow the draft's year: "{Y}年决算数", "{Y-1}年决算数", "{Y+1}".
public enum YearText {
    /// Also fills `{name}` from the draft's parameters (the level word 区级/县级 of a special-fund line),
    /// and `{n}` when `number` is given (附件3-{n}). One pass over the text, in pure Swift: labels are
    /// rendered for every visible line of every repaint.
    public static func render(_ text: String, year: Int, parameters: [String: String] = [:], number: Int? = nil) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var out = ""
        var rest = text.startIndex
        while let open = brace("{", in: text, from: rest), let close = brace("}", in: text, from: open) {
            out += text[rest..<open]
            let key = text[text.index(after: open)..<close]
            if let value = fill(key, year: year, parameters: parameters, number: number) {
                out += value
            } else {
                out += text[open...close]
            }
            rest = text.index(after: close)
        }
        out += text[rest...]
        return out
    }

    /// The first `brace` at or after `start` that is a character of its own, found by its byte: walking
    /// the text character by character (breaking Chinese labels into graphemes) was most of the status
    /// line's cost. An ASCII byte is never part of another scalar, and a brace joined to the mark after it
    /// (or to a prepended scalar before it) is a longer character, which a search by characters skips too.
    private static func brace(_ brace: Character, in text: String, from start: String.Index) -> String.Index? {
        let byte = brace.asciiValue!
        var from = start
        while let at = text.utf8[from...].firstIndex(of: byte) {
            // (Stepping over a character from `at` and back lands on `at` only where a character starts.)
            if text[at] == brace, text.index(before: text.index(after: at)) == at { return at }
            from = text.utf8.index(after: at)
        }
        return nil
    }

    private static func fill(_ key: Substring, year: Int, parameters: [String: String], number: Int?) -> String? {
        if key == "Y" { return String(year) }
        if key == "n", let number { return String(number) }
        if key.count == 3, key.hasPrefix("Y"), let k = Int(key.dropFirst(2)), (1...3).contains(k) {
            let sign = key.dropFirst().first
            if sign == "-" { return String(year - k) }
            if sign == "+" { return String(year + k) }
        }
        return parameters[String(key)]
    }
}
