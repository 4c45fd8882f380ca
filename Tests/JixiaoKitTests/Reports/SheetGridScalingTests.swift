import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 11, item 15: CSV and XLSX printouts looked up merged areas by scanning every merge for every
/// cell, so 20,000 named rows took 13.8 s (CSV) and 34 s (XLSX). The grid now answers from an index.
/// No clock here: every read of a merge is counted (`SheetGrid.MergeList`), and the count of a whole
/// printout must stay within a small multiple of the sheet's size.
struct SheetGridScalingTests {
    /// The default template with `n` rows in each named repeated row (专项), nothing else repeated.
    static func evaluation(namedRows n: Int) -> Evaluation {
        let template = Fixtures.template()
        let sizes = DraftGenerator.Sizes(instances: 1, indicators: 0, namedRows: n, otherRows: 0)
        return Evaluation(template: template, draft: DraftGenerator(template: template, seed: 7, sizes: sizes).draft())
    }

    /// Reads of merges made by the CSV and the XLSX rendering of every sheet, and the sheets' cells and merges.
    static func work(_ ev: Evaluation) -> (reads: Int, cells: Int, merges: Int) {
        var reads = 0, cells = 0, merges = 0
        for form in FormLayout.forms(ev) {
            let grid = SheetGrid(form: form, draftMark: nil)
            let spec = ev.template.form(form.formID)!
            let translator = ExcelFormula(ev: ev, form: spec, index: form.index, sheet: form.short, locate: { _ in nil })
            let before = grid.merges.reads.count
            _ = PrintCSV.text(grid)
            _ = XLSXSheet.xml(grid, translator: translator, selected: true, header: nil)
            reads += grid.merges.reads.count - before
            cells += grid.rows.count * grid.columnCount
            merges += grid.merges.count
        }
        return (reads, cells, merges)
    }

    /// Linear: at most one merge read per cell per pass (CSV, widths, heights, covered styles) and the
    /// merge list written once. The scan this replaces read every merge for every cell: for 300 rows
    /// that is hundreds of times the bound.
    @Test(arguments: [50, 300])
    func printingReadsMergesLinearly(namedRows: Int) {
        let w = Self.work(Self.evaluation(namedRows: namedRows))
        #expect(w.merges > 2 * namedRows)
        #expect(w.reads <= 3 * w.cells + w.merges, "\(w.reads) merge reads for \(w.cells) cells and \(w.merges) merges")
    }

    /// Twice the rows, about twice the work.
    @Test func workGrowsInProportionToRows() {
        let small = Self.work(Self.evaluation(namedRows: 150))
        let large = Self.work(Self.evaluation(namedRows: 300))
        #expect(Double(large.reads) <= 2.2 * Double(small.reads), "\(small.reads) → \(large.reads)")
    }

    /// The index answers as a scan of every merge would, on the example and on a grid with many rows.
    @Test func indexAgreesWithAScan() {
        for ev in [PrintFixture().ev, Self.evaluation(namedRows: 40)] {
            for form in FormLayout.forms(ev) {
                for mark in [nil, DraftMark(ScorecardBuilder.build(ev))] {
                    let grid = SheetGrid(form: form, draftMark: mark)
                    let all = Array(grid.merges)
                    for r in grid.rows.indices {
                        for c in 0..<grid.columnCount {
                            let holding = all.filter { r >= $0.row && r <= $0.lastRow && c >= $0.column && c <= $0.lastColumn }
                            #expect(grid.isCovered(r, c) == holding.contains { !($0.row == r && $0.column == c) })
                            #expect(grid.mergeStarting(at: r, c) == holding.first { $0.row == r && $0.column == c })
                            #expect(grid.merge(covering: r, c) == holding.first)
                        }
                    }
                }
            }
        }
    }
}
