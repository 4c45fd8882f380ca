import Foundation

/// A file the printouts produce: its name (no folder) and its bytes.
public struct PrintedFile: Sendable, Equatable {
    public let name: String
    public let bytes: [UInt8]
}

/// Every form as CSV, one file per form and per project (附件1.csv, 附件3-2.csv), laid out as the
/// XLSX sheet is: title rows, then each section's heading row and lines; a merged area keeps its text
/// in its first cell and leaves the others empty. UTF-8 with a byte-order mark, because Excel and WPS
/// read a CSV without one in the local code page (GBK) and garble the Chinese; RFC 4180 quoting and
/// CRLF line ends. Figures are written as the library displays them (993.60, 100%), which both
/// spreadsheets read back as numbers.
public enum PrintCSV {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func render(scorecard: Scorecard, evaluation ev: Evaluation, draftMark: DraftMark? = nil) -> [PrintedFile] {
        var used = Set<String>()
        return FormLayout.forms(ev).map { form in
            let grid = SheetGrid(form: form, draftMark: draftMark)
            var text = ""
            for (r, row) in grid.rows.enumerated() {
                let fields = row.enumerated().map { c, cell in grid.isCovered(r, c) ? "" : (cell?.text ?? "") }
                text += fields.map(field).joined(separator: ",") + "\r\n"
            }
            return PrintedFile(name: uniqueName(fileName(form.short), extension: "csv", used: &used), bytes: byteOrderMark + Array(text.utf8))
        }
    }

    /// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A name safe on every file system: path separators and reserved characters become "_".
    static func fileName(_ s: String) -> String {
        let reserved: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        let cleaned = String(s.map { reserved.contains($0) || $0.isNewline ? "_" : $0 }).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? "_" : cleaned
    }

    static func uniqueName(_ base: String, extension ext: String, used: inout Set<String>) -> String {
        var name = "\(base).\(ext)"
        var k = 2
        while used.contains(name) { name = "\(base)(\(k)).\(ext)"; k += 1 }
        used.insert(name)
        return name
    }
}
