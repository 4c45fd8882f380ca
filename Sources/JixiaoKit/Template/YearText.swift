/// Labels follow the draft's year: "{Y}年决算数", "{Y-1}年决算数", "{Y+1}".
public enum YearText {
    /// Also fills `{name}` from the draft's parameters (the level word 区级/县级 of a special-fund line).
    public static func render(_ text: String, year: Int, parameters: [String: String] = [:]) -> String {
        guard text.contains("{") else { return text }
        var out = text
        for (k, v) in parameters { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
        for k in (1...3).reversed() {
            out = out.replacingOccurrences(of: "{Y-\(k)}", with: String(year - k))
            out = out.replacingOccurrences(of: "{Y+\(k)}", with: String(year + k))
        }
        return out.replacingOccurrences(of: "{Y}", with: String(year))
    }
}
