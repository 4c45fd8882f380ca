import Foundation
import Testing
import ZIPFoundation
@testable import JixiaoKit
#if canImport(Glibc)
import Glibc
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
#endif

/// Issue 11, items 5 and 16: a printout never replaces the draft's own files, replaces another file
/// only when it is an earlier printout of its kind (or when forced), never writes through a link, and
/// is created 0600 whatever the umask.
struct ExportWriterTests {
    /// A folder holding a copy of the example as `d.json`, and every printout of it.
    struct Folder {
        let dir = Fixtures.tempDir()
        var draft: String { dir + "/d.json" }
        let fx = PrintFixture()

        init() { try! FileManager.default.copyItem(atPath: Fixtures.examplePath, toPath: dir + "/d.json") }

        func files(_ format: PrintJob.Format) -> [(path: String, bytes: [UInt8])] {
            try! PrintJob.files(format, scorecard: fx.scorecard, evaluation: fx.ev, draftMark: nil, width: 100, draftPath: draft)
        }

        /// One file of the format, at `path`.
        func file(_ format: PrintJob.Format, at path: String) -> [(path: String, bytes: [UInt8])] {
            [(path, files(format)[0].bytes)]
        }

        func write(_ files: [(path: String, bytes: [UInt8])], _ format: PrintJob.Format, _ existing: ExportWriter.Existing = .exportsOnly) throws(ExportError) -> [String] {
            try ExportWriter.write(files, format: format, draftPath: draft, existing: existing)
        }

        func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
        func put(_ path: String, _ text: String) { FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) }
        func remove() { try? FileManager.default.removeItem(atPath: dir) }
        /// Everything in the folder, dot files included.
        func listing() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: dir).sorted()) ?? [] }
    }

    static func mode(_ path: String) -> mode_t {
        var st = stat()
        stat(path, &st)
        return st.st_mode & 0o7777
    }

    /// The probe: `jixiao print d.json -o d.json` destroyed the draft. Neither it nor its backup, lock
    /// or recovery file is ever written, forced or not, by name or by another path to the same file.
    @Test func neverOverTheDraftsOwnFiles() throws {
        let f = Folder()
        defer { f.remove() }
        let original = f.bytes(f.draft)
        f.put(f.draft + ".bak", "backup")
        f.put(f.dir + "/.d.json.lock", "lock")
        f.put(f.dir + "/.d.json.recovery", "recovery")
        link(f.draft, f.dir + "/hard.json")
        symlink(f.draft, f.dir + "/soft.html")
        let cases: [(String, ExportError.ProtectedRole)] = [
            (f.draft, .draft), (f.dir + "/./sub/../d.json", .draft), (f.dir + "/hard.json", .draft), (f.dir + "/soft.html", .draft),
            (f.draft + ".bak", .backup), (f.dir + "/.d.json.lock", .lock), (f.dir + "/.d.json.recovery", .recovery),
        ]
        try FileManager.default.createDirectory(atPath: f.dir + "/sub", withIntermediateDirectories: true)
        for (path, role) in cases {
            for existing in [ExportWriter.Existing.exportsOnly, .force, .renumber] where existing != .renumber {
                #expect(throws: ExportError.protectedFile(path: path, role: role)) { try f.write(f.file(.html, at: path), .html, existing) }
            }
        }
        // Not there yet, refused by name all the same.
        unlink(f.dir + "/.d.json.lock")
        #expect(throws: ExportError.protectedFile(path: f.dir + "/.d.json.lock", role: .lock)) {
            try f.write(f.file(.text, at: f.dir + "/.d.json.lock"), .text, .force)
        }
        #expect(f.bytes(f.draft) == original)
        #expect(f.bytes(f.draft + ".bak") == Array("backup".utf8))
        #expect(f.bytes(f.dir + "/.d.json.recovery") == Array("recovery".utf8))
    }

    @Test func anotherFileOnlyWithForce() throws {
        let f = Folder()
        defer { f.remove() }
        for format in PrintJob.Format.allCases {
            let path = f.dir + "/other." + (format == .text ? "txt" : format.rawValue)
            f.put(path, "someone else's file")
            #expect(throws: ExportError.notAnExport(path: path)) { try f.write(f.file(format, at: path), format) }
            #expect(f.bytes(path) == Array("someone else's file".utf8))
            try f.write(f.file(format, at: path), format, .force)
            #expect(f.bytes(path) == f.file(format, at: path)[0].bytes)
        }
    }

    /// Each format recognises its own earlier printout, and only that: not another format's, not a
    /// look-alike without the mark.
    @Test func anEarlierPrintoutOfTheSameKindIsReplaced() throws {
        let f = Folder()
        defer { f.remove() }
        for format in PrintJob.Format.allCases {
            let files = f.files(format)
            try f.write(files, format)
            // A draft-marked copy after a final one, and back: both are printouts of this kind.
            let marked = try PrintJob.files(format, scorecard: f.fx.scorecard, evaluation: f.fx.ev, draftMark: DraftMark(f.fx.scorecard),
                                            width: 80, draftPath: f.draft)
            #expect(try f.write(marked, format) == marked.map(\.path))
            #expect(try f.write(files, format) == files.map(\.path))
        }
        // Recognised by content, not by name.
        let html = f.dir + "/d.html"
        f.put(html, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head></html>")
        #expect(throws: ExportError.notAnExport(path: html)) { try f.write(f.files(.html), .html) }
        let csv = f.files(.csv)[0].path
        FileManager.default.createFile(atPath: csv, contents: Data(PrintCSV.byteOrderMark + Array("名称,数量\r\n甲,1\r\n".utf8)))
        #expect(throws: ExportError.notAnExport(path: csv)) { try f.write([f.files(.csv)[0]], .csv) }
        // Another form's CSV is not this form's.
        let other = f.files(.csv)[1]
        FileManager.default.createFile(atPath: csv, contents: Data(other.bytes))
        #expect(throws: ExportError.notAnExport(path: csv)) { try f.write([f.files(.csv)[0]], .csv) }
        // A workbook another program wrote (no docProps naming Jixiao) and an HTML file as .xlsx.
        let xlsx = f.dir + "/d.xlsx"
        var parts = PrintXLSX.parts(scorecard: f.fx.scorecard, evaluation: f.fx.ev)
        parts.removeAll { $0.name == "docProps/app.xml" }
        FileManager.default.createFile(atPath: xlsx, contents: Data(try Self.zip(parts)))
        #expect(throws: ExportError.notAnExport(path: xlsx)) { try f.write(f.files(.xlsx), .xlsx) }
        FileManager.default.createFile(atPath: xlsx, contents: Data(f.files(.html)[0].bytes))
        #expect(throws: ExportError.notAnExport(path: xlsx)) { try f.write(f.files(.xlsx), .xlsx) }
        // A text file that is not a scorecard.
        let txt = f.files(.text)[0].path
        f.put(txt, "2023 年度 · 模板：看似\n但没有分隔线\n")
        #expect(throws: ExportError.notAnExport(path: txt)) { try f.write(f.files(.text), .text) }
    }

    /// A link at the target is never written through: refused, and forced, the link itself is replaced.
    @Test func neverThroughALink() throws {
        let f = Folder()
        defer { f.remove() }
        let secret = f.dir + "/secret"
        f.put(secret, "secret")
        chmod(secret, 0o644)
        let out = f.dir + "/out.html"
        symlink(secret, out)
        #expect(throws: ExportError.link(path: out)) { try f.write(f.file(.html, at: out), .html) }
        try f.write(f.file(.html, at: out), .html, .force)
        #expect(f.bytes(secret) == Array("secret".utf8))
        #expect(Self.mode(secret) == 0o644)
        var st = stat()
        lstat(out, &st)
        #expect(st.st_mode & S_IFMT == S_IFREG)
        // A link planted at the name the old writer used for its temporary file is left alone.
        let planted = f.dir + "/.out2.html.tmp-\(getpid())"
        symlink(secret, planted)
        try f.write(f.file(.html, at: f.dir + "/out2.html"), .html)
        #expect(f.bytes(secret) == Array("secret".utf8))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: planted)) == secret)
    }

    @Test func neverOverAFolderOrAFIFO() throws {
        let f = Folder()
        defer { f.remove() }
        let folder = f.dir + "/d.html"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let fifo = f.dir + "/d.xlsx"
        #expect(mkfifo(fifo, 0o600) == 0)
        for existing in [ExportWriter.Existing.exportsOnly, .force] {
            #expect(throws: ExportError.notRegular(path: folder)) { try f.write(f.file(.html, at: folder), .html, existing) }
            #expect(throws: ExportError.notRegular(path: fifo)) { try f.write(f.file(.xlsx, at: fifo), .xlsx, existing) }
        }
    }

    /// Item 16: printouts hold the draft's names and phone numbers; they are 0600 whatever the umask,
    /// including when they replace an earlier 0644 printout.
    @Test func createdOwnerOnlyWhateverTheUmask() throws {
        let f = Folder()
        defer { f.remove() }
        for mask: mode_t in [0o022, 0o000] {
            let old = umask(mask)
            defer { umask(old) }
            for format in PrintJob.Format.allCases {
                for path in try f.write(f.files(format), format) { #expect(Self.mode(path) == 0o600, "\(path) with umask \(mask)") }
            }
            chmod(f.dir + "/d.html", 0o644)
            for path in try f.write(f.files(.html), .html) { #expect(Self.mode(path) == 0o600) }
        }
    }

    /// Written atomically: nothing is left beside the printouts, after a write or a refusal.
    @Test func leavesNoTemporaryFiles() throws {
        let f = Folder()
        defer { f.remove() }
        f.put(f.dir + "/taken.html", "not ours")
        for format in PrintJob.Format.allCases { try f.write(f.files(format), format) }
        _ = try? f.write(f.file(.html, at: f.dir + "/taken.html"), .html)
        #expect(!f.listing().contains { $0.contains(".tmp-") }, "\(f.listing())")
    }

    /// The TUI's keys 1–4 write beside the draft: a name taken by another file, or by the draft itself,
    /// gives way to a numbered one; an earlier printout is replaced.
    @Test func besideTheDraftATakenNameIsRenumbered() throws {
        let f = Folder()
        defer { f.remove() }
        f.put(f.dir + "/d.html", "not ours")
        #expect(try PrintJob.write(f.files(.html), format: .html, draftPath: f.draft) == [f.dir + "/d(2).html"])
        #expect(f.bytes(f.dir + "/d.html") == Array("not ours".utf8))
        #expect(try PrintJob.write(f.files(.html), format: .html, draftPath: f.draft) == [f.dir + "/d(2).html"])
        // A draft whose name is the printout's name.
        let draft = f.dir + "/x.html"
        try FileManager.default.copyItem(atPath: f.draft, toPath: draft)
        let files = try PrintJob.files(.html, scorecard: f.fx.scorecard, evaluation: f.fx.ev, draftMark: nil, width: 100, draftPath: draft)
        #expect(files.map(\.path) == [draft])
        #expect(try PrintJob.write(files, format: .html, draftPath: draft) == [f.dir + "/x(2).html"])
        #expect(f.bytes(draft) == f.bytes(f.draft))
        #expect(ExportWriter.numbered("/a/2023-附件1.csv", 3) == "/a/2023-附件1(3).csv")
        #expect(ExportWriter.numbered("/a.b/noext", 2) == "/a.b/noext(2)")
    }

    /// A zip of parts, as another program could write a workbook.
    static func zip(_ parts: [PrintedFile]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for p in parts {
            let data = Data(p.bytes)
            try archive.addEntry(with: p.name, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
        return [UInt8](archive.data!)
    }
}
