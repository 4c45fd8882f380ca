import JixiaoKit
/// The scorecard (绩效自评得分) as plain text for a terminal or `lp`: per scored form (附件2) and per
/// project (附件3-n) the execution score, every indicator, the totals and the grade, the rubric (评分表)
/// where the template has one and the form is begun,
/// the signature block; then the check summary. Columns align by display width. Every text goes
/// through `VisibleText` before it is measured: control characters are shown, never sent.
public enum PrintText {
    /// `width` is in terminal cells (a Han character takes two). `draftMark` marks every form block 草稿.
    public static func render(scorecard s: Scorecard, evaluation ev: Evaluation, width: Int, draftMark: DraftMark? = nil) -> String {
        let w = max(width, 20)
        var out: [String] = []
        func para(_ text: String, indent: String = "") {
            for line in TextWrap.wrap(VisibleText.text(text), width: w - TextWrap.width(indent)) { out.append(TextWrap.trimTrailing(indent + line)) }
        }
        para(PrintWords.scorecardTitle)
        para(s.unit.isEmpty ? ReportText.noUnit : s.unit)
        para("\(s.year) \(PrintWords.year) · \(PrintWords.template)\(PrintWords.colon)\(s.templateTitle)")
        out.append(String(repeating: "=", count: w))
        let labels = Labels(template: ev.template, draft: ev.draft)
        for card in s.forms {
            guard let form = ev.template.form(card.formID) else { continue }
            out.append("")
            para("【\(card.short)】\(card.title)")
            if let mark = draftMark { para("［\(mark.banner)］") }
            if let name = card.name {
                // Named as the form names it (项目支出名称), else by what one instance is (项目).
                let label = form.repeated.flatMap { rep in form.row(rep.nameCell.row).map { labels.rowLabel(form, index: card.index, row: $0, rowIndex: nil) } }
                para("\(label ?? form.repeated?.noun ?? "")\(PrintWords.colon)\(name)")
            }
            if let table = execution(card, form, labels) {
                out.append("")
                para(ReportText.execution)
                out += table.render(width: w)
            }
            if let table = indicators(card, form, ev, labels) {
                out.append("")
                let title = form.indicators.flatMap { form.section($0.section)?.title } ?? ""
                if !title.isEmpty { para(labels.templateText(title)) }
                out += table.render(width: w)
            }
            if let table = rubric(card, form, labels) {
                out.append("")
                let title = form.scorecard?.rubric.flatMap { form.section($0.section)?.title } ?? ""
                para(title.isEmpty ? PrintWords.rubric : labels.templateText(title))
                out += table.render(width: w)
            }
            if let totals = totals(card, form, labels) {
                out.append("")
                para(totals)
            }
            if !card.signature.isEmpty {
                out.append("")
                out += signature(card.signature, width: w)
            }
        }
        out.append("")
        out.append(String(repeating: "=", count: w))
        para("\(ReportText.checks)\(PrintWords.colon)\(ProblemReport.summary(s.problems))")
        if draftMark != nil {
            for p in s.problems where p.severity == .error {
                para("\(ProblemReport.severityWord(p.severity))  \(s.problemText.location(p))", indent: "  ")
                para(s.problemText.message(p), indent: "        ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func execution(_ card: FormCard, _ form: FormSpec, _ labels: Labels) -> TextTable? {
        guard let e = card.execution, let sc = form.scorecard, let rowID = sc.executionRow, let row = form.row(rowID) else { return nil }
        let pairs: [(String?, Value)] = [(sc.budget, e.budget), (sc.actual, e.actual), (sc.rate, e.rate), (sc.weight, e.weight), (sc.score, e.score)]
        var columns: [TextTable.Column] = []
        var cells: [String] = []
        for (col, value) in pairs {
            guard let col else { continue }
            columns.append(.init(heading: labels.columnLabel(form, row: row, column: col), align: .right))
            cells.append(ValueText.display(value, kind: kind(form, row, col)))
        }
        var t = TextTable(columns)
        t.add(cells)
        return t
    }

    static func indicators(_ card: FormCard, _ form: FormSpec, _ ev: Evaluation, _ labels: Labels) -> TextTable? {
        guard let ind = form.indicators, let section = form.section(ind.section), !card.indicators.isEmpty else { return nil }
        func heading(_ id: String) -> String { labels.templateText(section.column(id)?.label ?? "") }
        func kindOf(_ id: String) -> CellKind { section.column(id)?.kind ?? .decimal }
        let levelHeading = labels.templateText(section.labelHeading)
        var t = TextTable([
            .init(heading: levelHeading, align: .left), .init(heading: heading(ind.name), align: .left),
            .init(heading: heading(ind.target), align: .left), .init(heading: heading(ind.actual), align: .left),
            .init(heading: heading(ind.weight), align: .right), .init(heading: heading(ind.score), align: .right),
            .init(heading: heading(ind.reason), align: .left),
        ])
        var lastLevel1: String?
        var lastLevel2: String?
        for line in card.indicators {
            if line.level1 != lastLevel1, !line.level1.isEmpty {
                // The group's own figures (产出指标 50 / 50) are computed cells of its heading row.
                var weight = "", score = ""
                if let parentID = form.row(line.address.row)?.parentID, let parent = form.row(parentID) {
                    func v(_ col: String) -> String {
                        guard parent.columnIDs.contains(col) else { return "" }
                        return ValueText.display(ev.value(form: form, index: card.index, row: parent.id, rowIndex: nil, column: col), kind: kindOf(col))
                    }
                    weight = v(ind.weight)
                    score = v(ind.score)
                }
                t.add([line.level1, "", "", "", weight, score, ""])
                lastLevel2 = nil
            }
            lastLevel1 = line.level1
            let level2 = line.level2 == lastLevel2 ? "" : (line.level1.isEmpty ? line.level2 : "  " + line.level2)
            lastLevel2 = line.level2
            t.add([level2, line.name, line.target, line.actual, ValueText.display(line.weight, kind: kindOf(ind.weight)),
                   ValueText.display(line.score, kind: kindOf(ind.score)), line.reason])
        }
        return t
    }

    static func rubric(_ card: FormCard, _ form: FormSpec, _ labels: Labels) -> TextTable? {
        guard !card.rubric.isEmpty, let rb = form.scorecard?.rubric, let section = form.section(rb.section) else { return nil }
        func heading(_ id: String) -> String { labels.templateText(section.column(id)?.label ?? "") }
        func kindOf(_ id: String) -> CellKind { section.column(id)?.kind ?? .decimal }
        // A 类别 column only for heading rows that are not scored lines themselves: a scored parent
        // (a 一级指标 over its 二级指标) is the line just above, shown by indenting, not again in a column.
        let hasGroups = card.rubric.contains { !$0.category.isEmpty }
        var columns: [TextTable.Column] = []
        if hasGroups { columns.append(.init(heading: PrintWords.group, align: .left)) }
        columns += [.init(heading: section.labelHeading.isEmpty ? PrintWords.item : labels.templateText(section.labelHeading), align: .left),
                    .init(heading: heading(rb.weight), align: .right), .init(heading: heading(rb.figure), align: .left),
                    .init(heading: heading(rb.rule), align: .left), .init(heading: heading(rb.points), align: .right)]
        var t = TextTable(columns)
        var lastGroup: String?
        for r in card.rubric {
            var cells: [String] = []
            if hasGroups { cells.append(r.category == lastGroup ? "" : r.category) }
            lastGroup = r.category
            cells += [String(repeating: "  ", count: r.depth) + r.name, ValueText.display(r.weight, kind: kindOf(rb.weight)), r.figure.isEmpty ? PrintWords.none : r.figure,
                      r.rule, ValueText.display(r.points, kind: kindOf(rb.points))]
            t.add(cells)
        }
        return t
    }

    /// "总分：97    评价等次：优", labelled as the template labels those cells.
    static func totals(_ card: FormCard, _ form: FormSpec, _ labels: Labels) -> String? {
        var parts: [String] = []
        for (ref, value) in [(form.scorecard?.total, card.total), (form.scorecard?.grade, card.grade)] {
            guard let ref, let value, let row = form.row(ref.row) else { continue }
            let label = labels.columnLabel(form, row: row, column: ref.column)
            parts.append("\(label)\(PrintWords.colon)\(ValueText.display(value, kind: kind(form, row, ref.column)))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "    ")
    }

    /// Label：value pairs, as many to a line as fit; an empty value leaves a line to sign on.
    static func signature(_ pairs: [(label: String, value: String)], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for (label, value) in pairs {
            let item = VisibleText.text("\(label)\(PrintWords.colon)\(value.isEmpty ? String(repeating: "_", count: 14) : value)")
            let candidate = current.isEmpty ? item : current + "    " + item
            if TextWrap.width(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = item
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.flatMap { TextWrap.wrap($0, width: width) }
    }

    static func kind(_ form: FormSpec, _ row: RowSpec, _ column: String) -> CellKind {
        form.section(row.sectionID)?.column(column)?.kind ?? .decimal
    }
}

extension Labels {
    /// A template text with the draft's year and parameters filled in.
    func templateText(_ s: String) -> String { YearText.render(s, year: draft.year, parameters: draft.parameters) }
}
