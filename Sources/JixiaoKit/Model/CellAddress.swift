/// A cell of a draft: which form instance, which row (instance), which column. Its text form is the
/// stable path the CLI and the problem list use: `A.staff.actual`, `C[2].total.actual`,
/// `B.quantity[3].target`, `A.specialItem[2].label` (indexes from 1 for people).
public struct CellAddress: Hashable, Sendable, CustomStringConvertible, Comparable {
    public var form: String
    /// 0-based instance of the form (0 for a single form).
    public var formIndex: Int
    public var row: String
    /// 0-based instance of a repeated row; nil for a single row.
    public var rowIndex: Int?
    /// A column id, or `label` for a named repeated row's own label.
    public var column: String

    public static let labelColumn = "label"

    public init(form: String, formIndex: Int = 0, row: String, rowIndex: Int? = nil, column: String) {
        self.form = form
        self.formIndex = formIndex
        self.row = row
        self.rowIndex = rowIndex
        self.column = column
    }

    public var description: String { path(formRepeated: formIndex > 0) }

    /// The path text; `formRepeated` writes the form index even for the first instance.
    public func path(formRepeated: Bool) -> String {
        var s = form
        if formRepeated { s += "[\(formIndex + 1)]" }
        s += "." + row
        if let rowIndex { s += "[\(rowIndex + 1)]" }
        return s + "." + column
    }

    public static func < (a: CellAddress, b: CellAddress) -> Bool {
        (a.form, a.formIndex, a.row, a.rowIndex ?? -1, a.column) < (b.form, b.formIndex, b.row, b.rowIndex ?? -1, b.column)
    }
}
