import Foundation
import Glibc
import JixiaoKit

/// What a recovery file (`.NAME.recovery`, docs/recovery.md) holds: the whole draft as it was in
/// memory, plus enough about it to ask the accountant whether to restore it. The whole draft rather
/// than a list of edits, so restoring can never replay an edit onto a file it no longer fits.
public struct RecoveryFile: Equatable, Sendable {
    public static let formatName = "jixiao-recovery"
    public static let formatVersion = 1
    /// How many changed cells the file lists for people reading it; the prompt recomputes its own.
    public static let sampleSize = 8

    public var draft: Draft
    /// When it was written (millisecond precision, which is what the file keeps).
    public var savedAt: Date
    public var pid: Int32
    public var host: String
    /// The absolute path of the draft it belongs to, so a file found in the fallback folder can be matched.
    public var draftPath: String
    /// The draft file as last read or saved by the program that wrote this.
    public var base: FileStamp?
    /// Cells that differ from `base` when this was written, when the writer counted them (nil: not counted).
    public var changedCells: Int?
    public var changes: [RecoveryChange]

    public init(draft: Draft, savedAt: Date, pid: Int32, host: String, draftPath: String, base: FileStamp?,
                changedCells: Int? = nil, changes: [RecoveryChange] = []) {
        self.draft = draft
        self.savedAt = Date(timeIntervalSince1970: (savedAt.timeIntervalSince1970 * 1000).rounded() / 1000)
        self.pid = pid
        self.host = host
        self.draftPath = draftPath
        self.base = base
        self.changedCells = changedCells
        self.changes = changes
    }
}

/// One changed cell, worded for display: where it is and its value before and after (nil: empty).
public struct RecoveryChange: Equatable, Sendable {
    public var path: String
    public var location: String
    public var old: String?
    public var new: String?

    public init(path: String, location: String, old: String?, new: String?) {
        self.path = path
        self.location = location
        self.old = old
        self.new = new
    }
}

/// Reads and writes the recovery format. Errors reuse `DraftError` so they are worded like a draft's.
public enum RecoveryCodec {
    public static func encode(_ r: RecoveryFile, template: Template) -> String {
        // The draft part is exactly what DraftCodec writes, spliced in as text (never parsed back), so it
        // can be cut out and opened by hand, and encoding costs one pass over the draft.
        var draft = DraftCodec.encode(r.draft, template: template)
        if draft.hasSuffix("\n") { draft.removeLast() }
        let (head, tail) = frame(r)
        return head + draft + tail
    }

    /// The same bytes as pinned pieces, the draft written by `cache` (only the instances that changed
    /// since it last wrote them): the recovery worker, after every change of the draft, for the crash handler.
    public static func encode(_ r: RecoveryFile, template: Template, cache: inout DraftTextCache) -> PinnedText {
        let (head, tail) = frame(r)
        var out = PinnedText()
        out.append(head)
        out.append(contentsOf: cache.text(r.draft, template: template))
        out.append(tail)
        return out
    }

    /// What comes before the draft's text and after it.
    static func frame(_ r: RecoveryFile) -> (head: String, tail: String) {
        var base: JSONValue = .null
        if let b = r.base {
            base = .object([("device", num(b.device)), ("inode", num(b.inode)), ("size", num(b.size)),
                            ("modified", num(b.modified)), ("modifiedNanos", num(b.modifiedNanos))])
        }
        let ms = Int64((r.savedAt.timeIntervalSince1970 * 1000).rounded())
        var fields: [(String, JSONValue)] = [
            ("format", .string(RecoveryFile.formatName)),
            ("formatVersion", num(RecoveryFile.formatVersion)),
            ("savedAt", .string(iso(r.savedAt))),
            ("savedAtMs", num(ms)),
            ("pid", num(r.pid)),
            ("host", .string(r.host)),
            ("draftPath", .string(r.draftPath)),
            ("base", base),
        ]
        // The list of changes is optional: the program writes the file while the accountant types and
        // leaves the comparison to whoever reads it (the recovery prompt compares against the file on disk).
        if let n = r.changedCells {
            fields.append(("changedCells", num(n)))
            fields.append(("changes", .array(r.changes.map { c in
                .object([("path", .string(c.path)), ("location", .string(c.location)),
                         ("old", c.old.map(JSONValue.string) ?? .null), ("new", c.new.map(JSONValue.string) ?? .null)])
            })))
        }
        var head = JSONWriter.write(.object(fields))
        // `head` ends with "\n}\n": reopen the object and close it after the draft.
        head.removeLast(3)
        return (head + ",\n  \"draft\": ", "\n}\n")
    }

    /// The recovery file and the template its draft needs.
    public static func decode(_ bytes: [UInt8], path: String, catalog: TemplateCatalog) throws(DraftError) -> (RecoveryFile, Template) {
        guard bytes.count <= DraftCodec.maxBytes else { throw .tooLarge(path: path, bytes: bytes.count) }
        let root: JSONValue
        do { root = try JSONReader.parse(bytes) } catch { throw .syntax(path: path, error) }
        guard root["format"]?.string == RecoveryFile.formatName else { throw .notADraft(path: path) }
        guard let v = root["formatVersion"], v.int == RecoveryFile.formatVersion else {
            throw .unsupportedVersion(path: path, found: root["formatVersion"]?.numberText ?? "无")
        }
        guard let draftValue = root["draft"] else { throw .structure(path: path, entry: "draft", expected: "草稿", found: "无") }
        let head = try DraftCodec.header(Array(JSONWriter.write(draftValue).utf8), path: path)
        let template: Template
        do { template = try catalog.load(head.templateID) } catch { throw .missingTemplate(path: path, id: head.templateID) }
        let draft = try DraftCodec.decode(head.root, template: template, path: path)
        guard let ms = root["savedAtMs"]?.numberText.flatMap({ Int64($0) }) else {
            throw .structure(path: path, entry: "savedAtMs", expected: "毫秒数", found: root["savedAtMs"]?.typeName ?? "无")
        }
        var base: FileStamp?
        if let b = root["base"], b.object != nil {
            func n(_ k: String) -> Int64? { b[k]?.numberText.flatMap { Int64($0) } }
            if let d = b["device"]?.numberText.flatMap({ UInt64($0) }), let i = b["inode"]?.numberText.flatMap({ UInt64($0) }),
               let s = n("size"), let m = n("modified"), let mn = n("modifiedNanos") {
                base = FileStamp(device: d, inode: i, size: s, modified: m, modifiedNanos: mn)
            }
        }
        let changes: [RecoveryChange] = (root["changes"]?.array ?? []).compactMap { c in
            guard let p = c["path"]?.string, let l = c["location"]?.string else { return nil }
            return RecoveryChange(path: p, location: l, old: c["old"]?.string, new: c["new"]?.string)
        }
        let file = RecoveryFile(draft: draft, savedAt: Date(timeIntervalSince1970: Double(ms) / 1000),
                                pid: Int32(clamping: root["pid"]?.int ?? 0), host: root["host"]?.string ?? "",
                                draftPath: root["draftPath"]?.string ?? "", base: base,
                                changedCells: root["changedCells"]?.int, changes: changes)
        return (file, template)
    }

    static func num<T: BinaryInteger>(_ v: T) -> JSONValue { .number(String(v)) }

    /// `2026-12-01T13:05:02+08:00` in the local time zone, as ISO8601DateFormatter's internet date-time
    /// writes it, without it: creating that formatter started ICU's calendars and time zones, 9% of the
    /// time to the first frame (the lock file is written on every open).
    static func iso(_ d: Date) -> String {
        var t = time_t(d.timeIntervalSince1970.rounded(.down))
        var tm = Glibc.tm()
        guard localtime_r(&t, &tm) != nil else { return "" }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let offset = tm.tm_gmtoff / 60
        let zone = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
        let year = String(Int(tm.tm_year) + 1900)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(Int(tm.tm_mon) + 1) + "-" + two(Int(tm.tm_mday))
            + "T" + two(Int(tm.tm_hour)) + ":" + two(Int(tm.tm_min)) + ":" + two(Int(tm.tm_sec)) + zone
    }
}
