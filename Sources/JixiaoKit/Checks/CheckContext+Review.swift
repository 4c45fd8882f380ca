import Foundation

extension CheckContext {
    /// Each indicator row through the scoring library's review (score range, full marks on a missed
    /// target, missing 偏差原因, over-achievement), located at the cell the finding is about.
    mutating func reviewIndicatorRows(_ spec: CheckSpec, _ ind: IndicatorSpec) {
        for row in form.rows where row.sectionID == ind.section && row.repeating != nil {
            for k in 0..<entry.count(of: row.id) {
                let findings = ev.review(form: form, index: index, row: row.id, rowIndex: k)?.findings ?? []
                for f in findings {
                    let column: String
                    switch f {
                    case .overAchievement: column = ind.actual
                    case .belowWeightWithoutReason, .overAchievementWithoutReason, .reasonStatesOtherActual: column = ind.reason
                    default: column = ind.score
                    }
                    // An error from the review is always an error; the template's severity tempers the rest.
                    let severity = f.severity == .error ? .error : min(f.severity, spec.severity)
                    report(severity, address(row.id, k, column), .indicator(f))
                }
            }
        }
    }
}

extension CheckContext {
    /// A 三级指标 that reads as a target ("≤207.36万元", seed 001 附件3-3) means the row slid one
    /// column to the left when it was typed: the name is missing and every value is in the wrong place.
    /// ≥ ≤ < > = and the full-width ＜ ＝ ＞ that `FullWidth.fold` turns into them.
    static let comparisonSigns: Set<Unicode.Scalar> = ["≥", "≤", "<", ">", "=", "\u{FF1C}", "\u{FF1D}", "\u{FF1E}"]

    mutating func shiftedRows(_ spec: CheckSpec, _ ind: IndicatorSpec) {
        for row in form.rows where row.sectionID == ind.section && row.repeating != nil {
            for k in 0..<entry.count(of: row.id) {
                guard let name = ev.value(form: form, index: index, row: row.id, rowIndex: k, column: ind.name).text,
                      // A quick look for the signs, of either width, before folding and trimming every name.
                      name.unicodeScalars.contains(where: Self.comparisonSigns.contains),
                      let first = FullWidth.fold(name).trimmingCharacters(in: .whitespaces).first, "≥≤<>=".contains(first),
                      case .quantitative = TargetReader.readTarget(name) else { continue }
                report(min(.warning, spec.severity), address(row.id, k, ind.name), .shiftedRow(name: name))
            }
        }
    }
}
