import JixiaoKit
/// The 草稿 marking of a printout that is not final, with the open problems counted.
public struct DraftMark: Sendable, Equatable {
    public let errors: Int
    public let warnings: Int
    /// "2 个错误，13 个警告", as `validate` says it.
    public let summary: String

    public init(_ scorecard: Scorecard) {
        errors = scorecard.errorCount
        warnings = scorecard.warningCount
        summary = ProblemReport.summary(scorecard.problems)
    }

    /// The words printed on every page (form block, sheet, CSV file).
    public var banner: String { PrintWords.draftBanner(self) }
}

/// Whether a scorecard may be printed, and how: a draft without errors prints as final; one with
/// errors only when the caller asks for a draft, and then marked.
public enum PrintGate {
    public enum Decision: Sendable, Equatable {
        /// Print with this marking; nil for a final printout.
        case print(DraftMark?)
        /// Not printable as final: these errors remain.
        case refuse([Problem])
    }

    /// `draft` asks for a 草稿 printout; it marks even an error-free draft, since the caller asked
    /// for a copy that is not the one to sign.
    public static func decide(_ scorecard: Scorecard, draft: Bool) -> Decision {
        if draft { return .print(DraftMark(scorecard)) }
        if scorecard.isFinished { return .print(nil) }
        return .refuse(scorecard.problems.filter { $0.severity == .error })
    }
}
