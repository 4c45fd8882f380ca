import Foundation

extension TemplateLoader {
    /// Reads a check and validates every cell it names: local cells against `form`, cells of other
    /// forms (`B!row.col`, allowed in the template-wide checks) against `forms`.
    static func readCheck(_ node: TemplateNode, form: FormSpec?, forms: [FormSpec]) throws(TemplateError) -> CheckSpec {
        let kindText = try node.string("kind")
        guard let kind = CheckSpec.Kind(rawValue: kindText) else { throw node.fail(.unknownCheckKind(kindText), at: "kind") }
        let severityText = try node.optionalString("severity") ?? "error"
        guard let severity = Severity(rawValue: severityText) else { throw node.fail(.unknownSeverity(severityText), at: "severity") }
        let columns = try node.strings("columns")
        let each = try node.optionalString("each")
        let rowList = try node.strings("rows")
        /// The rows `_` stands for: the `each` row, the listed rows, or none.
        var boundRows: [String] { each.map { [$0] } ?? rowList }

        func formSpec(_ id: String?, at n: TemplateNode) throws(TemplateError) -> FormSpec {
            if let id {
                guard let f = forms.first(where: { $0.id == id }) ?? (form?.id == id ? form : nil) else { throw n.fail(.unknownForm(id)) }
                return f
            }
            guard let form else { throw n.fail(.unknownForm("(未写表号)")) }
            return form
        }
        func hasCell(_ f: FormSpec, _ row: String, _ column: String) -> Bool {
            guard let r = f.row(row) else { return false }
            return r.columnIDs.contains(column) || (column == CellAddress.labelColumn && r.repeating?.named == true)
        }
        func target(_ n: TemplateNode) throws(TemplateError) -> CheckTarget {
            let text = try n.string()
            var formID: String?
            var rest = Substring(text)
            if let bang = text.firstIndex(of: "!") { formID = String(text[..<bang]); rest = text[text.index(after: bang)...] }
            guard let ref = CellRef.parse(String(rest)) else { throw n.fail(.unknownCell(text)) }
            if kind == .dates, let id = formID, id.hasSuffix("[]") {
                let f = try formSpec(String(id.dropLast(2)), at: n)
                guard f.isRepeated, hasCell(f, ref.row, ref.column) else { throw n.fail(.unknownCell(text)) }
                return CheckTarget(form: f.id, row: ref.row, column: ref.column, allInstances: true)
            }
            let f = try formSpec(formID, at: n)
            let columnsToCheck = ref.column == "@" ? (columns.isEmpty ? [] : columns) : [ref.column]
            if ref.row == "_" && each == nil && !rowList.isEmpty {
                for r in rowList { for c in columnsToCheck where !hasCell(f, r, c) { throw n.fail(.unknownCell("\(r).\(c)")) } }
                return CheckTarget(form: formID, row: "_", column: ref.column)
            }
            let rowID = ref.row == "_" ? (each ?? "") : ref.row
            for c in columnsToCheck where !hasCell(f, rowID, c) { throw n.fail(.unknownCell("\(rowID).\(c)")) }
            // `_` stays `_`: the check binds it to each instance and reports at that instance.
            return CheckTarget(form: formID, row: ref.row == "_" && each != nil ? "_" : rowID, column: ref.column)
        }
        func formula(_ key: String) throws(TemplateError) -> Formula? {
            guard let n = node.child(key) else { return nil }
            let f = try TemplateLoader.formula(try n.string(), at: n)
            for ref in f.references {
                let fs = try formSpec(ref.form, at: n)
                let cols: [String]
                switch ref.column {
                case let .named(c): cols = [c]
                case .current: cols = columns
                }
                var rowIDs: [String] = []
                switch ref.row {
                case let .named(r), let .allInstances(r): rowIDs = [r]
                case .this:
                    guard !boundRows.isEmpty else { throw n.fail(.unknownCell("_ (需要 each 或 rows)")) }
                    rowIDs = boundRows
                case let .sameIndex(r):
                    guard ref.form == nil, each != nil, fs.row(r)?.repeating != nil else { throw n.fail(.unknownCell("\(r)[_] (需要 each)")) }
                    rowIDs = [r]
                case .children: throw n.fail(.unknownCell("children"))
                }
                for r in rowIDs { for c in cols where !hasCell(fs, r, c) { throw n.fail(.unknownCell("\(ref.form.map { $0 + "!" } ?? "")\(r).\(c)")) } }
            }
            return f
        }
        if let each {
            guard let f = form, f.row(each)?.repeating != nil else { throw node.fail(.unknownCell(each), at: "each") }
        }
        for r in rowList {
            // `rows` names single rows of this form; a repeated row is checked with `each`.
            guard let f = form, let spec = f.row(r), spec.repeating == nil, each == nil else { throw node.fail(.unknownCell(r), at: "rows") }
        }
        var cells: [CheckTarget] = []
        for c in try node.array("cells") { cells.append(try target(c)) }
        let left = try formula("left")
        let right = try formula("right")
        if [.equal, .atLeast, .atMost].contains(kind) && (left == nil || right == nil) {
            throw node.fail(.missing(field: left == nil ? "left" : "right"))
        }
        if kind == .indicators && form?.indicators == nil { throw node.fail(.missing(field: "indicators (表定义)")) }
        var offsets: [Int] = []
        for n in try node.array("allowedYearOffsets") {
            guard let k = n.value.int else { throw n.fail(.wrongType(expected: "整数", found: n.value.typeName)) }
            guard Limits.yearOffsets.contains(k) else { throw n.fail(.outOfRange(value: String(k), allowed: Limits.yearOffsets)) }
            offsets.append(k)
        }
        var spec = CheckSpec(kind: kind, severity: severity, label: try node.optionalString("label") ?? "",
                         left: left, right: right, at: try node.child("at").map { (n) throws(TemplateError) in try target(n) },
                         columns: columns, eachRow: each, rows: rowList, cells: cells, allowedYearOffsets: offsets.isEmpty ? [0] : offsets)
        spec.detail = try formula("detail")
        spec.forms = try node.strings("forms")
        spec.value = try formula("value")
        spec.words = try node.strings("words")
        if kind == .textRates, spec.value != nil, spec.words.isEmpty { throw node.fail(.missing(field: "words")) }
        if kind == .sameIndicators {
            guard spec.forms.count == 2 else { throw node.fail(.missing(field: "forms（两张表）")) }
            for id in spec.forms {
                guard let f = forms.first(where: { $0.id == id }) else { throw node.fail(.unknownForm(id), at: "forms") }
                guard f.indicators != nil else { throw node.fail(.missing(field: "indicators (表 \(id))"), at: "forms") }
            }
        }
        if let n = node.child("deadline") {
            // "MM-DD" of the year after the evaluated one ("05-31": 31 May).
            let parts = try n.string().split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, (1...12).contains(parts[0]), (1...31).contains(parts[1]) else { throw n.fail(.badNumber(try n.string())) }
            spec.deadline = (parts[0], parts[1])
        }
        return spec
    }
}
