import Foundation

/// Why next year's draft could not be made. Worded in `NextYearText`.
public enum NextYearError: Error, Equatable, Sendable {
    /// The year asked for is not after the draft's.
    case notLater(draftYear: Int, asked: Int)
    /// The draft was made with another template than the one asked for.
    case otherTemplate(draft: String, asked: String)
}

/// Next year's draft from this year's, as the template's `nextYear` says: the kept cells copied (the
/// plans among them marked 「沿用上年，请核对」), every project and named row (special fund) with its
/// name, each `{Y-1}` figure from this year's `{Y}` one; everything else — actuals, scores, reasons,
/// dates — left empty.
public enum NextYearDraft {
    public struct Outcome: Sendable {
        public let draft: Draft
        /// Cells marked to be looked at.
        public let marked: Int
        /// `{Y-1}` cells filled from this year's figures.
        public let previousFilled: Int
        /// False when the year asked is more than one after the draft's: this year's figures are then not
        /// the new year's `{Y-1}`, and the `{Y-1}` cells are left empty.
        public let previousApplies: Bool
    }

    public static func make(from old: Draft, template: Template, year: Int, templateID: String? = nil) throws(NextYearError) -> Outcome {
        if let templateID, templateID != old.templateID { throw .otherTemplate(draft: old.templateID, asked: templateID) }
        guard year > old.year else { throw .notLater(draftYear: old.year, asked: year) }
        let spec = template.nextYear
        var draft = Draft(templateID: template.id, templateVersion: template.version, year: year)
        draft.parameters = old.parameters
        var marked = 0
        for form in template.forms {
            var instances = old.instances(of: form.id).map { carry($0, form: form, spec: spec, marked: &marked) }
            if instances.isEmpty && !form.isRepeated { instances = [DraftFactory.newInstance(form)] }
            draft.forms[form.id] = instances
        }
        let applies = year == old.year + 1
        var filled = 0
        if applies {
            let ev = Evaluation(template: template, draft: old)
            for copy in spec.previous { filled += fill(&draft, copy, from: ev) }
        }
        return Outcome(draft: draft, marked: marked, previousFilled: filled, previousApplies: applies)
    }

    /// Where next year's draft goes by default: `hunan-2023.json` → `hunan-2024.json`; a name without
    /// the year gets it appended (`draft-2024.json`).
    public static func defaultFileName(_ file: String, from old: Int, to new: Int) -> String {
        let url = URL(fileURLWithPath: file)
        let name = url.lastPathComponent
        let renamed: String
        if let r = name.range(of: String(old), options: .backwards) {
            renamed = name.replacingCharacters(in: r, with: String(new))
        } else {
            let ext = url.pathExtension
            let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
            renamed = stem + "-\(new)" + (ext.isEmpty ? "" : "." + ext)
        }
        return file.contains("/") ? url.deletingLastPathComponent().path + "/" + renamed : renamed
    }

    static func carry(_ e: FormEntry, form: FormSpec, spec: NextYearSpec, marked: inout Int) -> FormEntry {
        var out = FormEntry()
        let fresh = DraftFactory.newInstance(form)
        for row in form.rows {
            let keepers = row.columnIDs.compactMap { c in spec.keeper(form: form.id, row: row, column: c).map { (c, $0.review) } }
            if let rep = row.repeating {
                guard rep.named || !keepers.isEmpty else {
                    if let initial = fresh.rows[row.id] { out.rows[row.id] = initial }
                    continue
                }
                guard let list = e.rows[row.id], !list.isEmpty else { continue }
                out.rows[row.id] = list.map { inst in
                    var r = RowEntry(label: rep.named ? inst.label : nil)
                    for (c, review) in keepers {
                        guard let v = inst.cells[c] else { continue }
                        r.cells[c] = v
                        if review { r.carried.insert(c); marked += 1 }
                    }
                    return r
                }
            } else {
                for (c, review) in keepers {
                    guard let v = e.cells[row.id]?[c] else { continue }
                    out.set(row: row.id, index: nil, column: c, to: v)
                    if review { out.setCarried(row: row.id, index: nil, column: c, true); marked += 1 }
                }
            }
        }
        return out
    }

    /// Copies this year's figures into next year's `{Y-1}` cells; returns how many were filled. Only
    /// numbers are copied: an empty or unfinished figure leaves the cell for the accountant.
    static func fill(_ draft: inout Draft, _ copy: PreviousYearCopy, from ev: Evaluation) -> Int {
        var n = 0
        func put(_ v: Value, form: String, index: Int, row: String, rowIndex: Int?, column: String) {
            guard case let .number(d) = v, draft.forms[form]?.indices.contains(index) == true else { return }
            if let rowIndex, rowIndex >= draft.forms[form]![index].count(of: row) { return }
            draft.forms[form]![index].set(row: row, index: rowIndex, column: column, to: .number(d))
            n += 1
        }
        switch copy {
        case let .columns(fid, sid, from, to):
            guard let form = ev.template.form(fid) else { return 0 }
            for k in 0..<ev.instanceCount(fid) {
                for row in form.rows where row.sectionID == sid && row.columnIDs.contains(from) && row.columnIDs.contains(to) && row.formulas[to] == nil {
                    let indices: [Int?] = row.repeating == nil ? [nil] : (0..<(ev.draft.instances(of: fid)[k].count(of: row.id))).map { $0 }
                    for i in indices {
                        put(ev.value(form: form, index: k, row: row.id, rowIndex: i, column: from), form: fid, index: k, row: row.id, rowIndex: i, column: to)
                    }
                }
            }
        case let .cell(from, to):
            guard let form = ev.template.form(from.form), ev.instanceCount(from.form) > 0 else { return 0 }
            put(ev.value(form: form, index: 0, row: from.cell.row, rowIndex: nil, column: from.cell.column),
                form: to.form, index: 0, row: to.cell.row, rowIndex: nil, column: to.cell.column)
        }
        return n
    }
}
