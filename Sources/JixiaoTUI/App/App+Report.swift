import JixiaoKit
import JixiaoStore
import JixiaoTerminal

/// The 自评报告 page: moving between its sections, scrolling through long prose, and editing a section's
/// prose with the same multi-line editor (and $EDITOR) as a long-text cell.
extension App {
    /// The page's layout, kept by `update` until the draft, the problems or the width change: a key on
    /// the page asked for it up to three times (the key, the section revealed, the frame).
    static func reportLayout(_ s: AppState) -> ReportLayout {
        let width = View.tableRect(s).width
        if let k = s.reportKept, k.version == s.draftVersion, k.checks == s.checks.revision, k.width == width { return k.layout }
        return ReportLayout(s, width: width)
    }

    static func keepReportLayout(_ s: inout AppState) {
        guard s.focus.isReport else { s.reportKept = nil; return }
        let layout = reportLayout(s)
        s.reportKept = (s.draftVersion, s.checks.revision, View.tableRect(s).width, layout)
    }

    static func reportKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        let layout = reportLayout(s)
        let h = tableHeight(s)
        let here = layout.whole[s.focus.row]
        switch key {
        case .down, .up:
            // Within a section longer than the screen the arrows read on; at its end they go to the next.
            let down = key == .down
            if let r = here, down ? r.upperBound > s.scroll + h : r.lowerBound < s.scroll {
                s.scroll += down ? 1 : -1
            } else {
                moveSection(&s, layout, by: down ? 1 : -1)
            }
        case .tab: moveSection(&s, layout, by: 1)
        case .backTab: moveSection(&s, layout, by: -1)
        case .pageDown, .pageUp:
            s.scroll = clampScroll(s.scroll + (key == .pageDown ? 1 : -1) * max(1, h - 2), layout, h)
            // The focus goes with the page when its section has left the screen.
            if let p = layout.prose[s.focus.row], p.upperBound <= s.scroll || p.lowerBound >= s.scroll + h,
               let sec = layout.section(at: s.scroll + (key == .pageDown ? 0 : h - 1)) {
                s.focus = ReportPage.address(sec)
            }
        case .home:
            if let first = layout.sections.first { s.focus = ReportPage.address(first) }
            s.scroll = 0
        case .end:
            if let last = layout.sections.last { s.focus = ReportPage.address(last) }
            revealSection(&s, layout)
        case .ctrl("n"), .ctrlRight: switchForm(&s, by: 1)
        case .ctrl("p"), .ctrlLeft: switchForm(&s, by: -1)
        case .enter: beginReportEdit(&s, appending: nil)
        case .ctrl("x"):
            beginReportEdit(&s, appending: nil)
            if let text = s.editing?.area?.text { return [.openEditor(text)] }
        case .paste(let text): beginReportEdit(&s, appending: text)
        case .char(let c) where !c.isNewline: beginReportEdit(&s, appending: String(c))
        case .backspace, .delete:
            // Clearing a whole section by one key, as a cell is cleared, would be too easy a loss.
            s.say(UIText.Report.noClear)
        default: break
        }
        keepFocusVisible(&s)
        return []
    }

    static func moveSection(_ s: inout AppState, _ layout: ReportLayout, by delta: Int) {
        guard let i = layout.sections.firstIndex(of: s.focus.row) else {
            if let first = layout.sections.first { s.focus = ReportPage.address(first) }
            return
        }
        let j = min(max(i + delta, 0), layout.sections.count - 1)
        s.focus = ReportPage.address(layout.sections[j])
        revealSection(&s, layout)
    }

    /// Shows the focused section whole, or from its heading when it is taller than the screen.
    static func revealSection(_ s: inout AppState, _ layout: ReportLayout) {
        guard let r = layout.whole[s.focus.row] else { return }
        let h = tableHeight(s)
        if r.lowerBound < s.scroll || r.count > h {
            s.scroll = r.lowerBound
        } else if r.upperBound > s.scroll + h {
            s.scroll = r.upperBound - h
        }
        // The legend above the first section comes with it.
        if layout.sections.first == s.focus.row, r.upperBound <= h { s.scroll = 0 }
        s.scroll = clampScroll(s.scroll, layout, h)
    }

    static func clampScroll(_ scroll: Int, _ layout: ReportLayout, _ h: Int) -> Int {
        max(0, min(scroll, layout.lines.count - h))
    }

    /// After any change (a resize, an edit, undo): the focused section stays at least partly in view
    /// (reading down a long one may leave only its last lines, its warnings, on screen).
    static func keepReportVisible(_ s: inout AppState) {
        let layout = reportLayout(s)
        if layout.whole[s.focus.row] == nil, let first = layout.sections.first { s.focus = ReportPage.address(first) }
        let h = tableHeight(s)
        s.scroll = clampScroll(s.scroll, layout, h)
        guard let r = layout.whole[s.focus.row] else { return }
        if r.upperBound <= s.scroll || r.lowerBound >= s.scroll + h { revealSection(&s, layout) }
    }

    /// Opens the focused section's prose in the multi-line editor; `appending` (typed or pasted) goes
    /// after what is there: typing over a whole section, as over a cell, would throw pages away.
    static func beginReportEdit(_ s: inout AppState, appending: String?) {
        guard s.focus.isReport, s.template.report?.section(s.focus.row) != nil else { return }
        if s.readOnly { s.say(UIText.App.readOnlyNoEdit, error: true); return }
        let prose = s.draft.report[s.focus.row]
        var area = TextAreaEditor(text: prose ?? "")
        area.moveToEnd()
        var e = Editing(address: s.focus, original: prose.map(Entry.text), originalLabel: nil, line: nil, area: nil, before: s.draft)
        if let t = appending {
            area.insert(fitting(&s, t, room: cellLimit(s.focus) - (prose ?? "").utf8.count))
        }
        e.area = area
        s.editing = e
        if appending != nil { applyTentative(&s) }
    }

    /// What one cell may hold: a section of the report holds a chapter.
    static func cellLimit(_ a: CellAddress) -> Int { a.isReport ? Limits.reportSectionBytes : Limits.cellBytes }

    /// Puts a draft whose forms are unchanged and whose prose changed in place: nothing is recomputed
    /// but the report's figure checks.
    static func replaceReport(_ s: inout AppState, _ d: Draft) {
        s.workspace.draft = d
        s.draftVersion += 1
        s.workspace.evaluation.updateReport(draft: d)
        s.checks.refreshReport(s.workspace.evaluation)
    }

    /// The focused section's prose set to `text`, through the draft editor.
    static func setReport(_ s: inout AppState, _ a: CellAddress, text: String) {
        var d = s.draft
        do { try DraftEditor(template: s.template).setReport(&d, section: a.row, text: text) } catch {
            s.say(EditText.message(error), error: true)
            return
        }
        if d != s.draft { replaceReport(&s, d) }
    }
}
