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
        var docs = [
            "{}", "[]", "{\"a\": [1, 2, {\"b\": \"]\"}]}",
            "{\"s\": \"a \\\" quote and a ] and a }\"}",
            "{\"s\": \"ends in a backslash \\\\\", \"t\": [\"\\\\\\\"\"]}",
            "[\n\(spaces){\n\(spaces)  \"k\": \"v\"\(spaces)}\n\(spaces)]",
            "{\"中文\": \"全角］｝\", \"e\": \"😀\"}",
            "[\(spaces)\(spaces)]",
        ]
        // Brackets and quotes at every offset of the eight-byte steps, and brackets inside strings.
        for k in 0..<17 {
            let pad = String(repeating: " ", count: k), word = String(repeating: "x", count: k)
            docs.append("{\(pad)\"\(word)\": [\(pad){\"\(word)[{\": \"]}\\\"\(word)\"}\(pad), [[\(pad)]], \"\(word)\"\(pad)]\(pad)}")
        }
        for doc in docs {
            let bytes = Array((doc + "  , {\"next\": 1}").utf8)
            var c = JSONCursor(bytes)
            let skipped = c.skipUnchecked()
            #expect(skipped, "\(doc)")
            #expect(c.offset == Self.checkedEnd(bytes), "\(doc)")
            #expect(c.offset == doc.utf8.count, "\(doc)")
            // A 0x02 (no JSON, but the step takes it for a quote at first) changes nothing.
            let odd = doc.replacingOccurrences(of: "]", with: "\u{2}]")
            var o = JSONCursor(Array((odd + " , 1").utf8))
            #expect(o.skipUnchecked() && o.offset == odd.utf8.count, "\(odd)")
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

    /// A string through `rawString` (and `text` for a plain one) is what `JSONReader` decodes, and is
    /// refused where it refuses: escapes, surrogate pairs, control characters, bad UTF-8, no end.
    @Test func rawStringsAreWhatTheReaderDecodes() {
        let docs: [[UInt8]] = [
            Array("\"plain\"".utf8), Array("\"中文 😀\"".utf8), Array("\"\"".utf8),
            Array("\"a \\\" quote \\\\ and \\n\"".utf8), Array("\"\\u4e2d\\u6587\"".utf8),
            Array("\"\\ud83d\\ude00 pair\"".utf8), Array("\"\\ud83d alone\"".utf8), Array("\"\\ude00 low\"".utf8),
            Array("\"tab\there\"".utf8), Array("\"bad \\x escape\"".utf8), Array("\"no end".utf8), Array("\"no end \\\"".utf8),
            [0x22, 0xE4, 0xB8, 0x22], [0x22, 0xFF, 0x22], Array("12".utf8), Array("{\"a\": \"b\"}".utf8),
        ]
        for doc in docs {
            var p = JSONReader.Parser(bytes: doc)
            let expected: String? = doc.first == 0x22 ? try? p.string() : nil
            var c = JSONCursor(doc)
            let got: String?
            switch c.rawString() {
            case let .plain(r)?: got = c.text(r)
            case let .escaped(s)?: got = s
            case nil: got = nil
            }
            #expect(got == expected, "\(doc)")
            if expected != nil { #expect(c.offset == p.i, "\(doc)") }
        }
    }

    /// Keys found by their bytes: each name, none other (a prefix, a longer key, another with the same
    /// length and ends), a name written with escapes, and a repeat however it is written.
    @Test func keysAmongKnownNames() {
        let names = ["cells", "rows", "carried", "ab", "aab", "abb", "a", "", "中文"] + (0..<140).map { "k\($0)" }
        let keys = JSONKeys(names)
        for (k, name) in names.enumerated() {
            var c = JSONCursor(Array("\"\(name)\"".utf8))
            #expect(c.string(among: keys) == k, "\(name)")
        }
        for other in ["cell", "cellss", "Cells", "acb", "b", "中", "k140", "K\u{212A}"] {
            var c = JSONCursor(Array("\"\(other)\"".utf8))
            #expect(c.string(among: keys) == nil, "\(other)")
        }
        func walk(_ text: String) -> [Int]? {
            var c = JSONCursor(Array(text.utf8))
            var got: [Int] = []
            let ok = c.members(among: keys) { c, k in got.append(k); return c.string() != nil }
            return ok && c.atEnd() ? got : nil
        }
        #expect(walk("{\"\\u0063ells\": \"1\", \"rows\": \"2\"}") == [0, 1])
        #expect(walk("{\"cells\": \"1\", \"\\u0063ells\": \"2\"}") == nil)
        #expect(walk("{\"k70\": \"1\", \"k3\": \"1\", \"k70\": \"2\"}") == nil)
        #expect(walk("{\"k130\": \"1\", \"k131\": \"1\", \"k130\": \"2\"}") == nil)
        let all = names.map { "\"\($0)\": \"v\"" }.joined(separator: ",\n  ")
        #expect(walk("{\(all)}") == Array(names.indices))
        #expect(walk("{\"cells\": \"1\", \"other\": \"2\"}") == nil)
        #expect(walk("{\"cells\": \"1\",}") == nil)
        #expect(walk("{\"cells\" \"1\"}") == nil)
        #expect(walk("{}") == [])
        #expect(walk("[]") == nil)
    }

    /// Indentation is skipped eight spaces at a time: every run length ends where it should.
    @Test func spaceRunsOfEveryLength() {
        for n in 0..<40 {
            for tail in ["x", ""] {
                var p = JSONReader.Parser(bytes: Array(("\n" + String(repeating: " ", count: n) + "\t \r" + String(repeating: " ", count: n % 11) + tail).utf8))
                p.skipSpace()
                #expect(p.i == p.bytes.count - tail.utf8.count, "\(n) \(tail)")
            }
        }
    }
}
