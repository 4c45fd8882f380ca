import Foundation

/// Reads a template's `"report"`: the 自评报告's outline, its generated sentences and the figures its
/// prose is checked against. Every formula in it reads the forms by their ids (`B!basic.value`), and
/// every cell it names must exist, as in the forms' own formulas.
extension TemplateLoader {
    static func readReport(_ node: TemplateNode?, forms: [FormSpec], parameters: [String]) throws(TemplateError) -> ReportSpec? {
        guard let node else { return nil }
        var sections: [ReportSectionSpec] = []
        var seen = Set<String>()
        for s in try node.required("sections").array() {
            let id = try s.string("id")
            let sn = s.named(id)
            guard seen.insert(id).inserted else { throw sn.fail(.duplicateID(id)) }
            var sentences: [ReportSentenceSpec] = []
            for t in try sn.array("sentences") { sentences.append(try readSentence(t, forms: forms, parameters: parameters)) }
            sections.append(ReportSectionSpec(id: id, heading: try sn.string("heading"), aliases: try sn.strings("aliases"),
                                              guidance: try sn.optionalString("guidance") ?? "", sentences: sentences))
        }
        var figures: [ReportFigureSpec] = []
        for f in try node.array("figures") {
            let kindText = try f.string("kind")
            guard let kind = ReportFigureSpec.Kind(rawValue: kindText) else {
                throw try f.required("kind").fail(.unknownColumnKind(kindText))
            }
            let names = try f.optionalString("names").map { t throws(TemplateError) in try reportFormula(t, at: f.child("names")!, forms: forms) }
            let words = try f.strings("words")
            if names == nil && words.isEmpty { throw f.fail(.missing(field: "words")) }
            figures.append(ReportFigureSpec(label: try f.string("label"), words: words, names: names,
                                            value: try reportFormula(try f.string("value"), at: f.required("value"), forms: forms), kind: kind,
                                            not: try f.strings("not"), notAfter: try f.strings("notAfter")))
        }
        let titleNode = node.child("title")
        let title = try titleNode.map { n throws(TemplateError) in try sentencePieces(try n.string(), at: n, forms: forms, parameters: parameters) } ?? []
        return ReportSpec(title: ReportSentenceSpec(pieces: title, each: nil, separator: "", prefix: [], suffix: []),
                          sections: sections, figures: figures)
    }

    static func readSentence(_ node: TemplateNode, forms: [FormSpec], parameters: [String]) throws(TemplateError) -> ReportSentenceSpec {
        let each = try node.optionalString("each")
        if let each {
            guard let f = forms.first(where: { $0.id == each }) else { throw node.fail(.unknownForm(each), at: "each") }
            guard f.isRepeated else { throw node.fail(.unknownForm(each), at: "each") }
        }
        func pieces(_ key: String) throws(TemplateError) -> [ReportSentenceSpec.Piece] {
            guard let c = node.child(key) else { return [] }
            return try sentencePieces(try c.string(), at: c, forms: forms, parameters: parameters)
        }
        return ReportSentenceSpec(pieces: try pieces("text"), each: each, separator: try node.optionalString("separator") ?? "、",
                                  prefix: try pieces("prefix"), suffix: try pieces("suffix"))
    }

    /// 「基本支出{B!basic.value}万元」 → text, formula, text. `{Y}`, `{Y-1}` and `{parameter}` stay labels.
    static func sentencePieces(_ text: String, at node: TemplateNode, forms: [FormSpec], parameters: [String]) throws(TemplateError) -> [ReportSentenceSpec.Piece] {
        var out: [ReportSentenceSpec.Piece] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { throw node.fail(.badFormula(text: text, position: text.distance(from: text.startIndex, to: open))) }
            if open > rest.startIndex { out.append(.text(String(rest[..<open]))) }
            let inner = String(rest[rest.index(after: open)..<close])
            if YearText.render("{\(inner)}", year: 2000, parameters: Dictionary(uniqueKeysWithValues: parameters.map { ($0, "") })) != "{\(inner)}" {
                out.append(.label("{\(inner)}"))
            } else {
                let f = try reportFormula(inner, at: node, forms: forms)
                out.append(.formula(f, kind: kind(of: f, forms: forms)))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }

    /// A formula of the report: every reference names its form, and the cell exists.
    static func reportFormula(_ text: String, at node: TemplateNode, forms: [FormSpec]) throws(TemplateError) -> Formula {
        let f = try formula(text, at: node)
        for r in f.references {
            guard let fid = r.form else { throw node.fail(.unknownForm(text)) }
            guard let form = forms.first(where: { $0.id == fid }) else { throw node.fail(.unknownForm(fid)) }
            guard case let .named(column) = r.column else { throw node.fail(.unknownCell("\(fid)!@")) }
            switch r.row {
            case let .named(row), let .allInstances(row):
                guard let spec = form.row(row) else { throw node.fail(.unknownCell("\(fid)!\(row).\(column)")) }
                let isLabel = column == CellAddress.labelColumn && spec.repeating?.named == true
                guard isLabel || spec.columnIDs.contains(column) else { throw node.fail(.unknownCell("\(fid)!\(row).\(column)")) }
            case .this, .children, .sameIndex:
                throw node.fail(.unknownCell("\(fid)!_"))
            }
        }
        return f
    }

    /// How a generated figure is shown: as the cell it reads (the first reference), else as a score.
    static func kind(of f: Formula, forms: [FormSpec]) -> CellKind {
        for r in f.references {
            guard let fid = r.form, let form = forms.first(where: { $0.id == fid }), case let .named(column) = r.column else { continue }
            switch r.row {
            case let .named(row), let .allInstances(row):
                if let spec = form.row(row), let k = form.section(spec.sectionID)?.column(column)?.kind { return k }
                return .text
            default: continue
            }
        }
        return .decimal
    }
}
