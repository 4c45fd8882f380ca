import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// A row of a form instance as it appears on screen: a single row, one instance of a repeated row,
/// or the place-holder line that ends a repeated group (where Enter or F5 adds a row): the whole
/// group when it has no instance yet.
public struct RowRef: Hashable, Sendable {
    public var row: String
    public var index: Int?
    public var isPlaceholder: Bool

    public init(row: String, index: Int?, isPlaceholder: Bool = false) {
        self.row = row
        self.index = index
        self.isPlaceholder = isPlaceholder
    }
}

/// One line of the table drawn for a form instance.
public enum TableLine: Hashable, Sendable {
    case sectionTitle(String)
    case header(section: String)
    /// The second line of a section's column headings: long headings wrap instead of being cut.
    case headerContinued(section: String)
    case row(RowRef)
    case note(String)
}

/// The lines of one form instance in paper order, and the cells each row can focus. Built from the
/// template and the draft; cheap for one instance, which is all a screen ever shows. A class, since it
/// never changes once made: the kept layout is handed to the key, the table and the status line each
/// frame, and a copy of the struct was a copy of its whole `FormSpec`.
public final class FormLayout: Sendable {
    public let form: FormSpec
    public let index: Int
    public let lines: [TableLine]
    /// Line number of each focusable row.
    public let lineOfRow: [RowRef: Int]
    /// Rows in order, for moving focus up and down.
    public let rows: [RowRef]

    /// What the lines were made from besides the template: the year, the parameters (in section
    /// titles) and the number of instances of each repeated row.
    private let year: Int
    private let parameters: [String: String]
    private let counts: [Int]

    public init(form: FormSpec, index: Int, draft: Draft, year: Int) {
        self.form = form
        self.index = index
        self.year = year
        parameters = draft.parameters
        let instance = draft.instances(of: form.id)[safe: index] ?? FormEntry()
        counts = form.rows.map { $0.repeating != nil ? instance.count(of: $0.id) : 0 }
        let entry = draft.instances(of: form.id)[safe: index] ?? FormEntry()
        var lines: [TableLine] = []
        var rows: [RowRef] = []
        var lineOfRow: [RowRef: Int] = [:]
        func add(_ r: RowRef) {
            lineOfRow[r] = lines.count
            rows.append(r)
            lines.append(.row(r))
        }
        func walk(_ id: String) {
            guard let spec = form.row(id) else { return }
            if spec.repeating != nil {
                // The place-holder line after the rows: entering a list flows from the last row into
                // "one more", and an empty group is a stop on the way instead of being skipped.
                for k in 0..<entry.count(of: id) { add(RowRef(row: id, index: k)) }
                add(RowRef(row: id, index: nil, isPlaceholder: true))
            } else {
                add(RowRef(row: id, index: nil))
            }
            for c in spec.childIDs { walk(c) }
        }
        for section in form.sections {
            if !section.title.isEmpty { lines.append(.sectionTitle(YearText.render(section.title, year: year, parameters: draft.parameters))) }
            if section.columns.count > 1 || section.columns.contains(where: { !$0.label.isEmpty }) {
                lines.append(.header(section: section.id))
                if section.columns.contains(where: { $0.kind.isNumeric && DisplayWidth.width(of: YearText.render($0.label, year: year)) > Self.headingLine }) {
                    lines.append(.headerContinued(section: section.id))
                }
            }
            for id in section.rowIDs { walk(id) }
            if let note = section.note { lines.append(.note(note)) }
        }
        self.lines = lines
        self.rows = rows
        self.lineOfRow = lineOfRow
    }

    /// `old`'s lines with the instances `shift` added or removed, for `draft` (the draft after it): the
    /// rest of the layout is made from the template, the year and the parameters, which a row added or
    /// removed leaves as they were. Nil when `old` is not the layout before `shift`.
    init?(shifting old: FormLayout, _ shift: RowShift, draft: Draft) {
        guard old.form.id == shift.form, old.index == shift.formIndex, draft.year == old.year, draft.parameters == old.parameters,
              let slot = old.form.rows.firstIndex(where: { $0.id == shift.row }),
              let now = draft.instances(of: shift.form)[safe: shift.formIndex]?.count(of: shift.row),
              old.counts[slot] + shift.delta == now else { return nil }
        form = old.form
        index = old.index
        year = old.year
        parameters = old.parameters
        var counts = old.counts
        counts[slot] = now
        self.counts = counts
        var lines: [TableLine] = []
        var rows: [RowRef] = []
        var lineOfRow: [RowRef: Int] = [:]
        lines.reserveCapacity(old.lines.count + max(0, shift.delta))
        rows.reserveCapacity(old.rows.count + max(0, shift.delta))
        lineOfRow.reserveCapacity(old.rows.count + max(0, shift.delta))
        func add(_ r: RowRef) {
            lineOfRow[r] = lines.count
            rows.append(r)
            lines.append(.row(r))
        }
        var added = shift.delta <= 0
        for line in old.lines {
            guard case let .row(r) = line else { lines.append(line); continue }
            guard r.row == shift.row else { add(r); continue }
            if !added, r.isPlaceholder || (r.index ?? 0) >= shift.at {
                for k in shift.at..<(shift.at + shift.delta) { add(RowRef(row: r.row, index: k)) }
                added = true
            }
            if let i = r.index {
                if let j = shift.destination(of: i) { add(RowRef(row: r.row, index: j)) }
            } else {
                add(r)
            }
        }
        self.lines = lines
        self.rows = rows
        self.lineOfRow = lineOfRow
    }

    /// Whether `draft` has the same lines: the same year and parameters, and as many instances of each
    /// repeated row.
    public func fits(_ draft: Draft) -> Bool {
        guard draft.year == year, draft.parameters == parameters else { return false }
        let instance = draft.instances(of: form.id)[safe: index] ?? FormEntry()
        for (k, row) in form.rows.enumerated() where row.repeating != nil && instance.count(of: row.id) != counts[k] { return false }
        return true
    }

    /// Cells a row can focus, left to right: a named instance's own label, then its columns.
    public func columns(of r: RowRef) -> [String] {
        guard let spec = form.row(r.row) else { return [] }
        if r.isPlaceholder { return [""] }
        var out: [String] = []
        if spec.repeating?.named == true { out.append(CellAddress.labelColumn) }
        return out + spec.columnIDs
    }

    /// Cells a heading line gives a number column before its heading wraps onto a second line: six,
    /// so 自评得分 takes two lines of four and its column stays as narrow as its figures.
    static let headingLine = 6

    public func isFillable(_ r: RowRef, _ column: String) -> Bool {
        guard let spec = form.row(r.row), !r.isPlaceholder else { return false }
        if column == CellAddress.labelColumn { return spec.repeating?.named == true }
        return spec.columnIDs.contains(column) && spec.formulas[column] == nil
    }

    public func address(_ r: RowRef, _ column: String) -> CellAddress {
        CellAddress(form: form.id, formIndex: index, row: r.row, rowIndex: r.index, column: column)
    }

    public func rowRef(of a: CellAddress) -> RowRef {
        let spec = form.row(a.row)
        if spec?.repeating != nil && a.rowIndex == nil { return RowRef(row: a.row, index: nil, isPlaceholder: true) }
        return RowRef(row: a.row, index: a.rowIndex)
    }

    /// Every fillable cell in order.
    public var fillable: [CellAddress] {
        rows.flatMap { r in columns(of: r).filter { isFillable(r, $0) }.map { address(r, $0) } }
    }

    /// Where Tab and Enter stop, in order: every fillable cell, and the line ending each repeated group.
    public var stops: [CellAddress] { rows.flatMap(stops(of:)) }

    private func stops(of r: RowRef) -> [CellAddress] {
        r.isPlaceholder ? [address(r, "")] : columns(of: r).filter { isFillable(r, $0) }.map { address(r, $0) }
    }

    /// The stop after (or before) `a` in `stops`, found from `a`'s row on: Enter after an edit asks for
    /// it, and making every stop of a 2,000-row instance was a tenth of that key. `isStop` false when `a`
    /// is not a stop; `next` nil when it is the last (or the first).
    public func stop(besides a: CellAddress, forward: Bool) -> (isStop: Bool, next: CellAddress?) {
        guard let k = rows.firstIndex(of: rowRef(of: a)) else { return (false, nil) }
        let own = stops(of: rows[k])
        guard let i = own.firstIndex(of: a) else { return (false, nil) }
        let step = forward ? 1 : -1
        if own.indices.contains(i + step) { return (true, own[i + step]) }
        var m = k + step
        while rows.indices.contains(m) {
            let found = stops(of: rows[m])
            if let c = forward ? found.first : found.last { return (true, c) }
            m += step
        }
        return (true, nil)
    }
}

