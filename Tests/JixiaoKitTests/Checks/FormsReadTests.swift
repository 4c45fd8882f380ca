import Testing
@testable import JixiaoKit

/// An edit reruns only the cross-form checks that read the edited form. The template's checks run in
/// 附件1, but the date and indicator comparisons read only 附件2 and the projects: a keystroke in
/// 附件1 must not rerun them (on a 200-project draft each is a pass over every project).
struct FormsReadTests {
    @Test func aCheckReadsTheFormsItNames() throws {
        let template = Fixtures.example().template
        func reads(_ kind: CheckSpec.Kind) -> Set<String>? {
            template.checks.first { $0.kind == kind }.map { Checker.formsRead(by: $0, template: template) }
        }
        #expect(reads(.dates) == ["B", "C"])
        #expect(reads(.sameIndicators) == ["B", "C"])
        // B!project.value against A!project.actual: both forms, as named.
        let first = try #require(template.checks.first)
        #expect(Checker.formsRead(by: first, template: template) == ["A", "B"])
    }
}
