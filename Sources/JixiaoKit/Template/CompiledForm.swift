import Foundation

/// A form's rows, columns and computed cells as integer slots, made once when the template loads:
/// evaluation, the checks' reading of cells and the progress counts index arrays with these, and
/// names stay at the edges (the JSON, the CLI's paths, what the screen shows).
///
/// A row's slot is its place in `FormSpec.rows`; a column's slot is its place in `columnIDs`, every
/// column id of the form's sections once, then `label` (a named instance's own name) when no
/// section has a column of that id. Per cell (row slot × `columnCount` + column slot) flat tables say
/// what the cell is.
///
/// A class, immutable once compiled: `FormSpec.compiled` is read wherever a cell is looked at, and as a
/// struct every read copied its two dozen arrays and tables, a retain and a release each (a tenth of
/// `jixiao validate`'s CPU on the 200-project draft).
public final class CompiledForm: Sendable {
    /// The form's place in `Template.forms`.
    public let slot: Int
    public let rowIDs: [String]
    public let columnIDs: [String]
    public let rowSlots: [String: Int]
    public let columnSlots: [String: Int]
    public let labelSlot: Int
    public var columnCount: Int { columnIDs.count }
    /// Each row's columns (slots) in the row's own order.
    public let rowColumns: [[Int]]
    public let repeating: [Bool]
    public let named: [Bool]
    /// Child row slots of each row.
    public let children: [[Int]]
    /// The computed cells in an order where each reads only earlier ones.
    public let cells: [ComputedCell]
    /// Per cell: the kind of the column in the row's section (also where the row has no cell in it, as
    /// the checks word a cell); nil where the section has no such column.
    let kinds: [CellKind?]
    /// Per cell: its number in `cells`, or -1 for an entered cell (or none).
    let computedAt: [Int32]
    /// Per cell: required by its row or its column (`requiredByRow`), or named by a `required` check
    /// of the form (`requiredByCheck`).
    let requirement: [UInt8]
    /// The repeated rows of the indicator section, in row order; per row slot its place there or -1.
    public let indicatorRows: [Int]
    let indicatorRowAt: [Int32]
    /// The indicator columns (`IndicatorSpec`) as slots.
    public let indicatorColumns: IndicatorColumns?
    /// Which computed cells read which cells (`FormDependencies`).
    public let dependencies: FormDependencies

    static let requiredByRow: UInt8 = 1
    static let requiredByCheck: UInt8 = 2

    public struct IndicatorColumns: Sendable {
        public let name, target, actual, weight, score, reason: Int
    }

    /// A form not compiled yet (while the loader reads the template).
    init() {
        slot = -1; rowIDs = []; columnIDs = []; rowSlots = [:]; columnSlots = [:]; labelSlot = -1; rowColumns = []
        repeating = []; named = []; children = []; cells = []; kinds = []; computedAt = []; requirement = []
        indicatorRows = []; indicatorRowAt = []; indicatorColumns = nil; dependencies = FormDependencies()
    }

    /// Compiles `forms[slot]`; `columnLists` are `columnIDs(of:)` of every form, for references into others.
    init(_ forms: [FormSpec], slot: Int, columnLists: [[String]]) throws(Unresolved) {
        let form = forms[slot]
        self.slot = slot
        rowIDs = form.rows.map(\.id)
        rowSlots = form.rowIndex
        columnIDs = columnLists[slot]
        var columnSlots: [String: Int] = [:]
        for (k, id) in columnIDs.enumerated() { columnSlots[id] = k }
        self.columnSlots = columnSlots
        labelSlot = columnSlots[CellAddress.labelColumn]!
        let width = columnIDs.count
        rowColumns = form.rows.map { $0.columnIDs.map { columnSlots[$0]! } }
        repeating = form.rows.map { $0.repeating != nil }
        named = form.rows.map { $0.repeating?.named == true }
        children = form.rows.map { $0.childIDs.map { form.rowIndex[$0]! } }
        var kinds = [CellKind?](repeating: nil, count: form.rows.count * width)
        var computedAt = [Int32](repeating: -1, count: kinds.count)
        var requirement = [UInt8](repeating: 0, count: kinds.count)
        var checked = Set<String>()
        for c in form.checks where c.kind == .required { for t in c.cells where t.form == nil { checked.insert("\(t.row).\(t.column)") } }
        for (r, row) in form.rows.enumerated() {
            let section = form.section(row.sectionID)
            for column in section?.columns ?? [] { kinds[r * width + columnSlots[column.id]!] = column.kind }
            for c in row.columnIDs {
                guard let column = section?.column(c) else { continue }
                let at = r * width + columnSlots[c]!
                if row.required || column.required { requirement[at] |= Self.requiredByRow }
                if checked.contains("\(row.id).\(c)") { requirement[at] |= Self.requiredByCheck }
            }
        }
        var cells: [ComputedCell] = []
        for cell in form.evaluationOrder {
            let r = form.rowIndex[cell.row]!, c = columnSlots[cell.column]!
            computedAt[r * width + c] = Int32(cells.count)
            let compiler = Compiler(forms: forms, slot: slot, columnLists: columnLists, row: r, column: c)
            cells.append(ComputedCell(row: r, column: c, formula: try compiler.compile(cell.formula)))
        }
        self.cells = cells
        dependencies = FormDependencies(cells: cells, rowCount: form.rows.count, width: width, widths: columnLists.map(\.count))
        self.kinds = kinds
        self.computedAt = computedAt
        self.requirement = requirement
        if let ind = form.indicators {
            indicatorRows = form.rows.indices.filter { form.rows[$0].sectionID == ind.section && form.rows[$0].repeating != nil }
            var at = [Int32](repeating: -1, count: form.rows.count)
            for (n, r) in indicatorRows.enumerated() { at[r] = Int32(n) }
            indicatorRowAt = at
            indicatorColumns = IndicatorColumns(name: columnSlots[ind.name]!, target: columnSlots[ind.target]!, actual: columnSlots[ind.actual]!,
                                                weight: columnSlots[ind.weight]!, score: columnSlots[ind.score]!, reason: columnSlots[ind.reason]!)
        } else {
            indicatorRows = []
            indicatorRowAt = []
            indicatorColumns = nil
        }
    }

    public func row(_ id: String) -> Int? { rowSlots[id] }
    public func column(_ id: String) -> Int? { columnSlots[id] }

    /// The kind of the column in the row's section; nil where the section has no such column.
    public func kind(row: Int, column: Int) -> CellKind? { kinds[row * columnCount + column] }

    /// The computed cell's number in `cells`, nil for an entered cell.
    public func computed(row: Int, column: Int) -> Int? {
        let j = computedAt[row * columnCount + column]
        return j < 0 ? nil : Int(j)
    }

    public func isComputed(row: Int, column: Int) -> Bool { computedAt[row * columnCount + column] >= 0 }

    /// The key of a cell in the per-cell tables, whatever its row instance.
    public func key(row: Int, column: Int) -> Int { row * columnCount + column }
    /// Whether a cell of the row must be filled: by its row, its column or a `required` check of the form.
    public func isRequired(row: Int, column: Int) -> Bool { requirement[row * columnCount + column] != 0 }
}

/// A computed cell of a compiled form: the formula of `column` in `row`, its references as slots.
public struct ComputedCell: Sendable {
    public let row: Int
    public let column: Int
    public let formula: CompiledFormula
}

/// A computed cell's formula with its references resolved to slots; interpreted by the same rules as
/// a `Formula` (`FormulaEvaluator`), so the numbers are the same, exact `Decimal` throughout.
public indirect enum CompiledFormula: Sendable, Equatable {
    case number(Decimal)
    case text(String)
    case cells(SlotReference)
    case negate(CompiledFormula)
    case binary(Formula.BinaryOp, CompiledFormula, CompiledFormula)
    case call(Formula.Function, [CompiledFormula])

    /// Every reference in the formula.
    public var references: [SlotReference] {
        switch self {
        case .number, .text: return []
        case let .cells(r): return [r]
        case let .negate(f): return f.references
        case let .binary(_, a, b): return a.references + b.references
        case let .call(_, args): return args.flatMap(\.references)
        }
    }
}

/// A reference of a computed cell, resolved: `_`, `@` and `children` are bound to the cell it computes.
public struct SlotReference: Sendable, Equatable {
    public enum Rows: Sendable, Equatable {
        /// A single row's cell.
        case single(Int)
        /// Every instance of a repeated row.
        case all(Int)
        /// The row being computed, at the instance being computed (`_`).
        case current(Int)
        /// `row[_]`: the instance of another repeated row at the index being computed; empty past its end.
        case sameIndex(Int)
    }
    /// nil: this form instance; else the other form's slot in `Template.forms`.
    public let form: Int?
    /// `C[]!…`: every instance of the other form.
    public let allForms: Bool
    /// One, or each child row's (`children.@`), in row order.
    public let rows: [Rows]
    /// The column's slot in its form.
    public let column: Int
}

extension CompiledForm {
    /// A reference the compiler could not resolve. The loader's validation refuses these first, in
    /// its own words; this is what stops an unvalidated one from reaching the evaluation.
    struct Unresolved: Error {
        let reference: String
    }

    /// Every column id of a form's sections, once each, in section order.
    static func columnIDs(of form: FormSpec) -> [String] {
        var ids: [String] = []
        var seen = Set<String>()
        for s in form.sections { for c in s.columns where seen.insert(c.id).inserted { ids.append(c.id) } }
        if !seen.contains(CellAddress.labelColumn) { ids.append(CellAddress.labelColumn) }
        return ids
    }

    /// Resolves the references of one computed cell's formula: `_`, `@` and `children` mean that cell.
    struct Compiler {
        let forms: [FormSpec]
        let slot: Int
        let columnLists: [[String]]
        let row: Int
        let column: Int

        func compile(_ f: Formula) throws(Unresolved) -> CompiledFormula {
            switch f {
            case let .number(d): return .number(d)
            case let .text(s): return .text(s)
            case let .ref(r): return .cells(try reference(r))
            case let .negate(x): return .negate(try compile(x))
            case let .binary(op, a, b): return .binary(op, try compile(a), try compile(b))
            case let .call(fn, args):
                var out: [CompiledFormula] = []
                for a in args { out.append(try compile(a)) }
                return .call(fn, out)
            }
        }

        func reference(_ r: Reference) throws(Unresolved) -> SlotReference {
            let here = forms[slot]
            let columnID: String
            switch r.column {
            case let .named(c): columnID = c
            case .current: columnID = columnLists[slot][column]
            }
            var formSlot: Int? = nil
            if let other = r.form {
                guard let k = forms.firstIndex(where: { $0.id == other }) else { throw Unresolved(reference: "\(other)!") }
                formSlot = k
            }
            let target = forms[formSlot ?? slot]
            guard let c = columnLists[formSlot ?? slot].firstIndex(of: columnID) else {
                throw Unresolved(reference: "\(target.id)!\(columnID)")
            }
            func rows(_ id: String) throws(Unresolved) -> SlotReference.Rows {
                guard let k = target.rowIndex[id] else { throw Unresolved(reference: "\(target.id)!\(id).\(columnID)") }
                return target.rows[k].repeating != nil ? .all(k) : .single(k)
            }
            var list: [SlotReference.Rows] = []
            switch r.row {
            case let .named(id), let .allInstances(id): list = [try rows(id)]
            case .this where formSlot == nil: list = [.current(row)]
            case .children where formSlot == nil:
                for id in here.rows[row].childIDs { list.append(try rows(id)) }
            case let .sameIndex(id) where formSlot == nil:
                guard let k = here.rowIndex[id] else { throw Unresolved(reference: "\(id)[_].\(columnID)") }
                list = [.sameIndex(k)]
            default:
                throw Unresolved(reference: "\(target.id)!_.\(columnID)")
            }
            return SlotReference(form: formSlot, allForms: r.allForms, rows: list, column: c)
        }
    }
}
