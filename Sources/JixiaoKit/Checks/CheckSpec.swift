import Foundation

/// A check declared by a template. The kinds are a closed set interpreted by `Checker`.
public struct CheckSpec: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// left = right within the template's tolerance (a total against its parts, a figure in two forms);
        /// two texts must read the same (a 评价等次 against `grade(总分)`).
        case equal
        /// left ≥ right (公用经费 ≥ Σ 其中).
        case atLeast
        /// left ≤ right (控制率 ≤ 100%, 执行率 ≤ 100%).
        case atMost
        /// The listed cells must be filled.
        case required
        /// Scores, weights, reasons and targets of the form's indicator rows (the scoring library).
        case indicators
        /// Template text left in a cell (某某, 多少).
        case placeholder
        /// Years written in the listed cells must be the evaluated year or an allowed offset of it.
        case year
        /// The listed date cells (`C[]!date.value`: every project's) are one 填报日期: they must agree,
        /// fall after the evaluated year, and not after `deadline` when the template states one.
        case dates
        /// An indicator of the first of `forms` that appears (same 三级指标 once spaces and punctuation
        /// are dropped) in an instance of the second must carry the same 年度指标值 and 实际完成值.
        case sameIndicators
        /// A text that states a total and its parts whose parts add up to more (`TextArithmetic`), in
        /// the typed text cells of `columns`, or of every column when none is listed.
        case textArithmetic
        /// A text that states a rate (执行率, 完成率, 结余率 …) beside the two figures it comes from,
        /// when they give another (`TextRates`), in the typed text cells of `columns` or of every column.
        case textRates
    }

    public let kind: Kind
    public let severity: Severity
    /// What is being compared, in the form's own words ("三公经费 = 1 + 2 + 3").
    public let label: String
    public let left: Formula?
    public let right: Formula?
    /// `equal`/`atLeast`/`atMost`: a text formula appended to the message, so that a sum compared
    /// across forms shows its parts (基本支出 360.71 + 各项目 680.96).
    public var detail: Formula? = nil
    /// The cell a problem is shown at; for a cross-form check it names its form ("B!expense.value").
    public let at: CheckTarget?
    /// Evaluate once per listed column, binding `@`.
    public let columns: [String]
    /// Evaluate once per instance of this repeated row, binding `_`.
    public let eachRow: String?
    /// Evaluate once per listed single row, binding `_` to it (the same rule over several fixed rows:
    /// each rubric row's score against its rule).
    public let rows: [String]
    /// `required` and `year`: the cells.
    public let cells: [CheckTarget]
    /// `year`: the offsets from the evaluated year that may appear (0 and 1 for a 填报日期 in Y+1).
    public let allowedYearOffsets: [Int]
    /// `dates`: the bureau's deadline as month and day of the year after the evaluated one.
    public var deadline: (month: Int, day: Int)? = nil
    /// `sameIndicators`: the two forms whose indicator rows are compared (附件2 and each 附件3).
    public var forms: [String] = []
    /// `textRates` with `value`: the rate the form's own cells give (`total.rate`), compared with every
    /// rate its texts state under one of `words` (预算执行率 95% in a 偏差原因).
    public var value: Formula? = nil
    public var words: [String] = []
}

/// A cell named by a check: optionally in another form, as `B!row.col`.
public struct CheckTarget: Sendable, Equatable {
    public let form: String?
    public let row: String
    public let column: String
    /// `C[]!row.col`: the cell in every instance of a repeated form (the `dates` check).
    public var allInstances = false
}
