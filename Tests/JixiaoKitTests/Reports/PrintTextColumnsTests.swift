import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 13, defect 11: the text printout's columns give text the room it needs and keep numbers
/// narrow, the 评分表 reads at 80 and 120 columns, and the file is named for what it holds.
struct PrintTextColumnsTests {
    /// The seed 001 example with its 评分表 begun and two long 偏差原因 (placeholder sentences).
    static func fixture() -> PrintFixture {
        var ws = Fixtures.setting(Fixtures.example(), "S.card.rate", "60%")
        ws = Fixtures.setting(ws, "B.quantity[1].reason", "未达到预期的原因是本年度在建项目数量减少，下一步将加强与有关部门的沟通，及时掌握项目开工情况。")
        ws = Fixtures.setting(ws, "B.quantity[3].reason", "受理案件数超出预期，说明纠纷仍较多，将加强源头治理。")
        return PrintFixture(ws)
    }

    @Test(arguments: [80, 120, 200])
    func golden(width: Int) {
        let fx = Self.fixture()
        Golden.check(PrintText.render(scorecard: fx.scorecard, evaluation: fx.ev, width: width), "seed001-rubric-text-\(width).txt")
    }

    /// Every table of every form at 80 and 120, as the printout lays it out.
    static func tables(_ fx: PrintFixture) -> [TextTable] {
        let labels = Labels(template: fx.ev.template, draft: fx.ev.draft)
        return fx.scorecard.forms.flatMap { card -> [TextTable] in
            guard let form = fx.ev.template.form(card.formID) else { return [] }
            return [PrintText.execution(card, form, labels), PrintText.indicators(card, form, fx.ev, labels),
                    PrintText.rubric(card, form, labels)].compactMap { $0 }
        }
    }

    static func height(_ t: TextTable, _ widths: [Int]) -> Int {
        t.rows.reduce(t.block(t.columns.map(\.heading), widths).count) { $0 + t.block($1, widths).count }
    }

    /// No cells moved from one text column to another (above its floor) would print the table on fewer lines (but one:
    /// the widths are chosen on an estimate that does not move closing marks): the room went where the
    /// text is. (The old widths held 偏差原因 at 16 cells beside a 三级指标 of 13 at 80,
    /// and gave the 评分表's 类别 column, a repeat of the line above, more than its 三级指标.)
    @Test(arguments: [80, 120])
    func noOtherSplitOfTheTextColumnsPrintsShorter(width: Int) {
        for t in Self.tables(Self.fixture()) {
            let widths = t.columnWidths(total: width)
            let best = Self.height(t, widths)
            let text = t.columns.indices.filter { t.columns[$0].align == .left }
            for from in text {
                // A column keeps its floor: a short heading and a figure whole.
                let widest = t.rows.map { TextWrap.longestLine($0[from]) }.max() ?? 0
                let floor = t.floorWidth(from, widest: widest, full: max(widest, TextWrap.longestLine(t.columns[from].heading)), tight: false)
                for to in text where to != from {
                    for k in 1...6 where widths[from] - k >= floor {
                        var w = widths
                        w[from] -= k
                        w[to] += k
                        #expect(Self.height(t, w) >= best - 1, "width \(width), \(t.columns.map(\.heading)): \(k) cells from \(t.columns[from].heading) to \(t.columns[to].heading)")
                    }
                }
            }
            // Numbers stay narrow: no wider than their widest figure, or four cells for the heading.
            for i in t.columns.indices where t.columns[i].align == .right && widths.reduce(0, +) + 3 * (widths.count - 1) >= width - 1 {
                let widest = t.rows.map { TextWrap.longestLine($0[i]) }.max() ?? 0
                let heading = TextWrap.longestLine(t.columns[i].heading)
                #expect(widths[i] <= max(widest, min(heading, 10), 4) || widths[i] == max(widest, heading), "\(t.columns[i].heading) at \(width)")
            }
        }
    }

    /// The 评分表 at 80 and 120: its levels indented under each other, no 类别 column repeating the line
    /// above, its 指标 heading on at most two lines, and every line within the width.
    @Test(arguments: [80, 120])
    func rubricReadsBelow200Columns(width: Int) throws {
        let text = PrintText.render(scorecard: Self.fixture().scorecard, evaluation: Self.fixture().ev, width: width)
        let rubric = try #require(text.components(separatedBy: "【评分表】").last)
        let lines = rubric.components(separatedBy: "\n")
        #expect(!lines.contains { $0.hasPrefix(PrintWords.group + " ") })
        #expect(lines.contains { $0.hasPrefix("投入（15分）") })
        #expect(lines.contains { $0.hasPrefix("  预算配置（15分）") })
        #expect(lines.contains { $0.hasPrefix("    财政供养") })
        let headingLines = lines.drop { !$0.hasPrefix("一级指标") }.prefix { !$0.hasPrefix("---") }
        #expect(headingLines.count <= 2, "\(headingLines)")
        for line in text.components(separatedBy: "\n") { #expect(TextWidth.width(of: line) <= width, "«\(line)»") }
    }

    /// The text file is named for what it holds (绩效自评得分), and holds the 评分表 once that form is begun.
    @Test func fileNameSaysWhatItHolds() throws {
        let fx = Self.fixture()
        let files = try PrintJob.files(.text, scorecard: fx.scorecard, evaluation: fx.ev, draftMark: nil, width: 100, draftPath: "/tmp/2023.json")
        #expect(files.map(\.path) == ["/tmp/2023-自评得分.txt"])
        let text = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(text.hasPrefix(PrintWords.scorecardTitle + "\n"))
        #expect(text.contains("【评分表】"))
        #expect(ExportMarker.isText(files[0].bytes))
    }
}
