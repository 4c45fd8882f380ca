/// How next year's draft is made from this year's (`jixiao next`), declared by the template so that
/// which cells are plans (kept) and which are this year's facts (cleared) is the form kit's knowledge,
/// not the program's. Anything no `keep` selects is cleared; named repeated rows keep their instances
/// and names whatever is selected.
public struct NextYearSpec: Sendable {
    /// Cells copied as they are.
    public var keep: [CellSelector] = []
    /// Where a `{Y-1}` figure of next year is this year's `{Y}` figure.
    public var previous: [PreviousYearCopy] = []

    public init(keep: [CellSelector] = [], previous: [PreviousYearCopy] = []) {
        self.keep = keep
        self.previous = previous
    }

    /// The selector that keeps this cell, if any (the first one).
    public func keeper(form: String, row: RowSpec, column: String) -> CellSelector? {
        keep.first { $0.matches(form: form, row: row, column: column) }
    }
}

/// A set of entered cells of one form: every row of `section` (or the listed `rows`), every column
/// (or the listed `columns`). `review`: the kept value is a starting point marked 「沿用上年，请核对」.
public struct CellSelector: Sendable {
    public let form: String
    public let section: String?
    public let rows: Set<String>?
    public let columns: Set<String>?
    public let review: Bool

    public init(form: String, section: String? = nil, rows: Set<String>? = nil, columns: Set<String>? = nil, review: Bool = false) {
        self.form = form
        self.section = section
        self.rows = rows
        self.columns = columns
        self.review = review
    }

    public func matches(form f: String, row: RowSpec, column: String) -> Bool {
        f == form && (section.map { $0 == row.sectionID } ?? true) && (rows?.contains(row.id) ?? true)
            && (columns?.contains(column) ?? true) && row.columnIDs.contains(column) && row.formulas[column] == nil
    }
}

/// One `{Y-1}` ← `{Y}` correspondence. Either a column pair within a section (last year's final
/// figures ← this year's, row by row and instance by instance), or one cell from one cell of any form
/// (a rubric's prior-year figure ← a total of the report), the source possibly computed.
public enum PreviousYearCopy: Sendable {
    case columns(form: String, section: String, from: String, to: String)
    case cell(from: FormCellRef, to: FormCellRef)
}

/// A cell of a single form: "FORM.ROW.COLUMN".
public struct FormCellRef: Sendable, Hashable, CustomStringConvertible {
    public let form: String
    public let cell: CellRef

    public var description: String { "\(form).\(cell)" }

    public static func parse(_ s: String) -> FormCellRef? {
        guard let dot = s.firstIndex(of: "."), let ref = CellRef.parse(String(s[s.index(after: dot)...])) else { return nil }
        let form = String(s[..<dot])
        return form.isEmpty ? nil : FormCellRef(form: form, cell: ref)
    }
}
