import Foundation

/// A calendar date as forms write it.
public struct FormDate: Comparable, Sendable {
    public let year: Int, month: Int, day: Int

    public static func < (a: FormDate, b: FormDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

extension CheckContext {
    /// One 填报日期 for the whole submission: the first filled date of the listed cells is the
    /// reference; every other that differs is a warning there and at the reference. No date may fall
    /// before the evaluated year's last day, and not after the template's deadline. Cells without a whole date
    /// (a year alone, a word) are left to the `year` check.
    mutating func dates(_ spec: CheckSpec) {
        var found: [(address: CellAddress, date: FormDate)] = []
        for t in spec.cells {
            guard let f = t.form.flatMap(ev.template.form) ?? Optional(form) else { continue }
            let instances = t.allInstances ? Array(0..<ev.instanceCount(f.id)) : [t.form == nil ? index : 0]
            for k in instances { if let d = date(t, in: f, index: k) { found.append((address(t.row, nil, t.column, in: f, formIndex: k), d)) } }
        }
        dates(spec, found: found)
    }

    /// The whole date in one listed cell of one instance, if it has one and the instance counts.
    func date(_ t: CheckTarget, in f: FormSpec, index k: Int) -> FormDate? {
        guard k < ev.instanceCount(f.id), ev.counts(f, index: k),
              let s = ev.value(form: f, index: k, row: t.row, rowIndex: nil, column: t.column).text else { return nil }
        return DateScan.date(in: s)
    }

    /// The problems of the dates found, in the order of the listed cells and their instances (`DatesIndex`
    /// keeps them per instance).
    mutating func dates(_ spec: CheckSpec, found: [(address: CellAddress, date: FormDate)]) {
        let year = ev.draft.year
        for (a, d) in found {
            if d < FormDate(year: year, month: 12, day: 31) {
                report(spec.severity, a, .dateInEvaluatedYear(d))
            } else if let (m, day) = spec.deadline, d > FormDate(year: year + 1, month: m, day: day) {
                report(spec.severity, a, .dateAfterDeadline(d, deadline: FormDate(year: year + 1, month: m, day: day)))
            }
        }
        guard let reference = found.first else { return }
        let differing = found.dropFirst().filter { $0.date != reference.date }
        guard !differing.isEmpty else { return }
        for (a, d) in differing {
            report(spec.severity, a, .datesDiffer(d, reference: DatedCell(address: reference.address, date: reference.date)))
        }
        report(spec.severity, reference.address, .datesDifferHere(reference.date, others: differing.map { DatedCell(address: $0.address, date: $0.date) }))
    }
}

/// Finds one whole date in text: 2024.5.30, 2024-05-30, 2024/5/30, 2024年5月30日 (full-width folded).
/// Nil when there is none, or more than one (a range says nothing about the day the forms were signed).
enum DateScan {
    static func date(in s: String) -> FormDate? {
        let chars = Array(FullWidth.fold(s).filter { !$0.isUnicodeWhiteSpace })
        var out: [FormDate] = []
        var i = 0
        func number(_ at: inout Int, maxDigits: Int) -> Int? {
            var j = at
            while j < chars.count, j - at < maxDigits + 1, chars[j].isASCII, chars[j].isNumber { j += 1 }
            guard j > at, j - at <= maxDigits, let n = Int(String(chars[at..<j])) else { return nil }
            at = j
            return n
        }
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber) else { i += 1; continue }
            var j = i
            if let y = number(&j, maxDigits: 4), (1990...2099).contains(y), j < chars.count, ".-/年".contains(chars[j]) {
                j += 1
                if let m = number(&j, maxDigits: 2), (1...12).contains(m), j < chars.count, ".-/月".contains(chars[j]) {
                    j += 1
                    if let d = number(&j, maxDigits: 2), (1...31).contains(d), j == chars.count || !(chars[j].isASCII && chars[j].isNumber) {
                        out.append(FormDate(year: y, month: m, day: d))
                        i = j
                        continue
                    }
                }
            }
            i += 1
        }
        return out.count == 1 ? out[0] : nil
    }
}
