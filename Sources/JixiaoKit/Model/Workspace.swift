/// A loaded draft with its template and evaluation, as the commands and the TUI use it.
public struct Workspace: Sendable {
    public var draft: Draft
    public let template: Template
    public var evaluation: Evaluation

    /// `only`: evaluate just these forms for now (`Evaluation.init(template:draft:only:)`).
    public init(draft: Draft, template: Template, only: Set<String>? = nil) {
        self.draft = draft
        self.template = template
        self.evaluation = Evaluation(template: template, draft: draft, only: only)
    }

    public var problems: [Problem] { Checker.check(evaluation) }
}
