import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

struct NumberInputTests {
    @Test(arguments: [
        ("1034.36", CellKind.money, "1034.36"),
        ("１２３．５", .money, "123.5"),
        ("1,034.36", .money, "1034.36"),
        ("１，０３４．３６", .money, "1034.36"),
        ("  12.5  ", .money, "12.5"),
        ("\u{3000}12.5\u{3000}", .money, "12.5"),
        ("12.5万元", .money, "12.5"),
        ("-3", .money, "-3"),
        ("－３", .money, "-3"),
        ("95%", .percent, "0.95"),
        ("９５％", .percent, "0.95"),
        ("95", .percent, "0.95"),
        ("100.5%", .percent, "1.005"),
        ("15", .count, "15"),
        ("15人", .count, "15"),
        ("4012平方米", .area, "4012"),
        ("0", .money, "0"),
        ("0.1", .decimal, "0.1"),
        ("1,234,567.89", .money, "1234567.89"),
    ])
    func accepts(input: String, kind: CellKind, expected: String) throws {
        let r = NumberInput.parse(input, kind: kind)
        guard case let .success(d) = r else { Issue.record("「\(input)」 refused: \(r)"); return }
        #expect(d == Decimal(string: expected)!, "「\(input)」")
    }

    @Test(arguments: [
        ("abc", CellKind.money),
        ("12a", .money),
        ("1.2.3", .money),
        ("12,34", .money),
        ("1,2345", .money),
        ("95%", .money),
        ("", .money),
        ("-", .money),
        (".", .money),
        ("12.", .money),
        ("1.5", .count),
        ("十二", .money),
        ("1e5", .money),
        ("12 34", .money),
        ("12万元元", .money),
        (String(repeating: "9", count: 50), .money),
    ])
    func refuses(input: String, kind: CellKind) {
        if case let .success(d) = NumberInput.parse(input, kind: kind) { Issue.record("「\(input)」 accepted as \(d)") }
    }

    @Test func refusalQuotesTheInput() {
        guard case let .failure(e) = NumberInput.parse("12a", kind: .money) else { Issue.record("accepted"); return }
        let m = NumberText.message(e, kind: .money)
        #expect(m.contains("「12a」"))
        #expect(m.contains("万元"))
    }

    @Test func separatorsInTheWrongPlaceAreNamed() {
        #expect(NumberInput.parse("12,34", kind: .money) == .failure(.misplacedSeparator(input: "12,34")))
    }

    @Test func canonicalTextParsesBack() throws {
        for s in ["0.95", "1.005", "0", "0.1234"] {
            let d = Decimal(string: s)!
            #expect(try NumberInput.parse(NumberInput.canonical(d, kind: .percent), kind: .percent).get() == d)
            #expect(try NumberInput.parse(NumberInput.canonical(d, kind: .money), kind: .money).get() == d)
        }
    }
}

struct DecimalMathTests {
    @Test func exactDecimal() {
        #expect(Decimal(string: "0.1")! + Decimal(string: "0.2")! == Decimal(string: "0.3")!)
    }

    @Test(arguments: [("9.205", "9.21"), ("9.2049", "9.20"), ("89.995", "90.00"), ("-1.005", "-1.01"), ("2", "2.00"), ("0.005", "0.01")])
    func halfUpToTwoDecimals(input: String, expected: String) {
        #expect(Decimal(string: input)!.fixed(2) == expected)
    }

    @Test func percentDisplay() {
        #expect(NumberFormat.percent(Decimal(string: "0.920543")!) == "92.05%")
        #expect(NumberFormat.percent(1) == "100%")
        #expect(NumberFormat.percent(Decimal(string: "0.5")!) == "50%")
    }
}
