import Foundation
import JixiaoKit

/// Why a workbook could not be read back into a draft. Each refusal names the sheet and cell; worded
/// in `ImportText`.
public enum ImportRefusal: Equatable, Sendable {
    /// The workbook has no cell map: not written by `jixiao print --format xlsx`.
    case noCellMap
    /// Written for another draft (template, year or unit differ).
    case otherDraft(found: XLSXCellMap.Identity, expected: XLSXCellMap.Identity)
    /// Written before projects or rows were added, removed or renamed in the draft.
    case reshaped
    /// A sheet the map names is not in the workbook (renamed or deleted).
    case missingSheet(String)
    /// A computed cell holds neither a formula nor a value the draft would compute.
    case computedChanged(sheet: String, ref: String, location: String, found: String)
    /// A value that does not parse for its cell.
    case badValue(sheet: String, ref: String, location: String, message: String)
}

public enum ImportError: Error, Equatable, Sendable {
    case unreadable(XLSXBook.ReadError)
    case refused([ImportRefusal])
}

/// One cell the workbook changes.
public struct WorkbookChange: Sendable, Equatable {
    public let address: CellAddress
    public let sheet: String
    public let ref: String
    /// "附件1 财政供养人员情况(人) · 财政供养人员 · 编制数".
    public let location: String
    public let old: String
    public let new: String
}

/// Reads a workbook written by `PrintXLSX` (and edited elsewhere) back into the draft it came from:
/// every mapped input cell whose value differs from the draft is a change, applied through
/// `DraftEditor` as `jixiao set` applies its edits — all of them, or, at the first refusal, none.
public enum WorkbookImport {
    public struct Plan: Sendable {
        public let changes: [WorkbookChange]
        /// The draft with every change applied.
        public let draft: Draft
    }

    public static func plan(_ bytes: [UInt8], draft: Draft, template: Template) throws(ImportError) -> Plan {
        let book: XLSXBook
        do { book = try XLSXBook.read(bytes) } catch { throw .unreadable(error) }
        return try plan(book, draft: draft, template: template)
    }

    public static func plan(_ book: XLSXBook, draft: Draft, template: Template) throws(ImportError) -> Plan {
        guard let mapSheet = book.sheets.last(where: { $0.name.hasPrefix(XLSXCellMap.sheetName) }),
              let map = XLSXCellMap.read({ c, r in text(mapSheet.cells[ExcelFormula.columnName(c) + String(r + 1)]) }) else {
            throw .refused([.noCellMap])
        }
        let expected = XLSXCellMap.identity(draft, template: template)
        let found = map.identity
        guard found.templateID == expected.templateID, found.year == expected.year, found.unit == expected.unit else {
            throw .refused([.otherDraft(found: found, expected: expected)])
        }
        guard found.shape == expected.shape else { throw .refused([.reshaped]) }
        let missing = Set(map.entries.map(\.sheet)).filter { book.sheet($0) == nil }.sorted()
        guard missing.isEmpty else { throw .refused(missing.map(ImportRefusal.missingSheet)) }

        let editor = DraftEditor(template: template)
        let labels = Labels(template: template, draft: draft)
        var work = draft
        var changes: [WorkbookChange] = []
        var refusals: [ImportRefusal] = []
        for e in map.entries where !e.computed {
            let a = e.address
            let isLabel = a.column == CellAddress.labelColumn
            guard let form = template.form(a.form), let row = form.row(a.row),
                  let kind = isLabel ? (row.repeating?.named == true ? CellKind.text : nil) : form.section(row.sectionID)?.column(a.column)?.kind else {
                refusals.append(.badValue(sheet: e.sheet, ref: e.ref, location: a.description, message: ImportText.notInTemplate))
                continue
            }
            let before = current(work, a)
            let raw = book.sheet(e.sheet)?.cells[e.ref]
            let input: String
            switch inputText(raw?.value ?? .empty, kind: kind) {
            case let .success(t): input = t
            case let .failure(why):
                refusals.append(.badValue(sheet: e.sheet, ref: e.ref, location: labels.location(a), message: why.message))
                continue
            }
            // Text kept as it was typed in a number cell (`invalid`) and shown back unchanged is no change;
            // nor is an unnamed row's printed stand-in name (专项 第3个专项).
            if case let .invalid(s)? = before, s == input { continue }
            if isLabel && before == nil && input == labels.rowLabel(form, index: a.formIndex, row: row, rowIndex: a.rowIndex) { continue }
            let wasCarried = work.forms[a.form]?[safe: a.formIndex]?.isCarried(row: a.row, index: a.rowIndex, column: a.column) ?? false
            do { try editor.set(&work, a, text: input) } catch {
                refusals.append(.badValue(sheet: e.sheet, ref: e.ref, location: labels.location(a), message: EditText.message(error)))
                continue
            }
            let after = current(work, a)
            if after == before {
                // Unchanged in the workbook is not looked at: the 沿用上年 mark stays.
                if wasCarried { work.forms[a.form]![a.formIndex].setCarried(row: a.row, index: a.rowIndex, column: a.column, true) }
                continue
            }
            changes.append(WorkbookChange(address: a, sheet: e.sheet, ref: e.ref, location: labels.location(a),
                                          old: CheckText.show(before?.value ?? .empty, kind: kind),
                                          new: CheckText.show(after?.value ?? .empty, kind: kind)))
        }
        let ev = Evaluation(template: template, draft: work)
        for e in map.entries where e.computed {
            // The exported formula, perhaps recomputed by the spreadsheet, is the template's: the draft
            // computes its own. Another formula is a change to a computed cell.
            let raw = book.sheet(e.sheet)?.cells[e.ref] ?? XLSXBook.Cell(value: .empty, hasFormula: false)
            let a = e.address
            if raw.hasFormula {
                if raw.formula.isEmpty || sameFormula(raw.formula, e.formula) { continue }
                refusals.append(.computedChanged(sheet: e.sheet, ref: e.ref, location: labels.location(a), found: "=" + raw.formula))
                continue
            }
            guard let form = template.form(a.form), let row = form.row(a.row) else { continue }
            let kind = form.section(row.sectionID)?.column(a.column)?.kind ?? .text
            if same(raw.value, asText: e.exported) || same(raw.value, ev.value(a), kind: kind, tolerance: template.settings.tolerance) { continue }
            refusals.append(.computedChanged(sheet: e.sheet, ref: e.ref, location: labels.location(a), found: text(raw) ?? ""))
        }
        guard refusals.isEmpty else { throw .refused(refusals) }
        return Plan(changes: changes, draft: work)
    }

    /// The entry at `a`, a named row's name as text.
    static func current(_ d: Draft, _ a: CellAddress) -> Entry? {
        guard let e = d.forms[a.form]?[safe: a.formIndex] else { return nil }
        if a.column == CellAddress.labelColumn, let i = a.rowIndex { return e.rows[a.row]?[safe: i]?.label.map(Entry.text) }
        return e.entry(row: a.row, index: a.rowIndex, column: a.column)
    }

    struct Refused: Error { let message: String }

    /// What `DraftEditor.set` is given for a sheet value in a cell of `kind`, or why it cannot be.
    static func inputText(_ v: XLSXBook.Value, kind: CellKind) -> Result<String, Refused> {
        switch v {
        case .empty: return .success("")
        case let .text(s): return .success(s.replacingOccurrences(of: "\r\n", with: "\n"))
        case let .bool(b): return .success(b ? "TRUE" : "FALSE")
        case let .error(e): return .failure(Refused(message: ImportText.errorValue(e)))
        case let .number(s):
            guard let d = number(s) else { return .failure(Refused(message: ImportText.unreadableNumber(s))) }
            if kind.isNumeric { return .success(NumberInput.canonical(d, kind: kind)) }
            if kind == .date, let date = dateText(serial: d) { return .success(date) }
            return .success(d.plain)
        }
    }

    /// A number as spreadsheets write it ("993.60000000000002", "1E-2"), to the 15 significant digits
    /// they keep: the binary noise of the last two digits is not the accountant's.
    static func number(_ s: String) -> Decimal? {
        guard let x = Double(s), x.isFinite else { return nil }
        return Decimal(string: String(format: "%.15g", x), locale: Locale(identifier: "en_US_POSIX"))
    }

    /// A whole day serial of the 1900 date system (a date typed into a 填报日期 cell) as 2024-01-15.
    static func dateText(serial d: Decimal) -> String? {
        guard d == d.rounded(0), let n = Int(d.plain), (1...2_958_465).contains(n) else { return nil }
        let day = Date(timeIntervalSince1970: Double(n - 25569) * 86400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func text(_ cell: XLSXBook.Cell?) -> String? {
        switch cell?.value {
        case let .text(s)?: return s
        case let .number(s)?: return number(s)?.plain ?? s
        case let .bool(b)?: return b ? "TRUE" : "FALSE"
        case let .error(e)?: return e
        case .empty?, nil: return nil
        }
    }

    /// Formulas compared as spreadsheets rewrite them: absolute marks, quotes around sheet names,
    /// spaces and letter case aside.
    static func sameFormula(_ a: String, _ b: String) -> Bool {
        func norm(_ s: String) -> String {
            let body = s.hasPrefix("=") ? s.dropFirst() : Substring(s)
            return String(String.UnicodeScalarView(body.unicodeScalars.filter { $0 != "$" && $0 != "'" && $0 != " " })).uppercased()
        }
        return norm(a) == norm(b)
    }

    static func same(_ v: XLSXBook.Value, asText exported: String) -> Bool {
        switch v {
        case .empty: return exported.isEmpty
        case let .number(s): return number(s).map { $0 == NumberInput.decimal(exported) } ?? false
        default: return text(XLSXBook.Cell(value: v, hasFormula: false)) == exported
        }
    }

    static func same(_ raw: XLSXBook.Value, _ value: Value, kind: CellKind, tolerance: Decimal) -> Bool {
        switch (raw, value) {
        case (.empty, .empty), (.empty, .undefined): return true
        case let (.number(s), .number(d)):
            guard let n = number(s) else { return false }
            return abs(n - d) <= tolerance
        case let (.text(s), _): return s == ValueText.display(value, kind: kind) || s == value.text
        default: return false
        }
    }
}
