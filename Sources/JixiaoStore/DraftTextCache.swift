import JixiaoKit

/// `DraftCodec.encode`, kept by form instance. The recovery worker encodes the draft after every change
/// for the crash handler; on a 200-project draft a whole encoding took several times the main thread's
/// work for a key, on a machine with two cores. Here only the instances that differ from the last
/// encoding are written again (an untouched instance shares its storage with the one kept, so telling
/// costs a pointer comparison), and the text is handed over as pieces around them, never copied whole:
/// the same bytes (`DraftTextCacheTests`).
public struct DraftTextCache: Sendable {
    /// Each form's instances as last written, at the indentation they sit at in the file.
    private var kept: [String: [(entry: FormEntry, text: PinnedBytes)]] = [:]
    /// Where an instance sits: `JSONWriter` indents members by two spaces per level (file, forms, form).
    private static let instanceIndent = 6
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
        var forms: [(id: String, list: [(entry: FormEntry, text: PinnedBytes)])] = []
        var count = 0
        for form in template.forms {
            let instances = d.instances(of: form.id)
            guard !instances.isEmpty else { kept[form.id] = nil; continue }
            let old = kept[form.id] ?? []
            var list: [(entry: FormEntry, text: PinnedBytes)] = []
            list.reserveCapacity(instances.count)
            for (k, e) in instances.enumerated() {
                if k < old.count, old[k].entry == e { list.append(old[k]) } else {
                    var bytes: [UInt8] = []
                    JSONWriter.write(DraftCodec.encode(e, form: form), indent: Self.instanceIndent, into: &bytes)
                    list.append((e, PinnedBytes(bytes)))
                }
            }
            count += 3 * list.count + 2
            kept[form.id] = list
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
