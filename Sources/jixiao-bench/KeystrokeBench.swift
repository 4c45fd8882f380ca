import Foundation
import JixiaoKit
import JixiaoTUI
import JixiaoStore
import JixiaoReports
import JixiaoGenerate
import JixiaoTerminal

/// One keystroke in the terminal UI as the driver handles it: `App.update` (the edit, the
/// recomputation of the form instance, its checks and progress) and then `View.render` of the whole
/// screen grid. Painting the grid with ncurses is not included.
struct KeystrokeBench {
    let template: Template
    let draft: Draft
    let path: String
    let runs: Int
    let rows: Int
    let cols: Int

    func opened() -> AppState {
        var s = AppState(workspace: Workspace(draft: draft, template: template), path: path)
        App.update(&s, .resize(rows: rows, cols: cols))
        return s
    }

    @inline(never) func press(_ s: inout AppState, _ key: Key) {
        keep(App.update(&s, .key(key)))
        keep(View.render(s, rows: rows, cols: cols))
    }

    /// Times `key` pressed on a fresh copy of `state` each run (the copy is not timed).
    func fromState(_ name: String, _ state: AppState, _ key: Key) -> Samples {
        var out = Samples(name)
        guard wanted(name) else { return out }
        for i in 0..<(runs + 2) {
            var s = state
            let t0 = now()
            press(&s, key)
            if i >= 2 { out.record(t0) }
        }
        return out
    }

    /// Times each key of a sequence pressed in turn on one state.
    func sequence(_ name: String, _ state: AppState, _ keys: (Int) -> Key) -> Samples {
        var s = state
        var out = Samples(name)
        guard wanted(name) else { return out }
        for i in 0..<(runs + 2) {
            let t0 = now()
            press(&s, keys(i))
            if i >= 2 { out.record(t0) }
        }
        return out
    }

    func run() -> [Samples] {
        var out: [Samples] = []
        out.append(.measure("open: AppState(workspace:path:) + first render", runs: max(5, min(runs / 50, 30)), warmup: 1) {
            keep(View.render(opened(), rows: rows, cols: cols))
        })
        let start = opened()
        let ev = start.evaluation
        let labels = Labels(template: template, draft: draft)
        // A money cell in the middle project, and one in the first single form that has any.
        var targets: [(String, FormSpec, Int)] = []
        if let f = template.forms.first(where: { $0.isRepeated }), ev.instanceCount(f.id) > 0 { targets.append(("", f, ev.instanceCount(f.id) / 2)) }
        if let f = template.forms.first(where: { !$0.isRepeated && moneyCell(ev, $0, 0) != nil }) { targets.append(("", f, 0)) }
        for (_, form, k) in targets {
            guard let cell = moneyCell(ev, form, k) else { continue }
            let place = "\(labels.formShort(form, index: k)) \(cell.row)\(cell.rowIndex.map { "[\($0 + 1)]" } ?? "").\(cell.column)"
            var focused = start
            focused.focus = cell
            out.append(fromState("key: first digit in a money cell, \(place)", focused, .char("7")))
            var editing = focused
            press(&editing, .char("7"))
            out.append(sequence("key: digit / backspace while editing, \(place)", editing) { $0 % 2 == 0 ? .char(Character(String($0 % 10))) : .backspace })
            press(&editing, .char("5"))
            out.append(fromState("key: Enter (commit, next cell), \(place)", editing, .enter))
            out.append(sequence("key: arrow down / up, \(place)", focused) { $0 % 2 == 0 ? .down : .up })
            out.append(sequence("key: arrow right / left, \(place)", focused) { $0 % 2 == 0 ? .right : .left })
            out.append(sequence("key: page down / up, \(place)", focused) { $0 % 2 == 0 ? .pageDown : .pageUp })
            if let row = repeatedRow(form, k) {
                var onRow = start
                onRow.focus = row
                out.append(fromState("key: F5 add a row, \(labels.formShort(form, index: k)) \(row.row)[\((row.rowIndex ?? 0) + 1)]", onRow, .f(5)))
                var added = onRow
                press(&added, .f(5))
                out.append(fromState("key: Ctrl-Z undo the added row, \(labels.formShort(form, index: k)) \(row.row)[\((row.rowIndex ?? 0) + 1)]", added, .ctrl("z")))
            }
            out.append(.measure("render only: View.render, \(place)", runs: runs) { keep(View.render(focused, rows: rows, cols: cols)) })
            // F4 after a committed edit here: with every card built beforehand (as between keys after
            // opening) only the edited instance's is built again; with none, all are.
            var edited = focused
            for key: Key in [.char("7"), .enter] { press(&edited, key) }
            out.append(fromState("key: F4 score preview, no card kept, after an edit in \(place)", edited, .f(4)))
            while !App.warmScorecards(&edited) {}
            out.append(fromState("key: F4 score preview, cards kept, after an edit in \(place)", edited, .f(4)))
        }
        return out
    }

    /// The first entered money cell of a form instance.
    func moneyCell(_ ev: Evaluation, _ form: FormSpec, _ k: Int) -> CellAddress? {
        FillableCells.list(ev, form: form, index: k).first { $0.kind == .money }?.address
    }

    /// The first instance of a repeated row of a form instance: a named one (a fund list) if there is
    /// one, else an indicator row.
    func repeatedRow(_ form: FormSpec, _ k: Int) -> CellAddress? {
        let entry = draft.instances(of: form.id)[k]
        let rows = form.rows.filter { $0.repeating != nil && entry.count(of: $0.id) > 0 }
        guard let row = rows.first(where: { $0.repeating?.named == true }) ?? rows.first(where: { $0.sectionID == form.indicators?.section }) ?? rows.first
        else { return nil }
        let column = row.repeating?.named == true ? CellAddress.labelColumn : (row.columnIDs.first { row.formulas[$0] == nil } ?? "")
        return CellAddress(form: form.id, formIndex: k, row: row.id, rowIndex: 0, column: column)
    }
}
