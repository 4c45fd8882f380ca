import Foundation
import JixiaoKit

/// The draft file format (docs/draft-format.md, docs/draft.schema.json): the template id and version,
/// the year, and the entered cells only, every value a string so money never passes through binary
/// floating point. An absent cell is empty, which stays distinct from "0".
public enum DraftCodec {
    public static let formatName = "jixiao-draft"
    public static let formatVersion = 1
    /// Drafts are small; anything far larger is not one of ours (and would only cost memory).
    public static let maxBytes = 64 << 20
    /// A report section is a few pages at most; a megabyte is far beyond any.
    public static let maxReportSectionBytes = Limits.reportSectionBytes

    /// The fields of the format (docs/draft-format.md); any other is refused, never dropped on the next save.
    static let rootFields: Set<String> = ["format", "formatVersion", "template", "year", "parameters", "forms", "report"]
    static let templateFields: Set<String> = ["id", "version"]
    static let instanceFields: Set<String> = ["cells", "rows", "carried"]
    static let rowFields: Set<String> = ["label", "cells", "carried"]

    static func refuseUnknownFields(_ v: JSONValue, allowed: Set<String>, at: String, path: String) throws(DraftError) {
        for (k, _) in v.object ?? [] where !allowed.contains(k) {
            throw .unknownField(path: path, entry: at.isEmpty ? k : at + "." + k)
        }
    }

    /// The first cell or label holding more than `Limits.cellBytes`, or report section more than
    /// `Limits.reportSectionBytes`, its size and the limit it passes: nil when all fit.
    public static func oversizedCell(_ d: Draft, template: Template) -> (cell: String, bytes: Int, limit: Int)? {
        func size(_ e: Entry) -> Int {
            switch e {
            case .number: return 0  // written canonically: a few dozen bytes at most
            case let .text(s), let .invalid(s): return s.utf8.count
            }
        }
        for (formID, instances) in d.forms.sorted(by: { $0.key < $1.key }) {
            let repeated = template.form(formID)?.isRepeated ?? false
            for (k, inst) in instances.enumerated() {
                func path(_ row: String, _ index: Int?, _ column: String) -> String {
                    CellAddress(form: formID, formIndex: k, row: row, rowIndex: index, column: column).path(formRepeated: repeated)
                }
                for (row, cells) in inst.cells {
                    for (column, e) in cells where size(e) > Limits.cellBytes { return (path(row, nil, column), size(e), Limits.cellBytes) }
                }
                for (row, list) in inst.rows {
                    for (n, r) in list.enumerated() {
                        if let l = r.label, l.utf8.count > Limits.cellBytes { return (path(row, n, CellAddress.labelColumn), l.utf8.count, Limits.cellBytes) }
                        for (column, e) in r.cells where size(e) > Limits.cellBytes { return (path(row, n, column), size(e), Limits.cellBytes) }
                    }
                }
            }
        }
        for (id, prose) in d.report.sorted(by: { $0.key < $1.key }) where prose.utf8.count > Limits.reportSectionBytes {
            return ("report." + id, prose.utf8.count, Limits.reportSectionBytes)
        }
        return nil
    }

    /// Whether template version `a` is later than `b`: dot-separated parts compared as numbers where
    /// both are numbers ("1.10.0" > "1.9.2"), as text otherwise; a missing part counts as 0.
    public static func isVersion(_ a: String, laterThan b: String) -> Bool {
        let x = a.split(separator: "."), y = b.split(separator: ".")
        for k in 0..<max(x.count, y.count) {
            let p = k < x.count ? String(x[k]) : "0", q = k < y.count ? String(y[k]) : "0"
            if let m = Int(p), let n = Int(q) {
                if m != n { return m > n }
            } else if p != q {
                return p > q
            }
        }
        return false
    }

    public static func encode(_ d: Draft, template: Template) -> String {
        var forms: [(String, JSONValue)] = []
        for form in template.forms {
            let instances = d.instances(of: form.id)
            guard !instances.isEmpty else { continue }
            forms.append((form.id, .array(instances.map { encode($0, form: form) })))
        }
        return JSONWriter.write(.object(document(d, template: template, forms: .object(forms))))
    }

    /// The members of a draft file, with `forms` as given (`DraftTextCache` writes that one itself).
    static func document(_ d: Draft, template: Template, forms: JSONValue) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [
            ("format", .string(formatName)),
            ("formatVersion", .number(String(formatVersion))),
            ("template", .object([("id", .string(d.templateID)), ("version", .string(d.templateVersion))])),
            ("year", .number(String(d.year))),
            ("parameters", .object(d.parameters.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })),
            ("forms", forms),
        ]
        // Written only when there is prose, so a draft without a report stays byte for byte as before.
        let sections = template.report?.sections.compactMap { s in d.report[s.id].map { (s.id, JSONValue.string($0)) } } ?? []
        if !sections.isEmpty { pairs.append(("report", .object(sections))) }
        return pairs
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
                rows.append((row.id, .array(list.map { encode($0, row: row, kinds: kinds) })))
            } else if let rc = e.cells[row.id], !rc.isEmpty {
                cells.append((row.id, encode(rc, row: row, kinds: kinds)))
            }
        }
        return instance(cells: .object(cells), rows: .object(rows), carried: carried(e, form: form))
    }

    /// An instance's members, around its rows' values (`DraftTextCache` writes those itself).
    static func instance(cells: JSONValue, rows: JSONValue, carried: JSONValue?) -> JSONValue {
        var out: [(String, JSONValue)] = [("cells", cells), ("rows", rows)]
        if let carried { out.append(("carried", carried)) }
        return .object(out)
    }

    /// A single row's cells, in the template's column order.
    static func encode(_ rc: [String: Entry], row: RowSpec, kinds: [String: CellKind]) -> JSONValue {
        .object(row.columnIDs.compactMap { c in rc[c].map { (c, text($0, kind: kinds[c] ?? .text)) } })
    }

    /// One instance of a repeated row.
    static func encode(_ inst: RowEntry, row: RowSpec, kinds: [String: CellKind]) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let l = inst.label { pairs.append(("label", .string(l))) }
        pairs.append(("cells", encode(inst.cells, row: row, kinds: kinds)))
        let marks = row.columnIDs.filter(inst.carried.contains)
        if !marks.isEmpty { pairs.append(("carried", .array(marks.map(JSONValue.string)))) }
        return .object(pairs)
    }

    /// The single-row cells marked as carried over, nil when there are none.
    static func carried(_ e: FormEntry, form: FormSpec) -> JSONValue? {
        guard !e.carried.isEmpty else { return nil }
        let carried: [(String, JSONValue)] = form.rows.compactMap { row in
            guard row.repeating == nil, let set = e.carried[row.id] else { return nil }
            let marks = row.columnIDs.filter(set.contains)
            return marks.isEmpty ? nil : (row.id, .array(marks.map(JSONValue.string)))
        }
        return carried.isEmpty ? nil : .object(carried)
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
        try refuseUnknownFields(root, allowed: rootFields, at: "", path: path)
        try refuseUnknownFields(t, allowed: templateFields, at: "template", path: path)
        return (root, id, ver)
    }

    public static func decode(_ root: JSONValue, template: Template, path: String) throws(DraftError) -> Draft {
        // An older draft is read as the installed version (forms added since start empty); a newer one
        // could hold what this version does not know, and saving it would write it back as the older one.
        if let v = root["template"]?["version"]?.string, isVersion(v, laterThan: template.version) {
            throw .newerTemplate(path: path, id: template.id, found: v, installed: template.version)
        }
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
            // Instances decode independently, on every core; the first failure in file order is the one
            // reported, as when they were decoded one after the other.
            let decoded = Parallel.map(Array(list.indices)) { k in
                Result { () throws(DraftError) -> FormEntry in try decodeInstance(list[k], form: form, at: "forms.\(fid)[\(k)]", path: path) }
            }
            var instances: [FormEntry] = []
            instances.reserveCapacity(decoded.count)
            for r in decoded { instances.append(try r.get()) }
            draft.forms[fid] = instances
        }
        if let rv = root["report"] {
            guard let pairs = rv.object else { throw .structure(path: path, entry: "report", expected: "对象", found: rv.typeName) }
            for (k, v) in pairs {
                guard template.report?.section(k) != nil else { throw .unknownCell(path: path, entry: "report.\(k)") }
                guard let s = v.string else { throw .structure(path: path, entry: "report.\(k)", expected: "字符串", found: v.typeName) }
                guard s.utf8.count <= maxReportSectionBytes else {
                    throw .structure(path: path, entry: "report.\(k)", expected: "不超过 \(maxReportSectionBytes) 字节的文字", found: "\(s.utf8.count) 字节")
                }
                draft.report[k] = s
            }
        }
        // A form added to the template after the draft was made (a 评分表 in a later version) starts
        // empty rather than making the draft unreadable.
        for form in template.forms where !form.isRepeated && draft.forms[form.id] == nil {
            draft.forms[form.id] = [DraftFactory.newInstance(form)]
        }
        return draft
    }

    static func refuseOversized(_ s: String, entry: String, path: String) throws(DraftError) {
        guard s.utf8.count <= Limits.cellBytes else {
            throw .structure(path: path, entry: entry, expected: "不超过 \(Limits.cellBytes) 字节的文字", found: "\(s.utf8.count) 字节")
        }
    }

    static func decodeInstance(_ v: JSONValue, form: FormSpec, at: String, path: String) throws(DraftError) -> FormEntry {
        guard case .object = v else { throw .structure(path: path, entry: at, expected: "对象", found: v.typeName) }
        try refuseUnknownFields(v, allowed: instanceFields, at: at, path: path)
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
                try refuseOversized(s, entry: "\(at).\(c)", path: path)
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
                    try refuseUnknownFields(inst, allowed: rowFields, at: here, path: path)
                    var label: String?
                    if let l = inst["label"] {
                        guard let s = l.string else { throw .structure(path: path, entry: "\(here).label", expected: "字符串", found: l.typeName) }
                        try refuseOversized(s, entry: "\(here).label", path: path)
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
