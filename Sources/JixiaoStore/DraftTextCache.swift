import JixiaoKit

/// `DraftCodec.encode`, kept by form instance. The recovery worker encodes the draft after every change
/// for the crash handler; on a 200-project draft a whole encoding took several times the main thread's
/// work for a key, on a machine with two cores. Here only the instances that differ from the last
/// encoding are written again (an untouched instance shares its storage with the one kept, so telling
/// costs a pointer comparison), and the text is put together around them: the same bytes
/// (`DraftTextCacheTests`).
public struct DraftTextCache: Sendable {
    /// Each form's instances as last written, at the indentation they sit at in the file.
    private var kept: [String: [(entry: FormEntry, text: String)]] = [:]
    /// Where an instance sits: `JSONWriter` indents members by two spaces per level (file, forms, form).
    private static let instanceIndent = 6

    public init() {}

    public mutating func encode(_ d: Draft, template: Template) -> String {
        var forms = ""
        for form in template.forms {
            let instances = d.instances(of: form.id)
            guard !instances.isEmpty else { kept[form.id] = nil; continue }
            let old = kept[form.id] ?? []
            var list: [(entry: FormEntry, text: String)] = []
            list.reserveCapacity(instances.count)
            for (k, e) in instances.enumerated() {
                if k < old.count, old[k].entry == e { list.append(old[k]); continue }
                list.append((e, Self.indented(Self.written(DraftCodec.encode(e, form: form)), by: Self.instanceIndent)))
            }
            kept[form.id] = list
            forms += forms.isEmpty ? "{\n" : ",\n"
            forms += "    " + Self.written(.string(form.id)) + ": [\n"
            for (k, item) in list.enumerated() {
                forms += "      " + item.text + (k + 1 < list.count ? ",\n" : "\n")
            }
            forms += "    ]"
        }
        for id in kept.keys where template.form(id) == nil { kept[id] = nil }
        forms += forms.isEmpty ? "{}" : "\n  }"
        var out = "{\n"
        let members = DraftCodec.document(d, template: template, forms: .null)
        for (k, (key, value)) in members.enumerated() {
            out += "  " + Self.written(.string(key)) + ": " + (key == "forms" ? forms : Self.indented(Self.written(value), by: 2))
            out += k + 1 < members.count ? ",\n" : "\n"
        }
        return out + "}\n"
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
