import Foundation

/// Something worth showing about one indicator row. Location (form, row, column) is added by the caller.
public enum IndicatorFinding: Equatable, Sendable {
    /// 得分不能大于分值 — the live system rejects it.
    case scoreAboveWeight(score: Decimal, weight: Decimal)
    case scoreNegative(score: Decimal)
    /// Full weight given although the actual misses a quantitative target (seed 001 附件2 职称评定通过率).
    case fullMarksOnMiss(suggested: Decimal, reason: Suggestion.Reason)
    /// A score below the weight needs its 偏差原因分析及改进措施.
    case belowWeightWithoutReason(score: Decimal, weight: Decimal)
    /// A 正向 actual at or above threshold × target: the target was probably set too low.
    case overAchievement(actual: Measure, target: Measure, ratio: Decimal)
    /// The score differs from the quantitative suggestion by more than 0.01. Allowed, only shown.
    case departsFromSuggestion(given: Decimal, suggested: Decimal)
    /// Over-achievement beyond the template's `overAchievementReason` with no 偏差原因 (广西: 130%).
    case overAchievementWithoutReason(ratio: Decimal, threshold: Decimal)
    /// A met quantitative target scored below its weight where the template's own note makes full marks
    /// the rule (河南 note 3: 完成指标值的，记该指标所赋全部分值); a 偏差原因 does not excuse it.
    case belowWeightOnMetTarget(score: Decimal, weight: Decimal)
    /// The 偏差原因 states an achieved figure (实际完成 370 人) other than the row's 实际完成值 (374人).
    case reasonStatesOtherActual(stated: Measure, actual: Measure)

    public var severity: Severity {
        switch self {
        case .scoreAboveWeight, .scoreNegative: return .error
        case .fullMarksOnMiss, .belowWeightWithoutReason, .overAchievementWithoutReason, .belowWeightOnMetTarget,
             .reasonStatesOtherActual: return .warning
        // Advice, not a contradiction: a generous actual breaks no rule unless the template asks for a reason.
        case .overAchievement, .departsFromSuggestion: return .info
        }
    }

    /// Stable code for tests and `--json` (the lead's `Problem.code` uses "indicator.<name>").
    public var code: String {
        switch self {
        case .scoreAboveWeight: return "indicator.scoreAboveWeight"
        case .scoreNegative: return "indicator.scoreNegative"
        case .fullMarksOnMiss: return "indicator.fullMarksOnMiss"
        case .belowWeightWithoutReason: return "indicator.belowWeightWithoutReason"
        case .overAchievement: return "indicator.overAchievement"
        case .departsFromSuggestion: return "indicator.departsFromSuggestion"
        case .overAchievementWithoutReason: return "indicator.overAchievementWithoutReason"
        case .belowWeightOnMetTarget: return "indicator.belowWeightOnMetTarget"
        case .reasonStatesOtherActual: return "indicator.reasonStatesOtherActual"
        }
    }
}

public enum IndicatorReview {
    /// Reviews one row as filled. Missing cells produce no finding here: "required cell empty" is the
    /// form checks' error, and repeating it per rule would bury it.
    ///
    /// Findings come in a fixed order: errors about the score, full marks on a miss, missing 偏差原因,
    /// over-achievement, departure from the suggestion.
    /// `rules` are the template's: when over-achievement needs a 偏差原因, and whether a met target
    /// must get full marks.
    public static func review(target: String?, actual: String?, weight: Decimal?, score: Decimal?,
                              reason: String?, overAchievement: Decimal, rules: ReviewRules = ReviewRules()) -> [IndicatorFinding] {
        var suggestion: Suggestion?
        if let target, let actual, let weight, weight >= 0 {
            suggestion = IndicatorScorer.suggest(target: target, actual: actual, weight: weight, overAchievement: overAchievement)
        }
        return review(target: target, actual: actual, weight: weight, score: score, reason: reason,
                      overAchievement: overAchievement, rules: rules, suggestion: suggestion)
    }

    /// The same, with the suggestion already made (`RowReview` makes it once for the checks and the scorecard)
    /// and, when given, the comparison of `target` with `actual` it was made from.
    static func review(target: String?, actual: String?, weight: Decimal?, score: Decimal?, reason: String?,
                       overAchievement: Decimal, rules: ReviewRules, suggestion: Suggestion?,
                       comparison: IndicatorScorer.Comparison? = nil) -> [IndicatorFinding] {
        var findings: [IndicatorFinding] = []
        var scoreIsValid = score != nil
        if let score, let weight, score > weight {
            findings.append(.scoreAboveWeight(score: score, weight: weight))
            scoreIsValid = false
        }
        if let score, score < 0 {
            findings.append(.scoreNegative(score: score))
            scoreIsValid = false
        }

        var fullMarksOnMiss = false
        // When the suggestion itself rounds to the full weight (99.99 of 100), full marks are what it says.
        if scoreIsValid, let score, let weight, score == weight, let s = suggestion, s.met == false,
           let suggested = s.score, suggested < weight {
            findings.append(.fullMarksOnMiss(suggested: suggested, reason: s.why))
            fullMarksOnMiss = true
        }

        var onMetTarget = false
        if rules.fullMarksWhenMet, scoreIsValid, let score, let weight, score < weight, let s = suggestion, s.met == true,
           case .quantitative = s.kind {
            findings.append(.belowWeightOnMetTarget(score: score, weight: weight))
            onMetTarget = true
        }

        if scoreIsValid, !onMetTarget, let score, let weight, score < weight,
           (reason ?? "").isBlank {
            findings.append(.belowWeightWithoutReason(score: score, weight: weight))
        }

        // From the readings rather than the suggestion, so a row without a weight is still flagged.
        if let target, let actual,
           case .comparable(let direction, let t, let a) = comparison ?? IndicatorScorer.compare(target: target, actual: actual),
           let ratio = IndicatorScorer.overAchievementRatio(direction: direction, target: t, actual: a,
                                                            threshold: overAchievement) {
            findings.append(.overAchievement(actual: a, target: t, ratio: ratio))
            if let needed = rules.overAchievementReason, ratio >= needed, (reason ?? "").isBlank {
                findings.append(.overAchievementWithoutReason(ratio: ratio, threshold: needed))
            }
        }

        if let reason, let actual, let a = TargetReader.readActual(actual), let stated = statedActual(in: reason, unit: a.unit),
           stated.value != a.value {
            findings.append(.reasonStatesOtherActual(stated: stated, actual: a))
        }

        if scoreIsValid, !fullMarksOnMiss, !onMetTarget, let score, let s = suggestion, case .quantitative = s.kind,
           let suggested = s.score, abs(score - suggested) > Decimal.centTolerance {
            findings.append(.departsFromSuggestion(given: score, suggested: suggested))
        }
        return findings
    }
}

extension IndicatorReview {
    /// The one achieved figure a 偏差原因 states in the actual's unit: a number right after 实际完成
    /// (at most two other characters between, none a digit or punctuation: 实际完成率 100%), as in
    /// 「实际完成 370 人」. Nil when there is none or more than one, when the unit is not the actual's,
    /// or when the figure is a bound (以上, 以内) or approximate (余, 多): 达到95%以上 states a target.
    /// 实际 or 完成 alone are not read: 实际支出 and 完成任务的108% say other things.
    static func statedActual(in reason: String, unit: String) -> Measure? {
        guard !unit.isEmpty else { return nil }
        let s = Array(FullWidth.fold(reason).filter { !$0.isUnicodeWhiteSpace })
        var found: [Measure] = []
        var i = 0
        while i < s.count {
            guard let word = ["实际完成"].first(where: { w in i + w.count <= s.count && String(s[i..<(i + w.count)]) == w }) else { i += 1; continue }
            var j = i + word.count
            var gap = 0
            while j < s.count, !(s[j].isASCII && s[j].isNumber), gap < 2, !s[j].isPunctuation { j += 1; gap += 1 }
            guard j < s.count, s[j].isASCII, s[j].isNumber, j == 0 || !(s[j - 1].isASCII && s[j - 1].isNumber) else { i += word.count; continue }
            var k = j
            while k < s.count, s[k].isASCII, s[k].isNumber || s[k] == "." { k += 1 }
            let rest = String(s[k...])
            let unitText = ["%", "万元", "元", "人次", "万人", "人", "份", "件", "个", "起", "次", "项", "家", "场", "户", "名", "天", "个月"]
                .first { rest.hasPrefix($0) }
            if let u = unitText, let m = TargetReader.readActual(String(s[j..<k]) + u), m.unit == unit,
               !String(s[(k + u.count)...]).hasPrefix("以"), !String(s[(k + u.count)...]).hasPrefix("之"),
               !(k + u.count < s.count && "余多内".contains(s[k + u.count])), !(k < s.count && "余多".contains(s[k])) {
                found.append(m)
            }
            i = k
        }
        return found.count == 1 ? found[0] : nil
    }
}

/// What a template adds to the review of its indicator rows (`settings` in the template).
public struct ReviewRules: Hashable, Sendable {
    /// An actual at or above target × this needs a 偏差原因 (a warning without one); nil: over-achievement
    /// is only advice.
    public var overAchievementReason: Decimal?
    /// The template's note makes full marks mandatory for a met quantitative target.
    public var fullMarksWhenMet: Bool

    public init(overAchievementReason: Decimal? = nil, fullMarksWhenMet: Bool = false) {
        self.overAchievementReason = overAchievementReason
        self.fullMarksWhenMet = fullMarksWhenMet
    }
}
