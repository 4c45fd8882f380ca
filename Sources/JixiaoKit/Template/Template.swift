import Foundation

/// A form kit (e.g. 湖南 附件1–3) described as data. Loaded and validated by `TemplateLoader`;
/// the library interprets it, nothing in it is executed.
public struct Template: Sendable {
    public let id: String
    public let version: String
    public let title: String
    public let description: String
    public let settings: TemplateSettings
    public let forms: [FormSpec]
    /// The checks that compare forms with each other (附件1 vs 附件2 vs Σ 附件3).
    public let checks: [CheckSpec]
    public let parameters: [TemplateParameter]
    /// Where it was loaded from, for messages.
    public let source: String
    /// The 自评报告 the forms are attached to (`"report"`); nil when the template declares none.
    public var report: ReportSpec? = nil
    /// How next year's draft starts from this year's (`jixiao next`).
    public var nextYear = NextYearSpec()

    public func form(_ id: String) -> FormSpec? { forms.first { $0.id == id } }

    /// A cell's whole path as `jixiao set` takes it: a repeated form's instance is always written
    /// (`C[1].total.actual`), so the first project is never read as the form as a whole.
    public func path(_ a: CellAddress) -> String { a.path(formRepeated: form(a.form)?.isRepeated ?? false) }
}

public struct GradeBand: Sendable, Equatable {
    public let label: String
    /// Inclusive lower bound: 90.00 is 优 when 优 starts at 90.
    public let min: Decimal
}

public struct TemplateSettings: Sendable {
    public var grades: [GradeBand]
    /// A 正向 actual at or above target × this is flagged as over-achievement (default 1.2).
    public var overAchievement: Decimal
    /// Decimals the execution rate is rounded to before it is multiplied by the weight; nil keeps it exact.
    /// Seed 001 附件3-5 prints 92% and 9.20, i.e. a rate rounded to a whole percent (2 decimals of the ratio).
    public var executionRateDecimals: Int?
    /// A printed figure within this of the computed one is rounding, not an error.
    public var tolerance: Decimal
    /// Words that betray template text left in a cell (某某, 多少, XX).
    public var placeholderPatterns: [String]
    /// `overAchievementReason`, `fullMarksWhenMet`: what the template adds to the indicator review.
    public var review = ReviewRules()

    public static let standard = TemplateSettings(
        grades: [GradeBand(label: "优", min: 90), GradeBand(label: "良", min: 80),
                 GradeBand(label: "中", min: 60), GradeBand(label: "差", min: 0)],
        overAchievement: Decimal(string: "1.2")!, executionRateDecimals: nil,
        tolerance: Decimal.centTolerance, placeholderPatterns: ["某某", "多少", "XX", "xx", "××"])

    public func grade(for total: Decimal) -> String? { Grade.grade(total, bands: grades) }
}

/// One table (附件1, 附件2) or a table filled once per project (附件3-n).
///
/// The fields are `Shared`, set when the template loads: a spec is copied into every check context,
/// outline entry and layout a key makes, and a copy of the fields retained each of their two dozen
/// references (a tenth of the instructions of a digit typed into a project form).
public struct FormSpec: Sendable {
    private struct Fields: Sendable {
        let id: String, short: String, title: String
        let repeated: FormRepeat?
        let sections: [SectionSpec]
        let checks: [CheckSpec]
        let indicators: IndicatorSpec?
        let rows: [RowSpec]
        let rowIndex: [String: Int]
        let evaluationOrder: [FormulaCell]
        let readsOtherForms: Bool
        let scorecard: ScorecardSpec?
        var optional = false
        var formsRead: Set<String> = []
        var compiled = CompiledForm()
    }

    private var fields: Shared<Fields>

    init(id: String, short: String, title: String, repeated: FormRepeat?, sections: [SectionSpec], checks: [CheckSpec],
         indicators: IndicatorSpec?, rows: [RowSpec], rowIndex: [String: Int], evaluationOrder: [FormulaCell],
         readsOtherForms: Bool, scorecard: ScorecardSpec?) {
        fields = Shared(Fields(id: id, short: short, title: title, repeated: repeated, sections: sections, checks: checks,
                               indicators: indicators, rows: rows, rowIndex: rowIndex, evaluationOrder: evaluationOrder,
                               readsOtherForms: readsOtherForms, scorecard: scorecard))
    }

    public var id: String { fields.value.id }
    /// 附件1; for a repeated form a pattern such as 附件3-{n}.
    public var short: String { fields.value.short }
    /// Title with year placeholders ({Y}, {Y-1}).
    public var title: String { fields.value.title }
    public var repeated: FormRepeat? { fields.value.repeated }
    public var sections: [SectionSpec] { fields.value.sections }
    public var checks: [CheckSpec] { fields.value.checks }
    public var indicators: IndicatorSpec? { fields.value.indicators }
    /// Every row of every section in template order, flattened; `rowIndex` finds one by id.
    public var rows: [RowSpec] { fields.value.rows }
    public var rowIndex: [String: Int] { fields.value.rowIndex }
    /// Computed cells in an order where each depends only on earlier ones.
    public var evaluationOrder: [FormulaCell] { fields.value.evaluationOrder }
    /// Some computed cell reads another form (a rubric): recomputed after any edit, after the others.
    public var readsOtherForms: Bool { fields.value.readsOtherForms }
    /// Which cells make up this form's line on the scorecard.
    public var scorecard: ScorecardSpec? { fields.value.scorecard }
    /// `"optional": true`: a form the unit may leave untouched (a 评分表 in a kit that does not require
    /// one). Until something is entered in it, it is neither checked nor printed.
    public var optional: Bool {
        get { fields.value.optional }
        set { fields.value.optional = newValue }
    }
    /// The forms this form's computed cells read: an edit elsewhere leaves it as it was.
    public var formsRead: Set<String> {
        get { fields.value.formsRead }
        set { fields.value.formsRead = newValue }
    }
    /// Its rows, columns and computed cells as slots (`CompiledForm`), made when the template loads.
    public internal(set) var compiled: CompiledForm {
        get { fields.value.compiled }
        set { fields.value.compiled = newValue }
    }
    public var isRepeated: Bool { fields.value.repeated != nil }

    public func row(_ id: String) -> RowSpec? { fields.value.rowIndex[id].map { fields.value.rows[$0] } }
    public func section(_ id: String) -> SectionSpec? { fields.value.sections.first { $0.id == id } }
}

public struct FormRepeat: Sendable {
    /// What one instance is called (项目).
    public let noun: String
    /// The cell holding an instance's name (项目支出名称), as "row.column".
    public let nameCell: CellRef
}

public struct ColumnSpec: Sendable {
    public let id: String
    public let label: String
    public let kind: CellKind
    public let options: [String]
    /// Required in every row that has the column (each indicator's 目标, 实际, 分值, 得分).
    public let required: Bool
}

public struct SectionSpec: Sendable {
    public let id: String
    public let title: String
    /// Heading of the label column (一级/二级指标 for indicators).
    public let labelHeading: String
    public let columns: [ColumnSpec]
    /// Top-level row ids of the section, in order.
    public let rowIDs: [String]
    public let note: String?

    public func column(_ id: String) -> ColumnSpec? { columns.first { $0.id == id } }
}

/// A row of a section. A row may repeat (one per special fund, goal, indicator): its instances are
/// stored in the draft; a repeated row has no repeated descendants.
public struct RowSpec: Sendable {
    public let id: String
    public let label: String
    public let sectionID: String
    public let parentID: String?
    public let childIDs: [String]
    public let depth: Int
    /// nil: a single row. Otherwise the row is a list of instances.
    public let repeating: RowRepeat?
    /// Columns the row has cells in (a heading row may have none).
    public let columnIDs: [String]
    /// Column id → formula for computed cells.
    public let formulas: [String: Formula]
    /// A fixed points value shown in a heading ("产出指标 (50分)"), checked against its children.
    public let weight: Decimal?
    /// The row's cells are required.
    public let required: Bool

    public func isComputed(_ column: String) -> Bool { formulas[column] != nil }
}

public struct RowRepeat: Sendable {
    /// What one instance is called (专项, 目标, 指标).
    public let noun: String
    /// Each instance has its own label typed by the user (a special fund's name).
    public let named: Bool
    /// Instances a new draft starts with.
    public let initial: Int
}

/// A computed cell of the template: the formula of `column` in `row`.
public struct FormulaCell: Sendable {
    public let row: String
    public let column: String
    public let formula: Formula
}

/// Points to a cell: "row.column" within a form.
public struct CellRef: Sendable, Hashable, CustomStringConvertible {
    public let row: String
    public let column: String
    public init(row: String, column: String) { self.row = row; self.column = column }
    public var description: String { "\(row).\(column)" }

    public static func parse(_ s: String) -> CellRef? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return CellRef(row: String(parts[0]), column: String(parts[1]))
    }
}

/// Which columns of the indicator rows mean what, for the scoring library.
public struct IndicatorSpec: Sendable {
    public let section: String
    public let name: String
    public let target: String
    public let actual: String
    public let weight: String
    public let score: String
    public let reason: String
}

/// A choice made once per draft and used in labels, such as 单位级次 (区级/县级/市级).
public struct TemplateParameter: Sendable {
    public let id: String
    public let label: String
    public let options: [String]
    public let defaultValue: String
}

/// The cells a form contributes to the scorecard (`jixiao score`, the printout, the score preview).
public struct ScorecardSpec: Sendable {
    /// 执行率得分 and the figures it comes from, all in one row ("total").
    public let executionRow: String?
    public let budget: String?
    public let actual: String?
    public let rate: String?
    public let weight: String?
    public let score: String?
    /// 总分 and 评价等次 cells.
    public let total: CellRef?
    public let grade: CellRef?
    /// The section whose rows are the signature block (单位负责人签字, 填表人, 联系电话, 填报日期).
    public let signatureSection: String?
    /// A rubric (评分表): rows of this section, with the figure each is scored from, the rule and the points.
    public let rubric: RubricSpec?
}

public struct RubricSpec: Sendable {
    public let section: String
    public let weight: String
    public let figure: String
    public let rule: String
    public let points: String
}
