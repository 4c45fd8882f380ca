import JixiaoKit

/// A draft read straight from its bytes into `FormEntry` values, without the `JSONValue` tree that
/// `header` + `decode` build first (that tree was two fifths of loading a large draft). It accepts only what
/// `decode` accepts and builds the same `Draft` (`DirectDecodeTests`); on anything else, from a syntax
/// error to an unknown cell or a missing template, it gives nil without saying why, and the caller
/// reads the draft the old way, which refuses it with the message it always gave. So a bad draft is
/// reported exactly as before, and nothing is kept from a draft partly read.
extension DraftCodec {
    public static func decodeDirect(_ bytes: [UInt8], template load: (String) -> Template?) -> (draft: Draft, template: Template)? {
        guard bytes.count <= maxBytes, !(bytes.starts(with: [0xEF, 0xBB, 0xBF])) else { return nil }
        var c = JSONCursor(bytes)
        var format: String?, version: String?, year: Int?
        var template: Template?
        var parameters: [String: String] = [:]
        var report: [String: String] = [:]
        // The instances are found first (a cheap bracket match) and read afterwards on every core.
        var instances: [(form: FormSpec, start: Int, end: Int)] = []
        var counts: [(id: String, count: Int)] = []
        var hasForms = false
        let ok = c.members { c, key in
            switch key {
            case "format":
                format = c.string()
                return format != nil
            case "formatVersion":
                version = c.number()
                return version != nil
            case "template":
                var id: String?, ver: String?
                guard c.members({ c, k in
                    switch k {
                    case "id": id = c.string(); return id != nil
                    case "version": ver = c.string(); return ver != nil
                    default: return false
                    }
                }), let id, let ver, template == nil, let t = load(id) else { return false }
                // Same rule as `decode`: a draft of a later version could hold what this one drops.
                guard !isVersion(ver, laterThan: t.version) else { return false }
                template = t
                return true
            case "year":
                guard let text = c.number(), let y = Int(text), (1990...2100).contains(y) else { return false }
                year = y
                return true
            case "parameters":
                guard let template else { return false }
                return c.members { c, k in
                    guard let p = template.parameters.first(where: { $0.id == k }), let s = c.string(),
                          p.options.isEmpty || p.options.contains(s) else { return false }
                    parameters[k] = s
                    return true
                }
            case "forms":
                guard let template else { return false }
                hasForms = true
                return c.members { c, fid in
                    guard let form = template.form(fid) else { return false }
                    var n = 0
                    guard c.elements({ c in
                        guard c.peek() == UInt8(ascii: "{") else { return false }
                        let start = c.offset
                        guard c.skipUnchecked() else { return false }
                        instances.append((form, start, c.offset))
                        n += 1
                        return true
                    }) else { return false }
                    if !form.isRepeated && n > 1 { return false }
                    counts.append((fid, n))
                    return true
                }
            case "report":
                guard let template else { return false }
                return c.members { c, k in
                    guard template.report?.section(k) != nil, let s = c.string(), s.utf8.count <= maxReportSectionBytes else { return false }
                    report[k] = s
                    return true
                }
            default:
                return false
            }
        }
        guard ok, c.atEnd(), format == formatName, version.flatMap({ Int($0) }) == formatVersion,
              let template, let year, hasForms else { return nil }

        var tables: [String: [String: EnteredRow]] = [:]
        for form in Set(instances.map(\.form.id)) {
            guard let spec = template.form(form) else { return nil }
            tables[form] = EnteredRow.table(spec)
        }
        let rowTables = tables
        let read = Parallel.map(instances) { item -> FormEntry? in
            var c = JSONCursor(bytes, offset: item.start)
            guard let e = directInstance(&c, rows: rowTables[item.form.id] ?? [:]), c.offset == item.end else { return nil }
            return e
        }
        var draft = Draft(templateID: template.id, templateVersion: template.version, year: year)
        for p in template.parameters { draft.parameters[p.id] = p.defaultValue }
        for (k, v) in parameters { draft.parameters[k] = v }
        var next = 0
        for (fid, n) in counts {
            var list: [FormEntry] = []
            list.reserveCapacity(n)
            for e in read[next..<(next + n)] {
                guard let e else { return nil }
                list.append(e)
            }
            next += n
            draft.forms[fid] = list
        }
        draft.report = report
        for form in template.forms where !form.isRepeated && draft.forms[form.id] == nil {
            draft.forms[form.id] = [DraftFactory.newInstance(form)]
        }
        return (draft, template)
    }

    /// What a row takes from a draft: whether it repeats, and the kind of each column a value may be
    /// entered in (a column of the row without a formula), one lookup for what `decodeInstance` asks
    /// in three.
    struct EnteredRow: Sendable {
        let repeats: Bool
        let kinds: [String: CellKind]

        static func table(_ form: FormSpec) -> [String: EnteredRow] {
            var out: [String: EnteredRow] = [:]
            for row in form.rows {
                let all = kindsByColumn(form, row)
                var kinds: [String: CellKind] = [:]
                for c in row.columnIDs where row.formulas[c] == nil { kinds[c] = all[c] ?? .text }
                out[row.id] = EnteredRow(repeats: row.repeating != nil, kinds: kinds)
            }
            return out
        }
    }

    /// One form instance, as `decodeInstance` reads it from the tree.
    static func directInstance(_ c: inout JSONCursor, rows table: [String: EnteredRow]) -> FormEntry? {
        var e = FormEntry()
        func cells(_ c: inout JSONCursor, _ row: EnteredRow) -> [String: Entry]? {
            var out: [String: Entry] = [:]
            let ok = c.members { c, col in
                guard let kind = row.kinds[col], let s = c.string(), s.utf8.count <= Limits.cellBytes else { return false }
                out[col] = entry(s, kind: kind)
                return true
            }
            return ok ? out : nil
        }
        func carried(_ c: inout JSONCursor, _ row: EnteredRow) -> Set<String>? {
            var out: Set<String> = []
            let ok = c.elements { c in
                guard let col = c.string(), row.kinds[col] != nil else { return false }
                out.insert(col)
                return true
            }
            return ok ? out : nil
        }
        let ok = c.members { c, key in
            switch key {
            case "cells":
                return c.members { c, rid in
                    guard let row = table[rid], !row.repeats, let cs = cells(&c, row) else { return false }
                    if !cs.isEmpty { e.cells[rid] = cs }
                    return true
                }
            case "rows":
                return c.members { c, rid in
                    guard let row = table[rid], row.repeats else { return false }
                    var list: [RowEntry] = []
                    guard c.elements({ c in
                        var item = RowEntry()
                        let ok = c.members { c, k in
                            switch k {
                            case "label":
                                guard let s = c.string(), s.utf8.count <= Limits.cellBytes else { return false }
                                item.label = s
                            case "cells":
                                guard let cs = cells(&c, row) else { return false }
                                item.cells = cs
                            case "carried":
                                guard let set = carried(&c, row) else { return false }
                                item.carried = set
                            default:
                                return false
                            }
                            return true
                        }
                        list.append(item)
                        return ok
                    }) else { return false }
                    e.rows[rid] = list
                    return true
                }
            case "carried":
                return c.members { c, rid in
                    guard let row = table[rid], !row.repeats, let set = carried(&c, row) else { return false }
                    if !set.isEmpty { e.carried[rid] = set }
                    return true
                }
            default:
                return false
            }
        }
        return ok ? e : nil
    }
}
