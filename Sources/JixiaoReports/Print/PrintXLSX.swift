import Foundation
import ZIPFoundation
import JixiaoKit

/// Every form as one Excel workbook, a sheet per form and per project, laid out as `SheetGrid` places
/// it. Figures are numbers with a number format (money 0.00, rates 0.00%), never text; a computed
/// cell carries the template's formula translated to sheet addresses (`ExcelFormula`) together with
/// the library's value as the cached result, so the workbook opens showing the library's figures.
/// The OOXML parts are written by hand: the minimum Excel, WPS and LibreOffice need.
public enum PrintXLSX {
    public enum Failure: Error, CustomStringConvertible {
        case zip(String)
        public var description: String {
            switch self { case let .zip(reason): return reason }
        }
    }

    /// The workbook's bytes (a zip container).
    public static func render(scorecard: Scorecard, evaluation ev: Evaluation, draftMark: DraftMark? = nil) throws -> [UInt8] {
        do { return try ZipParts.archive(parts(scorecard: scorecard, evaluation: ev, draftMark: draftMark)) } catch {
            throw Failure.zip(error.description)
        }
    }

    /// The workbook's parts in container order: path inside the zip and XML bytes.
    public static func parts(scorecard: Scorecard, evaluation ev: Evaluation, draftMark: DraftMark? = nil) -> [PrintedFile] {
        let forms = FormLayout.forms(ev)
        let grids = forms.map { SheetGrid(form: $0, draftMark: draftMark) }
        var used = Set<String>()
        let names = forms.map { sheetName($0, used: &used) }
        var where_: [CellAddress: SheetCellRef] = [:]
        for (k, grid) in grids.enumerated() {
            for (a, p) in grid.positions { where_[a] = SheetCellRef(sheet: names[k], row: p.row, column: p.column) }
        }
        var used2 = used
        let mapName = PrintXLSX.uniqueName(XLSXCellMap.sheetName, used: &used2)
        var map = XLSXCellMap(identity: XLSXCellMap.identity(ev.draft, template: ev.template), entries: [])
        let count = grids.count + 1
        var out: [PrintedFile] = [
            file("[Content_Types].xml", contentTypes(count: count)),
            file("_rels/.rels", rootRels),
            file("docProps/app.xml", appProperties),
            file("xl/workbook.xml", workbook(names + [mapName], hidden: mapName)),
            file("xl/_rels/workbook.xml.rels", workbookRels(count: count)),
            file("xl/styles.xml", XLSXStyles.xml),
        ]
        for (k, grid) in grids.enumerated() {
            let form = forms[k]
            guard let spec = ev.template.form(form.formID) else { continue }
            let translator = ExcelFormula(ev: ev, form: spec, index: form.index, sheet: names[k], locate: { where_[$0] })
            map.entries += XLSXCellMap.entries(grid, sheet: names[k], translator: translator)
            out.append(file("xl/worksheets/sheet\(k + 1).xml", XLSXSheet.xml(grid, translator: translator, selected: k == 0,
                                                                             header: draftMark?.banner)))
        }
        out.append(file("xl/worksheets/sheet\(count).xml", map.sheetXML()))
        return out
    }

    /// `base`, or `base(2)`… when a form's sheet already has that name.
    static func uniqueName(_ base: String, used: inout Set<String>) -> String {
        var name = base
        var k = 2
        while used.contains(name.lowercased()) { name = base + "(\(k))"; k += 1 }
        used.insert(name.lowercased())
        return name
    }

    static func file(_ path: String, _ xml: String) -> PrintedFile { PrintedFile(name: path, bytes: Array(xml.utf8)) }

    /// "附件3-2 区级专项资金（…）" cut to Excel's 31 characters, without the characters sheet names forbid.
    /// Filtered scalar by scalar (a prepended mark such as U+0600 would hide a `/` inside one
    /// `Character`) and cut by UTF-16 units, which is how Excel counts.
    static func sheetName(_ form: PrintedForm, used: inout Set<String>) -> String {
        let forbidden: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\"]
        var scalars = String.UnicodeScalarView()
        for u in (form.short + (form.name.map { " " + $0 } ?? "")).unicodeScalars {
            scalars.append(forbidden.contains(u) || VisibleText.needsEscape(u) || u == "\u{2028}" || u == "\u{2029}" ? "_" : u)
        }
        var base = String(scalars).trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        if base.isEmpty { base = "Sheet" }
        var name = prefix(base, utf16: 31)
        var k = 2
        while used.contains(name.lowercased()) {
            let suffix = "(\(k))"
            name = prefix(base, utf16: 31 - suffix.utf16.count) + suffix
            k += 1
        }
        used.insert(name.lowercased())
        return name
    }

    /// The longest start of `s` of at most `limit` UTF-16 units, cut between scalars.
    static func prefix(_ s: String, utf16 limit: Int) -> String {
        var out = String.UnicodeScalarView()
        var units = 0
        for u in s.unicodeScalars {
            units += u.utf16.count
            if units > limit { break }
            out.append(u)
        }
        // A cut inside a grapheme could leave a trailing space or quote: Excel refuses a name ending in '.
        return String(out).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The start of `[Content_Types].xml` every package shares: relationships and other XML by extension.
    static let typesHead = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"

    static func contentTypes(count: Int) -> String {
        var s = typesHead
        s += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        s += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        s += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for k in 0..<count {
            s += "<Override PartName=\"/xl/worksheets/sheet\(k + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return s + "</Types>\n"
    }

    static let rootRels = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(relNS)/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>\n"

    /// The application that wrote the workbook: how an earlier printout is recognised (`ExportMarker`).
    static let appProperties = header + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + ExportMarker.xlsxApplication + "</Properties>\n"

    static func workbook(_ names: [String], hidden: String? = nil) -> String {
        var s = header + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (k, name) in names.enumerated() {
            let state = name == hidden ? " state=\"hidden\"" : ""
            s += "<sheet name=\"\(XML.escape(name))\" sheetId=\"\(k + 1)\"\(state) r:id=\"rId\(k + 1)\"/>"
        }
        return s + "</sheets></workbook>\n"
    }

    static func workbookRels(count: Int) -> String {
        var s = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for k in 0..<count {
            s += "<Relationship Id=\"rId\(k + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(k + 1).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
        return s + "</Relationships>\n"
    }
}

/// Escaping for XML text and attribute values; characters XML 1.0 cannot hold are dropped.
enum XML {
    /// The five entities XML predefines, for reading text back (`ReportImport`).
    static let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
