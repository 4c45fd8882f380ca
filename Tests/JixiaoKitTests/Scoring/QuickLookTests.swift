import Testing
@testable import JixiaoKit
@testable import JixiaoGenerate

/// The target reader and the text-arithmetic check first look for a digit (and, for a stated sum, for
/// 其中 or a total word) and give up early without one: on every text of the seed example, of a
/// generated draft and of the cases below, the quick look must answer what the full reading does.
struct QuickLookTests {
    static let cases = [
        "９５％", "≥９５%", "达到１００人以上", "共受理１２０件，已办结１００件，尚在办理３０件", "有效促进", "及时", "",
        // Brackets dropped join 其 and 中.
        "组织224场活动，其(含线上)中线下153场，线上81场", "总计３００万元，已拨付２００万元，未拨付１５０万元",
        "\u{3000}９\u{3000}", "+", "-.", "..", "１,２３４", "二〇二三年", "12月31日前完成",
    ]

    static func corpus() -> [String] {
        var texts = cases
        let sizes = DraftGenerator.Sizes(instances: 3, indicators: 6, namedRows: 3, otherRows: 2)
        let generated = DraftGenerator(template: Fixtures.example().template, seed: 3, sizes: sizes).draft()
        for draft in [Fixtures.example().draft, generated] {
            for list in draft.forms.values {
                for entry in list {
                    for cells in entry.cells.values { for case let .text(s) in cells.values { texts.append(s) } }
                    for rows in entry.rows.values { for row in rows { for case let .text(s) in row.cells.values { texts.append(s) } } }
                }
            }
        }
        return texts
    }

    @Test func aTargetWithoutADigitIsReadAsBefore() {
        for text in Self.corpus() { #expect(TargetReader.parse(text) == TargetReader.read(text), "\(text)") }
    }

    @Test func aTextWithoutASumIsReadAsBefore() {
        var read = 0
        for text in Self.corpus() {
            let sums = TextArithmetic.sums(in: text)
            #expect(sums == TextArithmetic.read(text), "\(text)")
            read += sums.count
        }
        #expect(read >= 3)
    }
}
