import Foundation
import JixiaoKit

/// A printout written beside its draft (`2023.json` → `2023-自评得分.txt`, `2023.html`, `2023-附件1.csv`,
/// `2023.xlsx`, `2023.docx`): what the TUI's print preview writes, one call for every format.
public enum PrintJob {
    public enum Format: String, Sendable, CaseIterable {
        case text, html, csv, xlsx, docx
    }

    /// The files of a printout, named beside `draftPath`; nothing is written here.
    public static func files(_ format: Format, scorecard: Scorecard, evaluation ev: Evaluation, draftMark: DraftMark?,
                             width: Int, draftPath: String) throws -> [(path: String, bytes: [UInt8])] {
        let base = URL(fileURLWithPath: draftPath).deletingPathExtension().path
        switch format {
        case .text:
            let text = PrintText.render(scorecard: scorecard, evaluation: ev, width: width, draftMark: draftMark)
            return [(base + "-" + PrintWords.scorecardFileWord + ".txt", Array(text.utf8))]
        case .html:
            return [(base + ".html", Array(PrintHTML.render(scorecard: scorecard, evaluation: ev, draftMark: draftMark).utf8))]
        case .csv:
            return PrintCSV.render(scorecard: scorecard, evaluation: ev, draftMark: draftMark).map { (base + "-" + $0.name, $0.bytes) }
        case .xlsx:
            return [(base + ".xlsx", try PrintXLSX.render(scorecard: scorecard, evaluation: ev, draftMark: draftMark))]
        case .docx:
            return [(base + ".docx", try PrintDOCX.render(scorecard: scorecard, evaluation: ev, draftMark: draftMark))]
        }
    }

    /// Writes the files beside the draft as `ExportWriter` does (each atomically, 0600, never over the
    /// draft's own files); a name taken by a file that is not an earlier printout gives way to a
    /// numbered one. Returns the paths written.
    public static func write(_ files: [(path: String, bytes: [UInt8])], format: Format, draftPath: String) throws(ExportError) -> [String] {
        try ExportWriter.write(files, format: format, draftPath: draftPath, existing: .renumber)
    }
}
