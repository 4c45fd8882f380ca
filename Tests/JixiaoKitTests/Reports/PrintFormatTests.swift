import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The pieces of the file formats: CSV quoting, HTML escaping, Excel formulas and numbers.
struct PrintFormatTests {
    @Test func csvQuotingFollowsRFC4180() {
        #expect(PrintCSV.field("plain") == "plain")
        #expect(PrintCSV.field("a,b") == "\"a,b\"")
        #expect(PrintCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(PrintCSV.field("two\nlines") == "\"two\nlines\"")
        #expect(PrintCSV.field("中文，全角逗号") == "中文，全角逗号")
    }

    @Test func csvHasBOMAndCRLF() {
        let fx = PrintFixture()
        let f = PrintCSV.render(scorecard: fx.scorecard, evaluation: fx.ev)[0]
        #expect(Array(f.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: f.bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        #expect(text.hasPrefix("附件1,"))
    }

    @Test func htmlEscapesEverythingTyped() {
        let ws = Fixtures.setting(Fixtures.example(), "B.quantity[1].name", "<script>alert('x')</script> & \"q\"")
        let fx = PrintFixture(ws)
        let html = PrintHTML.render(scorecard: fx.scorecard, evaluation: fx.ev)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link") && !html.contains("src="))
    }

    @Test func excelColumnNames() {
        #expect(ExcelFormula.columnName(0) == "A")
        #expect(ExcelFormula.columnName(25) == "Z")
        #expect(ExcelFormula.columnName(26) == "AA")
        #expect(ExcelFormula.columnName(701) == "ZZ")
        #expect(ExcelFormula.columnName(702) == "AAA")
    }

    /// Formulas over the sheet cells, with the library's value cached beside them.
    @Test func xlsxComputedCellsCarryFormulasAndValues() {
        let fx = PrintFixture()
        let parts = PrintXLSX.parts(scorecard: fx.scorecard, evaluation: fx.ev)
        let sheet1 = String(decoding: parts.first { $0.name == "xl/worksheets/sheet1.xml" }!.bytes, as: UTF8.self)
        let sheet2 = String(decoding: parts.first { $0.name == "xl/worksheets/sheet2.xml" }!.bytes, as: UTF8.self)
        // 附件1 项目支出 = Σ its five lines (consecutive cells joined into ranges); 区级专项资金 = Σ its rows.
        #expect(sheet1.contains("<f>SUM(B14:B16,B34:B35)</f><v>564.91</v>"))
        #expect(sheet1.contains("<f>SUM(B17:B33)</f><v>385.72</v>"))
        // Money entered is a number, not text.
        #expect(sheet1.contains("<c r=\"B14\" s=\"8\"><v>80.19</v></c>"))
        // 附件2 总分 and 评价等次.
        #expect(sheet2.contains("<f>H5+G44+G49+G53</f><v>97</v>"))
        #expect(sheet2.contains("t=\"str\"><f>IF(E55=&quot;&quot;,&quot;&quot;,IF(ROUND(E55,2)&gt;=90,&quot;优&quot;"))
        // A rate over a zero base is "—" in the library and in the formula.
        #expect(sheet1.contains("t=\"str\"><f>IF(C43=&quot;&quot;,&quot;&quot;,IFERROR(C43/B43,&quot;—&quot;))</f><v>—</v>"))
    }

    @Test func sheetNamesAreValidAndUnique() {
        var used = Set<String>()
        func form(_ short: String, _ name: String?) -> PrintedForm {
            PrintedForm(formID: "C", index: 0, short: short, title: "", name: name, sections: [])
        }
        let a = PrintXLSX.sheetName(form("附件3-1", "a/b:c*d?e[f]" + String(repeating: "长", count: 40)), used: &used)
        let b = PrintXLSX.sheetName(form("附件3-1", "a/b:c*d?e[f]" + String(repeating: "长", count: 40)), used: &used)
        #expect(a.count == 31 && b.count == 31)
        #expect(a != b)
        #expect(!a.contains { "[]:*?/\\".contains($0) })
    }
}
