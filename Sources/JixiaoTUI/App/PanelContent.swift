import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// What the open panel shows, built by `App.update` when the panel opens, after a change of the draft
/// and after a resize: never while drawing, since the scorecard and the printout cost work proportional
/// to the whole draft (docs/performance.md). A change of the draft lets it go at once (`AppState.draftVersion`).
struct PanelContent: Sendable {
    /// `AppState.draftVersion` the content was built for; -1: nothing built.
    var version = -1
    /// Every problem, in the order of the forms (F3), as `problemsChoice` chose them.
    var problems: [Problem] = []
    /// The filters and the instance on screen `problems` was chosen for: F4's content holds them all, and
    /// F3 opened on another form or with other filters at the same draft version must choose again.
    var problemsChoice: ProblemsChoice?
    /// `ProblemReport.summary(problems)`, for F3's title: counted once per list, not per frame.
    var problemsSummary: String?
    /// Problems' lines as F3 shows them, by their place in `problems`, at `problemLinesWidth` columns
    /// (`ProblemsView.keep`): they read the draft, and go with the rest of this when it changes.
    var problemLines: [Int: [String]] = [:]
    var problemLinesWidth = -1
    var scorecard: Scorecard?
    /// The score preview's lines (F4).
    var scoreLines = ScoreLines()
    /// The printout as the TUI writes it: final, or marked 草稿 while errors remain.
    var printMark: DraftMark?
    /// The text printout at `printWidth` columns (F4, P).
    var printWidth = 0
    var printLines: [String] = []
}

/// What F3's list is chosen by: its filters, and for "this form only" the instance on screen.
struct ProblemsChoice: Equatable, Sendable {
    let filter: ProblemFilter
    let instance: FormInstance?

    /// Every problem, unfiltered.
    static let all = ProblemsChoice(filter: ProblemFilter(), instance: nil)

    init(filter: ProblemFilter, instance: FormInstance?) {
        self.filter = filter
        self.instance = instance
    }

    init(_ s: AppState) {
        filter = s.problemFilter
        instance = s.problemFilter.thisFormOnly ? FormInstance(form: s.focus.form, index: s.focus.formIndex) : nil
    }
}

extension App {
    /// Builds what the open panel needs, if the draft or the width changed since it was built.
    static func preparePanel(_ s: inout AppState) {
        let stale = s.panel.version != s.draftVersion
        switch s.overlay {
        case .problems:
            if problemsOutdated(s) { rebuildProblems(&s) }
        case .score:
            if stale || s.panel.scorecard == nil { rebuildScorecard(&s) }
        case .printPreview:
            if stale || s.panel.scorecard == nil { rebuildScorecard(&s) }
            let width = PrintPreviewView.textWidth(cols: s.size.cols)
            if s.panel.printWidth != width || s.panel.printLines.isEmpty, let card = s.panel.scorecard {
                let text = PrintText.render(scorecard: card, evaluation: s.evaluation, width: width, draftMark: s.panel.printMark)
                s.panel.printLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                s.panel.printWidth = width
            }
        default:
            break
        }
    }

    private static func rebuildProblems(_ s: inout AppState) {
        var list = s.checks.all(s.template)
        let f = s.problemFilter
        if f.errorsOnly { list = list.filter { $0.severity == .error } }
        if f.thisFormOnly {
            list = s.focus.isReport ? list.filter { $0.reportSection != nil }
                : list.filter { $0.address.map { $0.form == s.focus.form && $0.formIndex == s.focus.formIndex } ?? false }
        }
        s.panel = PanelContent(version: s.draftVersion, problems: list, problemsChoice: ProblemsChoice(s), problemsSummary: ProblemReport.summary(list))
    }

    /// Whether the panel's problem list is not the one F3 shows now: built for another draft version,
    /// other filters or another instance.
    private static func problemsOutdated(_ s: AppState) -> Bool {
        s.panel.version != s.draftVersion || s.panel.problemsChoice != ProblemsChoice(s)
    }

    private static func rebuildScorecard(_ s: inout AppState) {
        // F3's whole list at this version is the scorecard's list too: it stays, with the lines worded
        // for it, and the card is added to it.
        if s.panel.version != s.draftVersion || s.panel.problemsChoice != .all {
            let problems = s.checks.all(s.template)
            s.panel = PanelContent(version: s.draftVersion, problems: problems, problemsChoice: .all, problemsSummary: ProblemReport.summary(problems))
        }
        let (card, forms) = s.scorecards.scorecard(s.evaluation, problems: s.panel.problems)
        s.panel.scorecard = card
        s.panel.scoreLines = ScoreView.lines(card, forms: forms)
        s.panel.printMark = printMark(card)
        s.panel.printLines = []  // they print the card
    }

    /// Whether F3 would have to build its list or word its first page if it opened now: after a change
    /// of the draft, of the filters or of the width (`warmProblems` does it between keys).
    public static func problemsNeedWarming(_ s: AppState) -> Bool {
        guard mayWarmPanels(s) else { return false }
        if problemsOutdated(s) { return true }
        return !s.panel.problems.isEmpty && s.panel.problemLinesWidth != ProblemsView.inside(s).width
    }

    /// What F3 builds when it opens (its list, and the lines of its first page), built a moment after a
    /// change instead: wording the problems on screen was a third of opening F3 after an edit. The same
    /// steps as opening it, so the panel then finds them done.
    public static func warmProblems(_ s: inout AppState) {
        guard problemsNeedWarming(s) else { return }
        s.overlay = .problems(selected: 0)
        preparePanel(&s)
        ProblemsView.keep(&s)
        s.overlay = .none
    }

    /// Whether F4 would have to assemble its scorecard if it opened now (after a change of the draft):
    /// only once F3's list is warm, and only when F3 shows every problem, whose list the scorecard shares
    /// (built on another, it would replace F3's).
    public static func scorecardNeedsWarming(_ s: AppState) -> Bool {
        guard mayWarmPanels(s), s.scorecardsWarm, ProblemsChoice(s) == .all, !problemsOutdated(s) else { return false }
        return s.panel.scorecard == nil
    }

    /// Whether work for a panel may be done ahead: none is open, nothing is being edited, every check has
    /// run and the screen is large enough to show a panel.
    private static func mayWarmPanels(_ s: AppState) -> Bool {
        s.overlay == .none && s.editing == nil && s.checks.isComplete && s.size.rows >= minRows && s.size.cols >= minCols
    }

    /// Whether F3 or F4 would have to build something if opened now (`warmPanels` does it between keys).
    public static func panelsNeedWarming(_ s: AppState) -> Bool { problemsNeedWarming(s) || scorecardNeedsWarming(s) }

    /// One step of the panels' work ahead: F3's list and first page first, F4's scorecard (built on that
    /// list) at the next pause.
    public static func warmPanels(_ s: inout AppState) {
        if problemsNeedWarming(s) { warmProblems(&s) } else { warmScorecard(&s) }
    }

    /// What F4 builds when it opens (the scorecard from the kept cards, its lines), built a moment after a
    /// change instead, after F3's (`warmProblems`): on the 200-project draft it was an eighth of opening
    /// F4 after an edit. The same steps as opening it, so the panel then finds them done.
    public static func warmScorecard(_ s: inout AppState) {
        guard scorecardNeedsWarming(s) else { return }
        s.overlay = .score(scroll: 0)
        preparePanel(&s)
        s.overlay = .none
    }

    /// Cards for the score preview built between keys after opening, a few at a time, so that F4 only
    /// assembles them (and rebuilds those of the instances edited since). Returns whether all are built.
    @discardableResult
    public static func warmScorecards(_ s: inout AppState) -> Bool {
        if !s.scorecardsWarm { s.scorecardsWarm = s.scorecards.warm(s.evaluation, limit: 2) }
        return s.scorecardsWarm
    }
}

/// The score preview's lines: a heading, each card's lines as kept with the card (`AppState.scorecards`),
/// and the checks' line. Not copied into one list: a 200-project draft has 1,200 of them, copied on each
/// F4 after a change and freed on the next.
struct ScoreLines: Sendable {
    private var parts: [[(String, CellStyle)]] = []
    /// Where each part's first line is.
    private var starts: [Int] = []
    private(set) var count = 0

    init(_ parts: [[(String, CellStyle)]] = []) {
        self.parts = parts
        starts.reserveCapacity(parts.count)
        for p in parts {
            starts.append(count)
            count += p.count
        }
    }

    subscript(_ k: Int) -> (String, CellStyle) {
        // The last part starting at or before line k (parts may be empty, so the last of equal starts).
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= k { lo = mid } else { hi = mid - 1 }
        }
        return parts[lo][k - starts[lo]]
    }

    /// Every line, in order.
    var all: [(String, CellStyle)] { parts.flatMap { $0 } }
}
