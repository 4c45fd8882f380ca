import Foundation
import ZIPFoundation
import JixiaoKit

/// How a file already on disk is recognised as an earlier printout of the same kind, which a new one
/// may replace without `--force`. Each format carries its own sign of having been written by Jixiao:
///
/// - text: one of its first lines is the heading `2023 年度 · 模板：…`, followed by a rule of `=`;
/// - html: `<meta name="generator" content="Jixiao">` in its head;
/// - csv: the byte-order mark, then (after the 草稿 line, if any) the same first record as the new
///   file (the form's heading, `附件1,,,…`);
/// - xlsx: `docProps/app.xml` names Jixiao as the application;
/// - docx: the same, in a package that has `word/document.xml`.
///
/// Anything else (another program's file, a draft, an empty file) is not ours.
public enum ExportMarker {
    /// In the head of every HTML printout.
    public static let htmlGenerator = "<meta name=\"generator\" content=\"Jixiao\">"
    /// In `docProps/app.xml` of every workbook.
    public static let xlsxApplication = "<Application>Jixiao</Application>"

    /// How much of a file is read to recognise it; a workbook larger than this is not recognised.
    static let textLimit = 1 << 16
    static let workbookLimit = 64 << 20

    /// Whether `existing` (the first bytes of the file on disk, `complete` when that is all of it)
    /// is an earlier printout of `format`; `new` is what is about to be written.
    static func isExport(_ existing: [UInt8], complete: Bool, format: PrintJob.Format, new: [UInt8]) -> Bool {
        switch format {
        case .text: return isText(existing)
        case .html: return String(decoding: existing.prefix(2048), as: UTF8.self).contains(htmlGenerator)
        case .csv: return csvHeading(existing) != nil && csvHeading(existing) == csvHeading(new)
        case .xlsx: return complete && isWorkbook(existing)
        case .docx: return complete && isWorkbook(existing, mainPart: "word/document.xml")
        }
    }

    static func isText(_ bytes: [UInt8]) -> Bool {
        let lines = String(decoding: bytes.prefix(4096), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).prefix(12)
        let heading = " \(PrintWords.year) · \(PrintWords.template)\(PrintWords.colon)"
        guard let k = lines.firstIndex(where: { line in
            guard let r = line.range(of: heading) else { return false }
            let year = line[..<r.lowerBound]
            return !year.isEmpty && year.allSatisfy { $0.isASCII && $0.isNumber }
        }) else { return false }
        return lines[k...].contains { $0.count >= 20 && $0.allSatisfy { $0 == "=" } }
    }

    /// The first record after the byte-order mark and the 草稿 line, if the file starts with the mark.
    static func csvHeading(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.starts(with: PrintCSV.byteOrderMark) else { return nil }
        var records = bytes.dropFirst(PrintCSV.byteOrderMark.count).split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
        let draftLine = Array((PrintWords.draft + " · ").utf8)
        if let first = records.first, first.starts(with: draftLine) { records.removeFirst() }
        guard records.count >= 2, let heading = records.first, heading.last == 0x0D else { return nil }
        return Array(heading)
    }

    /// A package whose `docProps/app.xml` names Jixiao (and, for a document, that has `mainPart`).
    static func isWorkbook(_ bytes: [UInt8], mainPart: String? = nil) -> Bool {
        guard let archive = try? Archive(data: Data(bytes), accessMode: .read), let entry = archive["docProps/app.xml"] else { return false }
        if let mainPart, archive[mainPart] == nil { return false }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                xml.append(chunk)
                if xml.count > textLimit { throw ArchiveTooLarge() }
            }
        } catch { return false }
        return String(decoding: xml, as: UTF8.self).contains(xlsxApplication)
    }

    struct ArchiveTooLarge: Error {}
}
