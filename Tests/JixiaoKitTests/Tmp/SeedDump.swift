import Foundation
import Testing
@testable import JixiaoKit

struct SeedDumpTmp {
    @Test func dump() throws {
        for name in ["hunan-unit-2023", "hunan-dept-report-2022", "henan-dept-2022"] {
            let loaded = try DraftStore(catalog: Fixtures.catalog).load("/tmp/rpt/imp/\(name).json")
            let ev = Evaluation(template: loaded.template, draft: loaded.draft)
            print("=== \(name)")
            for c in ReportFigures.comparisons(ev) { print("DUMP \(c.sectionID) | \(c.quote) | \(c.label) = \(c.expected) | \(c.agrees)") }
            for s in loaded.template.report!.sections { print("GEN \(s.id): \(ReportSentences.render(s, ev))") }
        }
    }
}
