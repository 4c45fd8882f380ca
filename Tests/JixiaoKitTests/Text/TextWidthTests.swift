import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

struct TextWidthTests {
    /// The scalar-by-scalar sum (the fast path) equals the grapheme-by-grapheme width on texts of the
    /// kinds the forms hold, combining marks and Hangul jamo included.
    @Test func scalarSumEqualsGraphemeWidth() {
        let alphabet: [String] = ["a", "9", " ", "，", "（", "预", "算", "\u{3000}", "é", "e\u{0301}", "\u{1100}\u{1161}\u{11A8}",
                                  "か\u{3099}", "\u{302A}", "\u{0600}", "<", "￥", "\u{00AD}", "—", "…", "\u{200B}", "한"]
        var rng = SeededRandom(seed: 7)
        for _ in 0..<2000 {
            let n = Int(rng.next() % 12)
            let text = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            let byGrapheme = text.reduce(0) { $0 + TextWidth.width(of: $1) }
            #expect(TextWidth.width(of: text) == byGrapheme, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func emojiSequencesStillCountAsOneWideGrapheme() {
        #expect(TextWidth.width(of: "👨\u{200D}👩\u{200D}👧") == 2)
        #expect(TextWidth.width(of: "✔\u{FE0F}") == 2)
        #expect(TextWidth.width(of: "🇨🇳") == 2)
    }

    /// The punctuation and box-drawing blocks answered without the general-category lookup: one cell
    /// each, as that lookup would say (none is a mark, a format or a control character), except the two
    /// East-Asian-wide squares U+25FD and U+25FE.
    @Test func punctuationAndBoxDrawingAreOneCellAsTheGeneralRuleSays() {
        let zeroWidth: Set<Unicode.GeneralCategory> = [.nonspacingMark, .enclosingMark, .format, .control]
        for range in [0x2010...0x2027, 0x2030...0x205E, 0x2500...0x25FF] {
            for v in range {
                let scalar = Unicode.Scalar(UInt32(v))!
                #expect(!zeroWidth.contains(scalar.properties.generalCategory), "U+\(String(v, radix: 16))")
                #expect(TextWidth.width(of: scalar) == (v == 0x25FD || v == 0x25FE ? 2 : 1), "U+\(String(v, radix: 16))")
            }
        }
        // Just outside: zero-width format characters keep their width.
        for v: UInt32 in [0x200B, 0x200F, 0x202A, 0x202E, 0x2060, 0x2064] {
            #expect(TextWidth.width(of: Unicode.Scalar(v)!) == 0, "U+\(String(v, radix: 16))")
        }
    }
}
