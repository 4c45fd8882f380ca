/// A cell of one form instance by slot (`CompiledForm`): its row, the row's instance (nil in a single
/// row) and its column (`labelSlot` for a named instance's own name).
public struct CellSlot: Hashable, Sendable {
    public let row: Int
    public let index: Int?
    public let column: Int

    public init(row: Int, index: Int?, column: Int) {
        self.row = row
        self.index = index
        self.column = column
    }
}

/// An instance of a form by slot.
public struct InstanceSlot: Hashable, Sendable {
    public let form: Int
    public let index: Int

    public init(form: Int, index: Int) {
        self.form = form
        self.index = index
    }
}

/// What a change of known cells changed: by form instance, the entered cells given and the computed
/// cells whose value (or whose overflow) moved. The checks rerun only what reads one of them.
public struct CellChanges: Sendable {
    public internal(set) var cells: [InstanceSlot: Set<CellSlot>] = [:]
    /// The instance the change was made in (the others changed because they read it).
    public internal(set) var origin: InstanceSlot?
    /// Instances whose rows were added or removed: their row instances shifted, so what is found row
    /// by row is found again in every row.
    public internal(set) var resized: [InstanceSlot: [Int]] = [:]
    /// Of those rows, the ones whose instances after one place are those after it before, moved
    /// (`InstanceShift`), by instance and row: what is found row by row moves with them, and only the
    /// instances added are looked at.
    public internal(set) var shifts: [InstanceSlot: [Int: InstanceShift]] = [:]

    /// The cells changed in any instance of a form, keyed as `CompiledForm.key(row:column:)`.
    func keys(form: Int, width: Int) -> Set<Int> {
        var out = Set<Int>()
        for (at, list) in cells where at.form == form { for c in list { out.insert(c.row * width + c.column) } }
        return out
    }

    mutating func insert(_ c: CellSlot, at: InstanceSlot) { cells[at, default: []].insert(c) }
}

extension FormEntry {
    /// The cells that differ from `old` (entries, names of named instances, marks of carried cells),
    /// nil when rows were added, removed or moved, or a row or column is not the template's: then the
    /// change is not one of cells. Rows and dictionaries untouched by an edit share their storage with
    /// `old`, so comparing them costs a pointer comparison each.
    public func changedCells(from old: FormEntry, in form: CompiledForm) -> [CellSlot]? {
        var out: [CellSlot] = []
        func columns(_ a: [String: Entry]?, _ b: [String: Entry]?, row: Int, index: Int?) -> Bool {
            for (c, e) in a ?? [:] where b?[c] != e {
                guard let cs = form.column(c) else { return false }
                out.append(CellSlot(row: row, index: index, column: cs))
            }
            for (c, _) in b ?? [:] where a?[c] == nil {
                guard let cs = form.column(c) else { return false }
                out.append(CellSlot(row: row, index: index, column: cs))
            }
            return true
        }
        func marks(_ a: Set<String>, _ b: Set<String>, row: Int, index: Int?) -> Bool {
            for c in a.symmetricDifference(b) {
                guard let cs = form.column(c) else { return false }
                out.append(CellSlot(row: row, index: index, column: cs))
            }
            return true
        }
        if cells != old.cells {
            for (id, a) in cells where old.cells[id] != a {
                guard let r = form.row(id), columns(a, old.cells[id], row: r, index: nil) else { return nil }
            }
            for (id, b) in old.cells where cells[id] == nil {
                guard let r = form.row(id), columns(nil, b, row: r, index: nil) else { return nil }
            }
        }
        if carried != old.carried {
            for id in Set(carried.keys).union(old.carried.keys) where carried[id] != old.carried[id] {
                guard let r = form.row(id), marks(carried[id] ?? [], old.carried[id] ?? [], row: r, index: nil) else { return nil }
            }
        }
        if rows != old.rows {
            // Walked without gathering both entries' row ids into a set (a row added on a form of 80 rows
            // hashed them all twice): a row only the old entry has lost its instances, unless it had none.
            for (id, b) in old.rows where !b.isEmpty && rows[id] == nil { return nil }
            for (id, a) in rows {
                let b = old.rows[id] ?? []
                guard a != b else { continue }
                guard a.count == b.count, let r = form.row(id) else { return nil }
                for k in a.indices where a[k] != b[k] {
                    if a[k].label != b[k].label { out.append(CellSlot(row: r, index: k, column: form.labelSlot)) }
                    guard columns(a[k].cells, b[k].cells, row: r, index: k),
                          marks(a[k].carried, b[k].carried, row: r, index: k) else { return nil }
                }
            }
        }
        return out
    }
}

extension FormEntry {
    /// The repeated rows (slots) whose instances were added or removed since `old`, when that is all
    /// that differs (F5, F6); nil for any other change.
    public func resizedRows(from old: FormEntry, in form: CompiledForm) -> [Int]? {
        guard cells == old.cells, carried == old.carried else { return nil }
        var out: [Int] = []
        for (id, a) in rows where old.rows[id] != a {
            guard let r = form.row(id), a.count != old.rows[id]?.count else { return nil }
            out.append(r)
        }
        for id in old.rows.keys where rows[id] == nil {
            guard let r = form.row(id) else { return nil }
            out.append(r)
        }
        return out.sorted()
    }
}
