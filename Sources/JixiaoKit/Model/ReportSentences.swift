import Foundation

/// The report's generated sentences, filled from the forms each time they are shown: nothing of them
/// is stored, so they follow every edit of the forms.
public enum ReportSentences {
    /// Shown where a figure the sentence needs is not filled yet.
    public static let blank = "____"

    /// The generated sentences of one section, in template order; a sentence over a repeated form with
    /// no instance is left out.
    public static func render(_ section: ReportSectionSpec, _ ev: Evaluation) -> [String] {
        section.sentences.compactMap { render($0, ev) }
    }

    public static func render(_ s: ReportSentenceSpec, _ ev: Evaluation) -> String? {
        guard let each = s.each else { return text(s.pieces, ev, form: nil, index: 0) }
        let n = ev.instanceCount(each)
        guard n > 0 else { return nil }
        let sayings = (0..<n).map { text(s.pieces, ev, form: each, index: $0) }
        return text(s.prefix, ev, form: nil, index: 0) + sayings.joined(separator: s.separator) + text(s.suffix, ev, form: nil, index: 0)
    }

    static func text(_ pieces: [ReportSentenceSpec.Piece], _ ev: Evaluation, form: String?, index: Int) -> String {
        var out = ""
        for p in pieces {
            switch p {
            case let .text(t): out += t
            case let .label(l): out += YearText.render(l, year: ev.draft.year, parameters: ev.draft.parameters)
            case let .formula(f, kind):
                let shown = ValueText.display(evaluate(f, ev, form: form, index: index), kind: kind)
                out += shown.isEmpty ? blank : shown
            }
        }
        return out
    }

    /// A report formula's value: its references name their forms, and those of the repeated form
    /// `form` read instance `index`.
    public static func evaluate(_ f: Formula, _ ev: Evaluation, form: String?, index: Int) -> Value {
        guard let spec = ev.template.form(form ?? "") ?? ev.template.forms.first else { return .undefined }
        let scope = ev.scopeFor(form: spec, index: form == nil ? 0 : index, row: "", rowIndex: nil, column: "")
        return FormulaEvaluator.evaluate(f, in: scope)
    }

    /// Every value a report reference list stands for (`C[]!name.value`: each project's name).
    public static func values(_ f: Formula, _ ev: Evaluation) -> [Value] {
        guard case let .ref(r) = f, let spec = ev.template.forms.first else { return [evaluate(f, ev, form: nil, index: 0)] }
        let scope = ev.scopeFor(form: spec, index: 0, row: "", rowIndex: nil, column: "")
        return FormulaEvaluator.values(of: r, in: scope)
    }

    /// The section as printed: generated sentences, then the accountant's prose, as paragraphs.
    public static func paragraphs(_ section: ReportSectionSpec, _ ev: Evaluation) -> [String] {
        var out = render(section, ev)
        let prose = ev.draft.report[section.id] ?? ""
        out += prose.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return out
    }
}
