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

    public var errorCount: Int { problems.filter { $0.severity == .error }.count }
    public var warningCount: Int { problems.filter { $0.severity == .warning }.count }
    public var isFinished: Bool { errorCount == 0 }
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
        let t = ev.template
        let labels = Labels(template: t, draft: ev.draft)
        var cards: [FormCard] = []
        for form in t.forms where form.scorecard != nil || form.indicators != nil {
            for k in 0..<ev.instanceCount(form.id) where ev.counts(form, index: k) { cards.append(card(ev, form, k, labels)) }
        }
        var unit = ""
        if let cell = t.unitNameCell {
            for form in t.forms where form.row(cell.row) != nil {
                if let s = ev.value(CellAddress(form: form.id, row: cell.row, column: cell.column)).text, !s.isEmpty { unit = s; break }
            }
        }
        return Scorecard(templateTitle: t.title, unit: unit, year: ev.draft.year, forms: cards, problems: problems ?? Checker.check(ev),
                         problemText: ProblemText(labels: labels))
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
        // A form with cells still to fill has no grade yet: 总分 18 would read as 差 for a half-filled form.
        let progress = FillableCells.progress(ev, form: form, index: k)
        let grade: Value? = sc?.grade.map { progress.filled < progress.required ? .text(ScoringText.gradePending) : v($0.row, nil, $0.column) }
        return FormCard(formID: form.id, index: k, short: labels.formShort(form, index: k), title: labels.formTitle(form),
                        name: labels.instanceName(form, index: k), execution: execution, indicators: lines,
                        total: sc?.total.map { v($0.row, nil, $0.column) }, grade: grade,
                        rubric: rubric, signature: signature)
    }
}
