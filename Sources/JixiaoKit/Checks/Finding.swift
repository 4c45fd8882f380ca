import Foundation

/// What a check found, as values: the numbers compared, the ids of the template's forms and columns,
/// the template's own labels as it writes them, and the text quoted from the draft. No sentence of
/// ours: the reports and the TUI word a finding where they show it (`ProblemText` in JixiaoReports).
public enum Finding: Sendable, Equatable {
    /// A typed text that does not read as a number, in a cell of `kind`.
    case notANumber(input: String, kind: CellKind)
    /// A cell `jixiao next` carried over from last year and nobody has set since.
    case carried
    /// A negative number where no amount can be.
    case negative(Decimal, kind: CellKind)
    /// An amount with more than the two decimals the form shows.
    case tooManyDecimals(Decimal)
    /// A computed cell, or a check's side (`check` is its label), whose arithmetic overflowed.
    case beyondRange(check: String?)
    /// Required cells left empty: the ids of the columns of the problem's row, in order.
    case required(columns: [String])
    /// A form instance nobody has typed into, with how many required cells it has.
    case notBegun(required: Int)
    /// `equal`: a figure that differs from what it must equal. `check` is the check's label as the
    /// template writes it ({Y} not yet rendered); `detail` the value of its `detail` formula.
    case notEqual(check: String, found: Value, expected: Value, kind: CellKind, detail: String?)
    /// `equal` over two texts (a 评价等次 against the grade of the total).
    case textDiffers(check: String, found: String, expected: String)
    case tooSmall(check: String, found: Value, bound: Value, kind: CellKind, detail: String?)
    case tooLarge(check: String, found: Value, bound: Value, kind: CellKind, detail: String?)
    /// A total over a repeated form (`form`, its id) not all of whose instances are entered yet.
    case incompleteSet(check: String, form: String, entered: Int, total: Int)
    /// The indicator rows under a heading (the problem's row) whose weights do not add up to its own.
    case weightGroup(sum: Decimal, expected: Decimal)
    /// Template text left in a cell: the pattern found and the start of the text.
    case placeholder(pattern: String, text: String)
    /// A 三级指标 that reads as a target: the row slid one column.
    case shiftedRow(name: String)
    /// A figure under 1.5% among whole percents.
    case percentPoints(found: Decimal, neighbour: Decimal)
    /// A rate a text states beside the two figures it comes from, when they give another.
    case statedRate(StatedRate)
    /// A rate a text states (`quote`, in `sentence`) that the form's own cells give otherwise.
    case rateDiffersFromForm(sentence: String, quote: String, check: String, computed: Decimal)
    /// A text whose parts add up to more than the total it states.
    case statedSum(sentence: String, total: Decimal, parts: [Decimal], unit: String)
    case wrongYear(found: Int, allowed: [Int])
    case dateInEvaluatedYear(FormDate)
    case dateAfterDeadline(FormDate, deadline: FormDate)
    /// A 填报日期 that differs from the first one, which is at `reference`.
    case datesDiffer(FormDate, reference: DatedCell)
    /// At the first 填报日期: the others that differ from it.
    case datesDifferHere(FormDate, others: [DatedCell])
    /// The same indicator (`name`) on two forms with different values: `column` is the compared column
    /// as the first form has it, `other` the form instance holding the other value.
    case indicatorDiffers(name: String, column: ColumnRef, here: String, there: String, other: FormInstance)
    /// What the scoring library's review says of an indicator row.
    case indicator(IndicatorFinding)
    /// A figure the 自评报告 restates (`quote`) that the forms give otherwise: the template's
    /// `report.figures[figure]`, for one named instance (`name`) when the figure lists names.
    case reportFigure(quote: String, figure: Int, name: String?, expected: Value, kind: ReportFigureSpec.Kind)
    /// A rate the 自评报告 states beside its own two figures, when they give another.
    case reportRate(StatedRate)

    /// The stable code for tests and `--json` ("equal", "required", "indicator.fullMarksOnMiss").
    public var code: String {
        switch self {
        case .notANumber: return "notANumber"
        case .carried: return "carried"
        case .negative: return "negative"
        case .tooManyDecimals: return "decimals"
        case .beyondRange: return "overflow"
        case .required: return "required"
        case .notBegun: return "notBegun"
        case .notEqual, .textDiffers: return "equal"
        case .tooSmall: return "atLeast"
        case .tooLarge: return "atMost"
        case .incompleteSet: return "incompleteSet"
        case .weightGroup: return "weightGroup"
        case .placeholder: return "placeholder"
        case .shiftedRow: return "indicator.shiftedRow"
        case .percentPoints: return "percentPoints"
        case .statedRate, .rateDiffersFromForm: return "textRates"
        case .statedSum: return "textArithmetic"
        case .wrongYear: return "year"
        case .dateInEvaluatedYear: return "dates.beforeYearEnd"
        case .dateAfterDeadline: return "dates.afterDeadline"
        case .datesDiffer, .datesDifferHere: return "dates.differ"
        case .indicatorDiffers: return "sameIndicator"
        case let .indicator(f): return f.code
        case .reportFigure: return "report.figure"
        case .reportRate: return "report.rate"
        }
    }
}

/// One instance of a form: 附件1 is ("A", 0), the third project ("C", 2).
public struct FormInstance: Sendable, Hashable {
    public let form: String
    public let index: Int

    public init(form: String, index: Int) {
        self.form = form
        self.index = index
    }
}

/// A column of a row of a form, for the label it has there.
public struct ColumnRef: Sendable, Hashable {
    public let form: String
    public let row: String
    public let column: String
}

/// A date found in a cell, with the cell.
public struct DatedCell: Sendable, Equatable {
    public let address: CellAddress
    public let date: FormDate
}
