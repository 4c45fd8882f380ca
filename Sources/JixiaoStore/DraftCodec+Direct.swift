import Foundation
import JixiaoKit

/// A draft read straight from its bytes into `FormEntry` values, without the `JSONValue` tree that
/// `header` + `decode` build first (that tree was two fifths of loading a large draft). It accepts only what
/// `decode` accepts and builds the same `Draft` (`DirectDecodeTests`); on anything else, from a syntax
/// error to an unknown cell or a missing template, it gives nil without saying why, and the caller
/// reads the draft the old way, which refuses it with the message it always gave. So a bad draft is
/// reported exactly as before, and nothing is kept from a draft partly read.
extension DraftCodec {
    public static func decodeDirect(_ bytes: [UInt8], template load: @escaping @Sendable (String) -> Template?) -> (draft: Draft, template: Template)? {
        guard let scan = DirectScan(bytes, template: load), let draft = scan.draft(leaving: []) else { return nil }
        return (draft, scan.template)
    }
}

/// A draft's bytes read as far as its header, with its template and where each form instance lies
/// (a cheap bracket match): what `decodeDirect` reads the instances from, all at once or, for a first
/// frame, some forms after the others (`DraftStore.loadFirst`).
struct DirectScan: Sendable {
    struct Found: Sendable {
        let form: String
        let start: Int
        let end: Int
    }

    let bytes: [UInt8]
    let template: Template
    let year: Int
    let parameters: [String: String]
    let report: [String: String]
    let instances: [Found]
    /// Instances per form, in the order of the draft.
    let counts: [(id: String, count: Int)]
    let tables: [String: DraftCodec.EnteredForm]

    init?(_ bytes: [UInt8], template load: @escaping @Sendable (String) -> Template?) {
        guard bytes.count <= DraftCodec.maxBytes, !(bytes.starts(with: [0xEF, 0xBB, 0xBF])) else { return nil }
        var c = JSONCursor(bytes)
        var format: String?, version: String?, year: Int?
        // The template is loaded on another core while the header is read and the instances are found
        // (a cheap bracket match); what needs it is checked once both are done, and the instances are
        // then read on every core.
        var pending: (template: Later<Template?>, version: String)?
        var parameters: [(id: String, value: String)] = []
        var report: [(id: String, text: String)] = []
        var instances: [Found] = []
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
                }), let id, let ver, pending == nil else { return false }
                pending = (Later { load(id) }, ver)
                return true
            case "year":
                guard let text = c.number(), let y = Int(text), (1990...2100).contains(y) else { return false }
                year = y
                return true
            case "parameters":
                guard pending != nil else { return false }
                return c.members { c, k in
                    guard let s = c.string() else { return false }
                    parameters.append((k, s))
                    return true
                }
            case "forms":
                guard pending != nil else { return false }
                hasForms = true
                return c.members { c, fid in
                    var n = 0
                    guard c.elements({ c in
                        guard c.peek() == UInt8(ascii: "{") else { return false }
                        let start = c.offset
                        guard c.skipUnchecked() else { return false }
                        instances.append(Found(form: fid, start: start, end: c.offset))
                        n += 1
                        return true
                    }) else { return false }
                    counts.append((fid, n))
                    return true
                }
            case "report":
                guard pending != nil else { return false }
                return c.members { c, k in
                    guard let s = c.string(), s.utf8.count <= DraftCodec.maxReportSectionBytes else { return false }
                    report.append((k, s))
                    return true
                }
            default:
                return false
            }
        }
        guard ok, c.atEnd(), format == DraftCodec.formatName, version.flatMap({ Int($0) }) == DraftCodec.formatVersion,
              let pending, let year, hasForms, let template = pending.template.value,
              // Same rule as `decode`: a draft of a later version could hold what this one drops.
              !DraftCodec.isVersion(pending.version, laterThan: template.version) else { return nil }
        for (k, s) in parameters {
            guard let p = template.parameters.first(where: { $0.id == k }), p.options.isEmpty || p.options.contains(s) else { return nil }
        }
        for (k, _) in report where template.report?.section(k) == nil { return nil }
        var tables: [String: DraftCodec.EnteredForm] = [:]
        for (fid, n) in counts {
            guard let spec = template.form(fid), spec.isRepeated || n <= 1 else { return nil }
            tables[fid] = DraftCodec.EnteredForm(spec)
        }
        self.bytes = bytes
        self.template = template
        self.year = year
        var values: [String: String] = [:]
        for p in template.parameters { values[p.id] = p.defaultValue }
        for (k, v) in parameters { values[k] = v }
        self.parameters = values
        self.report = Dictionary(report, uniquingKeysWith: { _, last in last })
        self.instances = instances
        self.counts = counts
        self.tables = tables
    }

    /// The draft with every instance read, except those of the forms in `left`: each of those holds
    /// only the rows a first frame reads of an instance it does not show (`firstFrameRows`), until
    /// `fill` reads them whole.
    func draft(leaving left: Set<String>) -> Draft? {
        let tables = self.tables, bytes = self.bytes
        let kept = left.isEmpty ? [:] : firstFrameRows(left)
        let read = Parallel.map(instances) { Self.read($0, bytes, tables, rows: kept[$0.form]) }
        var draft = Draft(templateID: template.id, templateVersion: template.version, year: year)
        draft.parameters = parameters
        guard Self.place(read, counts, into: &draft) else { return nil }
        draft.report = report
        for form in template.forms where !form.isRepeated && draft.forms[form.id] == nil {
            draft.forms[form.id] = [DraftFactory.newInstance(form)]
        }
        return draft
    }

    /// `draft` (made by `draft(leaving: forms)`) with the instances of `forms` read whole.
    func fill(_ draft: Draft, forms: Set<String>) -> Draft? {
        let tables = self.tables, bytes = self.bytes
        let read = Parallel.map(instances.filter { forms.contains($0.form) }) { Self.read($0, bytes, tables) }
        let chosen = counts.filter { forms.contains($0.id) }
        var whole = draft
        guard chosen.allSatisfy({ whole.forms[$0.id]?.count == $0.count }), Self.place(read, chosen, into: &whole) else { return nil }
        return whole
    }

    /// One instance read whole, or only its single rows numbered `rows`; nil when it is not what the
    /// reader takes, or does not end where the bracket match ended it.
    static func read(_ item: Found, _ bytes: [UInt8], _ tables: [String: DraftCodec.EnteredForm], rows: Set<Int>? = nil) -> FormEntry? {
        var c = JSONCursor(bytes, offset: item.start)
        guard let form = tables[item.form] else { return nil }
        let e = rows.map { DraftCodec.directRows(&c, form: form, only: $0) } ?? DraftCodec.directInstance(&c, form: form)
        return c.offset == item.end ? e : nil
    }

    /// The instances `read` (in the draft's order) as those of the forms `counts` lists, in order; false
    /// when one could not be read.
    static func place(_ read: [FormEntry?], _ counts: [(id: String, count: Int)], into draft: inout Draft) -> Bool {
        var next = 0
        for (fid, n) in counts {
            var list: [FormEntry] = []
            list.reserveCapacity(n)
            for e in read[next..<(next + n)] {
                guard let e else { return false }
                list.append(e)
            }
            next += n
            draft.forms[fid] = list
        }
        return true
    }

    /// The draft as far as the first frame's choice of forms needs it: every instance there, none read.
    var skeleton: Draft {
        var draft = Draft(templateID: template.id, templateVersion: template.version, year: year)
        draft.parameters = parameters
        for (fid, n) in counts { draft.forms[fid] = Array(repeating: FormEntry(), count: n) }
        return draft
    }

    /// The forms that can wait for the first frame when it shows `shown`: those it does not show, with
    /// instances, and not optional (whether an optional form counts depends on all of its cells, which
    /// the outline shows). None when a form it shows is computed from others, as the evaluation then
    /// needs them all (`Evaluation.init(template:draft:only:)`).
    func deferrable(showing shown: Set<String>?) -> Set<String> {
        guard let shown, !template.forms.contains(where: { shown.contains($0.id) && $0.readsOtherForms }) else { return [] }
        return Set(counts.filter { f in
            f.count > 0 && !shown.contains(f.id) && template.form(f.id).map { !$0.optional } == true
        }.map(\.id))
    }

    /// What a first frame reads of an instance it does not show, by form: the row of its name (the
    /// outline) and the row of the unit's name (the title line), as row numbers of `EnteredForm`.
    func firstFrameRows(_ forms: Set<String>) -> [String: Set<Int>] {
        var out: [String: Set<Int>] = [:]
        for fid in forms {
            guard let spec = template.form(fid), let table = tables[fid] else { continue }
            let wanted = [spec.repeated?.nameCell.row, template.unitNameCell?.row].compactMap { $0 }
            out[fid] = Set(wanted.compactMap { table.rowIDs.names.firstIndex(of: $0) })
        }
        return out
    }
}

extension DraftCodec {
    /// What a form's rows take from a draft, each row found by its id's bytes.
    struct EnteredForm: Sendable {
        let rowIDs: JSONKeys
        let rows: [EnteredRow]

        init(_ form: FormSpec) {
            var ids: [String] = [], rows: [EnteredRow] = []
            for row in form.rows {
                let entered = EnteredRow(form, row)
                // A later row of the same id wins, as it did in a dictionary by id.
                if let k = ids.firstIndex(of: row.id) { rows[k] = entered } else { ids.append(row.id); rows.append(entered) }
            }
            rowIDs = JSONKeys(ids)
            self.rows = rows
        }
    }

    /// What a row takes from a draft: whether it repeats, and the columns a value may be entered in (a
    /// column of the row without a formula) with the kind of each, one lookup for what `decodeInstance`
    /// asks in three.
    struct EnteredRow: Sendable {
        let repeats: Bool
        let columns: JSONKeys
        let kinds: [CellKind]

        init(_ form: FormSpec, _ row: RowSpec) {
            let all = kindsByColumn(form, row)
            var ids: [String] = [], kinds: [CellKind] = []
            for c in row.columnIDs where row.formulas[c] == nil && !ids.contains(c) {
                ids.append(c)
                kinds.append(all[c] ?? .text)
            }
            repeats = row.repeating != nil
            columns = JSONKeys(ids)
            self.kinds = kinds
        }
    }

    static let instanceKeys = JSONKeys(["cells", "rows", "carried"])
    static let rowEntryKeys = JSONKeys(["label", "cells", "carried"])

    /// One form instance, as `decodeInstance` reads it from the tree.
    static func directInstance(_ c: inout JSONCursor, form: EnteredForm) -> FormEntry? {
        var e = FormEntry()
        let ok = c.members(among: instanceKeys) { c, key in
            switch key {
            case 0: // cells
                return c.members(among: form.rowIDs) { c, r in
                    let row = form.rows[r]
                    guard !row.repeats, let cs = cells(&c, row) else { return false }
                    if !cs.isEmpty { e.cells[form.rowIDs.names[r]] = cs }
                    return true
                }
            case 1: // rows
                return c.members(among: form.rowIDs) { c, r in
                    let row = form.rows[r]
                    guard row.repeats else { return false }
                    var list: [RowEntry] = []
                    guard c.elements({ c in
                        var item = RowEntry()
                        let ok = c.members(among: rowEntryKeys) { c, k in
                            switch k {
                            case 0: // label
                                guard let s = c.string(), s.utf8.count <= Limits.cellBytes else { return false }
                                item.label = s
                            case 1: // cells
                                guard let cs = cells(&c, row) else { return false }
                                item.cells = cs
                            default: // carried
                                guard let set = carried(&c, row) else { return false }
                                item.carried = set
                            }
                            return true
                        }
                        list.append(item)
                        return ok
                    }) else { return false }
                    e.rows[form.rowIDs.names[r]] = list
                    return true
                }
            default: // carried
                return c.members(among: form.rowIDs) { c, r in
                    let row = form.rows[r]
                    guard !row.repeats, let set = carried(&c, row) else { return false }
                    if !set.isEmpty { e.carried[form.rowIDs.names[r]] = set }
                    return true
                }
            }
        }
        return ok ? e : nil
    }

    /// Only the single rows numbered `only` of an instance, its other members passed over unread (a
    /// bracket match): what a first frame needs of an instance it does not show.
    static func directRows(_ c: inout JSONCursor, form: EnteredForm, only: Set<Int>) -> FormEntry? {
        var e = FormEntry()
        let ok = c.members(among: instanceKeys) { c, key in
            guard key == 0 else { return c.skipUnchecked() }
            return c.members(among: form.rowIDs) { c, r in
                guard only.contains(r) else { return c.skipUnchecked() }
                let row = form.rows[r]
                guard !row.repeats, let cs = cells(&c, row) else { return false }
                if !cs.isEmpty { e.cells[form.rowIDs.names[r]] = cs }
                return true
            }
        }
        return ok ? e : nil
    }

    static func cells(_ c: inout JSONCursor, _ row: EnteredRow) -> [String: Entry]? {
        // Most rows have most of their columns: room for all of them at once rather than growing the
        // dictionary two or three times (`init(minimumCapacity:)`, not `reserveCapacity`, which ran
        // unspecialized).
        var out = [String: Entry](minimumCapacity: row.columns.count <= 8 ? row.columns.count : 0)
        let ok = c.members(among: row.columns) { c, k in
            guard let raw = c.rawString(), let v = value(raw, kind: row.kinds[k], c) else { return false }
            out[row.columns.names[k]] = v
            return true
        }
        return ok ? out : nil
    }

    static func carried(_ c: inout JSONCursor, _ row: EnteredRow) -> Set<String>? {
        var out: Set<String> = []
        let ok = c.elements { c in
            guard let k = c.string(among: row.columns) else { return false }
            out.insert(row.columns.names[k])
            return true
        }
        return ok ? out : nil
    }

    /// A cell's value as `entry` makes it from the decoded text; a plain number is read from its bytes
    /// without a `String` (`quickNumber`), anything else goes through `entry`. nil when the text is over
    /// the limit or not UTF-8.
    static func value(_ raw: JSONCursor.RawString, kind: CellKind, _ c: JSONCursor) -> Entry? {
        switch raw {
        case let .plain(r):
            guard r.count <= Limits.cellBytes else { return nil }
            if kind.isNumeric, let d = quickNumber(c.document, r, kind: kind) { return .number(d) }
            guard let s = c.text(r) else { return nil }
            return entry(s, kind: kind)
        case let .escaped(s):
            guard s.utf8.count <= Limits.cellBytes else { return nil }
            return entry(s, kind: kind)
        }
    }

    /// The commonest numbers `canonicalNumber` reads ("-12.5", "95%" in a percent cell: at most 19
    /// digits, one optional point with digits after it, no fraction in a count), built as
    /// `NumberInput.decimal` builds them, so the `Decimal` is the same to the last field. nil for
    /// anything else, which `entry` then reads from its text as before.
    static func quickNumber(_ bytes: [UInt8], _ range: Range<Int>, kind: CellKind) -> Decimal? {
        var i = range.lowerBound, end = range.upperBound
        guard i < end else { return nil }
        if bytes[end - 1] == UInt8(ascii: "%") {
            guard kind == .percent else { return nil }
            end -= 1
        }
        let negative = i < end && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var n: UInt64 = 0, digits = 0, fraction = 0, point = false
        while i < end {
            let b = bytes[i]
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                guard digits < 19 else { return nil }
                n = n * 10 + UInt64(b - UInt8(ascii: "0"))
                digits += 1
                if point { fraction += 1 }
            } else if b == UInt8(ascii: "."), !point {
                point = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, !point || fraction > 0, !(point && kind == .count) else { return nil }
        let d = Decimal(sign: negative ? .minus : .plus, exponent: -fraction, significand: Decimal(n))
        return kind == .percent ? d / Decimal.hundred : d
    }
}
