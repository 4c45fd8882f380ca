import Foundation

/// The draft file format (docs/draft-format.md, docs/draft.schema.json): the template id and version,
/// the year, and the entered cells only, every value a string so money never passes through binary
/// floating point. An absent cell is empty, which stays distinct from "0".
public enum DraftCodec {
    public static let formatName = "jixiao-draft"
    public static let formatVersion = 1
    /// Drafts are small; anything far larger is not one of ours (and would only cost memory).
    public static let maxBytes = 64 << 20

    public static func encode(_ d: Draft, template: Template) -> String {
        var forms: [(String, JSONValue)] = []
        for form in template.forms {
            let instances = d.instances(of: form.id)
            guard !instances.isEmpty else { continue }
            forms.append((form.id, .array(instances.map { encode($0, form: form) })))
        }
        let root: JSONValue = .object([
            ("format", .string(formatName)),
            ("formatVersion", .number(String(formatVersion))),
            ("template", .object([("id", .string(d.templateID)), ("version", .string(d.templateVersion))])),
            ("year", .number(String(d.year))),
            ("parameters", .object(d.parameters.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })),
            ("forms", .object(forms)),
        ])
        return JSONWriter.write(root)
    }

    static func text(_ e: Entry, kind: CellKind) -> JSONValue {
        switch e {
        case let .number(d): return .string(NumberInput.canonical(d, kind: kind))
        case let .text(s), let .invalid(s): return .string(s)
        }
    }

    static func encode(_ e: FormEntry, form: FormSpec) -> JSONValue {
        var cells: [(String, JSONValue)] = []
        var rows: [(String, JSONValue)] = []
        for row in form.rows {
            let kinds = kindsByColumn(form, row)
            if row.repeating != nil {
                guard let list = e.rows[row.id], !list.isEmpty else { continue }
                rows.append((row.id, .array(list.map { inst in
                    var pairs: [(String, JSONValue)] = []
                    if let l = inst.label { pairs.append(("label", .string(l))) }
                    let cs: [(String, JSONValue)] = row.columnIDs.compactMap { c in inst.cells[c].map { (c, text($0, kind: kinds[c] ?? .text)) } }
                    pairs.append(("cells", .object(cs)))
                    let marks = row.columnIDs.filter(inst.carried.contains)
                    if !marks.isEmpty { pairs.append(("carried", .array(marks.map(JSONValue.string)))) }
                    return .object(pairs)
                })))
            } else if let rc = e.cells[row.id], !rc.isEmpty {
                let cs: [(String, JSONValue)] = row.columnIDs.compactMap { c in rc[c].map { (c, text($0, kind: kinds[c] ?? .text)) } }
                cells.append((row.id, .object(cs)))
            }
        }
        var out: [(String, JSONValue)] = [("cells", .object(cells)), ("rows", .object(rows))]
        let carried: [(String, JSONValue)] = form.rows.compactMap { row in
            guard row.repeating == nil, let set = e.carried[row.id] else { return nil }
            let marks = row.columnIDs.filter(set.contains)
            return marks.isEmpty ? nil : (row.id, .array(marks.map(JSONValue.string)))
        }
        if !carried.isEmpty { out.append(("carried", .object(carried))) }
        return .object(out)
    }

    /// A list of column ids marked as carried over from last year; each must be an entered column of the row.
    static func carriedColumns(_ v: JSONValue, row: RowSpec, at: String, path: String) throws(DraftError) -> Set<String> {
        guard let list = v.array else { throw .structure(path: path, entry: at, expected: "数组", found: v.typeName) }
        var out: Set<String> = []
        for item in list {
            guard let c = item.string else { throw .structure(path: path, entry: at, expected: "字符串", found: item.typeName) }
            guard row.columnIDs.contains(c), row.formulas[c] == nil else { throw .unknownCell(path: path, entry: "\(at).\(c)") }
            out.insert(c)
        }
        return out
    }

    static func kindsByColumn(_ form: FormSpec, _ row: RowSpec) -> [String: CellKind] {
        var out: [String: CellKind] = [:]
        for c in form.section(row.sectionID)?.columns ?? [] { out[c.id] = c.kind }
        return out
    }

    /// Parses a stored value for a cell of `kind`: numbers that do not parse stay as typed (invalid).
    public static func entry(_ s: String, kind: CellKind) -> Entry {
        guard kind.isNumeric else { return .text(s) }
        if let d = canonicalNumber(s, kind: kind) { return .number(d) }
        switch NumberInput.parse(s, kind: kind) {
        case let .success(d): return .number(d)
        case .failure: return .invalid(s)
        }
    }

    /// The number in text as `NumberInput.canonical` writes it ("-12.5", "95%" in a percent cell), read
    /// without `NumberInput.parse`'s folding, trimming and unit words (a third of loading a large
    /// draft). Anything else, or anything `parse` would refuse, is nil and goes the long way.
    static func canonicalNumber(_ s: String, kind: CellKind) -> Decimal? {
        var u = Substring(s).utf8
        guard !u.isEmpty, u.count <= 40 else { return nil }
        if u.last == UInt8(ascii: "%") {
            guard kind == .percent else { return nil }
            u = u.dropLast()
        }
        guard u.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
              let d = NumberInput.decimal(String(Substring(u))) else { return nil }
        if kind == .count && d != d.rounded(0) { return nil }
        return kind == .percent ? d / Decimal.hundred : d
    }

    /// Reads the header only: which template and version the draft needs.
    public static func header(_ bytes: [UInt8], path: String) throws(DraftError) -> (root: JSONValue, templateID: String, templateVersion: String) {
        guard bytes.count <= maxBytes else { throw .tooLarge(path: path, bytes: bytes.count) }
        let root: JSONValue
        do { root = try JSONReader.parse(bytes) } catch { throw .syntax(path: path, error) }
        guard root["format"]?.string == formatName else { throw .notADraft(path: path) }
        guard let v = root["formatVersion"] else { throw .notADraft(path: path) }
        guard v.int == formatVersion else { throw .unsupportedVersion(path: path, found: v.numberText ?? v.string ?? v.typeName) }
        guard let t = root["template"], let id = t["id"]?.string, let ver = t["version"]?.string else {
            throw .structure(path: path, entry: "template", expected: "{\"id\": …, \"version\": …}", found: root["template"]?.typeName ?? "无")
        }
        return (root, id, ver)
    }

    public static func decode(_ root: JSONValue, template: Template, path: String) throws(DraftError) -> Draft {
        guard let yv = root["year"], let year = yv.int, (1990...2100).contains(year) else {
            throw .badYear(path: path, found: root["year"]?.numberText ?? root["year"]?.typeName ?? "无")
        }
        var draft = Draft(templateID: template.id, templateVersion: template.version, year: year)
        for p in template.parameters { draft.parameters[p.id] = p.defaultValue }
        if let ps = root["parameters"] {
            guard let pairs = ps.object else { throw .structure(path: path, entry: "parameters", expected: "对象", found: ps.typeName) }
            for (k, v) in pairs {
                guard let p = template.parameters.first(where: { $0.id == k }) else { throw .unknownCell(path: path, entry: "parameters.\(k)") }
                guard let s = v.string, p.options.isEmpty || p.options.contains(s) else {
                    throw .structure(path: path, entry: "parameters.\(k)", expected: p.options.joined(separator: "/"), found: v.string ?? v.typeName)
                }
                draft.parameters[k] = s
            }
        }
        guard let forms = root["forms"]?.object else {
            throw .structure(path: path, entry: "forms", expected: "对象", found: root["forms"]?.typeName ?? "无")
        }
        for (fid, fv) in forms {
            guard let form = template.form(fid) else { throw .unknownCell(path: path, entry: "forms.\(fid)") }
            guard let list = fv.array else { throw .structure(path: path, entry: "forms.\(fid)", expected: "数组", found: fv.typeName) }
            if !form.isRepeated && list.count > 1 {
                throw .structure(path: path, entry: "forms.\(fid)", expected: "一个表", found: "\(list.count) 个")
            }
            var instances: [FormEntry] = []
            for (k, iv) in list.enumerated() {
                instances.append(try decodeInstance(iv, form: form, at: "forms.\(fid)[\(k)]", path: path))
            }
            draft.forms[fid] = instances
        }
        // A form added to the template after the draft was made (a 评分表 in a later version) starts
        // empty rather than making the draft unreadable.
        for form in template.forms where !form.isRepeated && draft.forms[form.id] == nil {
            draft.forms[form.id] = [DraftFactory.newInstance(form)]
        }
        return draft
    }

    static func decodeInstance(_ v: JSONValue, form: FormSpec, at: String, path: String) throws(DraftError) -> FormEntry {
        guard case .object = v else { throw .structure(path: path, entry: at, expected: "对象", found: v.typeName) }
        var e = FormEntry()
        var kindsOfRow: [String: [String: CellKind]] = [:]
        func stringCells(_ obj: JSONValue?, row: RowSpec, at: String) throws(DraftError) -> [String: Entry] {
            guard let obj else { return [:] }
            guard let pairs = obj.object else { throw .structure(path: path, entry: at, expected: "对象", found: obj.typeName) }
            let kinds: [String: CellKind]
            if let known = kindsOfRow[row.id] { kinds = known } else { kinds = kindsByColumn(form, row); kindsOfRow[row.id] = kinds }
            var out: [String: Entry] = [:]
            for (c, cv) in pairs {
                guard row.columnIDs.contains(c), row.formulas[c] == nil else { throw .unknownCell(path: path, entry: "\(at).\(c)") }
                guard let s = cv.string else { throw .structure(path: path, entry: "\(at).\(c)", expected: "字符串", found: cv.typeName) }
                guard s.utf8.count <= 100_000 else { throw .structure(path: path, entry: "\(at).\(c)", expected: "不超过 100000 字节的文字", found: "\(s.utf8.count) 字节") }
                out[c] = entry(s, kind: kinds[c] ?? .text)
            }
            return out
        }
        if let cells = v["cells"] {
            guard let pairs = cells.object else { throw .structure(path: path, entry: "\(at).cells", expected: "对象", found: cells.typeName) }
            for (rid, rv) in pairs {
                guard let row = form.row(rid), row.repeating == nil else { throw .unknownCell(path: path, entry: "\(at).cells.\(rid)") }
                let cs = try stringCells(rv, row: row, at: "\(at).cells.\(rid)")
                if !cs.isEmpty { e.cells[rid] = cs }
            }
        }
        if let rows = v["rows"] {
            guard let pairs = rows.object else { throw .structure(path: path, entry: "\(at).rows", expected: "对象", found: rows.typeName) }
            for (rid, rv) in pairs {
                guard let row = form.row(rid), row.repeating != nil else { throw .unknownCell(path: path, entry: "\(at).rows.\(rid)") }
                guard let list = rv.array else { throw .structure(path: path, entry: "\(at).rows.\(rid)", expected: "数组", found: rv.typeName) }
                var out: [RowEntry] = []
                for (k, inst) in list.enumerated() {
                    let here = "\(at).rows.\(rid)[\(k)]"
                    guard case .object = inst else { throw .structure(path: path, entry: here, expected: "对象", found: inst.typeName) }
                    var label: String?
                    if let l = inst["label"] {
                        guard let s = l.string else { throw .structure(path: path, entry: "\(here).label", expected: "字符串", found: l.typeName) }
                        label = s
                    }
                    var item = RowEntry(label: label, cells: try stringCells(inst["cells"], row: row, at: "\(here).cells"))
                    if let marks = inst["carried"] { item.carried = try carriedColumns(marks, row: row, at: "\(here).carried", path: path) }
                    out.append(item)
                }
                e.rows[rid] = out
            }
        }
        if let carried = v["carried"] {
            guard let pairs = carried.object else { throw .structure(path: path, entry: "\(at).carried", expected: "对象", found: carried.typeName) }
            for (rid, rv) in pairs {
                guard let row = form.row(rid), row.repeating == nil else { throw .unknownCell(path: path, entry: "\(at).carried.\(rid)") }
                let set = try carriedColumns(rv, row: row, at: "\(at).carried.\(rid)", path: path)
                if !set.isEmpty { e.carried[rid] = set }
            }
        }
        return e
    }
}
