import Foundation
import JixiaoKit

/// The one place a `Problem` becomes words: where it is (`location`) and what is wrong (`message`),
/// from its finding, the template's labels and the draft's year and names. The checks only find;
/// whoever shows a problem words it here, and only the problems it shows.
public struct ProblemText: Sendable {
    public let labels: Labels

    public init(labels: Labels) { self.labels = labels }

    public init(template: Template, draft: Draft) { labels = Labels(template: template, draft: draft) }

    var template: Template { labels.template }
    var year: Int { labels.draft.year }

    /// Where, in the form's words: "附件1 · 经费控制情况(万元) · 三公经费 · 2023年决算数", "附件3-2" for a
    /// whole form, "自评报告 · 一、单位基本情况" for the report's prose.
    public func location(_ p: Problem) -> String {
        if let id = p.reportSection { return NarrativeText.location(template.report?.section(id)?.heading ?? id) }
        if let w = p.wholeForm { return template.form(w.form).map { labels.formShort($0, index: w.index) } ?? w.form }
        return p.address.map(labels.location) ?? ""
    }

    /// What is wrong, with the numbers, in Chinese.
    public func message(_ p: Problem) -> String {
        typealias T = CheckText
        switch p.finding {
        case let .notANumber(input, kind): return T.notANumber(input, kind: kind)
        case .carried: return T.carried
        case let .negative(d, kind): return T.negative(T.show(.number(d), kind: kind))
        case let .tooManyDecimals(d): return T.tooManyDecimals(d.plain, shown: NumberFormat.money(d))
        case let .beyondRange(check): return T.beyondRange(label: check.map(checkLabel))
        case let .required(columns):
            let names = columns.map { columnLabel(p.address?.form, p.address?.row, $0) }
            return names.count == 1 ? T.required(names[0]) : T.requiredRow(names)
        case let .notBegun(n): return T.notBegun(n)
        case let .notEqual(check, found, expected, kind, detail):
            let difference = abs((found.number ?? 0) - (expected.number ?? 0))
            return T.notEqual(label: checkLabel(check), found: T.show(found, kind: kind), expected: T.show(expected, kind: kind),
                              difference: T.show(.number(difference), kind: kind)) + (detail.map(T.detail) ?? "")
        case let .textDiffers(check, found, expected): return T.textDiffers(label: checkLabel(check), found: found, expected: expected)
        case let .tooSmall(check, found, bound, kind, detail):
            return T.tooSmall(label: checkLabel(check), found: T.show(found, kind: kind), bound: T.show(bound, kind: kind)) + (detail.map(T.detail) ?? "")
        case let .tooLarge(check, found, bound, kind, detail):
            return T.tooLarge(label: checkLabel(check), found: T.show(found, kind: kind), bound: T.show(bound, kind: kind)) + (detail.map(T.detail) ?? "")
        case let .incompleteSet(check, form, entered, total):
            let f = template.form(form)
            let short = YearText.render(f?.short ?? form, year: year).replacingOccurrences(of: "-{n}", with: "")
            return T.setIncomplete(label: checkLabel(check), form: short, noun: f?.repeated?.noun ?? "", entered: entered, total: total)
        case let .weightGroup(sum, expected):
            let group = p.address.flatMap { a in template.form(a.form)?.row(a.row) }.map { YearText.render($0.label, year: year) } ?? ""
            return T.weightGroup(group: group, sum: sum.plain, expected: expected.plain)
        case let .placeholder(pattern, text): return T.placeholder(pattern: pattern, text: text)
        case let .shiftedRow(name): return T.shiftedRow(name)
        case let .percentPoints(found, neighbour):
            return T.percentPoints(found: NumberFormat.percent(found), meant: NumberFormat.percent(found * 100), neighbour: NumberFormat.percent(neighbour))
        case let .statedRate(r), let .reportRate(r): return T.statedRate(r)
        case let .rateDiffersFromForm(sentence, quote, check, computed):
            return T.rateDiffersFromForm(sentence: sentence, quote: quote, label: checkLabel(check), computed: NumberFormat.percent(computed))
        case let .statedSum(sentence, total, parts, unit):
            return T.statedSum(sentence: sentence, total: total.plain, parts: parts.map(\.plain), sum: parts.reduce(0, +).plain, unit: unit)
        case let .wrongYear(found, allowed): return T.wrongYear(found: found, allowed: allowed)
        case let .dateInEvaluatedYear(d): return T.dateInEvaluatedYear(T.date(d), year: year)
        case let .dateAfterDeadline(d, deadline): return T.dateAfterDeadline(T.date(d), deadline: T.date(deadline))
        case let .datesDiffer(d, reference): return T.datesDiffer(T.date(d), other: T.date(reference.date), where: labels.location(reference.address))
        case let .datesDifferHere(d, others):
            return T.datesDifferHere(T.date(d), others: others.map { "\(labels.location($0.address)) \(T.date($0.date))" })
        case let .indicatorDiffers(name, column, here, there, other):
            return T.indicatorDiffers(name: name, what: columnLabel(column.form, column.row, column.column), here: here, there: there,
                                      other: formName(other))
        case let .indicator(f): return IndicatorText.message(f)
        case let .reportFigure(quote, figure, name, expected, kind):
            return T.figureDiffers(quote: quote, label: figureLabel(figure, name: name), value: Self.figureValue(expected, kind: kind))
        }
    }

    /// A check's label as the template writes it, with its year.
    func checkLabel(_ label: String) -> String { YearText.render(label, year: year) }

    /// A column's label in a row of a form; the column's id when the template has no such row.
    func columnLabel(_ form: String?, _ row: String?, _ column: String) -> String {
        guard let f = form.flatMap(template.form), let r = row.flatMap(f.row) else { return column }
        return labels.columnLabel(f, row: r, column: column)
    }

    /// 附件3-1（业务工作经费）: the form and, for a project, its name.
    func formName(_ i: FormInstance) -> String {
        guard let f = template.form(i.form) else { return i.form }
        return labels.formShort(f, index: i.index) + (labels.instanceName(f, index: i.index).map { "（\($0)）" } ?? "")
    }

    /// The form's figure a report figure is compared with: 附件1 编制数, 附件1 专项「四海揽才」.
    public func figureLabel(_ figure: Int, name: String?) -> String {
        let label = template.report?.figures[safe: figure]?.label ?? ""
        return YearText.render(label, year: year, parameters: labels.draft.parameters) + (name.map { "「\($0)」" } ?? "")
    }

    /// The form's value as the prose would write it: 15 人, 11.04 万元, 「优」.
    public static func figureValue(_ v: Value, kind: ReportFigureSpec.Kind) -> String {
        switch (kind, v) {
        case let (.money, .number(d)): return NumberFormat.money(d) + " 万元"
        case let (.count, .number(d)): return NumberFormat.count(d) + " 人"
        case let (.percent, .number(d)): return d.rounded(2).plain + "%"
        case let (.score, .number(d)): return d.rounded(2).plain + " 分"
        case let (_, .number(d)): return d.plain
        case let (_, .text(s)): return "「\(s)」"
        default: return ""
        }
    }
}
