/// Writes `JSONValue` as indented UTF-8 with Chinese left unescaped, so a draft stays readable
/// and diffable in any editor.
///
/// Written as bytes: the recovery worker writes the form instance being typed into after every key
/// (docs/recovery.md), and going through `String` appends cost it several times the bytes' worth.
public enum JSONWriter {
    public static func write(_ v: JSONValue) -> String {
        var out: [UInt8] = []
        write(v, indent: 0, into: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `v`'s text as it is written `indent` spaces in (its inner lines indented from there, its
    /// first line not), without a final line break.
    public static func write(_ v: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch v {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .number(n): out.append(contentsOf: n.utf8)
        case let .string(s): quote(s, into: &out)
        case let .array(items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            if items.allSatisfy(isScalar) && items.count <= 8 {
                out.append(UInt8(ascii: "["))
                for (k, item) in items.enumerated() {
                    if k > 0 { out.append(contentsOf: ", ".utf8) }
                    write(item, indent: indent, into: &out)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (k, item) in items.enumerated() {
                pad(indent + 2, &out)
                write(item, indent: indent + 2, into: &out)
                out.append(contentsOf: (k + 1 < items.count ? ",\n" : "\n").utf8)
            }
            pad(indent, &out)
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (k, (key, value)) in pairs.enumerated() {
                pad(indent + 2, &out)
                quote(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                write(value, indent: indent + 2, into: &out)
                out.append(contentsOf: (k + 1 < pairs.count ? ",\n" : "\n").utf8)
            }
            pad(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func pad(_ n: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n))
    }

    static func isScalar(_ v: JSONValue) -> Bool {
        switch v {
        case .array, .object: return false
        default: return true
        }
    }

    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { quoteBody($0, into: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Valid UTF-8 in, escaped text out. DEL and the C1 controls (U+0080–U+009F, in UTF-8 0xC2 then
    /// 0x80–0x9F) are escaped too: JSON allows them raw, but some terminals obey C1 (U+009B is a CSI),
    /// and `--json` goes to terminals as often as to programs.
    private static func quoteBody(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var start = 0, i = 0
        while i < b.count {
            let c = b[i]
            let escape: Bool
            var width = 1
            switch c {
            case 0x22, 0x5C, 0x00..<0x20, 0x7F: escape = true
            case 0xC2 where i + 1 < b.count && (0x80...0x9F).contains(b[i + 1]): escape = true; width = 2
            default: escape = false
            }
            guard escape else { i += 1; continue }
            if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i])) }
            switch c {
            case 0x22: out.append(contentsOf: "\\\"".utf8)
            case 0x5C: out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            default:
                let value = width == 2 ? UInt32(b[i + 1]) : UInt32(c)
                let h = String(value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - h.count) + h).utf8)
            }
            i += width
            start = i
        }
        if start < b.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<b.count])) }
    }
}
