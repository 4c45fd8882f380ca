import Testing
@testable import JixiaoKit

/// `JSONCursor`: the bracket matching that finds the draft's form instances, and the checked walk.
struct JSONCursorTests {
    /// Where a checked reading of the value at the start of `text` ends.
    static func checkedEnd(_ bytes: [UInt8]) -> Int {
        var p = JSONReader.Parser(bytes: bytes)
        _ = try? p.value(depth: 0)
        return p.i
    }

    @Test func skippingEndsWhereReadingEnds() {
        let spaces = String(repeating: " ", count: 37)
        let docs = [
            "{}", "[]", "{\"a\": [1, 2, {\"b\": \"]\"}]}",
            "{\"s\": \"a \\\" quote and a ] and a }\"}",
            "{\"s\": \"ends in a backslash \\\\\", \"t\": [\"\\\\\\\"\"]}",
            "[\n\(spaces){\n\(spaces)  \"k\": \"v\"\(spaces)}\n\(spaces)]",
            "{\"中文\": \"全角］｝\", \"e\": \"😀\"}",
            "[\(spaces)\(spaces)]",
        ]
        for doc in docs {
            let bytes = Array((doc + "  , {\"next\": 1}").utf8)
            var c = JSONCursor(bytes)
            let skipped = c.skipUnchecked()
            #expect(skipped, "\(doc)")
            #expect(c.offset == Self.checkedEnd(bytes), "\(doc)")
            #expect(c.offset == doc.utf8.count, "\(doc)")
        }
        for open in ["{\"a\": \"unterminated}", "[[[]]", "{\"a\": \"x\\\"}", "\"just a string\"", "12"] {
            var c = JSONCursor(Array(open.utf8))
            let skipped = c.skipUnchecked()
            #expect(!skipped, "\(open)")
        }
    }

    @Test func membersRefuseRepeatedKeysAndWrongShapes() {
        func walk(_ text: String) -> [String]? {
            var c = JSONCursor(Array(text.utf8))
            var keys: [String] = []
            let ok = c.members { c, k in keys.append(k); return c.string() != nil }
            let end = c.atEnd()
            return ok && end ? keys : nil
        }
        #expect(walk("{\"a\": \"1\", \"b\": \"2\"}") == ["a", "b"])
        #expect(walk("{\"a\": \"1\", \"a\": \"2\"}") == nil)
        let many = (0..<30).map { "\"k\($0)\": \"v\"" }.joined(separator: ", ")
        #expect(walk("{\(many)}")?.count == 30)
        #expect(walk("{\(many), \"k3\": \"v\"}") == nil)
        #expect(walk("{\"a\": \"1\",}") == nil)
        #expect(walk("[\"a\"]") == nil)
        #expect(walk("{\"a\": \"1\"} x") == nil)
    }
}
