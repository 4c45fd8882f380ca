import Foundation
import Testing
@testable import JixiaoKit

/// JSON strings are read without the standard library's generic validator (`JSONReader.utf8String`):
/// exactly the same bytes must be accepted and refused.
struct JSONStringTests {
    @Test func validAndInvalidUTF8AsTheStandardValidatorSaysIt() {
        var cases: [[UInt8]] = [
            [], Array("ascii only".utf8), Array("中文、全角１２３".utf8), Array("😀 e\u{301}".utf8),
            [0xC0, 0x80],             // overlong NUL
            [0xED, 0xA0, 0x80],       // a surrogate
            [0xEF, 0xBF, 0xBD],       // U+FFFD itself is valid
            [0xE4, 0xB8],             // cut short
            [0xF4, 0x90, 0x80, 0x80], // past U+10FFFF
            [0x80], [0xFF], [0x61, 0xFE, 0x62],
        ]
        // Every one- and two-byte sequence, and some three.
        for a in 0...255 { cases.append([UInt8(a)]) }
        for a in stride(from: 0x80, through: 0xFF, by: 1) { for b in stride(from: 0x00, through: 0xFF, by: 3) { cases.append([UInt8(a), UInt8(b)]) } }
        for a in [0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4] as [UInt8] { for b in stride(from: 0x70, through: 0xC0, by: 7) { cases.append([a, UInt8(b), 0x80]) } }
        for bytes in cases {
            let padded = [0x22] + bytes + [0x22]
            #expect(JSONReader.utf8String(padded, 1..<(padded.count - 1)) == String(validating: bytes, as: UTF8.self), "\(bytes)")
        }
    }

    @Test func anInvalidStringInADocumentIsLocated() {
        let doc: [UInt8] = Array("{\n  \"a\": \"ok\",\n  \"b\": \"".utf8) + [0xE4, 0xB8] + Array("\"\n}".utf8)
        #expect(throws: JSONSyntaxError(reason: .invalidUTF8, line: 3, column: 11)) { try JSONReader.parse(doc) }
        #expect((try? JSONReader.parse(Array("{\"a\": \"中文\"}".utf8)))?["a"]?.string == "中文")
    }
}
