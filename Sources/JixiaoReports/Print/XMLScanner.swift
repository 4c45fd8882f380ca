/// What a workbook part's XML holds, as it is read: elements with their attributes, and text.
protocol XMLEvents: AnyObject {
    func start(_ name: String, attributes: [String: String])
    func end(_ name: String)
    func text(_ s: String)
}

extension XMLEvents {
    func end(_ name: String) {}
    func text(_ s: String) {}
}

/// Where a part stopped being well-formed XML (1-based line).
struct XMLSyntaxError: Error, Equatable {
    let line: Int
}

/// Reads the XML that Excel, WPS and LibreOffice write in a workbook: UTF-8 elements, attributes, text,
/// the five predefined entities and character references, comments, processing instructions and CDATA.
/// A document type declaration is refused (a workbook has none, and one could define entities).
///
/// Ours rather than Foundation's `XMLParser`, which links libxml2, and with it ICU and liblzma, into
/// every start of the program for `jixiao import` alone (an empty C program linked with libxml2 starts
/// 0.3–0.6 ms later than one without; on opening a draft the difference is within the noise).
enum XMLScanner {
    static func scan(_ bytes: [UInt8], into handler: some XMLEvents) throws(XMLSyntaxError) {
        var reader = Reader(bytes: bytes)
        do { try reader.document(handler) } catch { throw XMLSyntaxError(line: reader.line) }
    }

    private struct Failure: Error {}

    private struct Reader {
        let bytes: [UInt8]
        var i = 0
        var open: [String] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        }

        /// The line of the current position, for the error.
        var line: Int { 1 + bytes[..<min(i, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }

        func at(_ s: String) -> Bool { bytes[i...].starts(with: s.utf8) }

        mutating func skip(past end: String) throws(Failure) {
            let e = Array(end.utf8)
            while i < bytes.count {
                if bytes[i] == e[0] && bytes[i...].starts(with: e) { i += e.count; return }
                i += 1
            }
            throw Failure()
        }

        mutating func document(_ handler: some XMLEvents) throws(Failure) {
            var sawRoot = false
            while i < bytes.count {
                if bytes[i] != UInt8(ascii: "<") {
                    let start = i
                    while i < bytes.count && bytes[i] != UInt8(ascii: "<") { i += 1 }
                    let text = try decode(bytes[start..<i], attribute: false)
                    if open.isEmpty {
                        // Only white space may stand outside the root element.
                        guard text.utf8.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { throw Failure() }
                    } else {
                        handler.text(text)
                    }
                } else if at("<?") {
                    try skip(past: "?>")
                } else if at("<!--") {
                    try skip(past: "-->")
                } else if at("<![CDATA[") {
                    guard !open.isEmpty else { throw Failure() }
                    i += 9
                    let start = i
                    try skip(past: "]]>")
                    guard let text = String(validating: bytes[start..<(i - 3)], as: UTF8.self) else { throw Failure() }
                    handler.text(text)
                } else if at("</") {
                    i += 2
                    let name = try self.name()
                    whitespace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ">"), open.last == name else { throw Failure() }
                    i += 1
                    open.removeLast()
                    handler.end(name)
                } else if at("<!") {
                    throw Failure()
                } else {
                    guard open.isEmpty ? !sawRoot : true else { throw Failure() }
                    sawRoot = true
                    i += 1
                    let name = try self.name()
                    var attributes: [String: String] = [:]
                    while true {
                        let spaced = whitespace()
                        guard i < bytes.count else { throw Failure() }
                        if bytes[i] == UInt8(ascii: ">") {
                            i += 1
                            open.append(name)
                            handler.start(name, attributes: attributes)
                            break
                        }
                        if at("/>") {
                            i += 2
                            handler.start(name, attributes: attributes)
                            handler.end(name)
                            break
                        }
                        guard spaced else { throw Failure() }
                        let key = try self.name()
                        whitespace()
                        guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw Failure() }
                        i += 1
                        whitespace()
                        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { throw Failure() }
                        let quote = bytes[i]
                        i += 1
                        let start = i
                        while i < bytes.count && bytes[i] != quote { i += 1 }
                        guard i < bytes.count, attributes[key] == nil else { throw Failure() }
                        attributes[key] = try decode(bytes[start..<i], attribute: true)
                        i += 1
                    }
                }
            }
            guard sawRoot, open.isEmpty else { throw Failure() }
        }

        @discardableResult
        mutating func whitespace() -> Bool {
            let start = i
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
            return i > start
        }

        mutating func name() throws(Failure) -> String {
            let start = i
            while i < bytes.count {
                let c = bytes[i]
                if [0x20, 0x09, 0x0A, 0x0D].contains(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">")
                    || c == UInt8(ascii: "=") || c == UInt8(ascii: "<") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { break }
                i += 1
            }
            guard i > start, let s = String(validating: bytes[start..<i], as: UTF8.self) else { throw Failure() }
            return s
        }

        /// Text or an attribute's value with its references replaced; in an attribute, a literal tab or
        /// line break reads as a space (XML's attribute-value normalization).
        func decode(_ raw: ArraySlice<UInt8>, attribute: Bool) throws(Failure) -> String {
            guard raw.contains(UInt8(ascii: "&")) || (attribute && raw.contains(where: { [0x09, 0x0A, 0x0D].contains($0) })) else {
                guard !attribute || !raw.contains(UInt8(ascii: "<")), let s = String(validating: raw, as: UTF8.self) else { throw Failure() }
                return s
            }
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var k = raw.startIndex
            while k < raw.endIndex {
                let c = raw[k]
                if attribute && c == UInt8(ascii: "<") { throw Failure() }
                if attribute && [0x09, 0x0A, 0x0D].contains(c) { out.append(0x20); k += 1; continue }
                guard c == UInt8(ascii: "&") else { out.append(c); k += 1; continue }
                guard let semicolon = raw[k...].firstIndex(of: UInt8(ascii: ";")), semicolon - k <= 10 else { throw Failure() }
                let ref = String(decoding: raw[(k + 1)..<semicolon], as: UTF8.self)
                switch ref {
                case "lt": out.append(UInt8(ascii: "<"))
                case "gt": out.append(UInt8(ascii: ">"))
                case "amp": out.append(UInt8(ascii: "&"))
                case "quot": out.append(UInt8(ascii: "\""))
                case "apos": out.append(UInt8(ascii: "'"))
                default:
                    let value: UInt32?
                    if ref.hasPrefix("#x") {
                        let digits = ref.dropFirst(2)
                        value = digits.allSatisfy(\.isHexDigit) ? UInt32(digits, radix: 16) : nil
                    } else if ref.hasPrefix("#") {
                        let digits = ref.dropFirst()
                        value = digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) ? UInt32(digits) : nil
                    } else {
                        value = nil
                    }
                    guard let v = value, v != 0, let u = Unicode.Scalar(v) else { throw Failure() }
                    out.append(contentsOf: String(Character(u)).utf8)
                }
                k = semicolon + 1
            }
            guard let s = String(validating: out, as: UTF8.self) else { throw Failure() }
            return s
        }
    }
}
