import Foundation

extension CheckContext {
    /// Each indicator row through the scoring library's review (score range, full marks on a missed
    /// target, missing 偏差原因, over-achievement), located at the cell the finding is about.
    mutating func reviewIndicatorRows(_ spec: CheckSpec, _ ind: IndicatorSpec) {
        let threshold = ev.template.settings.overAchievement
        for row in form.rows where row.sectionID == ind.section && row.repeating != nil {
            for k in 0..<entry.count(of: row.id) {
                func v(_ c: String) -> Value { ev.value(form: form, index: index, row: row.id, rowIndex: k, column: c) }
                let findings = ReviewMemo.shared.review(
                    target: v(ind.target).text, actual: v(ind.actual).text, weight: v(ind.weight).number,
                    score: v(ind.score).number, reason: v(ind.reason).text, overAchievement: threshold,
                    rules: ev.template.settings.review)
                for f in findings {
                    let column: String
                    switch f {
                    case .overAchievement: column = ind.actual
                    case .belowWeightWithoutReason, .overAchievementWithoutReason, .reasonStatesOtherActual: column = ind.reason
                    default: column = ind.score
                    }
                    // An error from the review is always an error; the template's severity tempers the rest.
                    let severity = f.severity == .error ? .error : min(f.severity, spec.severity)
                    report(severity, address(row.id, k, column), f.message, code: f.code)
                }
            }
        }
    }
}

extension CheckContext {
    /// A 三级指标 that reads as a target ("≤207.36万元", seed 001 附件3-3) means the row slid one
    /// column to the left when it was typed: the name is missing and every value is in the wrong place.
    mutating func shiftedRows(_ spec: CheckSpec, _ ind: IndicatorSpec) {
        for row in form.rows where row.sectionID == ind.section && row.repeating != nil {
            for k in 0..<entry.count(of: row.id) {
                guard let name = ev.value(form: form, index: index, row: row.id, rowIndex: k, column: ind.name).text,
                      let first = FullWidth.fold(name).trimmingCharacters(in: .whitespaces).first, "≥≤<>=".contains(first),
                      case .quantitative = TargetReader.readTarget(name) else { continue }
                report(min(.warning, spec.severity), address(row.id, k, ind.name), CheckText.shiftedRow(name), code: "indicator.shiftedRow")
            }
        }
    }
}

/// `IndicatorReview.review` remembered by its inputs. The review is a pure function but reads targets
/// with `TargetReader` (~0.1 ms a row in a release build), and the TUI rechecks a whole project on
/// every keystroke and the whole draft after undo: with this, only rows whose cells changed are read
/// again. Bounded; shared by all threads.
final class ReviewMemo: @unchecked Sendable {
    static let shared = ReviewMemo()
    static let capacity = 50_000

    struct Key: Hashable {
        let target: String?
        let actual: String?
        let weight: Decimal?
        let score: Decimal?
        let reason: String?
        let overAchievement: Decimal
        let rules: ReviewRules
    }

    private var table: [Key: [IndicatorFinding]] = [:]
    private let lock = NSLock()

    func review(target: String?, actual: String?, weight: Decimal?, score: Decimal?, reason: String?,
                overAchievement: Decimal, rules: ReviewRules) -> [IndicatorFinding] {
        let key = Key(target: target, actual: actual, weight: weight, score: score, reason: reason, overAchievement: overAchievement, rules: rules)
        lock.lock()
        let hit = table[key]
        lock.unlock()
        if let hit { return hit }
        let found = IndicatorReview.review(target: target, actual: actual, weight: weight, score: score,
                                           reason: reason, overAchievement: overAchievement, rules: rules)
        lock.lock()
        if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
        table[key] = found
        lock.unlock()
        return found
    }
}
