import Foundation
import JixiaoKit

/// `jixiao score` as text and JSON.
public enum ScoreReport {
    static func show(_ v: Value?, _ kind: CellKind = .decimal) -> String {
        guard let v else { return "" }
        return v.isEmpty ? "（空）" : ValueText.display(v, kind: kind)
    }

    /// One line each, for a terminal: what a cell holds is shown with its control characters (and
    /// line breaks) escaped, so a cell cannot clear the screen or forge a line.
    public static func lines(_ s: Scorecard) -> [String] {
        rawLines(s).map(VisibleText.line)
    }

    static func rawLines(_ s: Scorecard) -> [String] {
        var out = ["\(s.unit.isEmpty ? ReportText.noUnit : s.unit) · \(s.year) 年度 · \(s.templateTitle)"]
        for f in s.forms {
            out.append("")
            out.append("【\(f.short)】\(f.name.map { $0 + " · " } ?? "")\(f.title)")
            if let e = f.execution {
                out.append("  \(ReportText.execution)：全年预算数 \(show(e.budget, .money))，全年执行数 \(show(e.actual, .money))，执行率 \(show(e.rate, .percent))，分值 \(show(e.weight))，得分 \(show(e.score))")
            }
            for l in f.indicators {
                var line = "  \(l.level2)｜\(l.name.isEmpty ? "（未填名称）" : l.name)｜目标 \(l.target)｜实际 \(l.actual)｜分值 \(show(l.weight))｜得分 \(show(l.score))"
                if let sg = l.suggestion {
                    line += "｜建议 " + (sg.score.map { $0.fixed(2) } ?? tierText(sg, given: l.score.number))
                    out.append(line)
                    out.append("      \(sg.reason)")
                } else {
                    out.append(line)
                }
                for finding in l.findings { out.append("      ⚠ \(IndicatorText.message(finding))") }
            }
            for r in f.rubric {
                out.append("  \(r.group.isEmpty ? "" : r.group + "｜")\(r.name)｜分值 \(show(r.weight))｜依据 \(r.figure.isEmpty ? "—" : r.figure)｜\(r.rule)｜得分 \(show(r.points))")
            }
            if let t = f.total { out.append("  \(ReportText.total)：\(show(t))\(f.grade.map { "  \(ReportText.grade)：\(show($0, .text))" } ?? "")") }
        }
        out.append("")
        out.append("\(ReportText.checks)：\(ProblemReport.summary(s.problems))")
        return out
    }

    /// For a qualitative row: the tier the given score falls in ("达成预期 8.00–10.00"), as the
    /// accountant chose it; the library does not guess a word target's score.
    static func tierText(_ sg: Suggestion, given: Decimal?) -> String {
        guard let given, let tier = sg.tiers.first(where: { $0.contains(given) }) else { return ReportText.qualitative }
        return ReportText.tier(tier.label, tier.lower.fixed(2), tier.upper.fixed(2))
    }

    static func num(_ v: Value?) -> JSONValue {
        guard let v else { return .null }
        switch v {
        case let .number(d): return .string(d.rounded(4).plain)
        case let .text(s), let .invalid(s): return .string(s)
        case .empty: return .null
        case .undefined: return .string("—")
        }
    }

    public static func json(_ s: Scorecard) -> JSONValue {
        .object([
            ("unit", .string(s.unit)), ("year", .number(String(s.year))), ("template", .string(s.templateTitle)),
            ("finished", .bool(s.isFinished)), ("errors", .number(String(s.errorCount))), ("warnings", .number(String(s.warningCount))),
            ("forms", .array(s.forms.map { f in
                var pairs: [(String, JSONValue)] = [("form", .string(f.short)), ("title", .string(f.title))]
                if let n = f.name { pairs.append(("name", .string(n))) }
                if let e = f.execution {
                    pairs.append(("execution", .object([("budget", num(e.budget)), ("actual", num(e.actual)), ("rate", num(e.rate)),
                                                        ("weight", num(e.weight)), ("score", num(e.score))])))
                }
                pairs.append(("indicators", .array(f.indicators.map { l in
                    .object([("path", .string(l.path)), ("level1", .string(l.level1)), ("level2", .string(l.level2)),
                             ("name", .string(l.name)), ("target", .string(l.target)), ("actual", .string(l.actual)),
                             ("weight", num(l.weight)), ("score", num(l.score)),
                             ("suggested", l.suggestion?.score.map { .string($0.fixed(2)) } ?? .null),
                             ("reason", .string(l.suggestion?.reason ?? "")),
                             ("findings", .array(l.findings.map { .object([("code", .string($0.code)), ("severity", .string($0.severity.rawValue)), ("message", .string(IndicatorText.message($0)))]) }))])
                })))
                if !f.rubric.isEmpty {
                    pairs.append(("rubric", .array(f.rubric.map { r in
                        .object([("group", .string(r.group)), ("name", .string(r.name)), ("weight", num(r.weight)), ("figure", .string(r.figure)),
                                 ("rule", .string(r.rule)), ("points", num(r.points))])
                    })))
                }
                pairs.append(("total", num(f.total)))
                pairs.append(("grade", num(f.grade)))
                return .object(pairs)
            })),
        ])
    }
}

/// Words of the reports, in one place.
public enum ReportText {
    public static let noUnit = "（未填单位名称）"
    public static let execution = "预算执行率"
    public static let qualitative = "定性，由填表人判断"
    public static func tier(_ label: String, _ low: String, _ high: String) -> String { "定性·自评属「\(label)」档 \(low)–\(high)" }
    public static let total = "总分"
    public static let grade = "评价等次"
    public static let checks = "校验"
}
