/// Whitespace trimming and literal search in pure Swift. Foundation's `trimmingCharacters` and
/// `contains`/`range(of:)` go through NSString and CFString on Linux, and the checks call them for every
/// text cell on every keystroke: a profile put them at a third of a keystroke (docs/performance.md).
extension StringProtocol {
    /// Nothing but white space and line breaks (or nothing at all).
    public var isBlank: Bool { unicodeScalars.allSatisfy(\.isUnicodeWhiteSpace) }

    /// Without white space and line breaks at either end.
    /// (As Foundation's `.whitespacesAndNewlines`, which also cuts the zero-width space U+200B.)
    public var trimmed: String { trimming { $0.isUnicodeWhiteSpace || $0 == "\u{200B}" } }

    /// Without spaces and tabs at either end, line breaks kept: Foundation's `.whitespaces` (the space
    /// separators, the tab and U+200B).
    public var trimmedSpaces: String { trimming { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator } }

    private func trimming(_ cut: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        // Most cells have nothing to trim: no copy scalar by scalar then.
        if let f = scalars.first, let l = scalars.last, !cut(f), !cut(l) { return String(self) }
        guard let first = scalars.firstIndex(where: { !cut($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !cut($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Whether `needle` occurs in the text, compared scalar by scalar: a literal search, with none of
    /// Foundation's locale or grapheme folding (`"\u{0600}<"` contains `"<"`).
    public func containsLiteral(_ needle: some StringProtocol) -> Bool {
        var n = String(needle)
        // Both sides read in place: the checks ask this of every text cell for every pattern, and
        // copying each text into an array first allocated on every call.
        return n.withUTF8 { nb in
            guard !nb.isEmpty else { return true }
            return utf8.withContiguousStorageIfAvailable { LiteralSearch.contains($0, nb) }
                ?? Array(utf8).withUnsafeBufferPointer { LiteralSearch.contains($0, nb) }
        }
    }
}

enum LiteralSearch {
    static func contains(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard h.count >= n.count else { return false }
        let first = n[0]
        var i = 0
        let end = h.count - n.count
        while i <= end {
            if h[i] == first {
                var k = 1
                while k < n.count && h[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }
}

extension Unicode.Scalar {
    /// The same as `properties.isWhitespace` (Unicode's White_Space; named apart so that a reader does not
    /// take one for the other), answered without the runtime's property table for ASCII and the CJK
    /// ideographs, most of what the cells hold: that lookup was 4% of `jixiao validate`'s samples on the
    /// 200-project draft.
    @inline(__always) public var isUnicodeWhiteSpace: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v >= 0x4E00 && v <= 0x9FFF { return false }
        return properties.isWhitespace
    }
}

extension Character {
    /// `isWhitespace` (its first scalar's White_Space), by `Unicode.Scalar.isUnicodeWhiteSpace`.
    @inline(__always) public var isUnicodeWhiteSpace: Bool { unicodeScalars.first?.isUnicodeWhiteSpace ?? false }
}
