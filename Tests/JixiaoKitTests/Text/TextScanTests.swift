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
}
