import Foundation
import JixiaoKit
import ZIPFoundation

/// The cells of a workbook as Excel, WPS and LibreOffice write them: sheets found through the
/// workbook's relationships, shared strings (rich-text runs joined, phonetic runs left out), inline
/// strings, formula results and numbers. Only what `jixiao import` needs: values, and whether a cell
/// holds a formula; styles are not read.
public struct XLSXBook: Sendable {
    public enum Value: Equatable, Sendable {
        case empty
        /// The number as written in the file ("993.6", "1.0000000000000001E-2").
        case number(String)
        case text(String)
        case bool(Bool)
        /// An error value (#DIV/0!).
        case error(String)
    }

    public struct Cell: Equatable, Sendable {
        public var value: Value
        public var hasFormula: Bool
        /// The formula's text; empty for a cell that shares another's (`<f t="shared" si="0"/>`).
        public var formula: String = ""
    }

    public struct Sheet: Sendable {
        public var name: String
        public var hidden: Bool
        /// By reference in capitals ("B7").
        public var cells: [String: Cell]
    }

    public var sheets: [Sheet]

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    public enum ReadError: Error, Equatable, Sendable {
        /// Not a zip, or a part the workbook needs is missing.
        case notAWorkbook(String)
        /// Some part is larger than a workbook of forms can be.
        case tooLarge(part: String)
        case badXML(part: String, line: Int)
    }

    /// Uncompressed size allowed for one part (a sheet of 20,000 rows is a few megabytes).
    static let partLimit = 64 << 20

    public static func read(_ bytes: [UInt8]) throws(ReadError) -> XLSXBook {
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch { throw .notAWorkbook("zip") }
        func part(_ path: String) throws(ReadError) -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= partLimit else { throw .tooLarge(part: path) }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    data.append(chunk)
                    if data.count > partLimit { throw ReadError.tooLarge(part: path) }
                }
            } catch let e as ReadError { throw e } catch { throw .notAWorkbook(path) }
            return data
        }
        func parse(_ path: String, _ handler: some XMLEvents) throws(ReadError) {
            guard let data = try part(path) else { throw .notAWorkbook(path) }
            do { try XMLScanner.scan(Array(data), into: handler) } catch { throw .badXML(part: path, line: error.line) }
        }
        let workbook = WorkbookHandler()
        try parse("xl/workbook.xml", workbook)
        let rels = RelationshipsHandler()
        try parse("xl/_rels/workbook.xml.rels", rels)
        var strings: [String] = []
        if let target = rels.targets.first(where: { $0.value.type.hasSuffix("/sharedStrings") })?.value.target {
            let shared = SharedStringsHandler()
            try parse(resolve(target), shared)
            strings = shared.strings
        }
        var sheets: [Sheet] = []
        for s in workbook.sheets {
            guard let target = rels.targets[s.relationship]?.target else { throw .notAWorkbook("xl/_rels/workbook.xml.rels") }
            let handler = SheetHandler(strings: strings)
            try parse(resolve(target), handler)
            sheets.append(Sheet(name: s.name, hidden: s.hidden, cells: handler.cells))
        }
        return XLSXBook(sheets: sheets)
    }

    /// A relationship target, relative to xl/ or absolute from the package root.
    static func resolve(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// "B7" → (column 1, row 6), 0-based; nil for anything else.
    public static func position(_ ref: String) -> (column: Int, row: Int)? {
        var column = 0
        var letters = 0
        var digits = Substring(ref)
        for u in ref.unicodeScalars {
            guard (65...90).contains(u.value) else { break }
            column = column * 26 + Int(u.value - 64)
            letters += 1
        }
        digits = digits.dropFirst(letters)
        guard letters > 0, letters <= 3, let row = Int(digits), row >= 1 else { return nil }
        return (column - 1, row - 1)
    }
}

/// Element and attribute names without their namespace prefix: writers differ in the prefix they use
/// (none, `x:`), never in the local name.
enum XMLHandler {
    static func local(_ name: String) -> Substring {
        name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? Substring(name)
    }

    static func attribute(_ attrs: [String: String], _ name: String, prefixed: Bool = false) -> String? {
        for (k, v) in attrs where local(k) == name && (!prefixed || k.contains(":")) { return v }
        return nil
    }
}

final class WorkbookHandler: XMLEvents {
    struct Entry { let name: String; let relationship: String; let hidden: Bool }
    var sheets: [Entry] = []

    func start(_ name: String, attributes: [String: String]) {
        guard XMLHandler.local(name) == "sheet", let n = attributes["name"], let rid = XMLHandler.attribute(attributes, "id", prefixed: true) else { return }
        sheets.append(Entry(name: n, relationship: rid, hidden: (attributes["state"] ?? "visible") != "visible"))
    }
}

final class RelationshipsHandler: XMLEvents {
    var targets: [String: (type: String, target: String)] = [:]

    func start(_ name: String, attributes: [String: String]) {
        guard XMLHandler.local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = (attributes["Type"] ?? "", target)
    }
}

/// Text of `<si>` items, or of an `<is>` inline string: the `<t>` elements outside phonetic runs.
struct RichText {
    var text = ""
    var inText = false
    var phonetic = 0

    mutating func start(_ local: Substring) {
        if local == "rPh" { phonetic += 1 } else if local == "t" && phonetic == 0 { inText = true }
    }

    mutating func end(_ local: Substring) {
        if local == "rPh" { phonetic -= 1 } else if local == "t" { inText = false }
    }

    mutating func characters(_ s: String) { if inText { text += s } }
}

final class SharedStringsHandler: XMLEvents {
    var strings: [String] = []
    var current: RichText?

    func start(_ name: String, attributes: [String: String]) {
        let l = XMLHandler.local(name)
        if l == "si" { current = RichText() } else { current?.start(l) }
    }

    func end(_ name: String) {
        let l = XMLHandler.local(name)
        if l == "si", let c = current { strings.append(c.text); current = nil } else { current?.end(l) }
    }

    func text(_ s: String) { current?.characters(s) }
}

final class SheetHandler: XMLEvents {
    let strings: [String]
    var cells: [String: XLSXBook.Cell] = [:]
    var row = 0
    var column = -1
    var ref = ""
    var type = "n"
    var formula = false
    var formulaText = ""
    var inFormula = false
    var value: String?
    var inValue = false
    var inline: RichText?

    init(strings: [String]) { self.strings = strings }

    func start(_ name: String, attributes: [String: String]) {
        switch XMLHandler.local(name) {
        case "row":
            // A writer may leave out r=: rows and cells then follow one another.
            if let r = attributes["r"].flatMap(Int.init) { row = r - 1 } else { row += 1 }
            column = -1
        case "c":
            if let r = attributes["r"], let p = XLSXBook.position(r.uppercased()) { column = p.column; row = p.row } else { column += 1 }
            ref = ExcelFormula.columnName(column) + String(row + 1)
            type = attributes["t"] ?? "n"
            formula = false
            formulaText = ""
            value = nil
            inline = nil
        case "f": formula = true; inFormula = true
        case "v": inValue = true; value = value ?? ""
        case "is": inline = RichText()
        case let l: inline?.start(l)
        }
    }

    func end(_ name: String) {
        switch XMLHandler.local(name) {
        case "v": inValue = false
        case "f": inFormula = false
        case "c": cells[ref] = XLSXBook.Cell(value: cellValue(), hasFormula: formula, formula: formulaText)
        case "row": break
        case let l: inline?.end(l)
        }
    }

    func text(_ s: String) {
        if inValue { value? += s } else if inFormula { formulaText += s } else { inline?.characters(s) }
    }

    func cellValue() -> XLSXBook.Value {
        switch type {
        case "s":
            guard let v = value, let k = Int(v.trimmingCharacters(in: .whitespaces)), k >= 0, k < strings.count else { return .empty }
            return .text(strings[k])
        case "inlineStr": return inline.map { .text($0.text) } ?? .empty
        case "str", "d": return value.map { .text($0) } ?? .empty
        case "b": return value.map { .bool($0.trimmingCharacters(in: .whitespaces) == "1") } ?? .empty
        case "e": return .error(value ?? "")
        default:
            guard let v = value?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return .empty }
            return .number(v)
        }
    }
}
