import Foundation
import Testing
@testable import JixiaoKit

/// A template is compiled once for as long as its file's bytes stay the same, and again as soon as they
/// change: the memo never hands out a template its file no longer says.
struct TemplateMemoTests {
    @Test func theSameBytesAreCompiledOnceAndChangedBytesAgain() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/hunan-unit.json"
        let original = try String(contentsOfFile: try #require(Fixtures.catalog.path(for: "hunan-unit")), encoding: .utf8)
        try original.write(toFile: file, atomically: false, encoding: .utf8)
        let memo = TemplateMemo()
        var compilations = 0
        func load() throws -> Template {
            let bytes = try TemplateLoader.bytes(of: file)
            return try memo.template(file: file, bytes: bytes) { () throws(TemplateError) in
                compilations += 1
                return try TemplateLoader.load(bytes: bytes, file: file)
            }
        }

        let first = try load()
        let again = try load()
        #expect(compilations == 1)
        #expect(again.title == first.title)

        // One character of the title changed for another of the same size: compared by content, not
        // by size (the time may well not move within one test).
        #expect(first.title.hasPrefix("湖南"))
        let edited = original.replacingOccurrences(of: "\"title\": \"湖南", with: "\"title\": \"湘南", options: [], range: original.range(of: "\"title\": \"湖南"))
        #expect(edited != original && edited.utf8.count == original.utf8.count)
        try edited.write(toFile: file, atomically: false, encoding: .utf8)
        let changed = try load()
        #expect(compilations == 2)
        #expect(changed.title == "湘" + first.title.dropFirst())

        // A file that no longer compiles is refused, and the template before it is not handed out.
        try "{\"format\": 1}".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.self) { try load() }
        #expect(compilations == 3)
        #expect(throws: TemplateError.self) { try load() }
        #expect(compilations == 4)
    }

    @Test func theLoaderGoesThroughTheMemo() throws {
        let path = try #require(Fixtures.catalog.path(for: "hunan-unit"))
        let loaded = try TemplateLoader.load(file: path)
        // What the loader compiled is in the shared memo: asked again with the same bytes, it compiles nothing.
        var compiled = false
        let again = try TemplateMemo.shared.template(file: path, bytes: try TemplateLoader.bytes(of: path)) { () throws(TemplateError) in
            compiled = true
            return try TemplateLoader.load(bytes: try TemplateLoader.bytes(of: path), file: path)
        }
        #expect(!compiled)
        #expect(again.title == loaded.title)
    }
}
