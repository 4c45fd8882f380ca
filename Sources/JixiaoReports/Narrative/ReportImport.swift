import Foundation
import JixiaoKit
import ZIPFoundation

/// Reads an existing 自评报告 (last year's, a colleague's) into the outline's sections by heading, so
/// its prose can be checked against the forms. A line is a section's heading when, numbering
/// (一、 1、 （一） 6、) and a trailing colon aside, it reads as the section's heading or one of its
/// aliases. Text before the first heading (a title, a preamble, the forms themselves in a converted
/// file) and from an 附件 list on is not the narrative and is left out.
public enum ReportImport {
    public struct Result: Sendable, Equatable {
        /// Section id → its prose, lines as in the file.
        public var sections: [String: String]
        /// Lines that belong to no section.
        public var skippedLines: Int
    }

    /// Longest line still read as a heading: a heading is short, a paragraph that happens to begin
    /// with the same words is not one.
    static let headingSlack = 6

    public static func split(_ text: String, spec: ReportSpec) -> Result {
        var sections: [String: [String]] = [:]
        var current: String?
        var skipped = 0
        var ended = false
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if ended { if !line.isEmpty { skipped += 1 }; continue }
            if let id = sectionID(line, spec: spec), sections[id] == nil {
                current = id
                sections[id] = []
                continue
            }
            if current != nil, isAttachmentList(line) { ended = true; continue }
            guard let id = current else { if !line.isEmpty { skipped += 1 }; continue }
            sections[id]!.append(line)
        }
        var out: [String: String] = [:]
        for (id, lines) in sections {
            let body = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !body.isEmpty { out[id] = body }
        }
        return Result(sections: out, skippedLines: skipped)
    }

    /// 附件：, 附件 1：… or a line 附件1 alone (an attached form's heading) — where the narrative ends
    /// and the attachments begin.
    static func isAttachmentList(_ line: String) -> Bool {
        guard line.hasPrefix("附件") else { return false }
        let rest = line.dropFirst(2).drop { $0 == " " || $0.isNumber || "一二三四五六七八九十-".contains($0) }
        return rest.isEmpty || rest.hasPrefix("：") || rest.hasPrefix(":")
    }

    static func sectionID(_ line: String, spec: ReportSpec) -> String? {
        let core = self.core(line)
        guard !core.isEmpty else { return nil }
        for s in spec.sections {
            for name in [s.heading] + s.aliases {
                let want = self.core(name)
                guard !want.isEmpty else { continue }
                if core == want || (core.hasPrefix(want) && core.count <= want.count + 2 && line.count <= want.count + headingSlack) { return s.id }
            }
        }
        return nil
    }

    /// The heading without its numbering, spaces and trailing colon: 「6、 部门整体支出绩效情况」 →
    /// 「部门整体支出绩效情况」.
    static func core(_ line: String) -> String {
        var s = Substring(line.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" })
        let numerals = "一二三四五六七八九十0123456789"
        if s.first == "（" || s.first == "(" { s = s.dropFirst() }
        let n = s.prefix { numerals.contains($0) }
        if !n.isEmpty {
            let afterNumber = s.dropFirst(n.count)
            if let c = afterNumber.first, "、.．)）:：".contains(c) { s = afterNumber.dropFirst() }
        }
        while let last = s.last, "：:。".contains(last) { s = s.dropLast() }
        return String(s)
    }

    public enum ReadError: Error, Equatable {
        case notUTF8, notDocx, tooLarge, unknownExtension
    }

    /// Narratives are a few dozen pages; anything far larger is not one.
    public static let maxBytes = 16 << 20

    /// The text of a .txt (UTF-8) or .docx file's bytes: a .docx's paragraphs one per line.
    public static func text(_ bytes: [UInt8], fileName: String) throws(ReadError) -> String {
        guard bytes.count <= maxBytes else { throw .tooLarge }
        switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
        case "txt":
            var b = bytes
            if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
            guard let s = String(validating: b, as: UTF8.self) else { throw .notUTF8 }
            return s
        case "docx":
            return try docxText(bytes)
        default:
            throw .unknownExtension
        }
    }

    static func docxText(_ bytes: [UInt8]) throws(ReadError) -> String {
        guard let archive = try? Archive(data: Data(bytes), accessMode: .read), let entry = archive["word/document.xml"] else { throw .notDocx }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                xml.append(chunk)
                if xml.count > maxBytes * 4 { throw ExportMarker.ArchiveTooLarge() }
            }
        } catch { throw .notDocx }
        guard let s = String(validating: [UInt8](xml), as: UTF8.self) else { throw .notDocx }
        return paragraphs(ofDocumentXML: s).joined(separator: "\n")
    }

    /// The text of each `<w:p>`: its `<w:t>` runs, `<w:tab/>` as a tab, `<w:br/>` as a line break.
    static func paragraphs(ofDocumentXML xml: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inText = false
        var i = xml.startIndex
        while i < xml.endIndex {
            if xml[i] == "<" {
                guard let close = xml[i...].firstIndex(of: ">") else { break }
                let tag = xml[xml.index(after: i)..<close]
                let name = tag.prefix { $0 != " " && $0 != "/" && $0 != ">" }
                if tag.hasPrefix("/") {
                    let closing = tag.dropFirst()
                    if closing == "w:t" { inText = false }
                    if closing == "w:p" { out.append(current); current = "" }
                } else if name == "w:t" {
                    inText = !tag.hasSuffix("/")
                } else if name == "w:tab" {
                    current += "\t"
                } else if name == "w:br" {
                    current += "\n"
                }
                i = xml.index(after: close)
            } else {
                let next = xml[i...].firstIndex(of: "<") ?? xml.endIndex
                if inText { current += unescape(xml[i..<next]) }
                i = next
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("&") else { return String(s) }
        var out = ""
        var rest = s
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semi]
            var scalar: Unicode.Scalar?
            if entity.hasPrefix("#x") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
            if let named = XML.named[String(entity)] { out += named }
            else if let scalar { out.unicodeScalars.append(scalar) }
            else { out += "&" + entity + ";" }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}
