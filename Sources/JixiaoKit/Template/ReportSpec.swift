import Foundation

/// The 自评报告 a template's forms are attached to, declared as data (`"report"` in a template): its
/// sections in paper order, and the figures its prose may restate, so the prose can be checked.
public struct ReportSpec: Sendable {
    /// The report's title, a sentence of its own: 「{A!unitName.value}{Y}年度…自评报告」.
    public let title: ReportSentenceSpec
    public let sections: [ReportSectionSpec]
    public let figures: [ReportFigureSpec]

    public func section(_ id: String) -> ReportSectionSpec? { sections.first { $0.id == id } }
}

public struct ReportSectionSpec: Sendable {
    public let id: String
    /// As printed: 一、单位基本情况.
    public let heading: String
    /// Other headings the same section goes by in reports being imported (部门概况 for 单位基本情况).
    public let aliases: [String]
    /// What the section should say, for the accountant.
    public let guidance: String
    /// Sentences whose figures are the forms' own, shown before the accountant's prose.
    public let sentences: [ReportSentenceSpec]
}

/// A sentence such as 「本单位基本支出{B!basic.value}万元」: literal text and formulas, the formulas
/// evaluated against the forms each time the report is shown or printed.
public struct ReportSentenceSpec: Sendable {
    public enum Piece: Sendable {
        case text(String)
        /// `{Y}`, `{Y-1}`, `{level}`: filled as labels are.
        case label(String)
        case formula(Formula, kind: CellKind)
    }

    public let pieces: [Piece]
    /// The sentence is said once per instance of this repeated form (each project), the pieces'
    /// references to it reading that instance; the sayings are joined by `separator`.
    public let each: String?
    public let separator: String
    /// Said before and after the joined sayings of an `each` sentence (项目支出…万元，其中：…。).
    public let prefix: [Piece]
    public let suffix: [Piece]
}

/// A figure the prose may restate, and the words that name it there.
public struct ReportFigureSpec: Sendable {
    public enum Kind: String, Sendable {
        /// 万元.
        case money
        /// 人, 名.
        case count
        /// %, compared with a rate held as a ratio (or a text such as "100%").
        case percent
        /// 分.
        case score
        /// 优/良/中/差 after 等次/等级.
        case grade
    }

    /// How the figure is named in a warning: 附件1 编制数.
    public let label: String
    /// The words that name it in prose (编制, 在编); for a named list, none (the names are the words).
    public let words: [String]
    /// A list of names (`C[]!name.value`, `A!specialItem.label`) paired one by one with `value`'s
    /// cells: a project named in the prose is compared with its own amount.
    public let names: Formula?
    public let value: Formula
    public let kind: Kind
    /// Longer phrases a word may be part of without naming this figure (行政编制 is not the 编制数).
    public let not: [String]
    /// Words that, earlier in the same sentence, show it speaks of another quantity: 预算 before a
    /// figure the form holds as 决算 (a sentence on the budget, then its breakdown after 其中).
    public let notAfter: [String]
}
