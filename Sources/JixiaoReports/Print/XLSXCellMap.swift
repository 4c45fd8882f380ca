import Foundation
import JixiaoKit

/// What a workbook records about itself so that `jixiao import` can read it back without guessing
/// from positions: a hidden sheet listing, for every draft cell printed, the sheet and cell reference
/// it landed on and whether it is computed; and which draft it came from (template, year, unit) and
/// the draft's shape (instances and rows, named rows' names) at export, so that a workbook from
/// another draft, or from before rows were added or removed, is refused.
/// A hidden sheet rather than defined names: it survives a round trip through Excel, WPS and
/// LibreOffice unchanged, and a defined name cannot hold a draft path such as `C[2].quantity[1].name`.
public struct XLSXCellMap: Equatable, Sendable {
    public static let sheetName = "jixiao"
    public static let marker = "jixiao-cell-map"
    public static let version = "1"

    public struct Identity: Equatable, Sendable {
        public var templateID: String
        public var year: Int
        public var unit: String
        /// `XLSXCellMap.shape` of the draft.
        public var shape: String
    }

    public struct Entry: Equatable, Sendable {
        public var sheet: String
        /// "B7".
        public var ref: String
        public var address: CellAddress
        public var computed: Bool
        /// A computed cell's value as the export wrote it (a number plainly, else as shown): a cell
        /// without a live formula still showing it was left alone, even if the inputs changed since.
        public var exported: String = ""
        /// A computed cell's formula as the export wrote it; empty when it has none (value alone).
        public var formula: String = ""
    }

    /// The entries of one form's sheet: its draft cells, computed ones with their value and formula as
    /// `XLSXSheet` writes them, then its named rows' names.
    static func entries(_ grid: SheetGrid, sheet: String, translator: ExcelFormula) -> [Entry] {
        var out: [Entry] = []
        func ref(_ p: (row: Int, column: Int)) -> String { ExcelFormula.columnName(p.column) + String(p.row + 1) }
        for (a, p) in grid.positions.sorted(by: { ($0.value.row, $0.value.column) < ($1.value.row, $1.value.column) }) {
            var e = Entry(sheet: sheet, ref: ref(p), address: a, computed: false)
            if let printed = grid.rows[p.row][p.column]?.printed, let f = printed.formula {
                e.computed = true
                if case let .number(d) = printed.value { e.exported = d.plain } else if !printed.value.isEmpty { e.exported = printed.text }
                e.formula = translator.translate(f, row: a.row, rowIndex: a.rowIndex, column: a.column) ?? ""
            }
            out.append(e)
        }
        for (a, p) in grid.labelPositions.sorted(by: { $0.value.row < $1.value.row }) {
            out.append(Entry(sheet: sheet, ref: ref(p), address: a, computed: false))
        }
        return out
    }

    public var identity: Identity
    public var entries: [Entry]

    public static func identity(_ draft: Draft, template: Template) -> Identity {
        var unit = ""
        if let cell = template.unitNameCell {
            for form in template.forms where form.row(cell.row)?.columnIDs.contains(cell.column) == true {
                if let v = draft.instances(of: form.id).first?.entry(row: cell.row, index: nil, column: cell.column), case let .text(s) = v {
                    unit = s
                    break
                }
            }
        }
        return Identity(templateID: draft.templateID, year: draft.year, unit: unit, shape: shape(draft, template: template))
    }

    /// The draft's structure as a short hash: which cells a path names depends only on it.
    static func shape(_ draft: Draft, template: Template) -> String {
        var text = ""
        for form in template.forms {
            let list = draft.instances(of: form.id)
            text += "\(form.id)×\(list.count);"
            for e in list {
                for row in form.rows where row.repeating != nil {
                    let rows = e.rows[row.id] ?? []
                    text += "\(row.id)=\(rows.count)"
                    if row.repeating?.named == true { text += "(" + rows.map { ($0.label ?? "").replacingOccurrences(of: "|", with: "||") }.joined(separator: "|") + ")" }
                    text += ";"
                }
            }
        }
        // FNV-1a, 64 bits: stable across runs and platforms, unlike `hashValue`.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return String(h, radix: 16)
    }

    /// The hidden sheet's rows: a heading block, then one row per cell.
    func rows() -> [[String]] {
        var out: [[String]] = [
            [Self.marker, Self.version],
            ["template", identity.templateID],
            ["year", String(identity.year)],
            ["unit", identity.unit],
            ["shape", identity.shape],
            ["sheet", "cell", "path", "computed", "exported", "formula"],
        ]
        for e in entries { out.append([e.sheet, e.ref, e.address.path(formRepeated: true), e.computed ? "1" : "0"] + (e.computed ? [e.exported, e.formula] : [])) }
        return out
    }

    /// The hidden sheet's XML: every value an inline string, so that nothing is read back as a number.
    func sheetXML() -> String {
        var s = PrintXLSX.header + "<worksheet xmlns=\"\(PrintXLSX.mainNS)\" xmlns:r=\"\(PrintXLSX.relNS)\"><sheetData>"
        for (r, row) in rows().enumerated() {
            s += "<row r=\"\(r + 1)\">"
            for (c, text) in row.enumerated() {
                s += "<c r=\"\(ExcelFormula.columnName(c))\(r + 1)\" t=\"inlineStr\">" + XLSXSheet.inline(text) + "</c>"
            }
            s += "</row>"
        }
        return s + "</sheetData></worksheet>\n"
    }

    /// Reads the hidden sheet back from its cells (column, row → text), as any spreadsheet may have
    /// rewritten it (shared strings, numbers for the year); nil when it is not one.
    static func read(_ cell: (Int, Int) -> String?) -> XLSXCellMap? {
        guard cell(0, 0) == marker, cell(1, 0) == version, cell(0, 1) == "template", let template = cell(1, 1),
              cell(0, 2) == "year", let yearText = cell(1, 2), let year = Int(yearText.hasSuffix(".0") ? String(yearText.dropLast(2)) : yearText),
              cell(0, 3) == "unit", cell(0, 4) == "shape", let shape = cell(1, 4) else { return nil }
        var entries: [Entry] = []
        var r = 6
        while let sheet = cell(0, r), let ref = cell(1, r), let path = cell(2, r) {
            guard let address = try? CellAddress.parse(path) else { return nil }
            entries.append(Entry(sheet: sheet, ref: ref, address: address, computed: cell(3, r) == "1", exported: cell(4, r) ?? "",
                                 formula: cell(5, r) ?? ""))
            r += 1
        }
        return XLSXCellMap(identity: Identity(templateID: template, year: year, unit: cell(1, 3) ?? "", shape: shape), entries: entries)
    }
}

extension CellAddress {
    /// Reads back `path(formRepeated: true)`: `A[1].staff.actual`, `C[2].quantity[1].name`.
    static func parse(_ text: String) throws(EditError) -> CellAddress {
        let p = try TypedPath.parse(text)
        guard let column = p.column else { throw .badPath(text) }
        var fi = 0
        if case let .number(n) = p.formIndex { fi = n } else if p.formIndex != .none { throw .badPath(text) }
        var ri: Int?
        if case let .number(n) = p.rowIndex { ri = n } else if p.rowIndex != .none { throw .badPath(text) }
        return CellAddress(form: p.form, formIndex: fi, row: p.row, rowIndex: ri, column: column)
    }
}
