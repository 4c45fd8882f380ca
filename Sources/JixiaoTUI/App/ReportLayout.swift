import JixiaoKit
import JixiaoReports
import JixiaoTerminal

/// The 自评报告 as a page after the forms. It has no form of its own in the template, so the focus names
/// it with a form id no template uses, and a section's prose is its one cell: `#report.SECTION.prose`.
enum ReportPage {
    static let form = "#report"
    static let column = "prose"

    static func address(_ section: String) -> CellAddress { CellAddress(form: form, row: section, column: column) }

    /// Whether the template has a report to show (and no form that would take the page's name).
    static func exists(_ t: Template) -> Bool { !(t.report?.sections.isEmpty ?? true) && t.form(form) == nil }

    /// A place on the page or a cell of a form, in words: 自评报告 · 一、单位基本情况.
    static func location(_ s: AppState, _ a: CellAddress) -> String {
        guard a.isReport else { return Labels(template: s.template, draft: s.draft).location(a) }
        return NarrativeText.location(s.template.report?.section(a.row)?.heading ?? a.row)
    }
}

extension CellAddress {
    var isReport: Bool { form == ReportPage.form }
}

/// One line of the report page.
struct ReportLine: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// What the marks mean, once at the top.
        case legend
        case heading
        case guidance
        /// A sentence the template fills from the forms: shown, never edited here.
        case generated
        /// The accountant's prose, the section's one cell.
        case prose
        /// The prose cell while it holds nothing.
        case emptyProse
        /// A figure of the prose that disagrees with the forms.
        case warning
        case blank
    }

    let kind: Kind
    let section: String?
    let text: String
}

/// The report page's lines at a width: for each section its heading, what it should say (the template's
/// guidance), the generated sentences as the forms fill them now, the prose wrapped, and the warnings on
/// its figures. Built from the state when the page is drawn or a key moves on it; cheap, since the page
/// holds one report.
struct ReportLayout {
    let lines: [ReportLine]
    /// Section ids in paper order.
    let sections: [String]
    /// Every line of a section, heading to the blank after it.
    let whole: [String: Range<Int>]
    /// The lines of a section's prose cell.
    let prose: [String: Range<Int>]

    /// Cells a generated sentence is set in by, after its mark.
    static var generatedIndent: Int { DisplayWidth.width(of: UIText.Report.generatedMark) }
    /// Cells the lines under a heading are set in by.
    static let indent = 2

    init(_ s: AppState, width: Int) {
        let spec = s.template.report
        let textWidth = max(10, width - Self.indent)
        var lines = TextLines.wrap(UIText.Report.legend, width: width).map { ReportLine(kind: .legend, section: nil, text: $0) }
        var whole: [String: Range<Int>] = [:], prose: [String: Range<Int>] = [:]
        let warnings = s.checks.report
        let wording = ProblemText(template: s.template, draft: s.draft)
        for section in spec?.sections ?? [] {
            let first = lines.count
            lines.append(ReportLine(kind: .blank, section: section.id, text: ""))
            lines.append(ReportLine(kind: .heading, section: section.id, text: "■ " + section.heading))
            if !section.guidance.isEmpty {
                lines += TextLines.wrap(section.guidance, width: textWidth).map { ReportLine(kind: .guidance, section: section.id, text: $0) }
            }
            let mark = UIText.Report.generatedMark
            let pad = String(repeating: " ", count: Self.generatedIndent)
            for sentence in ReportSentences.render(section, s.evaluation) {
                for (k, l) in TextLines.wrap(sentence, width: max(4, textWidth - Self.generatedIndent)).enumerated() {
                    lines.append(ReportLine(kind: .generated, section: section.id, text: (k == 0 ? mark : pad) + l))
                }
            }
            let start = lines.count
            let text = s.draft.report[section.id] ?? ""
            if text.isEmpty {
                lines.append(ReportLine(kind: .emptyProse, section: section.id, text: UIText.Report.emptyProse))
            } else {
                lines += TextLines.wrap(text, width: textWidth).map { ReportLine(kind: .prose, section: section.id, text: $0) }
            }
            prose[section.id] = start..<lines.count
            for w in warnings where w.reportSection == section.id {
                lines += TextLines.wrap(UIText.Report.warningMark + wording.message(w), width: textWidth).map { ReportLine(kind: .warning, section: section.id, text: $0) }
            }
            whole[section.id] = first..<lines.count
        }
        self.lines = lines
        self.sections = spec?.sections.map(\.id) ?? []
        self.whole = whole
        self.prose = prose
    }

    /// The section a line belongs to, or the first one for the lines above them all.
    func section(at line: Int) -> String? {
        sections.first { whole[$0]?.contains(line) ?? false } ?? (line < (whole[sections.first ?? ""]?.lowerBound ?? 0) ? sections.first : sections.last)
    }
}
