import Foundation
import Testing
@testable import JixiaoKit

/// The text a figure is shown and stored with: no exponent, no grouping, no trailing zeros.
struct DecimalPlainTests {
    @Test(arguments: [
        ("12.50", "12.5"), ("100", "100"), ("-0.001", "-0.001"), ("0", "0"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("0.000000000000000000000000000001", "0.000000000000000000000000000001"),
    ])
    func plainText(_ input: String, _ expected: String) throws {
        let d = try #require(Decimal(string: input, locale: Locale(identifier: "en_US_POSIX")))
        #expect(d.plain == expected)
        #expect(!d.plain.contains { $0 == "e" || $0 == "E" })
    }

    @Test func fixedDecimals() {
        #expect(Decimal(string: "9.2")!.fixed(2) == "9.20")
        #expect(Decimal(string: "2.585")!.fixed(2) == "2.59")
        #expect(Decimal(100).fixed(1) == "100.0")
    }
}
