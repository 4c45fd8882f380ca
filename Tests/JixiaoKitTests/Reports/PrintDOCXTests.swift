import Foundation
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The Word printout of the seed 001 example with its report imported (examples/hunan-unit-2023-report.json).
struct PrintDOCXTests {
    static let reportExample = Fixtures.root.appendingPathComponent("examples/hunan-unit-2023-report.json").path
    let fx = PrintFixture(Self.loadReportExample())

    static func loadReportExample() -> Workspace {
        let loaded = try! DraftStore(catalog: Fixtures.catalog).load(reportExample)
        return Workspace(draft: loaded.draft, template: loaded.template)
    }

    func unzip(_ bytes: [UInt8]) throws -> [(name: String, data: Data)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var out: [(String, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out.append((entry.path, data))
        }
        return out
    }

    /// The zip's bytes are not compared (compression may differ between zlib builds): its parts are.
    @Test func docxParts() throws {
        let parts = try unzip(try PrintDOCX.render(scorecard: fx.scorecard, evaluation: fx.ev))
        #expect(parts.map(\.name) == PrintDOCX.parts(scorecard: fx.scorecard, evaluation: fx.ev).map(\.name))
        for p in parts { Golden.check([UInt8](p.data), "seed001-docx/" + p.name) }
    }

    /// Every part parses as XML; every override names a part that exists and every part has a content
    /// type; every relationship's target exists.
    @Test(arguments: [false, true]) func packageIsWellFormedAndResolves(draft: Bool) throws {
        let mark = draft ? DraftMark(fx.scorecard) : nil
        let parts = try unzip(try PrintDOCX.render(scorecard: fx.scorecard, evaluation: fx.ev, draftMark: mark))
        let names = Set(parts.map(\.name))
        var elements: [String: [(name: String, attributes: [String: String])]] = [:]
        for p in parts {
            let collector = ElementCollector()
            let parser = XMLParser(data: p.data)
            parser.delegate = collector
            #expect(parser.parse(), "\(p.name): \(parser.parserError.map(String.init(describing:)) ?? "")")
            elements[p.name] = collector.elements
        }
        let types = elements["[Content_Types].xml"] ?? []
        let overrides = types.filter { $0.name == "Override" }.compactMap { $0.attributes["PartName"] }
        for o in overrides { #expect(names.contains(String(o.dropFirst())), "override \(o) names no part") }
        let defaults = Set(types.filter { $0.name == "Default" }.compactMap { $0.attributes["Extension"] })
        for n in names where n != "[Content_Types].xml" {
            #expect(overrides.contains("/" + n) || defaults.contains(String(n.split(separator: ".").last ?? "")), "\(n) has no content type")
        }
        #expect(overrides.contains("/word/document.xml"))
        for (relsName, list) in elements where relsName.hasSuffix(".rels") {
            // _rels/.rels resolves from the root; word/_rels/document.xml.rels from word/.
            let base = relsName == "_rels/.rels" ? "" : String(relsName.prefix(upTo: relsName.range(of: "_rels/")!.lowerBound))
            for rel in list where rel.name == "Relationship" {
                let target = base + (rel.attributes["Target"] ?? "")
                #expect(names.contains(target), "\(relsName): \(target) does not exist")
            }
        }
        // Every r:id the document uses is declared.
        let declared = Set((elements["word/_rels/document.xml.rels"] ?? []).compactMap { $0.attributes["Id"] })
        let used = Set((elements["word/document.xml"] ?? []).compactMap { $0.attributes["r:id"] })
        #expect(!used.isEmpty && used.isSubset(of: declared))
        #expect(names.contains("word/header1.xml") == draft)
        if let mark {
            // The 草稿 line is the header of every page, once; not repeated in the body.
            let header = String(decoding: parts.first { $0.name == "word/header1.xml" }!.data, as: UTF8.self)
            let body = String(decoding: parts.first { $0.name == "word/document.xml" }!.data, as: UTF8.self)
            #expect(header.contains(XML.escape(mark.banner)) && !body.contains(XML.escape(mark.banner)))
            #expect(body.components(separatedBy: "w:headerReference").count - 1 == body.components(separatedBy: "<w:sectPr>").count - 1)
        }
    }

    @Test func reportComesFirstThenEachFormLandscapeWhenWide() throws {
        let doc = String(decoding: PrintDOCX.parts(scorecard: fx.scorecard, evaluation: fx.ev).first { $0.name == "word/document.xml" }!.bytes, as: UTF8.self)
        let heading = try #require(doc.range(of: "一、单位基本情况"))
        let form1 = try #require(doc.range(of: ">附件1<"))
        #expect(heading.lowerBound < form1.lowerBound)
        // The generated sentence, with the forms' figures, stands before the imported prose.
        #expect(doc.contains("本单位基本支出360.71万元，其中人员经费299.66万元，日常公用经费61.05万元。"))
        // Report portrait, 附件1 portrait, 附件2 (9 grid columns) landscape.
        let orientations = doc.components(separatedBy: "<w:pgSz").dropFirst().map { $0.hasPrefix(" w:w=\"16838\"") }
        #expect(Array(orientations.prefix(3)) == [false, false, true])
        #expect(doc.contains("<w:vMerge w:val=\"restart\"/>") && doc.contains("<w:gridSpan w:val="))
    }

    @Test func importReadsBackTheDocumentsSections() throws {
        let bytes = try PrintDOCX.render(scorecard: fx.scorecard, evaluation: fx.ev)
        let text = try ReportImport.text(bytes, fileName: "x.docx")
        let spec = try #require(fx.ev.template.report)
        let result = ReportImport.split(text, spec: spec)
        #expect(Set(result.sections.keys) == Set(fx.ev.draft.report.keys))
        #expect(result.sections["other"] == fx.ev.draft.report["other"])
    }
}

extension PrintDOCXTests {
    /// Prose is text in the document, never markup: XML specials escaped, characters XML cannot hold dropped.
    @Test func proseIsEscaped() throws {
        var d = fx.ws.draft
        d.report["other"] = "</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>粗体 & \u{1}\u{1B}[2J\"'"
        let ev = Evaluation(template: fx.ws.template, draft: d)
        let doc = PrintDOCX.parts(scorecard: ScorecardBuilder.build(ev), evaluation: ev).first { $0.name == "word/document.xml" }!
        let parser = XMLParser(data: Data(doc.bytes))
        #expect(parser.parse())
        let text = String(decoding: doc.bytes, as: UTF8.self)
        #expect(text.contains("&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:rPr&gt;&lt;w:b/&gt;&lt;/w:rPr&gt;&lt;w:t&gt;粗体 &amp; [2J&quot;&apos;"))
    }
}

final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        elements.append((elementName, attributeDict))
    }
}
