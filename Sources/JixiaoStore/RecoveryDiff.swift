import Foundation
import JixiaoKit

/// Which entered cells differ between two versions of a draft, worded for the recovery prompt.
/// Compares cell by cell at the same position (form instance, row instance, column): a row inserted
/// in the middle shows as the cells below it changing, which is still an honest count of what differs.
public enum RecoveryDiff {
    /// Values longer than this are cut in the list: the prompt has one line per change.
    static let maxValueLength = 200

    public struct Result: Equatable, Sendable {
        public var count: Int
        public var sample: [RecoveryChange]
    }

    public static func compare(_ old: Draft, _ new: Draft, template: Template, sampleSize: Int = RecoveryFile.sampleSize) -> Result {
        var result = Result(count: 0, sample: [])
        let newLabels = Labels(template: template, draft: new)
        let oldLabels = Labels(template: template, draft: old)
        func note(_ a: CellAddress, _ o: String?, _ n: String?, repeated: Bool) {
            guard o != n else { return }
            result.count += 1
            guard result.sample.count < sampleSize else { return }
            // A cell that exists only in the old version is named as it was.
            let labels = n == nil && !exists(a, in: new) ? oldLabels : newLabels
            result.sample.append(RecoveryChange(path: a.path(formRepeated: repeated), location: labels.location(a), old: o, new: n))
        }
        for form in template.forms {
            let olds = old.instances(of: form.id), news = new.instances(of: form.id)
            for k in 0..<max(olds.count, news.count) {
                let oe = olds[safe: k], ne = news[safe: k]
                for row in form.rows {
                    let kinds = DraftCodec.kindsByColumn(form, row)
                    let columns = row.columnIDs.filter { row.formulas[$0] == nil }
                    if row.repeating != nil {
                        let count = max(oe?.count(of: row.id) ?? 0, ne?.count(of: row.id) ?? 0)
                        for i in 0..<count {
                            let orow = oe?.rows[row.id]?[safe: i], nrow = ne?.rows[row.id]?[safe: i]
                            if row.repeating?.named == true {
                                let a = CellAddress(form: form.id, formIndex: k, row: row.id, rowIndex: i, column: CellAddress.labelColumn)
                                note(a, shown(orow?.label), shown(nrow?.label), repeated: form.isRepeated)
                            }
                            for c in columns {
                                let a = CellAddress(form: form.id, formIndex: k, row: row.id, rowIndex: i, column: c)
                                note(a, text(orow?.cells[c], kinds[c]), text(nrow?.cells[c], kinds[c]), repeated: form.isRepeated)
                            }
                        }
                    } else {
                        for c in columns {
                            let a = CellAddress(form: form.id, formIndex: k, row: row.id, column: c)
                            note(a, text(oe?.cells[row.id]?[c], kinds[c]), text(ne?.cells[row.id]?[c], kinds[c]), repeated: form.isRepeated)
                        }
                    }
                }
            }
        }
        // The report's prose is typing like any cell's: a recovery file holding only prose is worth offering.
        for section in template.report?.sections ?? [] where old.report[section.id] != new.report[section.id] {
            result.count += 1
            if result.sample.count < sampleSize {
                result.sample.append(RecoveryChange(path: "report." + section.id, location: NarrativeText.location(section.heading),
                                                    old: shown(old.report[section.id]), new: shown(new.report[section.id])))
            }
        }
        for p in template.parameters where old.parameters[p.id] != new.parameters[p.id] {
            result.count += 1
            if result.sample.count < sampleSize {
                result.sample.append(RecoveryChange(path: "@" + p.id, location: p.label, old: old.parameters[p.id], new: new.parameters[p.id]))
            }
        }
        return result
    }

    static func exists(_ a: CellAddress, in d: Draft) -> Bool {
        guard let inst = d.instances(of: a.form)[safe: a.formIndex] else { return false }
        guard let i = a.rowIndex else { return true }
        return i < inst.count(of: a.row)
    }

    static func text(_ e: Entry?, _ kind: CellKind?) -> String? {
        guard let e else { return nil }
        return shown(ValueText.display(e.value, kind: kind ?? .text))
    }

    static func shown(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s.count > maxValueLength ? String(s.prefix(maxValueLength)) + "…" : s
    }
}
