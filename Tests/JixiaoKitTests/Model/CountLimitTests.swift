import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Counts and indices from the command line (issue 11, item 13): a negative or huge project count
/// trapped or aborted in `DraftFactory`; an index that is not an instance gets its own message.
struct CountLimitTests {
    /// `new --projects=-5` trapped (SIGILL: a range with its bounds reversed); 10^12 aborted on allocation.
    /// The command line refuses both with a message first; the factory itself keeps within the limit.
    @Test func factoryKeepsProjectCountsWithinTheLimit() {
        let t = Fixtures.template()
        #expect(DraftFactory.new(template: t, year: 2023, projects: -5).instances(of: "C").count == 0)
        #expect(DraftFactory.new(template: t, year: 2023, projects: 1_000_000_000_000).instances(of: "C").count == Limits.projects.upperBound)
        #expect(DraftFactory.new(template: t, year: 2023, projects: 3).instances(of: "C").count == 3)
    }

    /// `set C[+]` and the screen's new project stop at the same limit as `new --projects`.
    @Test func noProjectBeyondTheLimitIsAdded() throws {
        let t = Fixtures.template()
        var d = DraftFactory.new(template: t, year: 2023, projects: Limits.projects.upperBound)
        let editor = DraftEditor(template: t)
        #expect(throws: EditError.tooManyInstances(form: "C")) { try editor.addInstance(&d, form: "C") }
        #expect(EditText.message(.tooManyInstances(form: "C")).contains("上限"))
        try editor.removeInstance(&d, form: "C", index: 0)
        #expect(try editor.addInstance(&d, form: "C") == Limits.projects.upperBound - 1)
    }

    @Test(arguments: ["A.specialItem[-1].label", "A.specialItem[0].label", "C[99999999999999999999].name.value", "C[-5]"])
    func indexThatIsNoInstanceIsNamed(path: String) {
        let index = String(path.split(separator: "[")[1].split(separator: "]")[0])
        #expect(throws: EditError.badIndex(path: path, index: index)) { try TypedPath.parse(path) }
        #expect(EditText.message(.badIndex(path: path, index: index)).contains("序号「\(index)」无效"))
    }

    /// A number that is an instance, however large, is looked up and reported missing, never trapped.
    @Test func largeIndexIsMissingNotATrap() throws {
        let ws = Fixtures.example()
        var d = ws.draft
        let editor = DraftEditor(template: ws.template)
        for path in ["C[9223372036854775807].name.value", "A.specialItem[99999999999].label"] {
            let p = try TypedPath.parse(path)
            #expect {
                try editor.set(&d, try p.resolve(in: &d, editor: editor), text: "x")
            } throws: { error in
                if case .noSuchInstance? = error as? EditError { return true }
                return false
            }
        }
        #expect(throws: EditError.badPath("A.specialItem[x].label")) { try TypedPath.parse("A.specialItem[x].label") }
    }
}
