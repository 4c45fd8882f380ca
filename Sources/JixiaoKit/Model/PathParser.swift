/// A path as typed on the command line: `A.staff.actual`, `C[2].total.actual`, `B.quantity[3].target`,
/// `A.specialItem[+].label` (a new instance), `C[$].name.value` (the last instance).
public struct TypedPath: Equatable, Sendable {
    public enum Index: Equatable, Sendable { case none, number(Int), append, last }
    public var form: String
    public var formIndex: Index
    public var row: String
    public var rowIndex: Index
    public var column: String?

    /// Splits `FORM[i].ROW[j].COL`; the column may be missing (`--remove A.specialItem[2]`, `C[3]`).
    public static func parse(_ text: String) throws(EditError) -> TypedPath {
        func split(_ part: Substring) throws(EditError) -> (String, Index) {
            guard let open = part.firstIndex(of: "[") else { return (String(part), .none) }
            guard part.last == "]" else { throw .badPath(text) }
            let name = String(part[..<open])
            let inner = part[part.index(after: open)..<part.index(before: part.endIndex)]
            switch inner {
            case "+": return (name, .append)
            case "$": return (name, .last)
            default:
                guard let n = Int(inner), n >= 1 else {
                    // A number that is not an instance ([0], [-1], [99999999999999999999]) says so; other text is a bad path.
                    let digits = inner.hasPrefix("-") ? inner.dropFirst() : inner
                    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .badPath(text) }
                    throw .badIndex(path: text, index: String(inner))
                }
                return (name, .number(n - 1))
            }
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else { throw .badPath(text) }
        let (form, fi) = try split(parts[0])
        if parts.count == 1 { return TypedPath(form: form, formIndex: fi, row: "", rowIndex: .none, column: nil) }
        let (row, ri) = try split(parts[1])
        return TypedPath(form: form, formIndex: fi, row: row, rowIndex: ri, column: parts.count == 3 ? String(parts[2]) : nil)
    }

    /// Resolves `+` and `$` against the draft, adding instances for `+`.
    public func resolve(in draft: inout Draft, editor: DraftEditor) throws(EditError) -> CellAddress {
        guard let form = editor.template.form(self.form) else { throw .unknownForm(self.form) }
        let count = draft.instances(of: form.id).count
        let fi: Int
        switch formIndex {
        case .none: fi = 0
        case let .number(n): fi = n
        case .last: fi = count - 1
        case .append: fi = try editor.addInstance(&draft, form: form.id)
        }
        guard fi >= 0, fi < draft.instances(of: form.id).count else {
            throw .noSuchInstance(path: self.form + "[\(fi + 1)]", count: count)
        }
        guard let row = form.row(self.row) else { throw .unknownRow(form: form.id, row: self.row) }
        var ri: Int?
        if row.repeating != nil {
            let rc = draft.forms[form.id]![fi].count(of: row.id)
            switch rowIndex {
            case .none: throw .badPath("\(self.form).\(self.row)（重复行须写序号，如 \(self.row)[1] 或 \(self.row)[+]）")
            case let .number(n): ri = n
            case .last: ri = rc - 1
            case .append: ri = try editor.addRow(&draft, form: form.id, formIndex: fi, row: row.id)
            }
        } else if rowIndex != .none {
            throw .notRepeated(row.id)
        }
        return CellAddress(form: form.id, formIndex: fi, row: row.id, rowIndex: ri, column: column ?? "")
    }
}
