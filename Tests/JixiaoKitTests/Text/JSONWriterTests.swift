import Foundation
import Testing
@testable import JixiaoKit

/// `JSONWriter` writes bytes; what it writes is fixed by the rule a scalar at a time (docs/draft-format.md:
/// Chinese raw, controls, DEL and C1 escaped), so drafts written before stay byte for byte the same.
struct JSONWriterTests {
    /// The rule, one scalar at a time, as the writer applied it when it wrote `String`s.
    static func expectedQuote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    @Test func everyScalarNearTheEscapedRangesIsWrittenByTheRule() throws {
        var scalars: [Unicode.Scalar] = (0...0x2FF).compactMap(Unicode.Scalar.init)
        scalars += [0x2028, 0x3000, 0x4E2D, 0xFEFF, 0xFFFD, 0x1F600].compactMap(Unicode.Scalar.init)
        for u in scalars {
            for s in [String(u), "a" + String(u) + "中", String(u) + String(u)] {
                #expect(JSONWriter.write(.string(s)) == Self.expectedQuote(s) + "\n", "U+\(String(u.value, radix: 16))")
                #expect(try JSONReader.parse(JSONWriter.write(.string(s))).string == s)
            }
        }
    }

    @Test func indentedWritingIsTheTextShiftedRight() {
        let v: JSONValue = .object([
            ("a", .array([.number("1"), .string("x")])),
            ("b", .object([("c", .array((0..<9).map { .number(String($0)) })), ("d", .object([]))])),
            ("e", .array([.object([("f", .null)]), .bool(true)])),
        ])
        let flat = JSONWriter.write(v)
        var shifted: [UInt8] = []
        JSONWriter.write(v, indent: 6, into: &shifted)
        #expect(String(decoding: shifted, as: UTF8.self) + "\n" == flat.replacingOccurrences(of: "\n", with: "\n      ").dropLast(6))
        #expect(flat.hasPrefix("{\n  \"a\": [1, \"x\"],\n  \"b\": {\n    \"c\": [\n      0,\n"))
    }
}
