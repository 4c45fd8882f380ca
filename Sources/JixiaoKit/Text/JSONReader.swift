import Foundation

/// A strict JSON reader (RFC 8259) that never traps: every malformed input becomes a
/// `JSONSyntaxError` with the line and column, so a broken draft can be located and reported.
/// Nesting is limited so hostile input cannot exhaust the stack. A key repeated in one object is an
/// error: JSON tools disagree on which of the two values wins, so a file must not say both.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        case unexpectedEnd, unexpectedCharacter(Character), badEscape, badNumber, tooDeep, trailingContent, invalidUTF8
        case duplicateKey(String)
    }
    public let reason: Reason
    public let line: Int
    public let column: Int
}

public enum JSONReader {
    public static let maxDepth = 64

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var p = Parser(bytes: bytes)
        p.skipBOM()
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        if p.i < bytes.count { throw p.error(.trailingContent) }
        return v
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// The bytes in `range` as a string, nil unless they are valid UTF-8. `String(validating:as:)` got
    /// to the standard library's validator unspecialized, a type-metadata lookup per string: a fifth of
    /// reading a draft. ASCII (most keys and numbers) is valid as it is; other text is decoded, which
    /// replaces any ill-formed sequence, so it is valid exactly when the decoding has the same bytes.
    static func utf8String(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        bytes.withUnsafeBufferPointer { all in
            let b = UnsafeBufferPointer(rebasing: all[range])
            var ascii = true
            for x in b where x >= 0x80 { ascii = false; break }
            var s = String(decoding: b, as: UTF8.self)
            if ascii { return s }
            let same = s.withUTF8 { u in u.count == b.count && memcmp(u.baseAddress!, b.baseAddress!, b.count) == 0 }
            return same ? s : nil
        }
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func error(_ r: JSONSyntaxError.Reason) -> JSONSyntaxError {
            var line = 1, col = 1
            var k = 0
            let end = min(i, bytes.count)
            while k < end {
                if bytes[k] == 0x0A { line += 1; col = 1 } else if bytes[k] & 0xC0 != 0x80 { col += 1 }
                k += 1
            }
            return JSONSyntaxError(reason: r, line: line, column: col)
        }

        func unexpected() -> JSONSyntaxError {
            guard i < bytes.count else { return error(.unexpectedEnd) }
            let b = bytes[i]
            if b < 0x80 { return error(.unexpectedCharacter(Character(Unicode.Scalar(b)))) }
            // Decode the scalar for the message; fall back to the replacement character.
            var it = bytes[i...].makeIterator()
            var dec = UTF8()
            if case let .scalarValue(s) = dec.decode(&it) { return error(.unexpectedCharacter(Character(s))) }
            return error(.invalidUTF8)
        }

        mutating func skipBOM() {
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        }

        mutating func skipSpace() {
            while i < bytes.count {
                switch bytes[i] {
                case 0x20:
                    i += 1
                    // A saved draft's indentation, a fifth of its bytes: eight spaces at a time.
                    while i + 8 <= bytes.count,
                          bytes.withUnsafeBytes({ $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }) == 0x2020_2020_2020_2020 { i += 8 }
                case 0x09, 0x0A, 0x0D: i += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            guard depth < JSONReader.maxDepth else { throw error(.tooDeep) }
            guard i < bytes.count else { throw error(.unexpectedEnd) }
            switch bytes[i] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw unexpected()
            }
        }

        mutating func literal(_ word: String) throws(JSONSyntaxError) {
            for b in word.utf8 {
                guard i < bytes.count, bytes[i] == b else { throw unexpected() }
                i += 1
            }
        }

        mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            i += 1
            var pairs: [(String, JSONValue)] = []
            // Most objects are small: a scan of the keys so far is cheaper than hashing until they are not.
            var seen: Set<String>?
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw unexpected() }
                let keyStart = i
                let key = try string()
                let repeated: Bool
                if pairs.count < 16 {
                    repeated = pairs.contains { $0.0 == key }
                } else {
                    if seen == nil { seen = Set(pairs.map(\.0)) }
                    repeated = !seen!.insert(key).inserted
                }
                if repeated {
                    i = keyStart
                    throw error(.duplicateKey(key))
                }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw unexpected() }
                i += 1
                skipSpace()
                let v = try value(depth: depth + 1)
                pairs.append((key, v))
                skipSpace()
                guard i < bytes.count else { throw error(.unexpectedEnd) }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
                throw unexpected()
            }
        }

        mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw error(.unexpectedEnd) }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw unexpected()
            }
        }

        mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw error(.unexpectedEnd) }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x41...0x46: d = UInt32(b - 0x41 + 10)
                case 0x61...0x66: d = UInt32(b - 0x61 + 10)
                default: throw error(.badEscape)
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }

        mutating func string() throws(JSONSyntaxError) -> String {
            i += 1
            // Most strings have no escape: validate and copy them in one go instead of byte by byte.
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    guard let s = JSONReader.utf8String(bytes, start..<(i - 1)) else { throw error(.invalidUTF8) }
                    return s
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw unexpected() }
                i += 1
            }
            i = start
            var out: [UInt8] = []
            while true {
                guard i < bytes.count else { throw error(.unexpectedEnd) }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; break }
                if b < 0x20 { throw unexpected() }
                if b == UInt8(ascii: "\\") {
                    i += 1
                    guard i < bytes.count else { throw error(.unexpectedEnd) }
                    let e = bytes[i]
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                                throw error(.badEscape)
                            }
                            i += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error(.badEscape) }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw error(.badEscape)
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw error(.badEscape) }
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    default:
                        i -= 1
                        throw error(.badEscape)
                    }
                    continue
                }
                out.append(b)
                i += 1
            }
            guard let s = String(validating: out, as: UTF8.self) else { throw error(.invalidUTF8) }
            return s
        }

        mutating func number() throws(JSONSyntaxError) -> String {
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            func digits(_ p: inout Parser) -> Int {
                var n = 0
                while p.i < p.bytes.count, (0x30...0x39).contains(p.bytes[p.i]) { p.i += 1; n += 1 }
                return n
            }
            guard i < bytes.count else { throw error(.unexpectedEnd) }
            if bytes[i] == UInt8(ascii: "0") { i += 1 } else if digits(&self) == 0 { throw error(.badNumber) }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                if digits(&self) == 0 { throw error(.badNumber) }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                if digits(&self) == 0 { throw error(.badNumber) }
            }
            if i - start > 64 { throw error(.badNumber) }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
    }
}
