/// Writes `JSONValue` as indented UTF-8 with Chinese left unescaped, so a draft stays readable
/// and diffable in any editor.
public enum JSONWriter {
    public static func write(_ v: JSONValue) -> String {
        var out = ""
        emit(v, indent: 0, into: &out)
        out += "\n"
        return out
    }

    static func emit(_ v: JSONValue, indent: Int, into out: inout String) {
        switch v {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n): out += n
        case let .string(s): quote(s, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy(isScalar) && items.count <= 8 {
                out += "["
                for (k, item) in items.enumerated() {
                    if k > 0 { out += ", " }
                    emit(item, indent: indent, into: &out)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                emit(item, indent: indent + 2, into: &out)
                out += k + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case let .object(pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (k, (key, value)) in pairs.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                quote(key, into: &out)
                out += ": "
                emit(value, indent: indent + 2, into: &out)
                out += k + 1 < pairs.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    static func isScalar(_ v: JSONValue) -> Bool {
        switch v {
        case .array, .object: return false
        default: return true
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // DEL and the C1 controls too: JSON allows them raw, but some terminals obey C1 (U+009B
                // is a CSI), and `--json` goes to terminals as often as to programs.
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
