import Testing
@testable import JixiaoStore
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
        // Rates stated in text: half-width and full-width signs, and one folded from ％ only.
        "全年预算 1100 万元，执行 990 万元，预算执行率 95%", "全年预算１１００万元，执行９９０万元，执行率达到９５％",
        "应开展 5 个项目，实际开展 4 个项目，完成率为 100%。", "完成率百分之百",
        // A percent with no rate word; a word only a template names (调整率); a share (占比).
        "≥95%", "年初预算 100 万元，调整后 110 万元，预算调整率 10%", "基本支出 80 万元，项目支出 20 万元，项目支出占比 25%",
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

    /// Targets of only simple scalars are read scalar by scalar: the reading must be the one by
    /// characters, on every text of the corpus and on every spelling the grammar's words, numbers and
    /// units make together.
    @Test func readingByScalarsIsReadingByCharacters() {
        var texts = Self.corpus() + Self.examplesTexts() + [
            " ≥ 95 % ", "\n≥0起", "≥95%\u{3000}", "＞＝９５％以上", "95\u{301}%", "≥95%\r\n", "达到95%以上完成", "30天内完成",
            "≥95%(含)", "以上", "≥", "2023", "２０２３", "1,234.5万元", "≥95%,", "≥95%、", "1e3", "≥-5%", "≦5天", "⩾90%", "10㎡", "10m²",
        ]
        let numbers = ["95", "１００", "0", "2023", "3.5", "1,234"]
        let units = ["%", "％", "万元", "人次", "天", "m²", "年", ""]
        let heads = TargetReader.prefixes.map(\.0) + ["达到", "达", ""]
        let tails = TargetReader.suffixes.map(\.0) + ["完成", "(含)", "以上完成", ""]
        for h in heads { for n in numbers { for u in units { for t in tails { texts.append(h + n + u + t) } } } }
        var byScalars = 0
        for text in texts {
            let characters = TargetReader.readCharacters(text)
            if let scalars = TargetReader.readScalars(text) {
                byScalars += 1
                if scalars != characters { Issue.record("\(text): \(String(describing: scalars)) ≠ \(String(describing: characters))") }
            }
            if TargetReader.read(text) != characters { Issue.record("\(text): read differs") }
        }
        #expect(byScalars > texts.count / 2)
    }

    /// The year scan of the 年度 check looks for four digits in a row first.
    @Test func aTextWithoutFourDigitsInARowNamesNoYear() {
        var read = 0
        for text in Self.corpus() + Self.examplesTexts() + ["２０２３年", "2023 年", "202３年", "2023\u{301}年", "２０２", "1999-", "20235年"] {
            let full = YearScan.read(text)
            #expect(YearScan.years(in: text) == full, "\(text)")
            read += full.count
        }
        #expect(read >= 3)
    }

    /// The stated-rate reader (issue 14, class 4) looks for a percent sign first.
    @Test func aTextWithoutAPercentSignStatesNoRate() {
        var read = 0
        for text in Self.corpus() + Self.examplesTexts() {
            let full = TextRates.readContradictions(in: text)
            #expect(TextRates.contradictions(in: text) == full, "\(text)")
            #expect(TextRates.named(in: text, words: TextRates.rateWords) == TextRates.readNamed(in: text, words: TextRates.rateWords), "\(text)")
            read += full.count + TextRates.readNamed(in: text, words: TextRates.rateWords).count
            // The words a template's check names (`textRates` … `words`), not only the built-in ones.
            let adjusted = TextRates.readNamed(in: text, words: ["调整率"])
            #expect(TextRates.named(in: text, words: ["调整率"]) == adjusted, "\(text)")
            read += adjusted.count
        }
        #expect(read >= 4)
    }

    /// Every text and the report's prose of the example drafts of all three families.
    static func examplesTexts() -> [String] {
        var texts: [String] = []
        for name in ["hunan-unit-2023-report", "hunan-dept-report-2022-report", "henan-dept-2022-report"] {
            let draft = TT.example(name).draft
            texts += draft.report.values
            for list in draft.forms.values {
                for entry in list {
                    for cells in entry.cells.values { for case let .text(s) in cells.values { texts.append(s) } }
                    for rows in entry.rows.values { for row in rows { for case let .text(s) in row.cells.values { texts.append(s) } } }
                }
            }
        }
        return texts
    }
}
