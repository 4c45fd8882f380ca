import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The template's `nextYear` is validated like the rest of the template: a wrong name is refused with its place.
struct NextYearSpecTests {
    let loader = TemplateLoaderTests()

    @Test func shippedTemplatesDeclareIt() {
        for id in ["hunan-unit", "henan-dept", "hunan-dept-report"] {
            #expect(!Fixtures.template(id).nextYear.keep.isEmpty, "\(id)")
        }
        guard case let .columns(form, section, from, to)? = Fixtures.template().nextYear.previous.first else {
            Issue.record("hunan-unit declares no {Y-1} column")
            return
        }
        #expect((form, section, from, to) == ("A", "funds", "actual", "prev"))
    }

    @Test func unknownNamesAreRefusedWithTheirPlace() {
        let cases: [(String, String, TemplateError.Reason)] = [
            ("{\"form\": \"C\", \"section\": \"header\"}", "{\"form\": \"Q\", \"section\": \"header\"}", .unknownForm("Q")),
            ("{\"form\": \"C\", \"section\": \"header\"}", "{\"form\": \"C\", \"section\": \"nosuch\"}", .unknownCell("nosuch")),
            ("{\"form\": \"C\", \"rows\": [\"leader\"", "{\"form\": \"C\", \"rows\": [\"nosuch\"", .unknownCell("C.nosuch")),
            ("\"columns\": [\"authorized\"]", "\"columns\": [\"nosuch\"]", .unknownCell("A.nosuch")),
            ("\"from\": \"actual\", \"to\": \"prev\"", "\"from\": \"actual\", \"to\": \"nosuch\"", .unknownCell("funds.nosuch")),
        ]
        for (old, new, expected) in cases {
            let e = loader.reason { () throws(TemplateError) in try loader.load(replacing: old, with: new) }
            #expect(e?.reason == expected, "\(new)")
            #expect(e?.entry.hasPrefix("nextYear.") == true, "\(e?.entry ?? "accepted")")
        }
    }

    /// A `{Y-1}` cell must be entered: a computed one would be overwritten on every load.
    @Test func aComputedPreviousCellIsRefused() {
        let e = loader.reason { () throws(TemplateError) in
            try loader.load(replacing: "\"previous\": [{\"form\": \"A\", \"section\": \"funds\", \"from\": \"actual\", \"to\": \"prev\"}]",
                            with: "\"previous\": [{\"from\": \"A.sangong.actual\", \"to\": \"A.sangong.prev\"}]")
        }
        #expect(e?.reason == .unknownCell("A.sangong.prev"))
    }
}
