import Foundation

/// Reads a JSON document in place, for a reader that builds its own values (the draft decoder)
/// rather than a `JSONValue` tree first. The grammar, the strings and the duplicate-key rule are
/// `JSONReader`'s, whose parser it drives. A failure is only `false` or nil, with no position: a
/// caller that must say what is wrong reads the document again with `JSONReader`.
public struct JSONCursor: Sendable {
    var parser: JSONReader.Parser

    public init(_ bytes: [UInt8], offset: Int = 0) {
        parser = JSONReader.Parser(bytes: bytes)
        parser.i = offset
    }

    public var offset: Int { parser.i }

    /// Whether only white space is left.
    public mutating func atEnd() -> Bool {
        parser.skipSpace()
        return parser.i == parser.bytes.count
    }

    /// Skips white space and takes `byte` if it comes next.
    public mutating func take(_ byte: UInt8) -> Bool {
        parser.skipSpace()
        guard parser.i < parser.bytes.count, parser.bytes[parser.i] == byte else { return false }
        parser.i += 1
        return true
    }

    /// The byte after white space, not taken.
    public mutating func peek() -> UInt8? {
        parser.skipSpace()
        return parser.i < parser.bytes.count ? parser.bytes[parser.i] : nil
    }

    /// A string value, nil if the next value is anything else or is malformed.
    public mutating func string() -> String? {
        guard peek() == UInt8(ascii: "\"") else { return nil }
        return try? parser.string()
    }

    /// A number value's source text, nil if the next value is anything else or is malformed.
    public mutating func number() -> String? {
        guard let b = peek(), b == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) else { return nil }
        return try? parser.number()
    }

    /// Walks an object, giving `each` every key with the cursor at its value, which `each` must read.
    /// false when it is no object, is malformed, repeats a key, or `each` returns false.
    public mutating func members(_ each: (inout JSONCursor, String) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        var keys: [String] = []
        var seen: Set<String>?
        while true {
            guard let key = string() else { return false }
            // As JSONReader: a scan of the keys so far until there are many.
            if keys.count < 16 {
                if keys.contains(key) { return false }
                keys.append(key)
            } else {
                if seen == nil { seen = Set(keys) }
                if !seen!.insert(key).inserted { return false }
            }
            guard take(UInt8(ascii: ":")), each(&self, key) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// A string value as it lies in the document: `plain`, the range inside its quotes, when it has no
    /// escape (its bytes not yet checked as UTF-8: `text` does that); `escaped`, decoded, when it has.
    public enum RawString {
        case plain(Range<Int>)
        case escaped(String)
    }

    /// The next value as a string without making a `String` of it yet; nil if it is no string or is
    /// malformed (a control character, no closing quote, a bad escape).
    public mutating func rawString() -> RawString? {
        guard peek() == UInt8(ascii: "\"") else { return nil }
        let bytes = parser.bytes
        let start = parser.i + 1
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                parser.i = i + 1
                return .plain(start..<i)
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { return nil }
            i += 1
        }
        guard i < bytes.count, let s = try? parser.string() else { return nil }
        return .escaped(s)
    }

    /// The document, for a reader of a `plain` range's bytes.
    public var document: [UInt8] { parser.bytes }

    /// A `plain` range as a string, nil unless it is valid UTF-8.
    public func text(_ range: Range<Int>) -> String? {
        JSONReader.utf8String(parser.bytes, range)
    }

    /// A string value that must be one of `keys`: its index, nil if it is none of them (compared byte
    /// for byte: a key only canonically equivalent to a name is refused here, and left to `JSONReader`).
    public mutating func string(among keys: JSONKeys) -> Int? {
        switch rawString() {
        case let .plain(r)?: return keys.index(parser.bytes, r)
        case let .escaped(s)?: return keys.index(of: s)
        case nil: return nil
        }
    }

    /// `members` for an object whose keys must all be among `keys`: `each` gets the key's index. false
    /// as `members`, and for a key that is none of them.
    public mutating func members(among keys: JSONKeys, _ each: (inout JSONCursor, Int) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        var seen = KeysSeen()
        while true {
            guard let k = string(among: keys), seen.insert(k), take(UInt8(ascii: ":")), each(&self, k) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// Walks an array, `each` reading one element at a time.
    public mutating func elements(_ each: (inout JSONCursor) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        while true {
            guard each(&self) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]"))
        }
    }

    /// The high bit of each zero byte of `x`, exact up to the first one (a borrow may mark bytes above
    /// it): enough for the lowest.
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Moves past the object or array that comes next by matching brackets outside strings, without
    /// checking what is inside (a reader that then reads that range must end where this one did).
    /// Much cheaper than reading it; false when the brackets do not close before the end.
    public mutating func skipUnchecked() -> Bool {
        guard let first = peek(), first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        let bytes = parser.bytes
        var i = parser.i, depth = 0
        return bytes.withUnsafeBufferPointer { b in
            let raw = UnsafeRawPointer(b.baseAddress!)
            while i < b.count {
                // Eight bytes at a time to the next one that can matter outside a string, a quote or a
                // bracket (or a 0x02, which `| 0x20` also makes a quote: it then falls to `default`).
                while i + 8 <= b.count {
                    let y = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | 0x2020_2020_2020_2020
                    let hit = Self.zeroBytes(y ^ 0x2222_2222_2222_2222) | Self.zeroBytes(y ^ 0x7B7B_7B7B_7B7B_7B7B)
                        | Self.zeroBytes(y ^ 0x7D7D_7D7D_7D7D_7D7D)
                    if hit == 0 { i += 8 } else { i += hit.trailingZeroBitCount >> 3; break }
                }
                guard i < b.count else { break }
                switch b[i] {
                case UInt8(ascii: "\""):
                    // To the next quote not escaped: memchr, then the backslashes before it counted.
                    while true {
                        i += 1
                        guard i < b.count, let q = memchr(b.baseAddress! + i, Int32(UInt8(ascii: "\"")), b.count - i) else { return false }
                        i = b.baseAddress!.distance(to: q.assumingMemoryBound(to: UInt8.self))
                        var slashes = 0
                        while b[i - 1 - slashes] == UInt8(ascii: "\\") { slashes += 1 }
                        if slashes % 2 == 0 { break }
                    }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { parser.i = i + 1; return true }
                default: break
                }
                i += 1
            }
            return false
        }
    }
}
