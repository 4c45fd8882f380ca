import JixiaoKit
/// A printed form placed on a spreadsheet grid, shared by the CSV and XLSX printouts: the title rows,
/// then each section's heading row and lines, label columns first (as many as the deepest grouped
/// section needs), value columns after them. Merged areas are listed apart; a covered cell is nil.
/// Which merge covers or starts at a cell is answered from an index built once, in time linear in the
/// grid's size: scanning every merge for every cell made a 20,000-row sheet take half a minute.
struct SheetGrid {
    enum Style: Equatable {
        case draftMark, short, title, sectionTitle, heading, note
        case label(indent: Int), subtotal
        case value(CellKind)
    }

    struct Cell {
        var text: String
        var style: Style
        /// The draft cell shown here, with its value from the evaluation.
        var printed: PrintedCell?
    }

    struct Merge: Equatable {
        let row: Int, column: Int, lastRow: Int, lastColumn: Int
    }

    /// The merged areas in the order they were made. Every read of one is counted, so that a test can
    /// hold the work of a printout to linear in the grid's size without timing it.
    struct MergeList: RandomAccessCollection {
        final class Reads { var count = 0 }
        private var items: [Merge] = []
        let reads = Reads()
        var startIndex: Int { 0 }
        var endIndex: Int { items.count }
        subscript(i: Int) -> Merge {
            reads.count += 1
            return items[i]
        }
        mutating func append(_ m: Merge) { items.append(m) }
    }

    let columnCount: Int
    let labelColumns: Int
    private(set) var rows: [[Cell?]] = []
    private(set) var merges = MergeList()
    /// Where each draft cell landed: (row, column), 0-based.
    private(set) var positions: [CellAddress: (row: Int, column: Int)] = [:]
    /// Where each named row's name landed (its label cell), for reading the workbook back.
    private(set) var labelPositions: [CellAddress: (row: Int, column: Int)] = [:]

    init(form: PrintedForm, draftMark: DraftMark?) {
        labelColumns = max(form.sections.map(\.levels).max() ?? 1, 1)
        columnCount = labelColumns + max(form.sections.map { $0.layout == .keyValue ? 1 : $0.columns.count }.max() ?? 1, 1)
        if let draftMark { addSpanning(draftMark.banner, .draftMark) }
        addRow([Cell(text: form.short, style: .short)])
        addSpanning(form.title, .title)
        for section in form.sections { add(section) }
        index = MergeIndex(merges, rows: rows.count, columns: columnCount)
    }

    mutating func addRow(_ cells: [Cell?]) {
        var row = cells
        while row.count < columnCount { row.append(nil) }
        rows.append(row)
    }

    mutating func merge(_ row: Int, _ column: Int, rows rowSpan: Int, columns columnSpan: Int) {
        guard rowSpan > 1 || columnSpan > 1 else { return }
        merges.append(Merge(row: row, column: column, lastRow: row + rowSpan - 1, lastColumn: column + columnSpan - 1))
    }

    mutating func addSpanning(_ text: String, _ style: Style) {
        merge(rows.count, 0, rows: 1, columns: columnCount)
        addRow([Cell(text: text, style: style)])
    }

    mutating func add(_ section: PrintedSection) {
        // A section with fewer label levels than the grid widens its last label column.
        let extra = labelColumns - section.levels
        // A section with fewer columns than the grid spreads them over it, as the paper form does;
        // the spare grid columns go to the last ones.
        let valueColumns = columnCount - labelColumns
        let n = max(section.columns.count, 1)
        let spans = (0..<n).map { valueColumns / n + ($0 >= n - valueColumns % n ? 1 : 0) }
        let starts = spans.indices.map { labelColumns + spans[..<$0].reduce(0, +) }
        if section.hasColumnHeadings {
            var heading = section.title.isEmpty ? section.labelHeading : section.title
            if !section.title.isEmpty, !section.labelHeading.isEmpty {
                addSpanning(section.title, .sectionTitle)
                heading = section.labelHeading
            }
            var cells: [Cell?] = [Cell(text: heading, style: .heading)]
            cells += [Cell?](repeating: nil, count: labelColumns - 1)
            merge(rows.count, 0, rows: 1, columns: labelColumns)
            for (i, column) in section.columns.enumerated() {
                cells.append(Cell(text: column.label, style: .heading))
                cells += [Cell?](repeating: nil, count: spans[i] - 1)
                merge(rows.count, starts[i], rows: 1, columns: spans[i])
            }
            addRow(cells)
        } else if !section.title.isEmpty {
            addSpanning(section.title, .sectionTitle)
        }
        let top = rows.count
        for (k, line) in section.lines.enumerated() {
            var cells = [Cell?](repeating: nil, count: columnCount)
            for (level, label) in line.labels.enumerated() {
                guard let label else { continue }
                let span = label.columnSpan + (level + label.columnSpan == section.levels ? extra : 0)
                let indent = section.layout == .grouped ? 0 : line.depth
                cells[level] = Cell(text: label.text, style: label.isSubtotal ? .subtotal : .label(indent: indent))
                merge(top + k, level, rows: label.rowSpan, columns: span)
            }
            if let a = line.labelAddress, cells[0] != nil { labelPositions[a] = (top + k, 0) }
            if section.layout == .keyValue {
                if let printed = line.cells.first ?? nil {
                    cells[labelColumns] = Cell(text: printed.text, style: .value(printed.kind), printed: printed)
                    positions[printed.address] = (top + k, labelColumns)
                }
                merge(top + k, labelColumns, rows: 1, columns: columnCount - labelColumns)
            } else {
                for (i, printed) in line.cells.enumerated() {
                    let column = starts[i]
                    if let printed {
                        cells[column] = Cell(text: printed.text, style: .value(printed.kind), printed: printed)
                        positions[printed.address] = (top + k, column)
                    } else {
                        cells[column] = Cell(text: "", style: .value(.text))
                    }
                    merge(top + k, column, rows: 1, columns: spans[i])
                }
            }
            rows.append(cells)
        }
        if let note = section.note, !note.isEmpty { addSpanning(note, .note) }
    }

    private var index = MergeIndex()

    /// Whether (row, column) lies inside a merged area without being its first cell.
    func isCovered(_ row: Int, _ column: Int) -> Bool {
        index.cell(row, column)?.covered ?? false
    }

    /// The merged area starting at (row, column), if any (the first made, should two start there).
    func mergeStarting(at row: Int, _ column: Int) -> Merge? {
        index.cell(row, column)?.starting.map { merges[$0] }
    }

    /// The first merged area made that holds (row, column), if any.
    func merge(covering row: Int, _ column: Int) -> Merge? {
        index.cell(row, column)?.first.map { merges[$0] }
    }
}

/// For every cell of a grid: the first merge holding it, the first merge starting there, and whether
/// some merge covers it (holds it without starting there). Built by visiting each merge's cells once.
struct MergeIndex {
    struct Entry {
        var first: Int?
        var starting: Int?
        var covered = false
    }

    private var entries: [Entry] = []
    private var columns = 0

    init() {}

    init(_ merges: SheetGrid.MergeList, rows: Int, columns: Int) {
        self.columns = columns
        entries = [Entry](repeating: Entry(), count: rows * columns)
        for (k, m) in merges.enumerated() {
            for r in stride(from: m.row, through: min(m.lastRow, rows - 1), by: 1) {
                for c in stride(from: m.column, through: min(m.lastColumn, columns - 1), by: 1) {
                    let i = r * columns + c
                    if entries[i].first == nil { entries[i].first = k }
                    if r == m.row && c == m.column {
                        if entries[i].starting == nil { entries[i].starting = k }
                    } else {
                        entries[i].covered = true
                    }
                }
            }
        }
    }

    func cell(_ row: Int, _ column: Int) -> Entry? {
        guard row >= 0, column >= 0, column < columns, row * columns + column < entries.count else { return nil }
        return entries[row * columns + column]
    }
}
