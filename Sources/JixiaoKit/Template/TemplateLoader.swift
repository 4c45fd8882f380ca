import Foundation

/// Reads a template file and validates it completely before anything uses it: unknown cells,
/// formula cycles, unknown rule kinds and type errors are refused with the file and the entry.
public enum TemplateLoader {
    public static let supportedFormat = 1

    public static func load(file: String) throws(TemplateError) -> Template {
        let b = try bytes(of: file)
        return try TemplateMemo.shared.template(file: file, bytes: b) { () throws(TemplateError) in try load(bytes: b, file: file) }
    }

    /// A template file's bytes, its size checked first: a huge file would be read whole before the
    /// parser could refuse it.
    static func bytes(of file: String) throws(TemplateError) -> [UInt8] {
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber, size.intValue > Limits.templateBytes {
            throw TemplateError(file: file, entry: "", reason: .tooLarge(bytes: size.intValue))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw TemplateError(file: file, entry: "", reason: .unreadable(file))
        }
        return [UInt8](data)
    }

    public static func load(bytes: [UInt8], file: String) throws(TemplateError) -> Template {
        guard bytes.count <= Limits.templateBytes else { throw TemplateError(file: file, entry: "", reason: .tooLarge(bytes: bytes.count)) }
        let json: JSONValue
        do { json = try JSONReader.parse(bytes) } catch {
            throw TemplateError(file: file, entry: "", reason: .syntax(error))
        }
        let root = TemplateNode(value: json, file: file)
        guard case .object = json else { throw root.fail(.wrongType(expected: "对象", found: json.typeName)) }
        guard let format = try root.int("format") else { throw root.fail(.missing(field: "format")) }
        guard format == supportedFormat else { throw try root.required("format").fail(.unsupportedFormat(format)) }
        let settings = try readSettings(root.child("settings"))
        var forms: [FormSpec] = []
        var seen = Set<String>()
        let formNodes = try root.required("forms").array()
        guard formNodes.count <= Limits.forms else { throw try root.required("forms").fail(.tooMany(.forms, count: formNodes.count)) }
        // The forms are read, and then compiled, on every core (most of loading a template, which is on
        // the way to a draft's first frame); the first error in the file's order is the one reported.
        let read = Parallel.map(formNodes, minimum: 1) { node in Result { () throws(TemplateError) in try readForm(node, settings: settings) } }
        for (node, result) in zip(formNodes, read) {
            let form = try result.get()
            guard seen.insert(form.id).inserted else { throw node.fail(.duplicateID(form.id)) }
            forms.append(form)
        }
        try validateForeignReferences(forms, root.child("forms")!)
        let columnLists = forms.map(CompiledForm.columnIDs)
        let all = forms
        let compiled = Parallel.map(Array(forms.indices), minimum: 1) { k in
            Result { () throws(CompiledForm.Unresolved) in try CompiledForm(all, slot: k, columnLists: columnLists) }
        }
        for k in forms.indices {
            switch compiled[k] {
            case let .success(c): forms[k].compiled = c
            case let .failure(error): throw formNodes[k].named(forms[k].id).fail(.unknownCell(error.reference))
            }
        }
        var checks: [CheckSpec] = []
        for node in try root.array("checks") {
            checks.append(try readCheck(node, form: nil, forms: forms))
        }
        var parameters: [TemplateParameter] = []
        for n in try root.array("parameters") {
            let options = try n.strings("options")
            parameters.append(TemplateParameter(id: try n.string("id"), label: try n.string("label"), options: options,
                                                defaultValue: try n.optionalString("default") ?? options.first ?? ""))
        }
        let report = try readReport(root.child("report"), forms: forms, parameters: parameters.map(\.id))
        var template = Template(
            id: try root.string("id"), version: try root.string("version"), title: try root.string("title"),
            description: try root.optionalString("description") ?? "", settings: settings, forms: forms,
            checks: checks, parameters: parameters, source: file, report: report)
        template.nextYear = try readNextYear(root.child("nextYear"), forms: forms)
        return template
    }

    static func readSettings(_ node: TemplateNode?) throws(TemplateError) -> TemplateSettings {
        var s = TemplateSettings.standard
        guard let node else { return s }
        if let grades = node.child("grades") {
            var bands: [GradeBand] = []
            for g in try grades.array() {
                guard let min = try g.decimal("min") else { throw g.fail(.missing(field: "min")) }
                bands.append(GradeBand(label: try g.string("label"), min: min))
            }
            s.grades = bands
        }
        if let d = try node.decimal("overAchievement") { s.overAchievement = d }
        if let d = try node.decimal("tolerance") { s.tolerance = d }
        s.executionRateDecimals = try node.int("executionRateDecimals", within: Limits.executionRateDecimals)
        if node.child("placeholderPatterns") != nil { s.placeholderPatterns = try node.strings("placeholderPatterns") }
        s.review.overAchievementReason = try node.decimal("overAchievementReason")
        s.review.fullMarksWhenMet = try node.bool("fullMarksWhenMet", default: false)
        return s
    }

    /// A computed cell may read another form (a rubric scored from 附件1's figures), but only a form
    /// that reads no other form itself: that keeps evaluation a simple two-step order with no cycles.
    static func validateForeignReferences(_ forms: [FormSpec], _ node: TemplateNode) throws(TemplateError) {
        for form in forms where form.readsOtherForms {
            for row in form.rows {
                for (column, f) in row.formulas {
                    for ref in f.references {
                        guard let other = ref.form else { continue }
                        let here = "\(form.id): \(row.id).\(column)"
                        guard let target = forms.first(where: { $0.id == other }) else { throw node.fail(.unknownForm(other), at: here) }
                        guard !target.readsOtherForms else { throw node.fail(.foreignReferenceInComputedCell(here + " → " + other)) }
                        let col: String
                        switch ref.column { case let .named(c): col = c; case .current: col = column }
                        switch ref.row {
                        case let .named(r), let .allInstances(r):
                            guard let tr = target.row(r), tr.columnIDs.contains(col) else {
                                throw node.fail(.unknownCell("\(other)!\(r).\(col)"), at: here)
                            }
                        case .this, .children, .sameIndex:
                            throw node.fail(.unknownCell("\(other)!_"), at: here)
                        }
                    }
                }
            }
        }
    }

    // MARK: Forms

    static func readForm(_ raw: TemplateNode, settings: TemplateSettings) throws(TemplateError) -> FormSpec {
        let id = try raw.string("id")
        let node = raw.named(id)
        var sections: [SectionSpec] = []
        var rows: [RowSpec] = []
        var rowIndex: [String: Int] = [:]
        for sNode in try node.required("sections").array() {
            let sid = try sNode.string("id")
            let sn = sNode.named(sid)
            var columns: [ColumnSpec] = []
            var columnFormulas: [(String, String, TemplateNode)] = []
            let columnNodes = try sn.required("columns").array()
            guard columnNodes.count <= Limits.columnsPerSection else {
                throw try sn.required("columns").fail(.tooMany(.columnsInSection, count: columnNodes.count))
            }
            for cNode in columnNodes {
                let cid = try cNode.string("id")
                let kindText = try cNode.optionalString("kind") ?? "text"
                guard let kind = CellKind(rawValue: kindText) else { throw cNode.fail(.unknownColumnKind(kindText), at: "kind") }
                guard !columns.contains(where: { $0.id == cid }) else { throw cNode.fail(.duplicateID(cid)) }
                columns.append(ColumnSpec(id: cid, label: try cNode.optionalString("label") ?? "", kind: kind,
                                          options: try cNode.strings("options"), required: try cNode.bool("required", default: false)))
                if let f = try cNode.optionalString("formula") { columnFormulas.append((cid, f, cNode.child("formula")!)) }
            }
            var topIDs: [String] = []
            var parsedColumnFormulas: [String: Formula] = [:]
            for rNode in try sn.array("rows") {
                let rid = try readRow(rNode, section: sid, columns: columns, columnFormulas: columnFormulas,
                                      parsed: &parsedColumnFormulas,
                                      parent: nil, depth: 0, insideRepeat: false, rows: &rows, rowIndex: &rowIndex)
                topIDs.append(rid)
            }
            guard !sections.contains(where: { $0.id == sid }) else { throw sNode.fail(.duplicateID(sid)) }
            sections.append(SectionSpec(id: sid, title: try sn.optionalString("title") ?? "",
                                        labelHeading: try sn.optionalString("labelHeading") ?? "",
                                        columns: columns, rowIDs: topIDs, note: try sn.optionalString("note")))
        }
        // Validate references and order the computed cells.
        func hasCell(_ row: String, _ column: String) -> Bool {
            guard let i = rowIndex[row] else { return false }
            return rows[i].columnIDs.contains(column) || (column == CellAddress.labelColumn && rows[i].repeating?.named == true)
        }
        var order: [FormulaCell] = []
        var readsOtherForms = false
        var formsRead = Set<String>()
        // A computed cell by its row's position: no "row.column" text to make and parse again per visit.
        struct CellKey: Hashable { let row: Int; let column: String }
        var state: [CellKey: Int] = [:]  // 1 visiting, 2 done
        func deps(_ row: RowSpec, _ column: String, _ f: Formula) throws(TemplateError) -> [CellKey] {
            var out: [CellKey] = []
            for ref in f.references {
                // Named only when a reference is refused (a string made per reference was a tenth of the load).
                var where_: String { "\(row.id).\(column)" }
                // Cells of other forms are checked once every form is loaded (`validateForeignReferences`).
                if let other = ref.form { readsOtherForms = true; formsRead.insert(other); continue }
                let col: String
                switch ref.column { case let .named(c): col = c; case .current: col = column }
                var targets: [String] = []
                switch ref.row {
                case .this: targets = [row.id]
                case .children: targets = row.childIDs
                case let .named(r), let .allInstances(r): targets = [r]
                case let .sameIndex(r):
                    // `r[_]` pairs instances of two repeated rows: both must repeat.
                    guard row.repeating != nil, rowIndex[r].map({ rows[$0].repeating != nil }) == true else {
                        throw node.fail(.unknownCell("\(r)[_].\(col)"), at: "formula of \(where_)")
                    }
                    targets = [r]
                }
                for t in targets {
                    guard hasCell(t, col) else { throw node.fail(.unknownCell("\(t).\(col)"), at: "formula of \(where_)") }
                    if let ti = rowIndex[t], rows[ti].formulas[col] != nil { out.append(CellKey(row: ti, column: col)) }
                }
            }
            return out
        }
        // `stack`: the cells being visited, outermost first; one array pushed and popped, copied only
        // into the error of a cycle.
        var stack: [CellKey] = []
        func visit(_ key: CellKey) throws(TemplateError) {
            if state[key] == 2 { return }
            if state[key] == 1 { throw node.fail(.formulaCycle((stack + [key]).map { "\(rows[$0.row].id).\($0.column)" })) }
            state[key] = 1
            let row = rows[key.row]
            let f = row.formulas[key.column]!
            stack.append(key)
            for d in try deps(row, key.column, f) { try visit(d) }
            stack.removeLast()
            state[key] = 2
            order.append(FormulaCell(row: row.id, column: key.column, formula: f))
        }
        for (k, r) in rows.enumerated() {
            for c in r.columnIDs where r.formulas[c] != nil { try visit(CellKey(row: k, column: c)) }
        }
        var repeatSpec: FormRepeat?
        if let rep = node.child("repeat") {
            let cellText = try rep.string("nameCell")
            guard let cell = CellRef.parse(cellText), hasCell(cell.row, cell.column) else {
                throw rep.fail(.unknownCell(cellText), at: "nameCell")
            }
            repeatSpec = FormRepeat(noun: try rep.optionalString("noun") ?? "项目", nameCell: cell)
        }
        var indicators: IndicatorSpec?
        if let ind = node.child("indicators") {
            let sid = try ind.string("section")
            guard let section = sections.first(where: { $0.id == sid }) else { throw ind.fail(.unknownCell(sid), at: "section") }
            func col(_ k: String) throws(TemplateError) -> String {
                let c = try ind.string(k)
                guard section.column(c) != nil else { throw ind.fail(.unknownCell("\(sid).\(c)"), at: k) }
                return c
            }
            indicators = IndicatorSpec(section: sid, name: try col("name"), target: try col("target"), actual: try col("actual"),
                                       weight: try col("weight"), score: try col("score"), reason: try col("reason"))
        }
        let partial = FormSpec(id: id, short: try node.string("short"), title: try node.string("title"), repeated: repeatSpec,
                               sections: sections, checks: [], indicators: indicators, rows: rows, rowIndex: rowIndex,
                               evaluationOrder: order, readsOtherForms: readsOtherForms, scorecard: nil)
        var checks: [CheckSpec] = []
        for c in try node.array("checks") { checks.append(try readCheck(c, form: partial, forms: [])) }
        var spec = FormSpec(id: id, short: partial.short, title: partial.title, repeated: repeatSpec, sections: sections,
                        checks: checks, indicators: indicators, rows: rows, rowIndex: rowIndex, evaluationOrder: order,
                        readsOtherForms: readsOtherForms, scorecard: try readScorecard(node.child("scorecard"), partial))
        spec.optional = try node.bool("optional", default: false)
        spec.formsRead = formsRead
        return spec
    }

    /// Reads a row and its children depth-first, appending to `rows`; returns the row id. A column's
    /// formula is parsed for the first row that has the column and kept in `parsed` for the others.
    static func readRow(_ raw: TemplateNode, section: String, columns: [ColumnSpec], columnFormulas: [(String, String, TemplateNode)],
                        parsed: inout [String: Formula],
                        parent: String?, depth: Int, insideRepeat: Bool,
                        rows: inout [RowSpec], rowIndex: inout [String: Int]) throws(TemplateError) -> String {
        let id = try raw.string("id")
        let node = raw.named(id)
        guard rowIndex[id] == nil, id != "_", id != "children" else { throw raw.fail(.duplicateID(id)) }
        guard rows.count < Limits.rowsPerForm else { throw node.fail(.tooMany(.rowsInForm, count: rows.count + 1)) }
        var columnIDs = columns.map(\.id)
        if let only = node.child("columns") {
            columnIDs = []
            for c in try only.array() {
                let cid = try c.string()
                guard columns.contains(where: { $0.id == cid }) else { throw c.fail(.unknownCell("\(id).\(cid)")) }
                columnIDs.append(cid)
            }
        }
        var repeating: RowRepeat?
        if let rep = node.child("repeat") {
            if insideRepeat { throw rep.fail(.nestedRepeat(id)) }
            repeating = RowRepeat(noun: try rep.optionalString("noun") ?? "行", named: try rep.bool("named", default: false),
                                  initial: try rep.int("initial", within: Limits.repeatInitial) ?? 0)
        }
        var formulas: [String: Formula] = [:]
        for (cid, text, at) in columnFormulas where columnIDs.contains(cid) {
            if let f = parsed[cid] { formulas[cid] = f } else {
                let f = try formula(text, at: at)
                parsed[cid] = f
                formulas[cid] = f
            }
        }
        if let f = node.child("formula") {
            let text = try f.string()
            let parsed = try formula(text, at: f)
            for c in columnIDs where columns.first(where: { $0.id == c })?.kind.isNumeric == true { formulas[c] = parsed }
        }
        // Constant cells: a rule's text, a fixed weight (`"fixed": {"rule": "……", "weight": 5}`).
        if let fx = node.child("fixed") {
            guard let pairs = fx.value.object else { throw fx.fail(.wrongType(expected: "对象", found: fx.value.typeName)) }
            for (cid, _) in pairs {
                let f = fx.child(cid)!
                guard columnIDs.contains(cid), let column = columns.first(where: { $0.id == cid }) else {
                    throw f.fail(.unknownCell("\(id).\(cid)"))
                }
                formulas[cid] = column.kind.isNumeric ? .number(try f.decimal()) : .text(try f.string())
            }
        }
        if let fs = node.child("formulas"), let pairs = fs.value.object {
            for (cid, _) in pairs {
                let f = fs.child(cid)!
                guard columnIDs.contains(cid) else { throw f.fail(.unknownCell("\(id).\(cid)")) }
                formulas[cid] = try formula(try f.string(), at: f)
            }
        }
        let myIndex = rows.count
        rows.append(RowSpec(id: id, label: try node.optionalString("label") ?? "", sectionID: section, parentID: parent,
                            childIDs: [], depth: depth, repeating: repeating, columnIDs: columnIDs, formulas: formulas,
                            weight: try node.decimal("weight"), required: try node.bool("required", default: false)))
        rowIndex[id] = myIndex
        var children: [String] = []
        for c in try node.array("children") {
            children.append(try readRow(c, section: section, columns: columns, columnFormulas: columnFormulas, parsed: &parsed, parent: id,
                                        depth: depth + 1, insideRepeat: insideRepeat || repeating != nil,
                                        rows: &rows, rowIndex: &rowIndex))
        }
        let r = rows[myIndex]
        rows[myIndex] = RowSpec(id: r.id, label: r.label, sectionID: r.sectionID, parentID: r.parentID, childIDs: children,
                                depth: r.depth, repeating: r.repeating, columnIDs: r.columnIDs, formulas: r.formulas,
                                weight: r.weight, required: r.required)
        return id
    }

    /// Parses a formula of a cell or a check, refusing with the entry what the parser refuses and a
    /// `round` whose digits are not a whole constant within `Limits.roundDigits`.
    static func formula(_ text: String, at node: TemplateNode) throws(TemplateError) -> Formula {
        let f: Formula
        do { f = try FormulaParser.parse(text) } catch {
            switch error.reason {
            case .unexpected: throw node.fail(.badFormula(text: text, position: error.position))
            case let .tooLong(n): throw node.fail(.formulaTooLong(length: n))
            case .tooDeep: throw node.fail(.formulaTooDeep(text: text))
            }
        }
        if let digits = f.badRoundDigits {
            let written: String?
            switch digits {
            case let .number(d): written = d.plain
            case let .negate(.number(d)): written = "-" + d.plain
            default: written = nil
            }
            throw node.fail(.roundDigits(text: text, digits: written))
        }
        return f
    }
}
