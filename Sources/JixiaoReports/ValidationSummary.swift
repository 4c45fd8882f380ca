import Foundation
import JixiaoKit

/// The outcome of `jixiao validate` for one file: checked, with what the summary shows, or unreadable.
public struct ValidatedDraft: Sendable {
    public let file: String
    /// nil when the file could not be read; `message` then says why.
    public let scorecard: Scorecard?
    public let message: String?

    public init(file: String, scorecard: Scorecard) {
        self.file = file
        self.scorecard = scorecard
        self.message = nil
    }

    public init(file: String, unreadable message: String) {
        self.file = file
        self.scorecard = nil
        self.message = message
    }

    public var problems: [Problem] { scorecard?.problems ?? [] }
    public func count(_ s: Severity) -> Int { problems.filter { $0.severity == s }.count }

    /// The draft's headline 总分 and 评价等次: those of the first form on the scorecard that has a
    /// total (附件2 of the unit kit, the report form, the Henan table), as the paper puts them first.
    public var total: Value? { scorecard?.forms.first { $0.total?.isFilled == true }?.total }
    public var grade: Value? { scorecard?.forms.first { $0.total?.isFilled == true }?.grade }
}

/// `jixiao validate` of many files: the one-screen summary, all problems as CSV, and the JSON shape
/// that is the same for one file or many.
public enum ValidationSummary {
    /// The summary's rows: a heading, then one row per draft (file, unit, year, errors, warnings,
    /// notes, total, grade), fields unescaped: the caller escapes them for where they go.
    public static func rows(_ drafts: [ValidatedDraft]) -> [[String]] {
        var out = [ValidationText.summaryHeading]
        for d in drafts {
            guard let card = d.scorecard else {
                out.append([d.file, ValidationText.unreadable, "", "", "", "", "", ""])
                continue
            }
            out.append([d.file, card.unit.isEmpty ? ReportText.noUnit : card.unit, String(card.year),
                        String(d.count(.error)), String(d.count(.warning)), String(d.count(.info)),
                        d.total.map { $0.number.map(NumberFormat.money) ?? ScoreReport.show($0) } ?? "—",
                        d.grade.map { ScoreReport.show($0, .text) } ?? "—"])
        }
        return out
    }

    /// The summary for a terminal: the rows with their control characters shown as escapes, in
    /// columns padded to the display width (a Chinese character takes two).
    public static func lines(_ drafts: [ValidatedDraft]) -> [String] {
        let table = rows(drafts).map { $0.map(VisibleText.line) }
        let widths = table[0].indices.map { c in table.map { TextWidth.width(of: $0[c]) }.max() ?? 0 }
        return table.map { row in
            row.enumerated().map { c, text in
                c == row.count - 1 ? text : text + String(repeating: " ", count: widths[c] - TextWidth.width(of: text) + 2)
            }.joined()
        }
    }

    /// Every problem of every file as CSV (UTF-8 with a byte-order mark, CRLF), one problem a record;
    /// an unreadable file is one record. Fields are neutralised as the printed CSV's are, and control
    /// characters are shown as escapes (a cell's text quoted in a message cannot reach a terminal raw).
    public static func csv(_ drafts: [ValidatedDraft]) -> String {
        var records = [ValidationText.csvHeading]
        for d in drafts {
            guard let card = d.scorecard else {
                records.append([d.file, "", "", ProblemReport.severityWord(.error), "", "", d.message ?? ValidationText.unreadable, "unreadable"])
                continue
            }
            for p in card.problems {
                records.append([d.file, card.unit, String(card.year), ProblemReport.severityWord(p.severity), p.path ?? "",
                                card.problemText.location(p), card.problemText.message(p), p.code])
            }
        }
        return String(decoding: PrintCSV.byteOrderMark, as: UTF8.self)
            + records.map { PrintCSV.record($0.map(VisibleText.line)) }.joined()
    }

    /// `{"files": [...], "errors": n, "warnings": n, "infos": n, "unreadable": n}` for one file or many.
    public static func json(_ drafts: [ValidatedDraft]) -> JSONValue {
        func n(_ k: Int) -> JSONValue { .number(String(k)) }
        let files: [JSONValue] = drafts.map { d in
            guard let card = d.scorecard else {
                return .object([("file", .string(d.file)), ("readable", .bool(false)), ("message", .string(d.message ?? ""))])
            }
            return .object([("file", .string(d.file)), ("readable", .bool(true)), ("unit", .string(card.unit)), ("year", n(card.year)),
                            ("errors", n(d.count(.error))), ("warnings", n(d.count(.warning))), ("infos", n(d.count(.info))),
                            ("total", ScoreReport.num(d.total)), ("grade", ScoreReport.num(d.grade)),
                            ("problems", .array(card.problems.map { ProblemReport.json($0, card.problemText) }))])
        }
        return .object([("files", .array(files)),
                        ("errors", n(drafts.map { $0.count(.error) }.reduce(0, +))),
                        ("warnings", n(drafts.map { $0.count(.warning) }.reduce(0, +))),
                        ("infos", n(drafts.map { $0.count(.info) }.reduce(0, +))),
                        ("unreadable", n(drafts.filter { $0.scorecard == nil }.count))])
    }
}
