import Foundation

/// A JSON value with its path in the template, so every decoding error says where it happened.
struct TemplateNode: Sendable {
    let value: JSONValue
    let file: String
    /// The way here from the root. Written out as text only when an error names it: building the
    /// path of every node read was a tenth of loading a template, and almost no node fails.
    private let place: Place?

    private final class Place: Sendable {
        enum Step: Sendable { case key(String), index(Int), name(String) }
        let parent: Place?
        let step: Step
        init(_ parent: Place?, _ step: Step) { self.parent = parent; self.step = step }
    }

    init(value: JSONValue, file: String) {
        self.init(value: value, file: file, place: nil)
    }

    private init(value: JSONValue, file: String, place: Place?) {
        self.value = value
        self.file = file
        self.place = place
    }

    /// `forms[0](A).sections[1](main).rows[3](staff)`: keys joined by dots, indexes in brackets,
    /// ids in parentheses.
    var path: String {
        var steps: [Place.Step] = []
        var p = place
        while let here = p { steps.append(here.step); p = here.parent }
        var out = ""
        for step in steps.reversed() {
            switch step {
            case let .key(k): out = out.isEmpty ? k : out + "." + k
            case let .index(i): out += "[\(i)]"
            case let .name(id): out += "(\(id))"
            }
        }
        return out
    }

    func fail(_ r: TemplateError.Reason, at sub: String? = nil) -> TemplateError {
        TemplateError(file: file, entry: sub.map { path.isEmpty ? $0 : path + "." + $0 } ?? path, reason: r)
    }

    func child(_ key: String) -> TemplateNode? {
        value[key].map { TemplateNode(value: $0, file: file, place: Place(place, .key(key))) }
    }

    func required(_ key: String) throws(TemplateError) -> TemplateNode {
        guard let c = child(key) else { throw fail(.missing(field: key)) }
        return c
    }

    func string() throws(TemplateError) -> String {
        guard let s = value.string else { throw fail(.wrongType(expected: "字符串", found: value.typeName)) }
        return s
    }

    func string(_ key: String) throws(TemplateError) -> String { try required(key).string() }
    func optionalString(_ key: String) throws(TemplateError) -> String? { try child(key)?.string() }

    func bool(_ key: String, default d: Bool) throws(TemplateError) -> Bool {
        guard let c = child(key) else { return d }
        guard let b = c.value.bool else { throw c.fail(.wrongType(expected: "true/false", found: c.value.typeName)) }
        return b
    }

    func int(_ key: String) throws(TemplateError) -> Int? {
        guard let c = child(key) else { return nil }
        if case .null = c.value { return nil }
        guard let n = c.value.int else { throw c.fail(.wrongType(expected: "整数", found: c.value.typeName)) }
        return n
    }

    /// A whole number that must lie `within` a range (a count, a number of decimals): a JSON number
    /// too large for Int is out of range too, not a wrong type.
    func int(_ key: String, within allowed: ClosedRange<Int>) throws(TemplateError) -> Int? {
        guard let c = child(key) else { return nil }
        if case .null = c.value { return nil }
        guard let text = c.value.numberText, !text.contains("."), !text.lowercased().contains("e") else {
            throw c.fail(.wrongType(expected: "整数", found: c.value.typeName))
        }
        guard let n = Int(text), allowed.contains(n) else { throw c.fail(.outOfRange(value: text, allowed: allowed)) }
        return n
    }

    /// A decimal written as a JSON number or a string ("50", 50, "1.2").
    func decimal() throws(TemplateError) -> Decimal {
        let text = value.numberText ?? value.string
        guard let t = text, let d = NumberInput.decimal(t) else { throw fail(.badNumber(text ?? value.typeName)) }
        return d
    }

    func decimal(_ key: String) throws(TemplateError) -> Decimal? { try child(key)?.decimal() }

    func array() throws(TemplateError) -> [TemplateNode] {
        guard let a = value.array else { throw fail(.wrongType(expected: "数组", found: value.typeName)) }
        return a.enumerated().map { TemplateNode(value: $1, file: file, place: Place(place, .index($0))) }
    }

    func array(_ key: String) throws(TemplateError) -> [TemplateNode] {
        guard let c = child(key) else { return [] }
        return try c.array()
    }

    func strings(_ key: String) throws(TemplateError) -> [String] {
        var out: [String] = []
        for n in try array(key) { out.append(try n.string()) }
        return out
    }

    /// Names an array element by its id in paths: `rows[3](sangong)`.
    func named(_ id: String) -> TemplateNode { TemplateNode(value: value, file: file, place: Place(place, .name(id))) }
}
