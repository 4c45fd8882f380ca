import Foundation
import JixiaoKit

/// The finished scorecard as values: what `jixiao score`, the printouts and the TUI's score preview
/// all show. Every figure here comes from `Evaluation` and the scoring library; renderers only lay out.
public struct Scorecard: Sendable {
    public let templateTitle: String
    public let unit: String
    public let year: Int
    public let forms: [FormCard]
    public let problems: [Problem]
    /// Words the problems where they are shown, from the draft the scorecard was built from.
    public let problemText: ProblemText
    /// Counted once, in one pass: the score preview, its title and the print gate each read them, and
    /// filtering copied the problems each time (1,500 warnings on a 200-project draft, on F4's path).
    public let errorCount: Int
    public let warningCount: Int
    public var isFinished: Bool { errorCount == 0 }

    init(templateTitle: String, unit: String, year: Int, forms: [FormCard], problems: [Problem], problemText: ProblemText) {
        self.templateTitle = templateTitle
        self.unit = unit
        self.year = year
        self.forms = forms
        self.problems = problems
        self.problemText = problemText
        let counts = ProblemReport.counts(problems)
        errorCount = counts.errors
        warningCount = counts.warnings
    }
}

/// A checked draft as `jixiao validate` sums it up: the problems, and the unit, year, 总分 and 评价等次
/// of the first form on the scorecard whose total is filled (附件2 of the unit kit, the report form, the
/// Henan table), as the paper puts them first.
public struct ScoreHeadline: Sendable {
    public let unit: String
    public let year: Int
    public let total: Value?
    public let grade: Value?
    public let problems: [Problem]
    /// Words the problems where they are shown.
    public let problemText: ProblemText

    public var isFinished: Bool { !problems.contains { $0.severity == .error } }
}

extension ScoreHeadline {
    /// The headline of a scorecard already built. (In an extension, so that the memberwise initializer
    /// `ScorecardBuilder.headline` uses is still made by the compiler.)
    public init(_ card: Scorecard) {
        let first = card.forms.first { $0.total?.isFilled == true }
        self.init(unit: card.unit, year: card.year, total: first?.total, grade: first?.grade, problems: card.problems,
                  problemText: card.problemText)
    }
}

/// One form (附件2) or one project (附件3-4) on the scorecard.
public struct FormCard: Sendable {
    public let formID: String
    public let index: Int
    public let short: String
    public let title: String
    public let name: String?
    public let execution: ExecutionLine?
    public let indicators: [IndicatorLine]
    public let total: Value?
    public let grade: Value?
    public let rubric: [RubricLine]
    public let signature: [(label: String, value: String)]
}

public struct ExecutionLine: Sendable {
    public let budget: Value
    public let actual: Value
    public let rate: Value
    public let weight: Value
    public let score: Value
}

public struct IndicatorLine: Sendable {
    public let address: CellAddress
    /// The score cell's whole path (`C[1].quantity[2].score`), as `jixiao set` takes it.
    public let path: String
    /// 一级指标 and 二级指标 (the headings above the row).
    public let level1: String
    public let level2: String
    public let name: String
    public let target: String
    public let actual: String
    public let weight: Value
    public let score: Value
    public let reason: String
    public let suggestion: Suggestion?
    public let findings: [IndicatorFinding]
}

public struct RubricLine: Sendable {
    /// The label of the row above this one in the template (a 一级指标 over a 二级指标), whatever it is.
    public let group: String
    /// How many rows above this one are scored lines themselves (一级 → 二级 → 三级指标:
    /// 0, 1, 2); the printout indents by it instead of repeating the line above in a column.
    public var depth = 0
    /// The nearest row above that is a heading only, not a scored line (a 类别), or "".
    public var category = ""
    public let name: String
    public let weight: Value
    public let figure: String
    public let rule: String
    public let points: Value
}

public enum ScorecardBuilder {
    public static func build(_ ev: Evaluation, problems: [Problem]? = nil) -> Scorecard {
        let labels = Labels(template: ev.template, draft: ev.draft)
        let cards = instances(ev).map { card(ev, $0.form, $0.index, labels) }
        return assemble(ev, cards: cards, problems: problems ?? Checker.check(ev))
    }

    /// The scorecard around its cards (those of `instances(ev)`, in that order).
    static func assemble(_ ev: Evaluation, cards: [FormCard], problems: [Problem]) -> Scorecard {
        Scorecard(templateTitle: ev.template.title, unit: unit(ev), year: ev.draft.year, forms: cards, problems: problems,
                  problemText: ProblemText(template: ev.template, draft: ev.draft))
    }

    /// Whether the scorecard has a card for each of the form's instances (that count).
    public static func hasCard(_ form: FormSpec) -> Bool { form.scorecard != nil || form.indicators != nil }

    /// The form instances the scorecard has a card for, in its order.
    public static func instances(_ ev: Evaluation) -> [(form: FormSpec, index: Int)] {
        var out: [(form: FormSpec, index: Int)] = []
        for form in ev.template.forms where hasCard(form) {
            for k in 0..<ev.instanceCount(form.id) where ev.counts(form, index: k) { out.append((form, k)) }
        }
        return out
    }

    /// The unit's name, from the first form that has the template's unit-name cell filled.
    static func unit(_ ev: Evaluation) -> String {
        guard let cell = ev.template.unitNameCell else { return "" }
        for form in ev.template.forms where form.row(cell.row) != nil {
            if let s = ev.value(CellAddress(form: form.id, row: cell.row, column: cell.column)).text, !s.isEmpty { return s }
        }
        return ""
    }

    /// What `jixiao validate` reports beside the problems: the scorecard's unit, year and headline total
    /// and grade, without building its cards (every indicator line of every project, 9% of a cold
    /// validate of a 200-project draft, for two figures of one form).
    public static func headline(_ ev: Evaluation, problems: [Problem]) -> ScoreHeadline {
        let words = ProblemText(template: ev.template, draft: ev.draft)
        for (form, k) in instances(ev) {
            guard let total = total(ev, form, k), total.isFilled else { continue }
            return ScoreHeadline(unit: unit(ev), year: ev.draft.year, total: total, grade: grade(ev, form, k), problems: problems,
                                 problemText: words)
        }
        return ScoreHeadline(unit: unit(ev), year: ev.draft.year, total: nil, grade: nil, problems: problems, problemText: words)
    }

    static func total(_ ev: Evaluation, _ form: FormSpec, _ k: Int) -> Value? {
        form.scorecard?.total.map { ev.value(form: form, index: k, row: $0.row, rowIndex: nil, column: $0.column) }
    }

    static func grade(_ ev: Evaluation, _ form: FormSpec, _ k: Int) -> Value? {
        guard let cell = form.scorecard?.grade else { return nil }
        // A form with cells still to fill has no grade yet: 总分 18 would read as 差 for a half-filled form.
        let progress = FillableCells.progress(ev, form: form, index: k)
        return progress.filled < progress.required ? .text(ScoringText.gradePending)
            : ev.value(form: form, index: k, row: cell.row, rowIndex: nil, column: cell.column)
    }

    static func card(_ ev: Evaluation, _ form: FormSpec, _ k: Int, _ labels: Labels) -> FormCard {
        func v(_ row: String, _ idx: Int?, _ col: String?) -> Value {
            guard let col else { return .empty }
            return ev.value(form: form, index: k, row: row, rowIndex: idx, column: col)
        }
        let sc = form.scorecard
        var execution: ExecutionLine?
        if let sc, let row = sc.executionRow {
            execution = ExecutionLine(budget: v(row, nil, sc.budget), actual: v(row, nil, sc.actual), rate: v(row, nil, sc.rate),
                                      weight: v(row, nil, sc.weight), score: v(row, nil, sc.score))
        }
        var lines: [IndicatorLine] = []
        if let ind = form.indicators {
            let entry = ev.draft.instances(of: form.id)[k]
            for row in form.rows where row.sectionID == ind.section && row.repeating != nil {
                let level2 = labels.rowLabel(form, index: k, row: row, rowIndex: nil)
                let level1 = row.parentID.flatMap(form.row).map { labels.rowLabel(form, index: k, row: $0, rowIndex: nil) } ?? ""
                // A row nobody has typed into (the default rows of a new draft) is not an indicator.
                for i in 0..<entry.count(of: row.id) where entry.rows[row.id]?[i].cells.values.contains(where: { $0 != .text("") }) ?? false {
                    let target = v(row.id, i, ind.target).text ?? ""
                    let actual = v(row.id, i, ind.actual).text ?? ""
                    let weight = v(row.id, i, ind.weight)
                    let score = v(row.id, i, ind.score)
                    let reason = v(row.id, i, ind.reason).text ?? ""
                    let review = ev.review(form: form, index: k, row: row.id, rowIndex: i)
                    let suggestion = review?.suggestion
                    let findings = review?.findings ?? []
                    let address = CellAddress(form: form.id, formIndex: k, row: row.id, rowIndex: i, column: ind.score)
                    lines.append(IndicatorLine(address: address, path: ev.template.path(address),
                                               level1: level1, level2: level2, name: v(row.id, i, ind.name).text ?? "",
                                               target: target, actual: actual, weight: weight, score: score, reason: reason,
                                               suggestion: suggestion, findings: findings))
                }
            }
        }
        var rubric: [RubricLine] = []
        if let rb = sc?.rubric, let section = form.section(rb.section) {
            let figureKind = section.column(rb.figure)?.kind ?? .decimal
            func scored(_ row: RowSpec) -> Bool { row.sectionID == rb.section && row.columnIDs.contains(rb.points) }
            func label(_ row: RowSpec) -> String { labels.rowLabel(form, index: k, row: row, rowIndex: nil) }
            for row in form.rows where scored(row) {
                var line = RubricLine(group: row.parentID.flatMap(form.row).map(label) ?? "", name: label(row),
                                      weight: v(row.id, nil, rb.weight), figure: ValueText.display(v(row.id, nil, rb.figure), kind: figureKind),
                                      rule: v(row.id, nil, rb.rule).text ?? "", points: v(row.id, nil, rb.points))
                var above = row.parentID.flatMap(form.row)
                while let parent = above, scored(parent) {
                    line.depth += 1
                    above = parent.parentID.flatMap(form.row)
                }
                line.category = above.map(label) ?? ""
                rubric.append(line)
            }
        }
        var signature: [(String, String)] = []
        if let sid = sc?.signatureSection, let section = form.section(sid) {
            for row in form.rows where row.sectionID == sid {
                let col = section.columns.first?.id ?? "value"
                signature.append((labels.rowLabel(form, index: k, row: row, rowIndex: nil), v(row.id, nil, col).text ?? ""))
            }
        }
        return FormCard(formID: form.id, index: k, short: labels.formShort(form, index: k), title: labels.formTitle(form),
                        name: labels.instanceName(form, index: k), execution: execution, indicators: lines,
                        total: total(ev, form, k), grade: grade(ev, form, k),
                        rubric: rubric, signature: signature)
    }
}
