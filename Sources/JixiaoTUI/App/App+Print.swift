import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

extension App {
    /// What the TUI prints: the final scorecard when no error is left, else a copy marked 草稿 with its
    /// open problems (the preview says which, before anything is written).
    static func printout(_ s: AppState) -> (card: Scorecard, mark: DraftMark?) {
        if s.panel.version == s.draftVersion, let card = s.panel.scorecard { return (card, s.panel.printMark) }
        return printout(s.evaluation, problems: s.checks.all(s.template))
    }

    static func printout(_ evaluation: Evaluation, problems: [Problem]) -> (card: Scorecard, mark: DraftMark?) {
        let card = ScorecardBuilder.build(evaluation, problems: problems)
        return (card, printMark(card))
    }

    /// `PrintGate.decide`'s marking, refused or not: the errors it would list are not gathered.
    static func printMark(_ card: Scorecard) -> DraftMark? { card.isFinished ? nil : DraftMark(card) }

    /// Writes a printout beside the draft. Called by the driver for `.print`: it is file I/O.
    public static func writePrintout(_ s: AppState, _ format: PrintJob.Format) -> Result<[String], PrintFailure> {
        let (card, mark) = printout(s)
        let files: [(path: String, bytes: [UInt8])]
        do {
            // Laid out as the preview showed it: what was read on screen is what is written.
            files = try PrintJob.files(format, scorecard: card, evaluation: s.evaluation, draftMark: mark,
                                       width: PrintPreviewView.textWidth(cols: s.size.cols), draftPath: s.path)
        } catch {
            return .failure(PrintFailure(UIText.App.printFailed(String(describing: error))))
        }
        do {
            return .success(try PrintJob.write(files, format: format, draftPath: s.path))
        } catch {
            return .failure(PrintFailure(ExportText.message(error)))
        }
    }
}
