import Foundation

/// What the accountant entered, and nothing else: computed values are derived on load
/// (`Evaluation`), never trusted from a file.
public struct Draft: Equatable, Sendable {
    public var templateID: String
    public var templateVersion: String
    /// The evaluated year (Y): labels such as "{Y-1}年决算数" follow it.
    public var year: Int
    /// Form id → its instances: one for a single form, one per project for a repeated form.
    public var forms: [String: [FormEntry]]
    /// Choices the template asks for once per draft (单位级次), used in labels as `{id}`.
    public var parameters: [String: String] = [:]
    /// The 自评报告's prose as the accountant wrote it, by section id of the template's `report`. The
    /// figures the template generates are not stored: they are the forms' own.
    public var report: [String: String] = [:]

    public init(templateID: String, templateVersion: String, year: Int, forms: [String: [FormEntry]] = [:]) {
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.year = year
        self.forms = forms
    }

    public func instances(of form: String) -> [FormEntry] { forms[form] ?? [] }
}

/// One entered cell. Numbers are parsed once, when typed or loaded.
public enum Entry: Equatable, Sendable {
    case number(Decimal)
    case text(String)
    /// Typed into a number cell but not a number; kept verbatim.
    case invalid(String)

    public var value: Value {
        switch self {
        case let .number(d): return .number(d)
        case let .text(s): return .text(s)
        case let .invalid(s): return .invalid(s)
        }
    }
}

/// The entries of one form instance.
///
/// The fields are `Shared`: a repeated form's instances are one array (200 projects in a large draft),
/// and an edit of one copies that array, as the draft before it is kept (undo, the saved draft, the
/// recovery worker's copy). So an instance is one reference to count in that copy instead of three,
/// and two drafts that share an instance find it equal by identity.
public struct FormEntry: Equatable, Sendable {
    private struct Fields: Equatable, Sendable {
        var cells: [String: [String: Entry]]
        var rows: [String: [RowEntry]]
        var carried: [String: Set<String>] = [:]
    }

    private var fields: Shared<Fields>

    /// Cells of single rows, by row id then column id.
    public var cells: [String: [String: Entry]] {
        get { fields.value.cells }
        _modify { yield &fields.value.cells }
    }
    /// Instances of repeated rows, by row id, in order.
    public var rows: [String: [RowEntry]] {
        get { fields.value.rows }
        _modify { yield &fields.value.rows }
    }
    /// Single-row cells carried over from last year's draft and not yet looked at, by row id then
    /// column id (`jixiao next`): shown as 「沿用上年，请核对」 until the cell is set.
    public var carried: [String: Set<String>] {
        get { fields.value.carried }
        _modify { yield &fields.value.carried }
    }

    public init(cells: [String: [String: Entry]] = [:], rows: [String: [RowEntry]] = [:]) {
        fields = Shared(Fields(cells: cells, rows: rows))
    }

    public static func == (a: FormEntry, b: FormEntry) -> Bool {
        a.fields.isSame(as: b.fields) || a.fields.value == b.fields.value
    }

    public func entry(row: String, index: Int?, column: String) -> Entry? {
        if let index {
            guard let list = rows[row], index >= 0, index < list.count else { return nil }
            return list[index].cells[column]
        }
        return cells[row]?[column]
    }

    public mutating func set(row: String, index: Int?, column: String, to entry: Entry?) {
        if let index {
            // In place: a copy of the row's list taken out and put back copied all its instances.
            guard index >= 0, index < count(of: row) else { return }
            rows[row]![index].cells[column] = entry
        } else {
            var r = cells[row] ?? [:]
            r[column] = entry
            cells[row] = r.isEmpty ? nil : r
        }
    }

    public func count(of row: String) -> Int { rows[row]?.count ?? 0 }

    public func isCarried(row: String, index: Int?, column: String) -> Bool {
        if let index { return rows[row]?[safe: index]?.carried.contains(column) ?? false }
        return carried[row]?.contains(column) ?? false
    }

    /// Marks or unmarks a cell as carried over from last year. Kept with the cell (a row instance's
    /// marks move and go with it), so removing or reordering rows needs no bookkeeping.
    public mutating func setCarried(row: String, index: Int?, column: String, _ on: Bool) {
        if let index {
            guard index >= 0, index < count(of: row) else { return }
            if on { rows[row]![index].carried.insert(column) } else { rows[row]![index].carried.remove(column) }
        } else {
            var set = carried[row] ?? []
            if on { set.insert(column) } else { set.remove(column) }
            carried[row] = set.isEmpty ? nil : set
        }
    }

    /// Whether any cell of the instance is still marked as carried over.
    public var hasCarried: Bool { !carried.isEmpty || rows.values.contains { $0.contains { !$0.carried.isEmpty } } }
}

/// One instance of a repeated row: a special fund, a goal, an indicator.
public struct RowEntry: Equatable, Sendable {
    /// The instance's own label where the template says the row is named (a special fund's name).
    public var label: String?
    public var cells: [String: Entry]
    /// Column ids of cells carried over from last year and not yet looked at.
    public var carried: Set<String> = []

    public init(label: String? = nil, cells: [String: Entry] = [:]) {
        self.label = label
        self.cells = cells
    }
}
