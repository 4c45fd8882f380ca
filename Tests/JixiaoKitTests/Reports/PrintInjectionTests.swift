import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 11, items 9 and 10: what a cell holds can never become markup, a split field, a path or a
/// formula in a printout. A prepended concatenation mark (U+0600) joins the next character into one
/// `Character`, which hid `<`, `,`, `"` and `/` from every filter that compared `Character`s.
struct PrintInjectionTests {
    static let imgPayload = "\u{0600}<img src=x onerror=alert(3) \u{0600}>"

    // MARK: HTML (item 9)

    @Test func htmlEscapesByScalarNotByCharacter() {
        #expect(Array("\u{0600}<").count == 1)  // one Character: the root of the fault
        #expect(PrintHTML.esc("\u{0600}<") == "\u{0600}&lt;")
        #expect(PrintHTML.esc("\u{0600}&\u{0600}\"\u{0600}'\u{0600}>") == "\u{0600}&amp;\u{0600}&quot;\u{0600}&#39;\u{0600}&gt;")
    }

    /// The probe: B.goal[1].achieved set to the payload, printed as HTML. Every tag in the file is one
    /// the renderer writes itself; none comes from the cell.
    @Test func htmlFromAHostileCellHasOnlyTheRenderersTags() {
        let fx = PrintFixture(Fixtures.setting(Fixtures.example(), "B.goal[1].achieved", Self.imgPayload))
        for mark in [nil, DraftMark(fx.scorecard)] {
            let html = PrintHTML.render(scorecard: fx.scorecard, evaluation: fx.ev, draftMark: mark)
            let tags = Self.tagNames(html)
            #expect(!tags.contains("img"))
            #expect(tags.isSubset(of: Self.rendererTags), "unexpected tags: \(tags.subtracting(Self.rendererTags))")
            #expect(html.contains("\u{0600}&lt;img src=x onerror=alert(3) \u{0600}&gt;"))
        }
    }

    @Test func htmlShowsNoControlCharacters() {
        #expect(PrintHTML.esc("a\u{1b}[2J\u{07}\u{0}b") == "a&#x1B;[2J&#x7;&#x0;b")
        #expect(PrintHTML.esc("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n")
        let fx = PrintFixture(Fixtures.setting(Fixtures.example(), "B.goal[1].achieved", "\u{1b}[2J\u{1b}]0;pwned\u{07}\u{1b}[8m"))
        let html = PrintHTML.render(scorecard: fx.scorecard, evaluation: fx.ev)
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    /// The tags of an HTML text as a browser's tokenizer starts them: `<` then a letter (or `/` and a letter).
    static func tagNames(_ html: String) -> Set<String> {
        var names = Set<String>()
        let s = Array(html.unicodeScalars)
        var i = 0
        while i < s.count {
            defer { i += 1 }
            guard s[i] == "<" else { continue }
            var j = i + 1
            if j < s.count, s[j] == "/" { j += 1 }
            var name = ""
            while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) {
                name.unicodeScalars.append(s[j])
                j += 1
            }
            if !name.isEmpty { names.insert(name.lowercased()) }
        }
        return names
    }

    static let rendererTags: Set<String> = ["html", "head", "meta", "title", "style", "body", "div", "section", "p", "h1", "h2",
                                            "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "ol", "li", "b", "br", "span"]

    // MARK: CSV quoting and names (item 9)

    @Test func csvQuotesFieldsByScalar() {
        #expect(Array("\u{0600},").count == 1)
        #expect(PrintCSV.field("\u{0600},x") == "\"\u{0600},x\"")
        #expect(PrintCSV.field("\u{0600}\"x") == "\"\u{0600}\"\"x\"")
        #expect(PrintCSV.field("\u{0600}\nx") == "\"\u{0600}\nx\"")
    }

    /// Cells holding `\u{0600},` stay one field: every record of the file has the grid's width, and
    /// the cells read back exactly.
    @Test func csvFromHostileCellsKeepsItsColumns() throws {
        let hostile = "a\u{0600},b"
        let quoted = "\"c\u{0600}\",\u{0600}\"d"
        var ws = Fixtures.setting(Fixtures.example(), "B.goal[1].achieved", hostile)
        ws = Fixtures.setting(ws, "B.goal[2].achieved", quoted)
        let fx = PrintFixture(ws)
        let file = try #require(PrintCSV.render(scorecard: fx.scorecard, evaluation: fx.ev).first { $0.name == "附件2.csv" })
        let records = try CSVReader.records(file.bytes)
        let widths = Set(records.map(\.count))
        #expect(widths.count == 1, "records of different widths: \(widths)")
        #expect(records.contains { $0.contains(hostile) })
        #expect(records.contains { $0.contains(quoted) })
    }

    @Test func csvFileNamesFilterByScalar() {
        let name = PrintCSV.fileName("附件\u{0600}/..\u{0600}\\x\u{0600}:\u{1b}[2J")
        #expect(!name.unicodeScalars.contains { "/\\:".unicodeScalars.contains($0) || $0.value < 0x20 })
        #expect(PrintCSV.fileName("\u{0600}/") == "\u{0600}_")
    }

    @Test func sheetNamesFilterByScalarAndCountUTF16() {
        var used = Set<String>()
        func form(_ name: String) -> PrintedForm { PrintedForm(formID: "C", index: 0, short: "附件3-1", title: "", name: name, sections: []) }
        let a = PrintXLSX.sheetName(form("\u{0600}/\u{0600}:\u{0600}*\u{0600}?\u{0600}[\u{0600}]\u{0600}\\\u{1b}"), used: &used)
        #expect(!a.unicodeScalars.contains { "[]:*?/\\".unicodeScalars.contains($0) || $0.value < 0x20 })
        // Combining marks: few Characters, many UTF-16 units. Excel counts the units.
        let b = PrintXLSX.sheetName(form(String(repeating: "e\u{301}\u{302}", count: 20)), used: &used)
        #expect(b.utf16.count <= 31)
        let c = PrintXLSX.sheetName(form(String(repeating: "😀", count: 20)), used: &used)
        #expect(c.utf16.count <= 31 && !c.unicodeScalars.isEmpty)
    }

    // MARK: Formula injection (item 10)

    @Test func csvNeutralizesTextThatStartsLikeAFormula() {
        #expect(PrintCSV.field("=1+1") == "\"'=1+1\"")
        #expect(PrintCSV.field("+1") == "\"'+1\"")
        #expect(PrintCSV.field("-1") == "\"'-1\"")
        #expect(PrintCSV.field("@SUM(A1)") == "\"'@SUM(A1)\"")
        #expect(PrintCSV.field("\tx") == "\"'\tx\"")
        #expect(PrintCSV.field("\rx") == "\"'\rx\"")
        #expect(PrintCSV.field("=cmd|' /C calc'!A0") == "\"'=cmd|' /C calc'!A0\"")
        #expect(PrintCSV.field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        // Numbers of numeric cells stay numbers.
        #expect(PrintCSV.field("-5.00", number: true) == "-5.00")
        #expect(PrintCSV.field("a=1") == "a=1")
    }

    /// Text cells, a named row's label and a figure typed as a formula are neutralized; a negative
    /// amount in a money cell is still the number it is.
    @Test func csvFromHostileCellsHasNoFormula() throws {
        var ws = Fixtures.example()
        ws = Fixtures.setting(ws, "B.goal[1].achieved", "=HYPERLINK(\"http://example.invalid\",\"点此\")")
        ws = Fixtures.setting(ws, "A.specialItem[1].label", "@SUM(A1:A9)")
        ws = Fixtures.setting(ws, "A.specialItem[2].prev", "=1+1")
        ws = Fixtures.setting(ws, "A.carPurchase.prev", "-5")
        #expect(ws.number("A.carPurchase.prev") == -5)
        let fx = PrintFixture(ws)
        let files = PrintCSV.render(scorecard: fx.scorecard, evaluation: fx.ev, draftMark: DraftMark(fx.scorecard))
        var fields: [String] = []
        for f in files { fields += try CSVReader.records(f.bytes).flatMap { $0 } }
        #expect(fields.contains("'=HYPERLINK(\"http://example.invalid\",\"点此\")"))
        #expect(fields.contains("'@SUM(A1:A9)"))
        #expect(fields.contains("'=1+1"))
        #expect(fields.contains("-5.00"))
        // Figures (a negative difference computed by the template, the -5.00 typed) are numbers, not formulas.
        let figure = /-?[0-9]+(\.[0-9]+)?%?/
        let formulaLike = fields.filter { $0.unicodeScalars.first.map(PrintCSV.formulaStarts.contains) == true && $0.wholeMatch(of: figure) == nil }
        #expect(formulaLike.isEmpty, "fields a spreadsheet would evaluate: \(formulaLike)")
    }

    /// In the workbook, text is an inline string, never a formula: the `<f>` elements hold only the
    /// template's formulas.
    @Test func xlsxWritesTextAsStrings() throws {
        let payload = "=HYPERLINK(\"http://example.invalid\",\"点此\")"
        var ws = Fixtures.setting(Fixtures.example(), "B.goal[1].achieved", payload)
        ws = Fixtures.setting(ws, "A.specialItem[1].label", "=cmd|' /C calc'!A0")
        ws = Fixtures.setting(ws, "A.specialItem[2].prev", "=1+1")
        let fx = PrintFixture(ws)
        let xml = PrintXLSX.parts(scorecard: fx.scorecard, evaluation: fx.ev).map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(xml.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XML.escape(payload))</t></is>"))
        #expect(xml.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">=cmd|&apos; /C calc&apos;!A0</t></is>"))
        #expect(xml.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">=1+1</t></is>"))
        let formulas = xml.components(separatedBy: "<f>").dropFirst().map { $0.components(separatedBy: "</f>")[0] }
        #expect(!formulas.isEmpty)
        #expect(!formulas.contains { $0.contains("HYPERLINK") || $0.contains("cmd") || $0.hasPrefix("=") })
    }

    /// A sheet's name quoted in another sheet's formula doubles its apostrophes, after a U+0600 too.
    @Test func quotedSheetNamesDoubleApostrophesByScalar() {
        #expect(ExcelFormula.quotedSheet("a\u{0600}'!A1") == "'a\u{0600}''!A1'")
    }
}

/// RFC 4180 records from CSV bytes (after the byte-order mark), read scalar by scalar.
enum CSVReader {
    struct Malformed: Error {}

    static func records(_ bytes: [UInt8]) throws -> [[String]] {
        let text = String(decoding: bytes.starts(with: PrintCSV.byteOrderMark) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        let s = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "\"" && field.isEmpty {
                i += 1
                while true {
                    guard i < s.count else { throw Malformed() }
                    if s[i] == "\"" {
                        if i + 1 < s.count, s[i + 1] == "\"" { field.append("\""); i += 2; continue }
                        i += 1
                        break
                    }
                    field.append(s[i])
                    i += 1
                }
                guard i == s.count || s[i] == "," || s[i] == "\r" else { throw Malformed() }
                continue
            }
            switch s[i] {
            case ",":
                record.append(String(field)); field = String.UnicodeScalarView()
            case "\r":
                guard i + 1 < s.count, s[i + 1] == "\n" else { throw Malformed() }
                record.append(String(field)); field = String.UnicodeScalarView()
                records.append(record); record = []
                i += 1
            case "\n":
                throw Malformed()  // a bare line feed outside quotes: not what the printout writes
            default:
                field.append(s[i])
            }
            i += 1
        }
        if !field.isEmpty || !record.isEmpty { record.append(String(field)); records.append(record) }
        return records
    }
}
