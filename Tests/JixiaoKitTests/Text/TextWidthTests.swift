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
}
