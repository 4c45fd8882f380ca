import JixiaoKit

/// `DraftCodec.encode`, kept by form instance. The recovery worker encodes the draft after every change
/// for the crash handler; on a 200-project draft a whole encoding took several times the main thread's
/// work for a key, on a machine with two cores. Here only the instances that differ from the last
/// encoding are written again (an untouched instance shares its storage with the one kept, so telling
/// costs a pointer comparison), and the bytes are put together around them: the same bytes
/// (`DraftTextCacheTests`).
public struct DraftTextCache: Sendable {
    /// Each form's instances as last written, at the indentation they sit at in the file.
    private var kept: [String: [(entry: FormEntry, text: [UInt8])]] = [:]
    /// Where an instance sits: `JSONWriter` indents members by two spaces per level (file, forms, form).
    private static let instanceIndent = 6

    public init() {}

    public mutating func encode(_ d: Draft, template: Template) -> String {
        var out: [UInt8] = []
        write(d, template: template, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the draft's text to `out`.
    public mutating func write(_ d: Draft, template: Template, into out: inout [UInt8]) {
        var forms: [(id: String, list: [(entry: FormEntry, text: [UInt8])])] = []
        var size = 0
        for form in template.forms {
            let instances = d.instances(of: form.id)
            guard !instances.isEmpty else { kept[form.id] = nil; continue }
            let old = kept[form.id] ?? []
            var list: [(entry: FormEntry, text: [UInt8])] = []
            list.reserveCapacity(instances.count)
            for (k, e) in instances.enumerated() {
                if k < old.count, old[k].entry == e { list.append(old[k]) } else {
                    list.append((e, Array(Self.indented(Self.written(DraftCodec.encode(e, form: form)), by: Self.instanceIndent).utf8)))
                }
                size += list[k].text.count + 8
            }
            kept[form.id] = list
            forms.append((form.id, list))
        }
        for id in kept.keys where template.form(id) == nil { kept[id] = nil }
        let members = DraftCodec.document(d, template: template, forms: .null)
        out.reserveCapacity(out.count + size + 4096)
        out.append(contentsOf: "{\n".utf8)
        for (k, (key, value)) in members.enumerated() {
            out.append(contentsOf: ("  " + Self.written(.string(key)) + ": ").utf8)
            if key == "forms" {
                if forms.isEmpty { out.append(contentsOf: "{}".utf8) }
                for (j, form) in forms.enumerated() {
                    out.append(contentsOf: ((j == 0 ? "{\n" : ",\n") + "    " + Self.written(.string(form.id)) + ": [\n").utf8)
                    for (i, item) in form.list.enumerated() {
                        out.append(contentsOf: "      ".utf8)
                        out.append(contentsOf: item.text)
                        out.append(contentsOf: (i + 1 < form.list.count ? ",\n" : "\n").utf8)
                    }
                    out.append(contentsOf: "    ]".utf8)
                }
                if !forms.isEmpty { out.append(contentsOf: "\n  }".utf8) }
            } else {
                out.append(contentsOf: Self.indented(Self.written(value), by: 2).utf8)
            }
            out.append(contentsOf: (k + 1 < members.count ? ",\n" : "\n").utf8)
        }
        out.append(contentsOf: "}\n".utf8)
    }

    /// A value as `JSONWriter` writes it on its own, without the final line break.
    private static func written(_ v: JSONValue) -> String {
        var text = JSONWriter.write(v)
        text.removeLast()
        return text
    }

    /// Text written at indentation 0 as it is written `n` spaces in: a line break only ever ends a line
    /// of structure (strings escape theirs), and each is followed by the line's indentation.
    private static func indented(_ text: String, by n: Int) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        let pad = String(repeating: " ", count: n)
        var out = ""
        out.reserveCapacity(text.utf8.count + 64)
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if k > 0 { out += "\n" + pad }
            out += line
        }
        return out
    }
}
