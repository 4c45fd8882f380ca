import JixiaoKit
import JixiaoReports

/// A problem with the words the reports give it where they show it (`ProblemText`), for the tests
/// that read what a problem says. Everything else is the problem's own (`p.code`, `p.severity`).
@dynamicMemberLookup
struct Worded: Equatable {
    let problem: Problem
    let location: String
    let message: String

    subscript<T>(dynamicMember path: KeyPath<Problem, T>) -> T { problem[keyPath: path] }
}

extension Array where Element == Problem {
    func worded(_ template: Template, _ draft: Draft) -> [Worded] {
        let text = ProblemText(template: template, draft: draft)
        return map { Worded(problem: $0, location: text.location($0), message: text.message($0)) }
    }
}

extension Workspace {
    /// Every problem of the draft, worded.
    var worded: [Worded] { problems.worded(template, draft) }
}
