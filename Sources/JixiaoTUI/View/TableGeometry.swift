import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// Where each column of a section sits on screen: the label column first, then the cells, sized by
/// their kind and squeezed to fit the table area. A class, unchanged once made (hence `@unchecked
/// Sendable`): the kept geometry is handed to every frame, and copying the struct copied its `FormSpec`.
final class TableGeometry: @unchecked Sendable {
    let form: FormSpec?
    let tableWidth: Int
    let year: Int

    /// Column positions of every section, worked out once per frame: a frame draws dozens of lines
    /// of the same few sections, and each layout renders every heading's year placeholders.
    private var bySection: [String: (label: Int, cells: [(id: String, x: Int, width: Int)])] = [:]
    /// The focused cell's section and column: a section too wide scrolls sideways to show it.
    private let focusSection: String?
    private let focusColumn: String
    /// The display widths of what each text column of a section holds in this form instance: what it
    /// asks for when the window has room to spare.
    private(set) var held: [String: [String: [Int]]] = [:]

    init(state s: AppState) {
        form = s.template.form(s.focus.form)
        tableWidth = View.tableRect(s).width
        year = s.draft.year
        focusSection = form?.row(s.focus.row)?.sectionID
        focusColumn = s.focus.column
        if let c = s.columnContent, c.isCurrent(s) {
            held = c.widths
        } else {
            held = ColumnContent(s, layout: s.layout).widths
        }
        for section in form?.sections ?? [] { bySection[section.id] = layout(of: section.id) }
        focusMatters = (form?.sections ?? []).contains { overflow(of: $0.id) != (false, false) }
    }

    /// Whether a section is wider than the table, so that the focused column decides what shows.
    private(set) var focusMatters = false

    /// What the geometry is made from besides the template: the draft's version (the held widths
    /// follow it), the focused instance, the table's width and the focused section and column.
    struct Key: Equatable, Sendable {
        let version: Int, form: String, index: Int, width: Int, section: String?, column: String
    }

    static func key(_ s: AppState) -> Key {
        Key(version: s.draftVersion, form: s.focus.form, index: s.focus.formIndex, width: View.tableRect(s).width,
            section: s.template.form(s.focus.form)?.row(s.focus.row)?.sectionID, column: s.focus.column)
    }

    /// The geometry `update` kept for this state, else made now: an arrow key within a section moves no column.
    static func kept(_ s: AppState) -> TableGeometry {
        if let k = s.geometryKept, k.key == key(s) { return k.geometry }
        return TableGeometry(state: s)
    }

    static func keep(_ s: inout AppState) {
        let k = key(s)
        guard let kept = s.geometryKept, kept.key != k else {
            if s.geometryKept == nil { s.geometryKept = (k, TableGeometry(state: s)) }
            return
        }
        // A change of the draft that left every column's values as wide as they were moves no column, nor
        // does a move to another column when every section fits the table.
        let old = kept.key
        if old.form == k.form, old.index == k.index, old.width == k.width,
           (old.section == k.section && old.column == k.column) || !kept.geometry.focusMatters,
           kept.geometry.year == s.draft.year, let c = s.columnContent, c.isCurrent(s), kept.geometry.held == c.widths {
            s.geometryKept = (k, kept.geometry)
            return
        }
        s.geometryKept = (k, TableGeometry(state: s))
    }

    static func minimum(_ kind: CellKind) -> Int {
        switch kind {
        case .money: return 11
        case .count: return 6
        case .percent: return 8
        case .decimal: return 6
        case .area: return 9
        case .text: return 10
        case .longtext: return 12
        case .choice: return 8
        case .date: return 10
        }
    }

    /// What a number column can shrink to when the window is narrow: its widest usual figure
    /// (99999.99 万元, 100.00%, a score such as 12.5), so no column has to leave the screen. A wider
    /// figure the column holds widens it (`floors`).
    static func tight(_ kind: CellKind) -> Int {
        switch kind {
        case .money: return 9
        case .count: return 5
        case .percent: return 7
        case .decimal: return 4
        case .area: return 7
        default: return minimum(kind)
        }
    }

    /// (label width, [(column id, x, width)]) for a section. Each column asks for its heading's width
    /// (within limits), the label column for its longest label; what does not fit is taken back from
    /// the headings first (they are shown whole in the status line), then the label, then text columns.
    func columns(of sectionID: String) -> (label: Int, cells: [(id: String, x: Int, width: Int)]) {
        bySection[sectionID] ?? layout(of: sectionID)
    }

    private func layout(of sectionID: String) -> (label: Int, cells: [(id: String, x: Int, width: Int)]) {
        let l = scrolledLayout(of: sectionID)
        return (l.label, l.cells)
    }

    /// Whether the section has columns off screen to the left and to the right.
    func overflow(of sectionID: String) -> (left: Bool, right: Bool) {
        let l = scrolledLayout(of: sectionID)
        return (l.hiddenLeft, l.hiddenRight)
    }

    private func scrolledLayout(of sectionID: String)
        -> (label: Int, cells: [(id: String, x: Int, width: Int)], hiddenLeft: Bool, hiddenRight: Bool) {
        guard let section = form?.section(sectionID) else { return (tableWidth, [], false, false) }
        let minimums = section.columns.map { Self.minimum($0.kind) }
        // A number's heading longer than a line wraps onto the section's second heading line: the
        // column asks for half of it, and for its figures (tight), so numbers stay narrow and text
        // columns get the room. A text column starts at its minimum; spare room goes to what it holds.
        let headings = section.columns.map { DisplayWidth.width(of: YearText.render($0.label, year: year)) }
        // A number column is never squeezed below a figure it holds: a number cut short reads as another.
        let floors = section.columns.map { c in c.kind.isNumeric ? max(Self.tight(c.kind), held[sectionID]?[c.id]?.max() ?? 0) : Self.tight(c.kind) }
        var widths = section.columns.enumerated().map { i, c in
            let w = headings[i]
            if c.kind.isNumeric { return max(floors[i], min(16, w > FormLayout.headingLine ? (w + 1) / 2 + 1 : w)) }
            return minimums[i]
        }
        let longest = form?.rows.filter { $0.sectionID == sectionID }.map { DisplayWidth.width(of: $0.label) + $0.depth * 2 }.max() ?? 8
        let flexible = section.columns.indices.filter { [.text, .longtext].contains(section.columns[$0].kind) }
        // Beside text columns the label (一级指标 / 二级指标, shown whole in the status line) starts at
        // 16 cells and gets the rest of its room back only once their values show.
        let labelWant = min(max(10, longest), 30)
        var label = flexible.isEmpty ? labelWant : min(labelWant, 16)
        var spare = tableWidth - label - widths.reduce(0, +) - section.columns.count
        // Give back room in this order: headings beyond their minimum, long-text columns (their text is
        // read in the editor and the status line), the label, then the other text columns evenly.
        let longtext = section.columns.indices.filter { section.columns[$0].kind == .longtext }
        let shortText = flexible.filter { !longtext.contains($0) }
        var guardCount = 0
        while spare < 0 && guardCount < 4000 {
            guardCount += 1
            if let i = widths.indices.filter({ widths[$0] > max(minimums[$0], floors[$0]) })
                .max(by: { widths[$0] - minimums[$0] < widths[$1] - minimums[$1] }) {
                widths[i] -= 1
            } else if let i = longtext.first(where: { widths[$0] > 6 }) {
                widths[i] -= 1
            } else if label > min(longest, 16) {
                label -= 1
            } else if let i = shortText.max(by: { widths[$0] < widths[$1] }), widths[i] > 6 {
                widths[i] -= 1
            } else if let i = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) {
                // Still too wide (附件3 项目资金 at 80 columns): numbers go down to their tight width
                // rather than the last column (得分) leaving the screen.
                widths[i] -= 1
            } else if label > 8 {
                label -= 1
            } else {
                break
            }
            spare += 1
        }
        if spare > 0 {
            if flexible.isEmpty {
                // Only as much as the longest label needs: more would put the figures far from their
                // labels on a wide screen (110 cells at 200 columns).
                label += min(spare, max(0, longest + 2 - label))
            } else {
                // First to what the columns hold (a long text up to a readable line), then to headings.
                let cap = flexible.map { section.columns[$0].kind == .longtext ? 30 : 40 }
                let cells = flexible.map { held[sectionID]?[section.columns[$0].id] ?? [] }
                // Short values (年度指标值 不超过预算投入, 1034.36万元) show whole first, in every text
                // column: a figure cut short misleads, a long name cut is read in the status line.
                spare = give(spare, to: flexible, &widths, want: { i in
                    held[sectionID]?[section.columns[i].id]?.filter { $0 <= 14 }.max() ?? 0
                })
                while spare > 0 {
                    // The few cells that show the most values whole per cell given: a column of long
                    // names gets the room before one where a single figure is a little too wide, and a
                    // figure one cell too wide before a name that would still be cut.
                    var best: (k: Int, to: Int, shown: Int)?
                    for k in flexible.indices {
                        let now = widths[flexible[k]]
                        let cut = cells[k].filter { $0 > now }
                        for to in Set(cut.map { min($0, cap[k]) }) where to > now && to - now <= spare {
                            let shown = cut.filter { $0 <= to }.count
                            guard shown > 0 else { continue }
                            if let b = best, shown * (b.to - widths[flexible[b.k]]) <= b.shown * (to - now) { continue }
                            best = (k, to, shown)
                        }
                    }
                    guard let b = best else { break }
                    spare -= b.to - widths[flexible[b.k]]
                    widths[flexible[b.k]] = b.to
                }
                // What is left shortens the cut of what still does not fit, longest first.
                let stillCut = flexible.indices.filter { k in widths[flexible[k]] < cap[k] && cells[k].contains { $0 > widths[flexible[k]] } }
                spare = give(spare, to: stillCut.map { flexible[$0] }, &widths, want: { i in
                    let k = flexible.firstIndex(of: i)!
                    return min(cells[k].max() ?? 0, cap[k])
                })
                spare = give(spare, to: flexible, &widths, want: { min(headings[$0], 16) })
                // Then past the caps, up to the widest value, for what is still cut (a long goal on a wide
                // screen). Room left once everything shows whole stays at the right: spread over the
                // columns it would put the figures far from their names.
                let back = min(spare, labelWant - label)
                label += back
                spare -= back
                spare = give(spare, to: flexible, &widths, want: { i in held[sectionID]?[section.columns[i].id]?.max() ?? 0 })
                // An empty text column still needs room to type into (预算单位名称 in a new draft).
                spare = give(spare, to: flexible, &widths, want: { _ in 30 })
            }
        }
        var x = label + 1
        var out: [(String, Int, Int)] = []
        for (i, c) in section.columns.enumerated() {
            out.append((c.id, x, widths[i]))
            x += widths[i] + 1
        }
        guard let last = out.last, last.1 + last.2 > tableWidth else { return (label, out, false, false) }
        // Wider than the window even squeezed (评分表's ten columns at 80): the cells scroll sideways so
        // the focused one is on screen, and the header shows which side has more.
        var offset = 0
        if sectionID == focusSection, let f = out.first(where: { $0.0 == focusColumn }) { offset = max(0, f.1 + f.2 - tableWidth) }
        let shown = out.filter { $0.1 - offset >= label + 1 }.map { ($0.0, $0.1 - offset, $0.2) }
        let right = (shown.last.map { $0.1 + $0.2 } ?? 0) > tableWidth
        return (label, shown, hiddenLeft: shown.count < out.count, hiddenRight: right)
    }

    /// Shares `spare` cells among `columns` towards `want`: a column that needs little gets all it
    /// needs first, then the rest goes in proportion to what each still lacks, so a column of long
    /// names is not held at its minimum beside short figures. Returns what is left over.
    private func give(_ spare: Int, to columns: [Int], _ widths: inout [Int], want: (Int) -> Int) -> Int {
        var spare = spare
        var open = columns.filter { want($0) > widths[$0] }
        while spare > 0, !open.isEmpty {
            let share = max(spare / open.count, 1)
            let small = open.filter { want($0) - widths[$0] <= share }
            if small.isEmpty {
                let lacking = open.map { want($0) - widths[$0] }
                let sum = lacking.reduce(0, +), budget = spare
                for (k, i) in open.enumerated() {
                    let add = min(budget * lacking[k] / sum, spare)
                    widths[i] += add
                    spare -= add
                }
                for i in open where spare > 0 && widths[i] < want(i) {
                    widths[i] += 1
                    spare -= 1
                }
                break
            }
            for i in small {
                let add = min(want(i) - widths[i], spare)
                widths[i] += add
                spare -= add
            }
            open = open.filter { want($0) > widths[$0] }
        }
        return spare
    }

    func width(of column: String, in sectionID: String) -> Int {
        if column == CellAddress.labelColumn { return columns(of: sectionID).label }
        return columns(of: sectionID).cells.first { $0.id == column }?.width ?? 10
    }
}

/// A cell's value and its text as the table shows it (`ValueText.display`), kept between frames.
struct ShownText: Sendable {
    let value: Value
    let kind: CellKind
    let text: String

    /// The text of `value` shown as `kind`: the kept one when it is of that value.
    static func text(_ kept: ShownText?, _ value: Value, kind: CellKind) -> String {
        if let kept, kept.shows(value, kind) { return kept.text }
        return ValueText.display(value, kind: kind)
    }

    /// Whether this text shows `value`: texts compared byte for byte (two spellings of one character are
    /// equal Strings but not the same text); equal numbers print alike.
    func shows(_ v: Value, _ k: CellKind) -> Bool {
        guard k == kind else { return false }
        switch (value, v) {
        case let (.text(a), .text(b)), let (.invalid(a), .invalid(b)): return a.utf8.elementsEqual(b.utf8)
        default: return value == v
        }
    }
}
