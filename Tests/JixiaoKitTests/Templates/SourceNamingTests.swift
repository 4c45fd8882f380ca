import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Forms are data: no Swift file may name one of the department templates or a label that belongs to
/// one of their form families — adding a province's variant must never need a special case in code.
struct SourceNamingTests {
    /// The templates whose families must stay out of the Swift sources.
    static let families = ["hunan-dept-report", "henan-dept"]

    /// Words of the domain shared by every family (DOMAIN.md): not a family's own label.
    static let domainWords: Set<String> = ["实际完成", "绩效目标", "预算执行", "预算执行率", "经济效益", "社会效益", "生态效益"]

    /// Every label a template shows (form titles, section titles, column and row labels), stripped of
    /// numbering, "填：" and "其中：" prefixes and a trailing "（…分）", kept when it has four or more Han characters.
    static func labels(_ t: Template, rubrics: Bool = true) -> Set<String> {
        var raw: [String] = []
        for f in t.forms where rubrics || f.scorecard?.rubric == nil {
            raw += [f.title, f.short]
            for s in f.sections { raw += s.title.components(separatedBy: " · ") + s.columns.map(\.label) }
            raw += f.rows.map(\.label)
        }
        var out = Set<String>()
        for var l in raw {
            for prefix in ["填：", "其中：", "资金来源：", "基本支出其中：", "结余："] where l.hasPrefix(prefix) { l.removeFirst(prefix.count) }
            if let open = l.lastIndex(where: { $0 == "（" || $0 == "(" }), l.hasSuffix("）") || l.hasSuffix(")") { l = String(l[..<open]) }
            l = l.replacingOccurrences(of: "{Y}", with: "").trimmingCharacters(in: .whitespaces)
            if l.unicodeScalars.filter({ (0x4E00...0x9FFF).contains($0.value) }).count >= 4 { out.insert(l) }
        }
        return out
    }

    static func swiftFiles() -> [(path: String, text: String)] {
        let src = Fixtures.root.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(at: src, includingPropertiesForKeys: nil)
        var out: [(String, String)] = []
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift", let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            out.append((url.path.replacingOccurrences(of: Fixtures.root.path + "/", with: ""), text))
        }
        return out
    }

    /// Whether `text` holds `word`, byte for byte. String's `contains` compares characters, and hundreds
    /// of labels against every source file that way took 16 s of the suite in a debug build.
    static func names(_ text: String, _ word: String) -> Bool {
        text.withCString { t in word.withCString { w in strstr(t, w) != nil } }
    }

    @Test func theSearchFindsWhatContainsFinds() {
        #expect(Self.names("let x = \"财政供养人员控制率\"", "供养人员"))
        #expect(!Self.names("let x = \"财政供养人员控制率\"", "供养人员比率"))
        #expect(Self.names("hunan-dept-report", "henan-dept") == "hunan-dept-report".contains("henan-dept"))
    }

    @Test func familyLabelsAreFound() {
        // The test itself must see the labels it guards.
        let all = Self.families.map { Self.labels(Fixtures.template($0)) }
        #expect(all[0].contains("局机关及二级机构汇总") && all[0].contains("财政供养人员控制率"))
        #expect(all[1].contains("年度履职目标") && all[1].contains("绩效监控完成率"))
    }

    @Test func noSwiftFileNamesADepartmentTemplateOrItsLabels() {
        // The seed-001 kit's own forms name some of the same lines (its labels are the lead's concern);
        // its 评分表 is the department rubric, so those labels stay guarded.
        let shared = Self.labels(Fixtures.template("hunan-unit"), rubrics: false)
        var words: [String] = Self.families
        for id in Self.families {
            let others = Self.families.filter { $0 != id }.map { Self.labels(Fixtures.template($0)) }
            let own = Self.labels(Fixtures.template(id)).subtracting(shared).subtracting(Self.domainWords)
            words += own.filter { l in !others.contains { $0.contains(l) } }.sorted()
        }
        #expect(words.count > 40)
        var hits: [String] = []
        for (path, text) in Self.swiftFiles() {
            for w in words where Self.names(text, w) { hits.append("\(path): \(w)") }
        }
        #expect(hits.isEmpty, "Swift sources name a template or a label of one form family: \(hits)")
    }

    /// The library never names any template, the seed-001 kit included (the CLI's help may show an
    /// example invocation).
    @Test func theLibraryNamesNoTemplateID() {
        let ids = Fixtures.catalog.files().map(\.id)
        #expect(ids.contains("hunan-unit") && ids.contains("henan-dept"))
        var hits: [String] = []
        for (path, text) in Self.swiftFiles() where path.hasPrefix("Sources/JixiaoKit/") {
            for id in ids where Self.names(text, id) { hits.append("\(path): \(id)") }
        }
        #expect(hits.isEmpty, "\(hits)")
    }
}
