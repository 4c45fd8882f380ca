import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// Where each column of a section sits on screen: the label column first, then the cells, sized by
/// their kind and squeezed to fit the table area.
struct TableGeometry {
    let form: FormSpec?
    let tableWidth: Int
    let year: Int

    /// Column positions of every section, worked out once per frame: a frame draws dozens of lines
    /// of the same few sections, and each layout renders every heading's year placeholders.
    private var bySection: [String: (label: Int, cells: [(id: String, x: Int, width: Int)])] = [:]
    /// The focused cell's section and column: a section too wide scrolls sideways to show it.
    private let focusSection: String?
    private let focusColumn: String

    init(state s: AppState) {
        form = s.template.form(s.focus.form)
        tableWidth = View.tableRect(s).width
        year = s.draft.year
        focusSection = form?.row(s.focus.row)?.sectionID
        focusColumn = s.focus.column
        for section in form?.sections ?? [] { bySection[section.id] = layout(of: section.id) }
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
    /// (99999.99 万元, 100.00%, a score), so no column has to leave the screen.
    static func tight(_ kind: CellKind) -> Int {
        switch kind {
        case .money: return 9
        case .count: return 5
        case .percent: return 7
        case .decimal: return 5
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
        // A heading longer than a line wraps onto the section's second heading line: a column asks
        // for half of it, so numbers stay narrow and text columns get the room.
        var widths = section.columns.enumerated().map { i, c in
            let w = DisplayWidth.width(of: YearText.render(c.label, year: year))
            return max(minimums[i], min(16, c.kind.isNumeric && w > FormLayout.headingLine ? (w + 1) / 2 + 1 : w))
        }
        let longest = form?.rows.filter { $0.sectionID == sectionID }.map { DisplayWidth.width(of: $0.label) + $0.depth * 2 }.max() ?? 8
        var label = min(max(10, longest), 30)
        let flexible = section.columns.indices.filter { [.text, .longtext].contains(section.columns[$0].kind) }
        var spare = tableWidth - label - widths.reduce(0, +) - section.columns.count
        // Give back room in this order: headings beyond their minimum, long-text columns (their text is
        // read in the editor and the status line), the label, then the other text columns evenly.
        let longtext = section.columns.indices.filter { section.columns[$0].kind == .longtext }
        let shortText = flexible.filter { !longtext.contains($0) }
        var guardCount = 0
        while spare < 0 && guardCount < 4000 {
            guardCount += 1
            if let i = widths.indices.filter({ widths[$0] > minimums[$0] }).max(by: { widths[$0] - minimums[$0] < widths[$1] - minimums[$1] }) {
                widths[i] -= 1
            } else if let i = longtext.first(where: { widths[$0] > 6 }) {
                widths[i] -= 1
            } else if label > min(longest, 16) {
                label -= 1
            } else if let i = shortText.max(by: { widths[$0] < widths[$1] }), widths[i] > 6 {
                widths[i] -= 1
            } else if let i = widths.indices.filter({ widths[$0] > Self.tight(section.columns[$0].kind) }).max(by: { widths[$0] < widths[$1] }) {
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
                // The first text column (an indicator's name) gets a double share.
                let shares = flexible.count + 1
                for (k, i) in flexible.enumerated() {
                    widths[i] += spare / shares * (k == 0 ? 2 : 1) + (k == 0 ? spare % shares : 0)
                }
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

    func width(of column: String, in sectionID: String) -> Int {
        if column == CellAddress.labelColumn { return columns(of: sectionID).label }
        return columns(of: sectionID).cells.first { $0.id == column }?.width ?? 10
    }
}
