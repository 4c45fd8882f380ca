import Testing
@testable import JixiaoKit

/// The formula parser's character classes are read by byte; they must say what `Character`'s
/// properties said (ASCII letters, digits and `_` only).
struct FormulaCharacterTests {
    @Test func identifierAndDigitClassesAsBefore() {
        var chars: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        chars += ["é", "中", "\r\n", "５", "Ａ", "ｚ", "٣", "ⅷ", "_", "😀"]
        for c in chars {
            #expect(FormulaParser.isIdentStart(c) == (c.isASCII && (c.isLetter || c == "_")), "\(c.unicodeScalars.map(\.value))")
            #expect(FormulaParser.isIdent(c) == (c.isASCII && (c.isLetter || c.isNumber || c == "_")), "\(c.unicodeScalars.map(\.value))")
            #expect(FormulaParser.isDigit(c) == (c.isASCII && c.isNumber), "\(c.unicodeScalars.map(\.value))")
        }
    }
}
