import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The probe of issue 11, item 12: a product of typed figures beyond Decimal's range showed `NaN.00`,
/// was written `<v>NaN</v>` into the workbook, and `validate` found nothing. Now the cell is "—"
/// everywhere and an error says why, at the cell.
struct BeyondRangeTests {
    /// 10^29, typed: thirty digits, as much as a cell takes.
    static let big = "100000000000000000000000000000"
    static let rate = CellAddress(form: "A", formIndex: 0, row: "staff", rowIndex: nil, column: "rate")

    /// The example draft on a template whose 控制率 multiplies the two typed counts three times over.
    static func workspace(replacing old: String = "\"formula\": \"_.actual / _.authorized\"",
                          with new: String = "\"formula\": \"_.actual * _.authorized * _.actual * _.authorized * _.actual * _.authorized\"") -> Workspace {
        let path = Fixtures.root.appendingPathComponent("templates/hunan-unit.json").path
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        precondition(text.contains(old))
        let template = try! TemplateLoader.load(bytes: Array(text.replacingOccurrences(of: old, with: new).utf8), file: "overflow.json")
        var ws = Workspace(draft: Fixtures.example().draft, template: template)
        ws = Fixtures.setting(ws, "A.staff.actual", big)
        return Fixtures.setting(ws, "A.staff.authorized", big)
    }

    @Test func overflowIsUndefinedWithAnErrorAtTheCell() {
        let ws = Self.workspace()
        #expect(ws.evaluation.value(Self.rate) == .undefined)
        #expect(ValueText.display(ws.evaluation.value(Self.rate), kind: .percent) == "—")
        let found = ws.worded.filter { $0.code == "overflow" }
        #expect(found.map(\.address) == [Self.rate])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("超出可计算的范围") == true)
        #expect(found.first?.path == "A.staff.rate")
        // The screen's incremental checks say the same.
        #expect(LiveChecks(ws.evaluation).all(ws.template).contains { $0.code == "overflow" && $0.address == Self.rate })
    }

    @Test func noPrintoutShowsNaN() throws {
        let fx = PrintFixture(Self.workspace())
        let draftMark = DraftMark(fx.scorecard)
        let text = PrintText.render(scorecard: fx.scorecard, evaluation: fx.ev, width: 120, draftMark: draftMark)
        let html = PrintHTML.render(scorecard: fx.scorecard, evaluation: fx.ev, draftMark: draftMark)
        let csv = PrintCSV.render(scorecard: fx.scorecard, evaluation: fx.ev, draftMark: draftMark)
        let xlsx = PrintXLSX.parts(scorecard: fx.scorecard, evaluation: fx.ev, draftMark: draftMark)
        for (name, out) in [("text", text), ("html", html)] + (csv + xlsx).map({ ($0.name, String(decoding: $0.bytes, as: UTF8.self)) }) {
            #expect(!out.contains("NaN"), "NaN in \(name)")
        }
        let sheet1 = String(decoding: xlsx.first { $0.name == "xl/worksheets/sheet1.xml" }!.bytes, as: UTF8.self)
        #expect(sheet1.contains("<v>—</v>"))
    }

    /// A check whose own arithmetic overflows reports that at its cell, instead of comparing NaN.
    @Test func overflowInACheckIsReportedAtItsCell() {
        let ws = Self.workspace(replacing: "\"left\": \"staff.rate\", \"right\": \"100%\"",
                                with: "\"left\": \"staff.actual * staff.authorized * staff.actual * staff.authorized * staff.actual\", \"right\": \"100%\"")
        let found = ws.worded.filter { $0.code == "overflow" }
        #expect(found.map(\.address) == [Self.rate])
        #expect(found.first?.message.hasPrefix("控制率超过 100%") == true)
    }

    /// Sane figures keep their values and raise nothing.
    @Test func ordinaryFiguresAreUntouched() {
        let ws = Fixtures.example()
        #expect(!ws.worded.contains { $0.code == "overflow" })
        #expect(ws.evaluation.value(Self.rate).number != nil)
    }
}
