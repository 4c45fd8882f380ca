import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

extension App {
    static func navigationKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        let layout = s.layout
        switch key {
        case .up: moveVertically(&s, layout, by: -1)
        case .down: moveVertically(&s, layout, by: 1)
        case .left: moveHorizontally(&s, layout, by: -1)
        case .right: moveHorizontally(&s, layout, by: 1)
        case .home: if let r = currentRow(s, layout) { s.focus = layout.address(r, layout.columns(of: r).first ?? "") }
        case .end: if let r = currentRow(s, layout) { s.focus = layout.address(r, layout.columns(of: r).last ?? "") }
        case .pageUp: moveVertically(&s, layout, by: -max(1, tableHeight(s) - 2))
        case .pageDown: moveVertically(&s, layout, by: max(1, tableHeight(s) - 2))
        case .tab: nextFillable(&s, forward: true)
        case .backTab: nextFillable(&s, forward: false)
        case .ctrl("n"), .ctrlRight: switchForm(&s, by: 1)
        case .ctrl("p"), .ctrlLeft: switchForm(&s, by: -1)
        case .enter:
            let r = layout.rowRef(of: s.focus)
            if r.isPlaceholder { addRow(&s) } else { beginEdit(&s, replacing: nil) }
        case .backspace, .delete:
            // Clearing is an edit like typing over the cell: Esc puts the value back, Enter keeps it cleared.
            let r = layout.rowRef(of: s.focus)
            if layout.isFillable(r, s.focus.column), s.evaluation.value(s.focus) != .empty { beginEdit(&s, replacing: "") }
        case .paste(let text):
            if layout.rowRef(of: s.focus).isPlaceholder { addRow(&s) }
            beginEdit(&s, replacing: text)
        case .char(let c) where !c.isNewline:
            // Typing on the line that ends a group starts its next row with what was typed.
            if layout.rowRef(of: s.focus).isPlaceholder { addRow(&s) }
            beginEdit(&s, replacing: String(c))
        case .escape: break
        default: break
        }
        keepFocusVisible(&s)
        return []
    }

    static func currentRow(_ s: AppState, _ layout: FormLayout) -> RowRef? {
        let r = layout.rowRef(of: s.focus)
        return layout.lineOfRow[r] != nil ? r : layout.rows.first
    }

    static func moveVertically(_ s: inout AppState, _ layout: FormLayout, by delta: Int) {
        guard let r = currentRow(s, layout), let i = layout.rows.firstIndex(of: r) else { return }
        let j = min(max(i + delta, 0), layout.rows.count - 1)
        let target = layout.rows[j]
        let cols = layout.columns(of: target)
        // Keep the column when the new row has it; otherwise the nearest by position.
        let col = cols.contains(s.focus.column) ? s.focus.column : nearestColumn(layout, from: r, column: s.focus.column, to: target)
        s.focus = layout.address(target, col)
    }

    static func nearestColumn(_ layout: FormLayout, from: RowRef, column: String, to: RowRef) -> String {
        let cols = layout.columns(of: to)
        guard !cols.isEmpty else { return "" }
        let section = layout.form.section(layout.form.row(to.row)?.sectionID ?? "")
        let order = [CellAddress.labelColumn] + (section?.columns.map(\.id) ?? [])
        let pos = order.firstIndex(of: column) ?? 0
        return cols.min { abs((order.firstIndex(of: $0) ?? 0) - pos) < abs((order.firstIndex(of: $1) ?? 0) - pos) } ?? cols[0]
    }

    static func moveHorizontally(_ s: inout AppState, _ layout: FormLayout, by delta: Int) {
        guard let r = currentRow(s, layout) else { return }
        let cols = layout.columns(of: r)
        guard let i = cols.firstIndex(of: s.focus.column) else {
            if let c = cols.first { s.focus = layout.address(r, c) }
            return
        }
        let j = i + delta
        if j >= 0 && j < cols.count { s.focus = layout.address(r, cols[j]) }
    }

    /// Tab order: the next cell to fill or group to add to, in form order and across forms (附件1 → 附件2 → 附件3-1 …).
    static func nextFillable(_ s: inout AppState, forward: Bool) {
        let layout = s.layout
        let besides = layout.stop(besides: s.focus, forward: forward)
        if besides.isStop {
            if let next = besides.next { s.focus = next; return }
        } else if let r = currentRow(s, layout), let lineIndex = layout.rows.firstIndex(of: r) {
            // From a computed cell or a placeholder: the first fillable cell after (or before) this row.
            let cells = layout.stops
            let candidates = forward ? cells.filter { (layout.rows.firstIndex(of: layout.rowRef(of: $0)) ?? 0) > lineIndex }
                                     : cells.filter { (layout.rows.firstIndex(of: layout.rowRef(of: $0)) ?? 0) < lineIndex }
            if let c = forward ? candidates.first : candidates.last { s.focus = c; return }
        }
        // Past the end of this form: the first (or last) fillable cell of the next (or previous) instance.
        var instances = Array(allInstances(s))
        if !forward { instances.reverse() }
        guard let me = instances.firstIndex(where: { $0.form == s.focus.form && $0.index == s.focus.formIndex }) else { return }
        for inst in instances[(me + 1)...] {
            // Entering in order flows on from the last form into the report's first section.
            if inst.form == ReportPage.form, forward { focusInstance(&s, form: inst.form, index: 0); return }
            guard let form = s.template.form(inst.form) else { continue }
            let l = FormLayout(form: form, index: inst.index, draft: s.draft, year: s.draft.year)
            if let c = forward ? l.stops.first : l.stops.last { s.focus = c; s.scroll = 0; return }
        }
    }

    /// Every form instance in outline order, then the 自评报告 when the template has one.
    static func allInstances(_ s: AppState) -> InstanceList { InstanceList(template: s.template, evaluation: s.evaluation) }

    static func switchForm(_ s: inout AppState, by delta: Int) {
        let all = allInstances(s)
        guard let me = all.firstIndex(where: { $0.form == s.focus.form && $0.index == s.focus.formIndex }) else { return }
        let j = min(max(me + delta, 0), all.count - 1)
        guard j != me else { return }
        focusInstance(&s, form: all[j].form, index: all[j].index)
    }

    /// Opens a form instance at its first cell still to fill (else its first cell).
    static func focusInstance(_ s: inout AppState, form: String, index: Int) {
        if form == ReportPage.form, let first = s.template.report?.sections.first {
            s.focus = ReportPage.address(first.id)
            s.scroll = 0
            return
        }
        guard let spec = s.template.form(form) else { return }
        let l = FormLayout(form: spec, index: index, draft: s.draft, year: s.draft.year)
        s.scroll = 0
        if let c = l.fillable.first(where: { !s.evaluation.value($0).isFilled }) ?? l.fillable.first {
            s.focus = c
        } else if let r = l.rows.first {
            s.focus = l.address(r, l.columns(of: r).first ?? "")
        } else {
            s.focus = CellAddress(form: form, formIndex: index, row: "", column: "")
        }
    }

    /// Puts the cursor back on the cell the draft was left on (`DraftPlace`), when that cell is still
    /// one the form shows; otherwise (rows deleted since, another template, a made-up record) the
    /// cursor stays on the first cell still to fill. Moves only the cursor: the draft is untouched.
    static func resume(_ s: inout AppState, at cell: CellAddress?) {
        guard let cell, s.template.form(cell.form) != nil, cell.formIndex >= 0,
              cell.formIndex < s.evaluation.instanceCount(cell.form), validFocus(s, cell) == cell else { return }
        s.focus = cell
        keepFocusVisible(&s)
    }

    /// Rows of the table area: the screen less the title, status, message and key bars.
    static func tableHeight(_ s: AppState) -> Int { max(1, s.size.rows - 5) }

    static func keepFocusVisible(_ s: inout AppState) {
        if s.focus.isReport {
            keepReportVisible(&s)
            keepOutlineVisible(&s)
            return
        }
        let layout = s.layout
        let h = tableHeight(s)
        guard let line = layout.lineOfRow[layout.rowRef(of: s.focus)] else { return }
        if line < s.scroll { s.scroll = line }
        if line >= s.scroll + h { s.scroll = line - h + 1 }
        // Show a section's title and column headings with its first row.
        var top = line
        while top > 0 {
            if case .row = layout.lines[top - 1] { break }
            top -= 1
        }
        if line - top < 3 && top < s.scroll && line - top < h { s.scroll = top }
        s.scroll = max(0, min(s.scroll, max(0, layout.lines.count - h)))
        keepOutlineVisible(&s)
    }

    /// The outline keeps the current instance in view.
    static func keepOutlineVisible(_ s: inout AppState) {
        let outlineHeight = max(1, s.size.rows - 5)
        // Not `allInstances(s)`: handing the whole state by value copied it (a retain of each of its parts).
        if let me = InstanceList(template: s.template, evaluation: s.evaluation).position(form: s.focus.form, index: s.focus.formIndex) {
            if me < s.outlineScroll { s.outlineScroll = me }
            if me >= s.outlineScroll + outlineHeight { s.outlineScroll = me - outlineHeight + 1 }
        }
    }
}

/// Every form instance in outline order, then the 自评报告 when the template has one: counted by form
/// rather than listed, so the outline's visible entries cost what is shown, not the draft's 200 projects.
struct InstanceList: RandomAccessCollection {
    private let forms: [(id: String, start: Int)]
    private let report: Bool
    let endIndex: Int
    var startIndex: Int { 0 }

    init(template: Template, evaluation: Evaluation) {
        var forms: [(id: String, start: Int)] = []
        var n = 0
        // By index: a `for` over the forms copies each `FormSpec` out of the array.
        for k in template.forms.indices {
            let id = template.forms[k].id
            let count = evaluation.instanceCount(id)
            if count > 0 { forms.append((id, n)) }
            n += count
        }
        report = ReportPage.exists(template)
        self.forms = forms
        endIndex = n + (report ? 1 : 0)
    }

    subscript(k: Int) -> (form: String, index: Int) {
        precondition(k >= 0 && k < endIndex, "instance \(k) of \(endIndex)")
        if report && k == endIndex - 1 { return (ReportPage.form, 0) }
        // The last form starting at or before k (few forms: a scan from the end).
        var j = forms.count - 1
        while forms[j].start > k { j -= 1 }
        return (forms[j].id, k - forms[j].start)
    }

    subscript(safe k: Int) -> (form: String, index: Int)? { k >= 0 && k < endIndex ? self[k] : nil }

    /// Where an instance stands in the list.
    func position(form: String, index: Int) -> Int? {
        if form == ReportPage.form { return report ? endIndex - 1 : nil }
        guard let j = forms.firstIndex(where: { $0.id == form }) else { return nil }
        let end = j + 1 < forms.count ? forms[j + 1].start : endIndex - (report ? 1 : 0)
        return index >= 0 && forms[j].start + index < end ? forms[j].start + index : nil
    }
}
