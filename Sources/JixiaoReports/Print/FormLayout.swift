import JixiaoKit
/// One form instance (附件1, 附件3-2) laid out as its paper form: sections as tables of lines, each
/// line with its label cells (and how far they span) and its value cells. Built from the template and
/// the `Evaluation` only, so the HTML, CSV and XLSX printouts show the same cells with the same values.
public struct PrintedForm: Sendable {
    public let formID: String
    public let index: Int
    /// 附件1, 附件3-2.
    public let short: String
    public let title: String
    /// The project's name on a repeated form (项目支出名称).
    public let name: String?
    public let sections: [PrintedSection]
}

public struct PrintedSection: Sendable {
    public enum Layout: Sendable, Equatable {
        /// One unlabeled column: label, then the value across the rest (预算单位名称, 厉行节约保障措施).
        case keyValue
        /// One label column, breakdown lines (其中) indented by depth.
        case indented
        /// A label column per level with the parent's label spanning its children's lines
        /// (一级指标 over 二级指标 over the indicators), as the paper forms merge them.
        case grouped
    }

    public let id: String
    public let title: String
    /// Heading over the label columns (一级指标 / 二级指标).
    public let labelHeading: String
    public let layout: Layout
    /// Number of label columns: 1 unless grouped.
    public let levels: Int
    public let columns: [PrintedColumn]
    public let lines: [PrintedLine]
    public let note: String?
    /// The template names this section as the signature block (单位负责人签字 …).
    public let isSignature: Bool

    /// Column headings exist (a key-value section has none).
    public var hasColumnHeadings: Bool { columns.contains { !$0.label.isEmpty } }
}

public struct PrintedColumn: Sendable {
    public let id: String
    public let label: String
    public let kind: CellKind
}

public struct PrintedLine: Sendable {
    public let rowID: String
    public let rowIndex: Int?
    /// The row's depth in the template (其中 lines are deeper than their total).
    public let depth: Int
    /// One entry per label column: nil where a label above spans down over this line, or where the
    /// label to the left spans across.
    public let labels: [PrintedLabel?]
    /// One entry per section column: nil where the row has no cell in that column.
    public let cells: [PrintedCell?]
    /// A named row's own name (a special fund's), printed as its first label: the draft cell it is.
    public var labelAddress: CellAddress? = nil
}

public struct PrintedLabel: Sendable, Equatable {
    public let text: String
    public let rowSpan: Int
    public let columnSpan: Int
    /// A line the printout adds (小计) for a heading row's own figures.
    public let isSubtotal: Bool
}

public struct PrintedCell: Sendable {
    public let address: CellAddress
    public let value: Value
    /// As the library displays it (`ValueText.display`): 993.60, 100%, —.
    public let text: String
    public let kind: CellKind
    /// The template's formula when the cell is computed.
    public let formula: Formula?
}

public enum FormLayout {
    /// Every instance of every form, in template order.
    public static func forms(_ ev: Evaluation) -> [PrintedForm] {
        ev.template.forms.flatMap { form in (0..<ev.instanceCount(form.id)).filter { ev.counts(form, index: $0) }.map { layout(ev, form: form, index: $0) } }
    }

    public static func layout(_ ev: Evaluation, form: FormSpec, index k: Int) -> PrintedForm {
        let labels = Labels(template: ev.template, draft: ev.draft)
        let sections = form.sections.map { section(ev, form, k, $0, labels) }
        return PrintedForm(formID: form.id, index: k, short: labels.formShort(form, index: k), title: labels.formTitle(form),
                           name: labels.instanceName(form, index: k), sections: sections)
    }

    static func section(_ ev: Evaluation, _ form: FormSpec, _ k: Int, _ section: SectionSpec, _ labels: Labels) -> PrintedSection {
        let year = ev.draft.year, params = ev.draft.parameters
        let rows = form.rows.filter { $0.sectionID == section.id }
        let layout: PrintedSection.Layout
        if section.columns.count == 1, section.columns[0].label.isEmpty, rows.allSatisfy({ $0.childIDs.isEmpty && $0.repeating == nil }) {
            layout = .keyValue
        } else if rows.contains(where: { $0.repeating != nil && $0.repeating?.named != true }) {
            // Unnamed repeated rows (indicators, goals) share their label: the paper merges it down.
            layout = .grouped
        } else {
            layout = .indented
        }
        let levels = layout == .grouped ? 1 + (rows.map(\.depth).max() ?? 0) : 1
        let columns = section.columns.map { PrintedColumn(id: $0.id, label: YearText.render($0.label, year: year, parameters: params), kind: $0.kind) }
        let entry = ev.draft.instances(of: form.id)[safe: k] ?? FormEntry()

        func cells(_ row: RowSpec, _ i: Int?) -> [PrintedCell?] {
            section.columns.map { col -> PrintedCell? in
                guard row.columnIDs.contains(col.id) else { return nil }
                let v = ev.value(form: form, index: k, row: row.id, rowIndex: i, column: col.id)
                return PrintedCell(address: CellAddress(form: form.id, formIndex: k, row: row.id, rowIndex: i, column: col.id),
                                   value: v, text: ValueText.display(v, kind: col.kind), kind: col.kind, formula: row.formulas[col.id])
            }
        }

        var lines: [PrintedLine] = []
        if layout == .grouped {
            let noCells = [PrintedCell?](repeating: nil, count: section.columns.count)
            var drafts: [GroupedLine] = []
            func emit(_ row: RowSpec, _ path: [LabelKey]) {
                let label = labels.rowLabel(form, index: k, row: row, rowIndex: nil)
                if let rep = row.repeating {
                    let n = entry.count(of: row.id)
                    // A level with no instance still shows, as the paper form keeps its empty line.
                    if n == 0 { drafts.append(GroupedLine(row: row, index: nil, path: path + [LabelKey(key: row.id, text: label)], cells: noCells)) }
                    for i in 0..<n {
                        let key = rep.named ? LabelKey(key: "\(row.id)#\(i)", text: labels.rowLabel(form, index: k, row: row, rowIndex: i))
                                            : LabelKey(key: row.id, text: label)
                        drafts.append(GroupedLine(row: row, index: i, path: path + [key], cells: cells(row, i)))
                    }
                } else if row.childIDs.isEmpty {
                    drafts.append(GroupedLine(row: row, index: nil, path: path + [LabelKey(key: row.id, text: label)], cells: cells(row, nil)))
                } else {
                    let me = LabelKey(key: row.id, text: label)
                    for child in row.childIDs.compactMap(form.row) { emit(child, path + [me]) }
                    if !row.columnIDs.isEmpty {
                        drafts.append(GroupedLine(row: row, index: nil, path: path + [me, LabelKey(key: row.id + "#subtotal", text: PrintWords.subtotal, subtotal: true)],
                                                  cells: cells(row, nil)))
                    }
                }
            }
            for id in section.rowIDs { if let row = form.row(id) { emit(row, []) } }
            lines = merge(drafts, levels: levels)
        } else {
            for row in rows {
                let indices: [Int?] = row.repeating == nil ? [nil] : (0..<entry.count(of: row.id)).map { $0 }
                for i in indices {
                    let text = labels.rowLabel(form, index: k, row: row, rowIndex: i)
                    var line = PrintedLine(rowID: row.id, rowIndex: i, depth: row.depth,
                                           labels: [PrintedLabel(text: text, rowSpan: 1, columnSpan: 1, isSubtotal: false)], cells: cells(row, i))
                    if row.repeating?.named == true, let i {
                        line.labelAddress = CellAddress(form: form.id, formIndex: k, row: row.id, rowIndex: i, column: CellAddress.labelColumn)
                    }
                    lines.append(line)
                }
            }
        }
        return PrintedSection(id: section.id, title: YearText.render(section.title, year: year, parameters: params),
                              labelHeading: YearText.render(section.labelHeading, year: year, parameters: params),
                              layout: layout, levels: levels, columns: columns, lines: lines,
                              note: section.note.map { YearText.render($0, year: year, parameters: params) },
                              isSignature: form.scorecard?.signatureSection == section.id)
    }

    struct LabelKey {
        let key: String
        let text: String
        var subtotal = false
    }

    struct GroupedLine {
        let row: RowSpec
        let index: Int?
        let path: [LabelKey]
        let cells: [PrintedCell?]
    }

    /// Turns label paths into cells: equal keys on consecutive lines at one level merge down (rowSpan),
    /// the deepest label of a line spans right to the last label column (columnSpan).
    static func merge(_ drafts: [GroupedLine], levels: Int) -> [PrintedLine] {
        var labels = [[PrintedLabel?]](repeating: [PrintedLabel?](repeating: nil, count: levels), count: drafts.count)
        for level in 0..<levels {
            var j = 0
            while j < drafts.count {
                guard level < drafts[j].path.count else { j += 1; continue }
                let key = drafts[j].path[level]
                var end = j + 1
                // Row ids are unique in a form, so an equal key on the next line is the same parent or
                // another instance of the same repeated row: never two different rows.
                while end < drafts.count, level < drafts[end].path.count, drafts[end].path[level].key == key.key { end += 1 }
                let isLast = level == drafts[j].path.count - 1
                labels[j][level] = PrintedLabel(text: key.text, rowSpan: end - j, columnSpan: isLast ? levels - level : 1, isSubtotal: key.subtotal)
                j = end
            }
        }
        return zip(drafts, labels).map { d, l in
            PrintedLine(rowID: d.row.id, rowIndex: d.index, depth: d.row.depth, labels: l, cells: d.cells)
        }
    }
}
