import Foundation
import Testing
@testable import JixiaoKit

/// `NumberInput.decimal` builds up to 19 digits in an integer and longer ones digit by digit: either
/// way the value, and the text it prints as, is the one the digits say.
struct DecimalDigitsTests {
    @Test(arguments: ["0", "100", "0.10", "95", "1,234,567.89", "-12.5", "+7", "9999999999999999999", "1000000000000000000",
                      "99999999999999999999", "12345678901234567890.5", "0.0000000000000000001", "000123"])
    func readsTheDigits(_ text: String) throws {
        let read = try #require(NumberInput.decimal(text))
        let expected = try #require(Decimal(string: text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "+", with: "")))
        #expect(read == expected)
        #expect(read.plain == expected.plain)
    }
}
