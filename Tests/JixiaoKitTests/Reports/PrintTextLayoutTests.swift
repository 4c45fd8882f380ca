import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The text printout's columns line up by display width, whatever mix of Han, full-width and ASCII
/// the cells hold, and no line is wider than asked.
struct PrintTextLayoutTests {
    /// Display-width positions of the column separators of a table line ('|' in rows, '+' in the rule).
    static func separatorPositions(_ line: String) -> [Int] {
        var out: [Int] = []
        var x = 0
        for c in line {
            if c == "|" || c == "+" { out.append(x) }
            x += TextWidth.width(of: c)
        }
        return out
    }

    static func isRule(_ line: String) -> Bool { !line.isEmpty && line.allSatisfy { $0 == "-" || $0 == "+" } && line.contains("-") }

    /// Every table of the text: a heading block, its rule line, and the lines after it up to a blank one.
    static func tables(_ text: String) -> [[String]] {
        let lines = text.components(separatedBy: "\n")
        var out: [[String]] = []
        for (k, line) in lines.enumerated() where isRule(line) {
            var start = k
            while start > 0, lines[start - 1].contains(" | ") { start -= 1 }
            var end = k
            while end + 1 < lines.count, !lines[end + 1].isEmpty { end += 1 }
            out.append(Array(lines[start...end]))
        }
        return out
    }

    /// The example with cells that test the layout: ASCII-only names, full-width digits and
    /// punctuation, a long ASCII word, a line break, a very long reason.
    static func mixedContent() -> PrintFixture {
        var ws = Fixtures.example()
        ws = Fixtures.setting(ws, "B.quantity[1].name", "Headcount of migrant workers covered (ASCII only, long enough to wrap)")
        ws = Fixtures.setting(ws, "B.quantity[2].target", "≥１００人（全角）")
        ws = Fixtures.setting(ws, "B.quantity[3].reason", "Reason: https://example.invalid/a-very-long-address-without-spaces-0123456789\n第二行：全角，标点；混排 ASCII words 与中文。")
        ws = Fixtures.setting(ws, "B.quality[1].actual", "100%（２０２３年）")
        ws = Fixtures.setting(ws, "B.social[1].reason", String(repeating: "偏差原因分析及改进措施，", count: 12))
        return PrintFixture(ws)
    }

    @Test(arguments: [80, 100, 132])
    func columnsAlignAndFit(width: Int) {
        for fx in [PrintFixture(), Self.mixedContent()] {
            let text = PrintText.render(scorecard: fx.scorecard, evaluation: fx.ev, width: width)
            let tables = Self.tables(text)
            #expect(tables.count == 2 * fx.scorecard.forms.count, "an execution and an indicator table per form")
            for table in tables {
                let expected = Self.separatorPositions(table[0])
                #expect(!expected.isEmpty)
                for line in table {
                    #expect(Self.separatorPositions(line) == expected, "width \(width): «\(line)»")
                }
            }
            for line in text.components(separatedBy: "\n") {
                #expect(TextWidth.width(of: line) <= width, "width \(width): «\(line)» is \(TextWidth.width(of: line)) wide")
            }
        }
    }

    @Test func everyIndicatorAndTotalIsPrinted() {
        let fx = PrintFixture()
        let text = PrintText.render(scorecard: fx.scorecard, evaluation: fx.ev, width: 132)
        for card in fx.scorecard.forms {
            #expect(text.contains("【\(card.short)】\(card.title)"))
            if let name = card.name { #expect(text.contains(name)) }
        }
        #expect(text.contains("总分：97    评价等次：优"))
        #expect(text.contains("职称评定通过率"))
        #expect(text.contains("通过270人"))
        #expect(text.contains("填表人：示例填表人"))
        #expect(text.contains("校验：0 个错误，17 个警告，4 条提示"))
        #expect(!text.contains(PrintWords.draft))
    }

    @Test func wrappingKeepsWordsAndClosingMarks() {
        #expect(TextWrap.wrap("1034.36万元", width: 8) == ["1034.36", "万元"])
        #expect(TextWrap.wrap("增加就业岗位，促进社会就业", width: 12) == ["增加就业岗", "位，促进社会", "就业"])
        #expect(TextWrap.wrap("产出指标（50分）", width: 10) == ["产出指标", "（50分）"])
        #expect(TextWrap.wrap("  可持续影响指标", width: 10) == ["  可持续影", "  响指标"])
        #expect(TextWrap.wrap("第一行\n第二行", width: 20) == ["第一行", "第二行"])
        #expect(TextWrap.wrap("2分；10-20%（含），计1分；20-30%（含），计0.5分", width: 38)
                == ["2分；10-20%（含），计1分；20-30%", "（含），计0.5分"])
        #expect(TextWrap.wrap("ab（含）", width: 6) == ["ab", "（含）"])
        // A figure carried down with the closing mark after it moves whole (was 「…（含）-8」「0%，…」).
        #expect(TextWrap.wrap("70%（含）-80%，计3分", width: 14) == ["70%（含）", "-80%，计3分"])
        for line in TextWrap.wrap(String(repeating: "x", count: 30), width: 7) { #expect(line.count <= 7) }
    }

    @Test func displayWidthOfMixedText() {
        #expect(TextWidth.width(of: "预算单位名称") == 12)
        #expect(TextWidth.width(of: "≥１００人（全角）") == 1 + 6 + 2 + 8)
        #expect(TextWidth.width(of: "e\u{301}") == 1)
        #expect(TextWidth.width(of: "a\u{200B}b") == 2)
        #expect(TextWidth.width(of: "한국カナ") == 8)
    }
}
