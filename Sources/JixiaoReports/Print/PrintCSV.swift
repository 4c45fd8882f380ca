import Foundation
import JixiaoKit

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
/// spreadsheets read back as numbers. A text that a spreadsheet would take for a formula (`=…`, `+…`,
/// `-…`, `@…`, or a leading tab or carriage return) is written as OWASP's CSV-injection guidance says:
/// quoted, behind a single quote (`"'=HYPERLINK(…)"`), so it opens as the text it is.
public enum PrintCSV {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func render(scorecard: Scorecard, evaluation ev: Evaluation, draftMark: DraftMark? = nil) -> [PrintedFile] {
        var used = Set<String>()
        return FormLayout.forms(ev).map { form in
            let grid = SheetGrid(form: form, draftMark: draftMark)
            return PrintedFile(name: uniqueName(fileName(form.short), extension: "csv", used: &used), bytes: byteOrderMark + Array(text(grid).utf8))
        }
    }

    /// The grid's rows as CSV records.
    static func text(_ grid: SheetGrid) -> String {
        var text = ""
        for (r, row) in grid.rows.enumerated() {
            let fields = row.enumerated().map { c, cell -> String in
                guard let cell, !grid.isCovered(r, c) else { return "" }
                return field(cell.text, number: isNumber(cell))
            }
            text += fields.joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// One record of texts, neutralised and quoted as every field of the printout is, with its CRLF.
    public static func record(_ texts: [String]) -> String {
        texts.map { field($0) }.joined(separator: ",") + "\r\n"
    }

    /// A figure of a numeric cell: written as displayed, a leading minus and all.
    static func isNumber(_ cell: SheetGrid.Cell) -> Bool {
        guard let printed = cell.printed, printed.kind.isNumeric, case .number = printed.value else { return false }
        return true
    }

    /// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A text
    /// (`number` false) that starts like a formula is quoted behind a single quote. Looked at scalar
    /// by scalar: a prepended mark such as U+0600 joins the next character into one `Character`,
    /// which would hide a comma or a quote from a `Character` comparison.
    static func field(_ s: String, number: Bool = false) -> String {
        let formulaLike = !number && s.unicodeScalars.first.map(formulaStarts.contains) == true
        guard formulaLike || s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = String.UnicodeScalarView()
        out.append("\"")
        if formulaLike { out.append("'") }
        for u in s.unicodeScalars {
            out.append(u)
            if u == "\"" { out.append("\"") }
        }
        out.append("\"")
        return String(out)
    }

    /// What makes a spreadsheet read a cell as a formula (OWASP, CSV Injection).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A name safe on every file system: path separators, reserved and control characters become "_".
    static func fileName(_ s: String) -> String {
        let reserved: Set<Unicode.Scalar> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        var cleaned = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            cleaned.append(reserved.contains(u) || VisibleText.needsEscape(u) || u == "\u{2028}" || u == "\u{2029}" ? "_" : u)
        }
        let name = String(cleaned).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "_" : name
    }

    static func uniqueName(_ base: String, extension ext: String, used: inout Set<String>) -> String {
        var name = "\(base).\(ext)"
        var k = 2
        while used.contains(name) { name = "\(base)(\(k)).\(ext)"; k += 1 }
        used.insert(name)
        return name
    }
}
