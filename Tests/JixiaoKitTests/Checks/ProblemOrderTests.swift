import Testing
@testable import JixiaoKit

/// The order problems are listed in (F3, `validate`, the scorecard): by form, instance, row, row
/// instance and column as the template lays them out, errors before warnings at one cell, problems of
/// the whole draft last, and otherwise the order they were found in.
struct ProblemOrderTests {
    @Test func problemsFollowTheTemplateThenSeverityThenDiscovery() throws {
        let t = Fixtures.template()
        let first = try #require(t.forms.first), second = try #require(t.forms.dropFirst().first)
        let rows = first.rows.map(\.id)
        try #require(rows.count >= 2)
        let col = try #require(first.sections.first?.columns.first?.id)
        func p(_ form: FormSpec, _ index: Int, _ row: String, _ rowIndex: Int?, _ severity: Severity, _ tag: String) -> Problem {
            Problem(severity: severity, address: CellAddress(form: form.id, formIndex: index, row: row, rowIndex: rowIndex, column: col),
                    finding: .placeholder(pattern: tag, text: tag))
        }
        let whole1 = Problem(severity: .error, address: nil, finding: .placeholder(pattern: "whole1", text: ""))
        let whole2 = Problem(severity: .info, address: nil, finding: .placeholder(pattern: "whole2", text: ""))
        let expected = [
            p(first, 0, rows[0], nil, .error, "a"),
            p(first, 0, rows[0], nil, .warning, "b"),
            p(first, 0, rows[0], nil, .warning, "c"),   // same key as b: found after it
            p(first, 0, rows[1], 0, .warning, "d"),
            p(first, 0, rows[1], 1, .error, "e"),
            p(first, 1, rows[0], nil, .info, "f"),
            p(second, 0, second.rows[0].id, nil, .warning, "g"),
            whole1, whole2,
        ]
        // Found in another order: reversed, but b still before c and whole1 before whole2.
        let found = [whole1, expected[6], expected[5], expected[4], expected[3], expected[1], whole2, expected[2], expected[0]]
        #expect(Checker.ordered(found, template: t).map(\.finding) == expected.map(\.finding))
    }
}
