import JixiaoKit
/// Problems as text lines and as JSON, for `validate`, `score` and the printed check summary.
public enum ProblemReport {
    public static func severityWord(_ s: Severity) -> String {
        switch s {
        case .error: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }

    public static func summary(_ ps: [Problem]) -> String {
        let (e, w, i) = counts(ps)
        if e + w + i == 0 { return "没有发现问题" }
        var parts = ["\(e) 个错误", "\(w) 个警告"]
        if i > 0 { parts.append("\(i) 条提示") }
        return parts.joined(separator: "，")
    }

    /// The problems of each severity, counted in one pass: filtering copied every problem once per
    /// severity (12% of opening F3 on a draft with 1,500 warnings, where the panel's title states them).
    static func counts(_ ps: [Problem]) -> (errors: Int, warnings: Int, infos: Int) {
        var e = 0, w = 0, i = 0
        for p in ps {
            switch p.severity {
            case .error: e += 1
            case .warning: w += 1
            case .info: i += 1
            }
        }
        return (e, w, i)
    }

    /// Two lines a problem, for a terminal: place, then message, each with its control characters
    /// shown (`VisibleText.line`), since both can quote what was typed into a cell.
    public static func lines(_ ps: [Problem], _ text: ProblemText) -> [String] {
        ps.map { "  \(severityWord($0.severity))  \(VisibleText.line(text.location($0)))\n        \(VisibleText.line(text.message($0)))" }
    }

    public static func json(_ p: Problem, _ text: ProblemText) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("severity", .string(p.severity.rawValue)),
            ("code", .string(p.code)),
            ("location", .string(text.location(p))),
            ("message", .string(text.message(p))),
        ]
        if let path = p.path { pairs.insert(("path", .string(path)), at: 2) }
        return .object(pairs)
    }
}
