/// Labels follow the draft's year: "{Y}年决算数", "{Y-1}年决算数", "{Y+1}".
public enum YearText {
    /// Also fills `{name}` from the draft's parameters (the level word 区级/县级 of a special-fund line),
    /// and `{n}` when `number` is given (附件3-{n}). One pass over the text, in pure Swift: labels are
    /// rendered for every visible line of every repaint.
    public static func render(_ text: String, year: Int, parameters: [String: String] = [:], number: Int? = nil) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let key = rest[rest.index(after: open)..<close]
            if let value = fill(key, year: year, parameters: parameters, number: number) {
                out += value
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
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
