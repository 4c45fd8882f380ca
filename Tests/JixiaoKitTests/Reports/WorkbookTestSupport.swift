import Foundation
import ZIPFoundation
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// A printed workbook opened for editing in a test as a spreadsheet would edit it: parts by path,
/// cells replaced in a sheet's XML, strings moved into a shared strings table as Excel writes them.
struct TestWorkbook {
    var parts: [(name: String, data: Data)]
    /// Draft path → (sheet part, sheet name, reference), from the workbook's cell map as exported.
    let places: [String: (part: String, sheet: String, ref: String)]

    init(_ bytes: [UInt8]) throws {
        let book = try XLSXBook.read(bytes)
        let mapSheet = book.sheets.last!
        let map = XLSXCellMap.read { c, r in WorkbookImport.text(mapSheet.cells[ExcelFormula.columnName(c) + String(r + 1)]) }!
        var places: [String: (part: String, sheet: String, ref: String)] = [:]
        for e in map.entries {
            let k = book.sheets.firstIndex { $0.name == e.sheet }!
            places[e.address.path(formRepeated: true)] = ("xl/worksheets/sheet\(k + 1).xml", e.sheet, e.ref)
        }
        self.places = places
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        parts = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts.append((entry.path, data))
        }
    }

    static func export(_ ws: Workspace) throws -> [UInt8] {
        let ev = ws.evaluation
        return try PrintXLSX.render(scorecard: ScorecardBuilder.build(ev), evaluation: ev)
    }

    func bytes() throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for p in parts {
            try archive.addEntry(with: p.name, type: .file, uncompressedSize: Int64(p.data.count), compressionMethod: .deflate) { pos, size in
                p.data.subdata(in: Int(pos)..<min(Int(pos) + size, p.data.count))
            }
        }
        return [UInt8](archive.data!)
    }

    func text(_ name: String) -> String { String(decoding: parts.first { $0.name == name }!.data, as: UTF8.self) }
    mutating func setText(_ name: String, _ text: String) {
        if let k = parts.firstIndex(where: { $0.name == name }) { parts[k].data = Data(text.utf8) } else { parts.append((name, Data(text.utf8))) }
    }

    /// Where the cell map puts a draft path: (sheet part, sheet name, reference).
    func locate(_ path: String) throws -> (part: String, sheet: String, ref: String) { places[path]! }

    /// Replaces the cell at `path` with `inner` (attributes after r=, then the content), keeping its style.
    mutating func set(_ path: String, _ inner: String) throws {
        let (part, _, ref) = try locate(path)
        var xml = text(part)
        let open = "<c r=\"\(ref)\""
        let start = xml.range(of: open)!
        let rest = xml[start.upperBound...]
        let gt = rest.firstIndex(of: ">")!
        let end = rest[rest.index(before: gt)] == "/" ? rest.index(after: gt) : rest.range(of: "</c>")!.upperBound
        let head = rest[..<gt]
        let style = head.range(of: " s=\"").map { r in String(head[r.lowerBound..<head[r.upperBound...].firstIndex(of: "\"")!]) + "\"" } ?? ""
        xml.replaceSubrange(start.lowerBound..<end, with: open + style + inner)
        setText(part, xml)
    }

    mutating func setNumber(_ path: String, _ v: String) throws { try set(path, "><v>\(v)</v></c>") }
    mutating func setInline(_ path: String, _ s: String) throws { try set(path, " t=\"inlineStr\"><is><t>\(XML.escape(s))</t></is></c>") }

    /// Every inline string of every sheet moved into xl/sharedStrings.xml, as Excel and WPS save: the
    /// first string as rich-text runs with a phonetic run (which is not part of the text).
    mutating func shareStrings() {
        var table: [String] = []
        var index: [String: Int] = [:]
        for k in parts.indices where parts[k].name.hasPrefix("xl/worksheets/") {
            var xml = String(decoding: parts[k].data, as: UTF8.self)
            var out = ""
            while let r = xml.range(of: " t=\"inlineStr\"><is><t xml:space=\"preserve\">") ?? xml.range(of: " t=\"inlineStr\"><is><t>") {
                let close = xml[r.upperBound...].range(of: "</t></is>")!
                let escaped = String(xml[r.upperBound..<close.lowerBound])
                let n = index[escaped] ?? { table.append(escaped); index[escaped] = table.count - 1; return table.count - 1 }()
                out += xml[..<r.lowerBound] + " t=\"s\"><v>\(n)</v>"
                xml = String(xml[close.upperBound...])
            }
            parts[k].data = Data((out + xml).utf8)
        }
        var sst = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"\(PrintXLSX.mainNS)\" count=\"\(table.count)\" uniqueCount=\"\(table.count)\">"
        for (k, s) in table.enumerated() {
            if k == 0, s.count > 1 {
                let cut = s.index(after: s.startIndex)
                sst += "<si><r><t>\(s[..<cut])</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">\(s[cut...])</t></r><rPh sb=\"0\" eb=\"1\"><t>ピン</t></rPh></si>"
            } else {
                sst += "<si><t xml:space=\"preserve\">\(s)</t></si>"
            }
        }
        setText("xl/sharedStrings.xml", sst + "</sst>")
        var rels = text("xl/_rels/workbook.xml.rels")
        rels = rels.replacingOccurrences(of: "</Relationships>", with: "<Relationship Id=\"rIdSST\" Type=\"\(PrintXLSX.relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>")
        setText("xl/_rels/workbook.xml.rels", rels)
        var types = text("[Content_Types].xml")
        types = types.replacingOccurrences(of: "</Types>", with: "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>")
        setText("[Content_Types].xml", types)
    }
}
