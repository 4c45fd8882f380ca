/// A loaded draft with its template and evaluation, as the commands and the TUI use it.
public struct Workspace: Sendable {
    public var draft: Draft
    public let template: Template
    public var evaluation: Evaluation

    public init(draft: Draft, template: Template) {
        self.draft = draft
        self.template = template
        self.evaluation = Evaluation(template: template, draft: draft)
    }

    public var problems: [Problem] { Checker.check(evaluation) }
}
