import JixiaoKit

/// `DraftCodec.encode`, kept by form instance. The recovery worker encodes the draft after every change
/// for the crash handler; on a 200-project draft a whole encoding took several times the main thread's
/// work for a key, on a machine with two cores. Here only the instances that differ from the last
/// encoding are written again (an untouched instance shares its storage with the one kept, so telling
/// costs a pointer comparison), and the text is handed over as pieces around them, never copied whole:
/// the same bytes (`DraftTextCacheTests`).
public struct DraftTextCache: Sendable {
    /// Each form's instances as last written, at the indentation they sit at in the file, with the list
    /// of instances they were written from: a form the change did not touch still has that very list
    /// (copy on write), which tells it in one comparison without touching its 200 instances.
    private var kept: [String: (entries: [FormEntry], list: [InstanceText])] = [:]
    /// Where an instance sits: `JSONWriter` indents members by two spaces per level (file, forms, form).
    static let instanceIndent = 6
    private static let instancePad = PinnedBytes(String(repeating: " ", count: instanceIndent))
    private static let comma = PinnedBytes(",\n")
    private static let lineBreak = PinnedBytes("\n")
    private static let formEnd = PinnedBytes("    ]")

    public init() {}

    public mutating func encode(_ d: Draft, template: Template) -> String {
        var out = text(d, template: template).bytes
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The draft's text, without the final line break the file ends with.
    public mutating func text(_ d: Draft, template: Template) -> PinnedText {
        var forms: [(id: String, list: [InstanceText])] = []
        var count = 0
        for form in template.forms {
            let instances = d.instances(of: form.id)
            guard !instances.isEmpty else { kept[form.id] = nil; continue }
            var list: [InstanceText]
            if let same = kept[form.id], same.entries == instances {
                list = same.list
            } else {
                let old = kept[form.id]?.list ?? []
                list = []
                list.reserveCapacity(instances.count)
                for (k, e) in instances.enumerated() {
                    if k < old.count, old[k].entry == e { list.append(old[k]) } else {
                        list.append(InstanceText(e, form: form, reusing: k < old.count ? old[k] : nil))
                    }
                }
                kept[form.id] = (instances, list)
            }
            count += 3 * list.count + 2
            forms.append((form.id, list))
        }
        for id in kept.keys where template.form(id) == nil { kept[id] = nil }
        let members = DraftCodec.document(d, template: template, forms: .null)
        var out = PinnedText()
        out.reserveCapacity(count + 2 * members.count + 2)
        var small: [UInt8] = Array("{\n".utf8)
        func flush() {
            if !small.isEmpty { out.append(PinnedBytes(small)) }
            small.removeAll(keepingCapacity: true)
        }
        for (k, (key, value)) in members.enumerated() {
            small.append(contentsOf: "  ".utf8)
            JSONWriter.write(.string(key), indent: 0, into: &small)
            small.append(contentsOf: ": ".utf8)
            if key == "forms" {
                if forms.isEmpty { small.append(contentsOf: "{}".utf8) }
                for (j, form) in forms.enumerated() {
                    small.append(contentsOf: ((j == 0 ? "{\n" : ",\n") + "    ").utf8)
                    JSONWriter.write(.string(form.id), indent: 0, into: &small)
                    small.append(contentsOf: ": [\n".utf8)
                    flush()
                    for (i, item) in form.list.enumerated() {
                        out.append(Self.instancePad)
                        out.append(item.text)
                        out.append(i + 1 < form.list.count ? Self.comma : Self.lineBreak)
                    }
                    out.append(Self.formEnd)
                }
                if !forms.isEmpty { small.append(contentsOf: "\n  }".utf8) }
            } else {
                JSONWriter.write(value, indent: 2, into: &small)
            }
            small.append(contentsOf: (k + 1 < members.count ? ",\n" : "\n").utf8)
        }
        small.append(UInt8(ascii: "}"))
        flush()
        return out
    }
}

/// One form instance's text, and the texts of its rows it was put together from: typing into a cell
/// writes again only that row (a form of 40 named rows took the worker longer than the rest together).
/// The layout is `JSONWriter`'s for `DraftCodec.encode(_:form:)`, written around the rows' texts.
///
/// A class: the cache copies the list of a form's instances after every change, and one reference is
/// one retain where the fields of a struct were several each (most of the worker's time on 200 projects).
private final class InstanceText: Sendable {
    let entry: FormEntry
    let text: PinnedBytes
    /// Single rows' cells and their text (`"id": {…}`), by row id.
    private let single: [String: (cells: [String: Entry], text: [UInt8])]
    /// Repeated rows' instances and their texts (`{…}`), by row id, in order.
    private let repeated: [String: [(entry: RowEntry, text: [UInt8])]]

    init(_ e: FormEntry, form: FormSpec, reusing old: InstanceText?) {
        let base = DraftTextCache.instanceIndent
        var cells: [[UInt8]] = []
        var groups: [(id: String, items: [[UInt8]])] = []
        var single: [String: (cells: [String: Entry], text: [UInt8])] = [:]
        var repeated: [String: [(entry: RowEntry, text: [UInt8])]] = [:]
        for row in form.rows {
            var kinds: [String: CellKind]?
            func kindsOfRow() -> [String: CellKind] {
                if let kinds { return kinds }
                let k = DraftCodec.kindsByColumn(form, row)
                kinds = k
                return k
            }
            if row.repeating != nil {
                guard let list = e.rows[row.id], !list.isEmpty else { continue }
                let before = old?.repeated[row.id] ?? []
                var now: [(entry: RowEntry, text: [UInt8])] = []
                now.reserveCapacity(list.count)
                for (k, inst) in list.enumerated() {
                    // The same place, or one place off (a row added or removed above it).
                    if let hit = [k, k - 1, k + 1].lazy.compactMap({ before[safe: $0] }).first(where: { $0.entry == inst }) {
                        now.append(hit)
                    } else {
                        var text: [UInt8] = []
                        JSONWriter.write(DraftCodec.encode(inst, row: row, kinds: kindsOfRow()), indent: base + 6, into: &text)
                        now.append((inst, text))
                    }
                }
                repeated[row.id] = now
                groups.append((row.id, now.map(\.text)))
            } else if let rc = e.cells[row.id], !rc.isEmpty {
                if let hit = old?.single[row.id], hit.cells == rc {
                    single[row.id] = hit
                } else {
                    var text: [UInt8] = []
                    JSONWriter.write(.string(row.id), indent: 0, into: &text)
                    text.append(contentsOf: ": ".utf8)
                    JSONWriter.write(DraftCodec.encode(rc, row: row, kinds: kindsOfRow()), indent: base + 4, into: &text)
                    single[row.id] = (rc, text)
                }
                cells.append(single[row.id]!.text)
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(old?.text.count ?? 4096)
        func pad(_ n: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n)) }
        /// An object or array at `indent` as JSONWriter lays it out, its items written by `item`.
        func block(_ count: Int, indent: Int, _ open: UInt8, _ close: UInt8, item: (Int) -> Void) {
            out.append(open)
            if count > 0 {
                out.append(UInt8(ascii: "\n"))
                for k in 0..<count {
                    pad(indent + 2)
                    item(k)
                    out.append(contentsOf: (k + 1 < count ? ",\n" : "\n").utf8)
                }
                pad(indent)
            }
            out.append(close)
        }
        let (brace, endBrace, bracket, endBracket) = (UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"))
        // As JSONWriter writes DraftCodec.instance(cells:rows:carried:) at `base`.
        out.append(contentsOf: "{\n".utf8)
        pad(base + 2)
        out.append(contentsOf: "\"cells\": ".utf8)
        block(cells.count, indent: base + 2, brace, endBrace) { out.append(contentsOf: cells[$0]) }
        out.append(contentsOf: ",\n".utf8)
        pad(base + 2)
        out.append(contentsOf: "\"rows\": ".utf8)
        block(groups.count, indent: base + 2, brace, endBrace) { k in
            JSONWriter.write(.string(groups[k].id), indent: 0, into: &out)
            out.append(contentsOf: ": ".utf8)
            let items = groups[k].items
            block(items.count, indent: base + 4, bracket, endBracket) { out.append(contentsOf: items[$0]) }
        }
        if let carried = DraftCodec.carried(e, form: form) {
            out.append(contentsOf: ",\n".utf8)
            pad(base + 2)
            out.append(contentsOf: "\"carried\": ".utf8)
            JSONWriter.write(carried, indent: base + 2, into: &out)
        }
        out.append(UInt8(ascii: "\n"))
        pad(base)
        out.append(UInt8(ascii: "}"))
        entry = e
        text = PinnedBytes(out)
        self.single = single
        self.repeated = repeated
    }
}
