import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

struct TextScanTests {
    @Test(arguments: ["", " ", "\n\t ", "\u{3000}", "\u{00A0}\r\n"])
    func blankTexts(_ s: String) { #expect(s.isBlank) }

    @Test(arguments: ["a", " 无 ", "\u{3000}x", "0"])
    func textsThatAreNotBlank(_ s: String) { #expect(!s.isBlank) }

    /// The fast white-space test says what Unicode's White_Space says, for every scalar there is.
    @Test func whiteSpaceAgreesWithTheUnicodePropertyOnEveryScalar() {
        var differ: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if u.isUnicodeWhiteSpace != u.properties.isWhitespace { differ.append(v) }
            if Character(u).isUnicodeWhiteSpace != Character(u).isWhitespace { differ.append(v) }
        }
        #expect(differ.isEmpty, "\(differ.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func trimmingAgreesWithFoundation() {
        for s in ["  95%以上 ", "\u{3000}及时支付\n", "\t\t", "abc", " a b ", "\r\n≥5500份\u{3000}", "é\u{0301} "] {
            #expect(s.trimmed == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(s.debugDescription)")
        }
    }

    /// Every scalar up to U+3100 and the specials after, alone and around a letter: the two trims cut
    /// exactly what Foundation's `.whitespacesAndNewlines` and `.whitespaces` cut (numbers are typed with them).
    @Test func bothTrimsAgreeWithFoundationOnEveryScalar() {
        let scalars = (0..<0x3100).compactMap(Unicode.Scalar.init) + (0xFE00..<0xFF10).compactMap(Unicode.Scalar.init)
        for c in scalars {
            for s in [String(c), "\(c)9\(c)", "\(c)\n9 \(c)"] {
                #expect(s.trimmed == s.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(c.value, radix: 16)) \(s.debugDescription)")
                #expect(s.trimmedSpaces == s.trimmingCharacters(in: .whitespaces), "U+\(String(c.value, radix: 16)) \(s.debugDescription)")
            }
        }
    }

    @Test func literalSearchFindsWhatFoundationFinds() {
        let texts = ["及时支付某某经费，多少日内支付", "某某", "", "xx某", "某"]
        for t in texts {
            for p in ["某某", "多少", "某", "xx"] {
                #expect(t.containsLiteral(p) == t.contains(p), "\(t) / \(p)")
            }
        }
    }

    @Test func literalSearchIsByScalarNotByCharacter() {
        // U+0600 joins the next character into one grapheme cluster; a literal search still sees the "<".
        #expect("\u{0600}<img>".containsLiteral("<"))
        #expect("e\u{0301}".containsLiteral("e"))
    }
}

struct YearTextTests {
    @Test func fillsYearsParametersAndNumbers() {
        #expect(YearText.render("{Y-1}年决算数", year: 2023) == "2022年决算数")
        #expect(YearText.render("{Y}年预算数 {Y+1}", year: 2023) == "2023年预算数 2024")
        #expect(YearText.render("3、{level}专项资金", year: 2023, parameters: ["level": "区级"]) == "3、区级专项资金")
        #expect(YearText.render("附件3-{n}", year: 2023, number: 4) == "附件3-4")
        // What it does not know stays as written, and a value is never read again as a placeholder.
        #expect(YearText.render("{x} {Y", year: 2023) == "{x} {Y")
        #expect(YearText.render("{a}", year: 2023, parameters: ["a": "{Y}"]) == "{Y}")
        #expect(YearText.render("无", year: 2023) == "无")
    }

    /// Braces are found by their bytes: one joined to a mark after it, or to a prepended scalar before
    /// it, is part of a longer character and no placeholder, as when the text was walked by characters.
    @Test func aBraceInsideALongerCharacterIsNoPlaceholder() {
        #expect(YearText.render("{\u{301}Y}年", year: 2023) == "{\u{301}Y}年")
        #expect(YearText.render("\u{600}{Y}", year: 2023) == "\u{600}{Y}")
        #expect(YearText.render("{Y}\u{301}", year: 2023) == "{Y}\u{301}")
        #expect(YearText.render("{Y\u{200D}}{Y}", year: 2023) == "{Y\u{200D}}2023")
    }

    /// The same text as a walk by characters (the way it was written before) for any mix of braces,
    /// placeholders, Chinese, marks and joiners.
    @Test func sameAsAWalkByCharacters() {
        func byCharacters(_ text: String, year: Int, parameters: [String: String], number: Int?) -> String {
            var out = ""
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                out += rest[..<open]
                let key = rest[rest.index(after: open)..<close]
                let known: [Substring: String] = ["Y": String(year), "Y-1": String(year - 1), "Y+2": String(year + 2), "n": number.map(String.init) ?? "{n}"]
                out += known[key].map { $0 == "{n}" ? String(rest[open...close]) : $0 } ?? parameters[String(key)] ?? String(rest[open...close])
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
        let pieces = ["{", "}", "Y", "Y-1", "Y+2", "n", "lv", "年", "决算数", "\u{301}", "\u{600}", "\u{200D}", "a", " ", "🇨🇳", "\r", "\n"]
        var random = SeededRandom(seed: 7)
        for _ in 0..<3000 {
            let text = (0..<Int(random.next() % 9)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let number: Int? = random.next() % 2 == 0 ? 3 : nil
            #expect(YearText.render(text, year: 2023, parameters: ["lv": "区级"], number: number) == byCharacters(text, year: 2023, parameters: ["lv": "区级"], number: number), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
