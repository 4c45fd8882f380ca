import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

extension App {
    enum AfterCommit { case next, previous, stay, up, down }

    /// Starts editing the focused cell; `replacing` starts from typed or pasted text instead of the
    /// cell's content (the spreadsheet habit: type over a cell to replace it).
    static func beginEdit(_ s: inout AppState, replacing: String?) {
        let layout = s.layout
        let r = layout.rowRef(of: s.focus)
        guard layout.isFillable(r, s.focus.column) else {
            s.say(r.isPlaceholder ? UIText.App.placeholderHint : UIText.App.computedCell, error: !r.isPlaceholder)
            return
        }
        if s.readOnly { s.say(UIText.App.readOnlyNoEdit, error: true); return }
        let a = s.focus
        let entry = s.draft.instances(of: a.form)[safe: a.formIndex]?.entry(row: a.row, index: a.rowIndex, column: a.column)
        let label = a.column == CellAddress.labelColumn ? s.evaluation.value(a).text : nil
        let current = ValueText.display(s.evaluation.value(a), kind: kind(s, a))
        let editableText: String
        if case let .number(d)? = entry {
            editableText = kind(s, a) == .percent ? (d * 100).plain + "%" : d.plain
        } else {
            editableText = current
        }
        var e = Editing(address: a, original: entry, originalLabel: label, line: nil, area: nil, before: s.draft)
        let typed = replacing.map { fitting(&s, $0, room: Limits.cellBytes) }
        if kind(s, a) == .longtext {
            var area = TextAreaEditor(text: replacing == nil ? editableText : "")
            area.moveToEnd()
            if let t = typed { area.insert(t) }
            e.area = area
        } else {
            var line = LineEditor(text: replacing == nil ? editableText : "")
            line.moveEnd()
            if let t = typed { line.insert(t) }
            e.line = line
        }
        s.editing = e
        if replacing != nil { applyTentative(&s) }
    }

    static func kind(_ s: AppState, _ a: CellAddress) -> CellKind {
        if a.column == CellAddress.labelColumn { return .text }
        guard let f = s.template.form(a.form), let r = f.row(a.row) else { return .text }
        return f.section(r.sectionID)?.column(a.column)?.kind ?? .text
    }

    static func editKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        guard var e = s.editing else { return [] }
        if e.area != nil {
            switch key {
            case .escape: cancelEdit(&s); return []
            case .ctrl("s"), .f(2): return commitEdit(&s, then: .stay)
            case .tab: return commitEdit(&s, then: .next)
            case .backTab: return commitEdit(&s, then: .previous)
            case .f(3), .ctrl("x"): return [.openEditor(e.area!.text)]
            case .enter: _ = applyWithinLimit(&s, &e, key) { ed, _ in ed.area!.insertNewline(); return true }
            case .f(10), .ctrl("q"): return commitEdit(&s, then: .stay) + quit(&s)
            default:
                let width = areaWrapWidth(s)
                guard applyWithinLimit(&s, &e, key, { ed, k in ed.area!.handle(k, wrapWidth: width) }) else { return [] }
            }
            s.editing = e
            applyTentative(&s)
            return []
        }
        switch key {
        case .escape: cancelEdit(&s); return []
        case .enter, .tab: return commitEdit(&s, then: .next)
        case .backTab: return commitEdit(&s, then: .previous)
        case .up: return commitEdit(&s, then: .up)
        case .down: return commitEdit(&s, then: .down)
        case .f(2), .ctrl("s"): return commitEdit(&s, then: .stay) + save(&s)
        case .f(10), .ctrl("q"): return commitEdit(&s, then: .stay) + quit(&s)
        case .ctrl("z"):
            // Undo inside a cell restores what it held before this edit.
            cancelEdit(&s)
            return []
        default:
            let width = max(4, fieldWidth(s))
            guard applyWithinLimit(&s, &e, key, { ed, k in ed.line!.handle(k, width: width) }) else { return [] }
            s.editing = e
            applyTentative(&s)
            return []
        }
    }

    /// Applies `key` to the cell's editor without taking the cell past what a draft may hold
    /// (`Limits.cellBytes`; for a report section `Limits.reportSectionBytes`: the reader enforces both):
    /// typed or pasted text that would go past it is cut at the limit, any other key that would (Ctrl-Y,
    /// Enter at the limit) does nothing, and the status line says so. Returns false for keys the editor
    /// leaves to the form.
    static func applyWithinLimit(_ s: inout AppState, _ e: inout Editing, _ key: Key, _ apply: (inout Editing, Key) -> Bool) -> Bool {
        var next = e
        guard apply(&next, key) else { return false }
        let limit = cellLimit(e.address)
        if bytes(next) > limit {
            next = e
            if let text = key.insertedText {
                _ = apply(&next, .paste(fitting(&s, text, room: limit - bytes(e), limit: limit)))
            } else {
                s.say(UIText.App.cellFull(limit), error: true)
            }
        }
        e = next
        return true
    }

    static func bytes(_ e: Editing) -> Int { (e.line?.text ?? e.area?.text ?? "").utf8.count }

    /// `text`, or as much of it as fits in `room` UTF-8 bytes (whole characters), saying so when cut.
    static func fitting(_ s: inout AppState, _ text: String, room: Int, limit: Int = Limits.cellBytes) -> String {
        guard text.utf8.count > room else { return text }
        var out = ""
        var used = 0
        for c in text {
            let n = c.utf8.count
            guard used + n <= room else { break }
            out.append(c)
            used += n
        }
        s.say(UIText.App.cellLimitCut(limit, dropped: text.utf8.count - used), error: true)
        return out
    }

    /// Writes what the editor holds into the draft so totals, scores and problems follow each keystroke.
    static func applyTentative(_ s: inout AppState) {
        guard let e = s.editing else { return }
        let text = e.line?.text ?? e.area?.text ?? ""
        if e.address.isReport { setReport(&s, e.address, text: text); return }
        var d = s.draft
        do {
            try DraftEditor(template: s.template).set(&d, e.address, text: text, lenient: true)
        } catch {
            s.say(EditText.message(error), error: true)
            return
        }
        replaceDraft(&s, d, form: e.address.form, index: e.address.formIndex)
    }

    /// Puts back what the cell held when the edit began, and only that cell: whatever else changed
    /// meanwhile stays (the fuzz once reverted a project added during an edit this way).
    static func cancelEdit(_ s: inout AppState) {
        guard let e = s.editing else { return }
        s.editing = nil
        let a = e.address
        var d = s.draft
        if a.isReport {
            if case let .text(t)? = e.original { d.report[a.row] = t } else { d.report[a.row] = nil }
            if d != s.draft { replaceReport(&s, d) }
            return
        }
        guard var list = d.forms[a.form], a.formIndex >= 0, a.formIndex < list.count else { return }
        if a.column == CellAddress.labelColumn {
            guard let idx = a.rowIndex, var rows = list[a.formIndex].rows[a.row], idx >= 0, idx < rows.count else { return }
            rows[idx].label = e.originalLabel
            list[a.formIndex].rows[a.row] = rows
        } else {
            list[a.formIndex].set(row: a.row, index: a.rowIndex, column: a.column, to: e.original)
        }
        d.forms[a.form] = list
        if d != s.draft { replaceDraft(&s, d, form: a.form, index: a.formIndex) }
    }

    static func commitEdit(_ s: inout AppState, then: AfterCommit) -> [Effect] {
        guard let e = s.editing else { return [] }
        applyTentative(&s)
        s.editing = nil
        if s.draft != e.before {
            recordChange(&s, before: e.before, focus: e.address)
            if let p = s.checks.problems(form: e.address.form, index: e.address.formIndex).first(where: { $0.address == e.address && $0.code == "notANumber" }) {
                s.say(ProblemText(template: s.template, draft: s.draft).message(p), error: true)
            }
        }
        if e.address.isReport {
            // Tab leaves a section for the next one, as it leaves a cell for the next.
            if then == .next || then == .previous { moveSection(&s, reportLayout(s), by: then == .next ? 1 : -1) }
            keepFocusVisible(&s)
            return []
        }
        let layout = s.layout
        switch then {
        case .next: nextFillable(&s, forward: true)
        case .previous: nextFillable(&s, forward: false)
        case .up: moveVertically(&s, layout, by: -1)
        case .down: moveVertically(&s, layout, by: 1)
        case .stay: break
        }
        keepFocusVisible(&s)
        return []
    }

    /// Width of the focused cell on screen, for scrolling the line editor.
    static func fieldWidth(_ s: AppState) -> Int {
        TableGeometry.kept(s).width(of: s.focus.column, in: s.layout.form.row(s.focus.row)?.sectionID ?? "")
    }

    static func areaWrapWidth(_ s: AppState) -> Int { max(10, s.size.cols - 8) }
}
