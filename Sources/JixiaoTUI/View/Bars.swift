import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// The top line: program, unit, year, file and whether it is saved.
enum TitleBar {
    /// What the title line shows, so that a key that changes none of it (a digit typed into a figure:
    /// the draft and the problems' revision move) does not draw it again.
    struct Key: Equatable, Sendable {
        let unit: String, year: Int, dirty: Bool, readOnly: Bool, path: String, cols: Int, errors: Int, warnings: Int
        /// The draft version and the revisions `dirty` was worked out for (not part of what is shown):
        /// for the same ones it is the same, and comparing the draft with the saved one was most of the key.
        let stamp: DirtyStamp

        /// `known`: a key made before, whose `dirty` is taken again when its stamp is this state's.
        init(_ s: borrowing AppState, known: Key? = nil) {
            let stamp = s.dirtyStamp
            // The unit's name is an entered cell: the same draft version, the same name (finding it looks
            // through the forms' cells by name, a few percent of opening a panel).
            unit = known.flatMap { $0.stamp.version == stamp.version ? $0.unit : nil } ?? ScorecardUnit.name(s)
            year = s.draft.year
            self.stamp = stamp
            dirty = known.flatMap { $0.stamp == stamp ? $0.dirty : nil } ?? s.isDirty
            readOnly = s.readOnly
            path = s.path
            cols = s.size.cols
            errors = s.checks.count(.error)
            warnings = s.checks.count(.warning)
        }

        static func == (a: Key, b: Key) -> Bool {
            a.unit == b.unit && a.year == b.year && a.dirty == b.dirty && a.readOnly == b.readOnly && a.path == b.path && a.cols == b.cols
                && a.errors == b.errors && a.warnings == b.warnings
        }
    }

    /// The title line drawn once for what it shows: a frame copies it (finding the unit's name and
    /// fitting the path were a tenth of an arrow key's frame).
    static func keep(_ s: inout AppState) {
        let known = s.titleKept?.key
        let key = Key(s, known: known)
        if known == key { s.titleKept?.key = key }
        guard s.titleKept?.key != key, s.size.cols > 0 else { return }
        var line = Screen(rows: 1, cols: s.size.cols)
        draw(&line, s, key)
        s.titleKept = (key, line)
    }

    /// `key`: `Key(s)`.
    static func draw(_ sc: inout Screen, _ s: AppState, _ key: Key) {
        if let k = s.titleKept, k.line.cols == sc.cols, k.key == key {
            sc.paste(k.line, row: 0, col: 0)
            return
        }
        sc.fill(Rect(row: 0, col: 0, height: 1, width: sc.cols), style: .title)
        let unit = ScorecardUnit.name(s)
        let left = " \(UIText.App.programName) · \(unit.isEmpty ? UIText.App.noUnitYet : unit) · \(s.draft.year)年度 · "
        // Whether the work is saved and how many problems remain outrank the file name (which the
        // default naming makes long): they stay whole, and the name gives way with an ellipsis.
        var marks = ""
        if s.isDirty { marks += UIText.App.unsavedMark }
        if s.readOnly { marks += UIText.App.readOnlyMark }
        let e = s.checks.count(.error), w = s.checks.count(.warning)
        let counts = UIText.App.problemCounts(errors: e, warnings: w) + " "
        let cw = DisplayWidth.width(of: counts)
        let room = max(0, sc.cols - cw - 1 - DisplayWidth.width(of: marks))
        let lw = DisplayWidth.width(of: left)
        let head = lw + 6 <= room ? left + DisplayWidth.truncate(s.path, toWidth: room - lw, ellipsis: "…")
                                  : DisplayWidth.truncate(String(left.dropLast(3)), toWidth: room, ellipsis: "…")
        let end = sc.put(head, row: 0, col: 0, style: .title, maxWidth: room)
        sc.put(marks, row: 0, col: end, style: CellStyle(.title, [.bold]))
        sc.put(counts, row: 0, col: sc.cols - cw, style: e > 0 ? CellStyle(.error, [.bold]) : .title)
    }
}

enum ScorecardUnit {
    static func name(_ s: borrowing AppState) -> String {
        guard let cell = s.template.unitNameCell else { return "" }
        for form in s.template.forms where form.row(cell.row) != nil && s.evaluation.instanceCount(form.id) > 0 {
            if let t = s.evaluation.value(CellAddress(form: form.id, row: cell.row, column: cell.column)).text, !t.isEmpty { return t }
        }
        return ""
    }
}

/// Two lines above the key bar: the focused cell's full label and kind, then its problem or a message.
enum StatusBar {
    static let maxMessageLines = 4

    /// Returns whether a message took rows above the status lines (the table's last lines).
    @discardableResult
    static func draw(_ sc: inout Screen, _ s: AppState) -> Bool {
        let r1 = sc.rows - 3, r2 = sc.rows - 2
        sc.fill(Rect(row: r1, col: 0, height: 2, width: sc.cols), style: .status)
        let kept = s.focus.isReport ? nil : s.placeKept.flatMap { $0.focus == s.focus && $0.version == s.draftVersion ? $0 : nil }
        let where_ = s.focus.isReport ? UIText.Report.location(ReportPage.location(s, s.focus)) : kept?.text ?? formPlace(s)
        let placeLine = kept.flatMap { $0.cols == sc.cols ? $0.line : nil } ?? Place.line(where_, cols: sc.cols)
        if let m = s.message {
            // A message longer than a line takes the cell's name's line and, if need be, the table's last
            // lines above it, until the next key; past `maxMessageLines` it ends with an ellipsis.
            let style = s.messageIsError ? CellStyle(.error, [.bold]) : CellStyle.status
            var lines = TextLines.wrap(m, width: sc.cols - 2)
            if lines.count > 1 {
                if lines.count > maxMessageLines {
                    lines = Array(lines.prefix(maxMessageLines))
                    lines[maxMessageLines - 1] = DisplayWidth.truncate(lines[maxMessageLines - 1] + "……", toWidth: sc.cols - 2, ellipsis: "…")
                }
                let top = r2 - lines.count + 1
                sc.fill(Rect(row: top, col: 0, height: lines.count, width: sc.cols), style: .status)
                for (k, l) in lines.enumerated() { sc.put(" " + l, row: top + k, col: 0, style: style, maxWidth: sc.cols) }
                return top < r1
            }
            sc.put(placeLine, row: r1, col: 0, style: .status, maxWidth: sc.cols)
            sc.put(" " + m, row: r2, col: 0, style: style, maxWidth: sc.cols)
            return false
        }
        sc.put(placeLine, row: r1, col: 0, style: .status, maxWidth: sc.cols)
        let mine = s.focus.isReport ? s.checks.report.filter { $0.reportSection == s.focus.row }
            : s.checks.problems(form: s.focus.form, index: s.focus.formIndex).filter { $0.address == s.focus }
                + s.checks.acrossProblems(form: s.focus.form, index: s.focus.formIndex).filter { $0.address == s.focus }
        if let p = mine.max(by: { $0.severity < $1.severity }) {
            let style: CellStyle = p.severity == .error ? CellStyle(.error, [.bold]) : CellStyle(.warning)
            // Cut with an ellipsis when long: F3 shows it whole.
            let text = ProblemReport.severityWord(p.severity) + "：" + ProblemText(template: s.template, draft: s.draft).message(p)
            sc.put(" " + DisplayWidth.truncate(text, toWidth: sc.cols - 2, ellipsis: "…（F3 看全文）"), row: r2, col: 0, style: style, maxWidth: sc.cols)
        } else if s.editing != nil {
            sc.put(" " + UIText.App.editingHint(area: s.editing?.area != nil), row: r2, col: 0, style: .status, maxWidth: sc.cols)
        } else if !s.checks.isComplete {
            sc.put(" " + UIText.App.checkingTheRest, row: r2, col: 0, style: .status, maxWidth: sc.cols)
        } else if s.focus.isReport {
            sc.put(" " + UIText.Report.hint, row: r2, col: 0, style: .status, maxWidth: sc.cols)
        }
        return false
    }

    /// The focused cell's place in words, as `keep` made it for a focus and a draft version, and the
    /// column labels it was worded with.
    struct Place: Sendable {
        let focus: CellAddress
        private(set) var version: Int
        let text: String
        var columns: ColumnLabels?
        /// The text as the status line shows it at `cols` columns (`line(_:cols:)`).
        let cols: Int, line: String

        init(focus: CellAddress, version: Int, text: String, columns: ColumnLabels?, cols: Int) {
            self.focus = focus
            self.version = version
            self.text = text
            self.columns = columns
            self.cols = cols
            line = Self.line(text, cols: cols)
        }

        /// The same place, found still right at a later draft version (its line is not cut again).
        func at(version: Int) -> Place {
            var p = self
            p.version = version
            return p
        }

        /// The place cut to the status line.
        static func line(_ text: String, cols: Int) -> String { " " + DisplayWidth.truncate(text, toWidth: cols - 2, ellipsis: "…") }
    }

    /// `Labels.columnLabel` by form, section and column, for a year and parameters: the label of the
    /// focused column does not change as the focus moves down it, and wording it was most of the place.
    struct ColumnLabels: Sendable {
        struct Key: Hashable, Sendable { let form: String, section: String, column: String }
        let year: Int
        let parameters: [String: String]
        var labels: [Key: String] = [:]

        /// The label of `s`'s focused column, kept; nil for the label column (its label is the row's noun).
        static func label(_ s: AppState, _ labels: Labels, _ kept: inout ColumnLabels?) -> String? {
            let a = s.focus
            guard a.column != CellAddress.labelColumn, let form = s.template.form(a.form), let row = form.row(a.row) else { return nil }
            if kept.map({ $0.year != s.draft.year || $0.parameters != s.draft.parameters }) ?? true {
                kept = ColumnLabels(year: s.draft.year, parameters: s.draft.parameters)
            }
            let key = Key(form: a.form, section: row.sectionID, column: a.column)
            if let label = kept?.labels[key] { return label }
            let label = labels.columnLabel(form, row: row, column: a.column)
            kept?.labels[key] = label
            return label
        }
    }

    /// Keeps the focused cell's place in words (`formPlace`) for the frame: a key that changes neither
    /// the focus nor a name the place is worded with (the instance's name, the focused row's own name)
    /// takes it again; any other change of the draft words it afresh (`AppState.cellLog`).
    static func keep(_ s: inout AppState) {
        guard !s.focus.isReport else { s.placeKept = nil; return }
        if let k = s.placeKept, k.focus == s.focus {
            if k.version == s.draftVersion {
                if k.cols != s.size.cols { s.placeKept = Place(focus: k.focus, version: k.version, text: k.text, columns: k.columns, cols: s.size.cols) }
                return
            }
            if let form = s.template.form(s.focus.form),
               let mine = s.cellLog.cells(of: InstanceSlot(form: form.compiled.slot, index: s.focus.formIndex), since: k.version) {
                let c = form.compiled
                let name = form.repeated.flatMap { n in c.row(n.nameCell.row).flatMap { r in c.column(n.nameCell.column).map { (row: r, column: $0) } } }
                func names(_ cell: CellSlot) -> Bool { cell.column == c.labelSlot || (cell.row == name?.row && cell.column == name?.column) }
                if !mine.contains(where: names) {
                    s.placeKept = k.cols == s.size.cols ? k.at(version: s.draftVersion)
                        : Place(focus: s.focus, version: s.draftVersion, text: k.text, columns: k.columns, cols: s.size.cols)
                    return
                }
            }
        }
        var columns = s.placeKept?.columns
        let text = formPlace(s, kept: &columns)
        s.placeKept = Place(focus: s.focus, version: s.draftVersion, text: text, columns: columns, cols: s.size.cols)
    }

    static func formPlace(_ s: AppState) -> String {
        var none: ColumnLabels?
        return formPlace(s, kept: &none)
    }

    /// The focused cell in words, with its kind: 附件1 · 人员情况 · 编制数  〔人数/整数〕; `columns`: the
    /// column labels kept so far, and the focused one's after.
    static func formPlace(_ s: AppState, kept columns: inout ColumnLabels?) -> String {
        let labels = Labels(template: s.template, draft: s.draft)
        let layout = s.layout
        let r = layout.rowRef(of: s.focus)
        var where_ = labels.location(s.focus, columnLabel: ColumnLabels.label(s, labels, &columns))
        if r.isPlaceholder, let spec = layout.form.row(r.row) {
            // The group is named, so two groups' lines (专项 under 3、 and under 4、) read differently.
            let parent = spec.parentID.flatMap(layout.form.row).map { labels.rowLabel(layout.form, index: s.focus.formIndex, row: $0, rowIndex: nil) }
            let group = [parent, labels.rowLabel(layout.form, index: s.focus.formIndex, row: spec, rowIndex: nil)].compactMap { $0 }.joined(separator: " · ")
            let empty = (s.draft.instances(of: layout.form.id)[safe: s.focus.formIndex]?.count(of: r.row) ?? 0) == 0
            where_ = UIText.App.placeholderLine(labels.formShort(layout.form, index: s.focus.formIndex), group: group, empty: empty)
        }
        if !r.isPlaceholder {
            let kind = App.kind(s, s.focus)
            let computed = !layout.isFillable(r, s.focus.column) && !s.focus.column.isEmpty
            where_ += "  〔" + (computed ? UIText.App.computedTag : UIText.App.kindName(kind)) + "〕"
        }
        return where_
    }
}

/// The last line: the main keys, as mc and htop show them, on every screen.
enum KeyBar {
    /// The keys the bar lists (one of `UIText.Keys`' lists), compared pair by pair.
    struct Items: Equatable, Sendable {
        let list: [(String, String)]

        static func == (a: Items, b: Items) -> Bool {
            a.list.count == b.list.count && zip(a.list, b.list).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        }
    }

    static func items(_ s: AppState) -> Items {
        let list: [(String, String)] = switch s.overlay {
        case .problems: UIText.Keys.problems
        case .score: UIText.Keys.score
        case .printPreview: UIText.Keys.printPreview
        case .help: UIText.Keys.help
        case .confirm: UIText.Keys.confirm
        case .prompt: UIText.Keys.prompt
        case .outline: UIText.Keys.outline
        default:
            s.editing == nil ? (s.focus.isReport ? UIText.Keys.report : UIText.Keys.main)
                : (s.editing?.area != nil ? (s.focus.isReport ? UIText.Keys.reportArea : UIText.Keys.area) : UIText.Keys.editing)
        }
        return Items(list: list)
    }

    static func draw(_ sc: inout Screen, _ items: Items) {
        let row = sc.rows - 1
        sc.fill(Rect(row: row, col: 0, height: 1, width: sc.cols), style: .normal)
        var col = 0
        for (key, label) in items.list {
            // Whole items only: the bar lists as many keys as the width holds, the most used first.
            guard col + DisplayWidth.width(of: key + label) <= sc.cols else { break }
            col = sc.put(key, row: row, col: col, style: .normal, maxWidth: sc.cols - col)
            col = sc.put(label, row: row, col: col, style: .keybar, maxWidth: sc.cols - col)
            col += 1
        }
    }
}

enum TooSmallView {
    static func draw(_ sc: inout Screen, rows: Int, cols: Int) {
        let text = TerminalText.tooSmall(minCols: App.minCols, minRows: App.minRows)
        let now = UIText.App.currentSize(cols: cols, rows: rows)
        let r = max(0, rows / 2 - 1)
        _ = sc.text(text, in: Rect(row: r, col: 1, height: max(1, rows - r - 1), width: max(1, cols - 2)), style: CellStyle(.error, [.bold]))
        if r + 2 < rows { sc.put(now, row: min(rows - 1, r + 3), col: 1, maxWidth: max(0, cols - 2)) }
    }
}
