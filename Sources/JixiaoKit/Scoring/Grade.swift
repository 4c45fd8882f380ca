import Foundation

/// 评价等次 from a total score.
public enum Grade {
    /// 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 otherwise. 差 starts at the lowest finite Decimal so that
    /// "otherwise" really is otherwise (a negative total from a mistyped score still gets a grade).
    public static let defaultBands: [(label: String, min: Decimal)] = [
        (label: "优", min: 90), (label: "良", min: 80), (label: "中", min: 60),
        (label: "差", min: Decimal.leastFiniteMagnitude),
    ]

    /// The label of the highest band whose inclusive lower bound the total reaches, or nil when it
    /// reaches none (or there are no bands).
    ///
    /// The total is rounded half-up to two decimals first, because the form prints that figure: a total
    /// of 89.995 is printed 90.00 and must be 优, not a 良 that contradicts the printed number. Bounds are
    /// inclusive — some provincial configuration writes "> 90" and leaves 90.00 without a grade.
    public static func grade(_ total: Decimal, bands: [(label: String, min: Decimal)] = defaultBands) -> String? {
        let printed = total.rounded(2)
        return bands.sorted { $0.min > $1.min }.first { printed >= $0.min }?.label
    }

    /// The same for a template's bands.
    public static func grade(_ total: Decimal, bands: [GradeBand]) -> String? {
        grade(total, bands: bands.map { (label: $0.label, min: $0.min) })
    }
}
