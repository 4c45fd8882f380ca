import Foundation
import JixiaoKit

/// Fills the indicator rows of one form instance: spreads `count` rows over the section's repeated
/// rows, splits each weighted heading's points (产出指标 50) exactly among the rows under it, and
/// writes a name, a target, an achieved value and the score the scoring library suggests for them
/// (never above the weight), with a 偏差原因 wherever the score falls short.
struct IndicatorFiller {
    let form: FormSpec
    let spec: IndicatorSpec
    let settings: TemplateSettings

    /// A cell the weight split reaches: a row, and its instance for a repeated row.
    struct Slot {
        let row: RowSpec
        let index: Int?
    }

    func fill(_ e: inout FormEntry, count: Int, rng: inout SeededRandom,
              otherCells: (RowSpec, inout SeededRandom) -> [String: Entry]) {
        let repeated = form.rows.filter { $0.sectionID == spec.section && $0.repeating != nil }
        guard !repeated.isEmpty else { return }
        let groups = form.rows.filter { $0.sectionID == spec.section && $0.weight != nil }
        let counts = distribute(count, over: repeated, groups: groups, rng: &rng)
        for row in repeated where counts[row.id, default: 0] > 0 {
            e.rows[row.id] = (0..<counts[row.id]!).map { _ in RowEntry(cells: otherCells(row, &rng)) }
        }
        var weights: [String: [Decimal?]] = [:]
        var single: [String: Decimal] = [:]
        var covered = Set<String>()
        for group in groups {
            let slots = self.slots(under: group, counts: counts)
            guard !slots.isEmpty, let w = group.weight else { continue }
            for (slot, part) in zip(slots, split(w, into: slots.count, rng: &rng)) {
                if let k = slot.index {
                    var list = weights[slot.row.id] ?? Array(repeating: nil, count: counts[slot.row.id] ?? 0)
                    list[k] = part
                    weights[slot.row.id] = list
                } else {
                    single[slot.row.id] = part
                }
                covered.insert(slot.row.id)
            }
        }
        for row in repeated {
            for k in 0..<(counts[row.id] ?? 0) {
                let w = weights[row.id]?[k] ?? (covered.contains(row.id) ? nil : Decimal(rng.int(1...5)))
                var cells = e.rows[row.id]![k].cells
                indicator(into: &cells, row: row, weight: w ?? 1, rng: &rng)
                e.rows[row.id]![k].cells = cells
            }
        }
        for (rowID, w) in single.sorted(by: { $0.key < $1.key }) {
            guard let row = form.row(rowID) else { continue }
            e.set(row: rowID, index: nil, column: spec.weight, to: .number(w))
            if row.columnIDs.contains(spec.score), row.formulas[spec.score] == nil {
                e.set(row: rowID, index: nil, column: spec.score, to: .number(w))
            }
        }
    }

    /// How many instances each repeated row gets: first one under every weighted heading, then one in
    /// each row the template starts with, then the rest at random.
    func distribute(_ total: Int, over rows: [RowSpec], groups: [RowSpec], rng: inout SeededRandom) -> [String: Int] {
        var counts: [String: Int] = [:]
        var left = total
        for g in groups where left > 0 {
            if let first = rows.first(where: { isDescendant($0, of: g) }) { counts[first.id, default: 0] += 1; left -= 1 }
        }
        for r in rows where left > 0 && (r.repeating?.initial ?? 0) > 0 && counts[r.id] == nil {
            counts[r.id] = 1
            left -= 1
        }
        while left > 0 {
            counts[rng.pick(rows).id, default: 0] += 1
            left -= 1
        }
        return counts
    }

    func isDescendant(_ row: RowSpec, of ancestor: RowSpec) -> Bool {
        var p = row.parentID
        while let id = p {
            if id == ancestor.id { return true }
            p = form.row(id)?.parentID
        }
        return false
    }

    /// Every entered weight cell below a heading, in template order (the cells `weightGroup` adds up).
    func slots(under group: RowSpec, counts: [String: Int]) -> [Slot] {
        var out: [Slot] = []
        for row in form.rows where isDescendant(row, of: group) {
            guard row.columnIDs.contains(spec.weight), row.formulas[spec.weight] == nil else { continue }
            if row.repeating != nil {
                out += (0..<(counts[row.id] ?? 0)).map { Slot(row: row, index: $0) }
            } else {
                out.append(Slot(row: row, index: nil))
            }
        }
        return out
    }

    /// `total` split into `n` positive parts that add up exactly: whole points where there are enough,
    /// else halves, else cents.
    func split(_ total: Decimal, into n: Int, rng: inout SeededRandom) -> [Decimal] {
        guard n > 0 else { return [] }
        var unit = Decimal(1)
        if total.rounded(0) != total || total < Decimal(n) {
            unit = (total * 2).rounded(0) == total * 2 && total * 2 >= Decimal(n) ? Decimal(string: "0.5")! : Decimal(string: "0.01")!
        }
        let units = NSDecimalNumber(decimal: (total / unit).rounded(0)).intValue
        guard units >= n else { return Array(repeating: total / Decimal(n), count: n) }
        let extra = units - n
        let draws = (0..<n).map { _ in rng.int(1...100) }
        let sum = draws.reduce(0, +)
        var parts = draws.map { 1 + extra * $0 / sum }
        var rest = units - parts.reduce(0, +)
        while rest > 0 {
            parts[rng.int(0...(n - 1))] += 1
            rest -= 1
        }
        return parts.map { Decimal($0) * unit }
    }

    /// One indicator row: name, target, achieved value, weight, score, and a reason when short of full marks.
    func indicator(into cells: inout [String: Entry], row: RowSpec, weight w: Decimal, rng: inout SeededRandom) {
        let subject = rng.pick(GeneratedText.subjects)
        let miss = rng.chance(0.12)
        var name: String, target: String, actual: String
        var score: Decimal?
        switch rng.int(0...9) {
        case 0...3:
            let t = rng.pick([85, 90, 95, 98, 100])
            let a = miss ? t - rng.int(3...12) : rng.int(t...min(100, t + 4))
            (name, target, actual) = (subject + rng.pick(GeneratedText.rateNames), "≥\(t)%", "\(a)%")
        case 4...5:
            let t = rng.int(10...900)
            let a = miss ? t * rng.int(80...97) / 100 : t + t * rng.int(0...10) / 100
            let unit = rng.pick(GeneratedText.countUnits)
            (name, target, actual) = (subject + rng.pick(GeneratedText.countNames), "≥\(t)\(unit)", "\(a)\(unit)")
        case 6:
            let t = Decimal(rng.int(10...300))
            let a = miss ? t * rng.decimal(Decimal(string: "1.02")!, Decimal(string: "1.3")!, scale: 2)
                         : t * rng.decimal(Decimal(string: "0.85")!, 1, scale: 2)
            (name, target, actual) = (subject + rng.pick(GeneratedText.costNames), "≤\(t.plain)万元", "\(a.rounded(2).plain)万元")
        case 7:
            let t = rng.int(15...90)
            let a = miss ? t + rng.int(1...(t / 2)) : rng.int((t / 2)...t)
            (name, target, actual) = (subject + rng.pick(GeneratedText.timeNames), "≤\(t)天", "\(a)天")
        default:
            (name, target, actual) = (subject + rng.pick(GeneratedText.effectNames), rng.pick(GeneratedText.qualitativeTargets),
                                      rng.pick(GeneratedText.qualitativeActuals))
            // A word target is scored by tier: full marks, or now and then the low end of 达成预期.
            score = miss ? (w * Decimal(string: "0.9")!).rounded(2) : w
        }
        if score == nil {
            score = IndicatorScorer.suggest(target: target, actual: actual, weight: w, overAchievement: settings.overAchievement).score ?? w
        }
        let s = min(score ?? w, w)
        func put(_ column: String, _ entry: Entry) {
            if row.columnIDs.contains(column), row.formulas[column] == nil { cells[column] = entry }
        }
        put(spec.name, .text(name))
        put(spec.target, .text(target))
        put(spec.actual, .text(actual))
        put(spec.weight, .number(w))
        put(spec.score, .number(s))
        if s < w { put(spec.reason, .text(rng.pick(GeneratedText.reasons))) } else { cells[spec.reason] = nil }
    }

    /// After the balancer moved indicator weights (a template that fixes a group's points by a check
    /// rather than by the heading's weight): each moved row's score follows its weight, at the
    /// scoring library's suggestion where there is one, else in proportion, never above the weight.
    static func followWeights(_ draft: inout Draft, before: Draft, template: Template, rng: inout SeededRandom) {
        for form in template.forms {
            guard let ind = form.indicators else { continue }
            for k in draft.instances(of: form.id).indices {
                for row in form.rows where row.sectionID == ind.section {
                    guard row.columnIDs.contains(ind.weight), row.columnIDs.contains(ind.score),
                          row.formulas[ind.weight] == nil, row.formulas[ind.score] == nil else { continue }
                    let indices: [Int?] = row.repeating == nil ? [nil] : draft.forms[form.id]![k].count(of: row.id) > 0
                        ? (0..<draft.forms[form.id]![k].count(of: row.id)).map { $0 } : []
                    for i in indices {
                        let e = draft.forms[form.id]![k]
                        func number(_ entry: FormEntry, _ c: String) -> Decimal? { entry.entry(row: row.id, index: i, column: c)?.value.number }
                        func text(_ c: String) -> String? { e.entry(row: row.id, index: i, column: c)?.value.text }
                        guard let w = number(e, ind.weight), let old = number(before.forms[form.id]![k], ind.weight), w != old,
                              let s = number(e, ind.score) else { continue }
                        var score = old > 0 ? (s * w / old).rounded(2) : w
                        if let t = text(ind.target), let a = text(ind.actual),
                           let suggested = IndicatorScorer.suggest(target: t, actual: a, weight: w,
                                                                   overAchievement: template.settings.overAchievement).score {
                            score = suggested
                        }
                        score = max(min(score, w), 0)
                        draft.forms[form.id]![k].set(row: row.id, index: i, column: ind.score, to: .number(score))
                        if score < w, row.columnIDs.contains(ind.reason), row.formulas[ind.reason] == nil,
                           (text(ind.reason) ?? "").isEmpty {
                            draft.forms[form.id]![k].set(row: row.id, index: i, column: ind.reason, to: .text(rng.pick(GeneratedText.reasons)))
                        }
                    }
                }
            }
        }
    }
}
