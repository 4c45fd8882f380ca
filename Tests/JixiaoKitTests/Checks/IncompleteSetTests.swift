import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 13, defect 5: while projects are still being entered, cross-form totals over them do not ask
/// to change a right figure; once all are entered, a mismatch is reported as before.
struct IncompleteSetTests {
    /// 附件1 and 附件2 from the example, and only 附件3-1 of seven projects entered.
    static func oneProjectOfSeven() throws -> Workspace {
        let full = Fixtures.example()
        let t = full.template
        var d = DraftFactory.new(template: t, year: 2023)
        d.forms["A"] = full.draft.forms["A"]
        d.forms["B"] = full.draft.forms["B"]
        let editor = DraftEditor(template: t)
        while d.instances(of: "C").count < 7 { _ = try editor.addInstance(&d, form: "C", name: "项目\(d.instances(of: "C").count + 1)") }
        var cs = d.forms["C"]!
        cs[0] = full.draft.instances(of: "C")[0]
        d.forms["C"] = cs
        return Workspace(draft: d, template: t)
    }

    @Test func aPartialSetSaysHowFarItIsInsteadOfAskingForAChange() throws {
        let ws = try Self.oneProjectOfSeven()
        let atB = ws.worded.filter { $0.path == "B.project.value" }
        #expect(!atB.contains { $0.severity == .error }, "\(atB.map(\.message))")
        #expect(!atB.contains { $0.message.contains("应为") }, "\(atB.map(\.message))")
        #expect(atB.contains { $0.code == "incompleteSet" && $0.message.contains("已填 1/7 个项目") })
        let atA = ws.worded.filter { $0.path == "A.project.budget" }
        #expect(!atA.contains { $0.message.contains("应为") }, "\(atA.map(\.message))")
    }

    @Test func aCompleteSetStillReportsAMismatch() {
        let ws = Fixtures.setting(Fixtures.example(), "C[2].fiscal.actual", "100")
        let p = ws.worded.filter { $0.path == "B.project.value" && $0.code == "equal" }
        #expect(p.count == 1 && p.first?.severity == .error)
        let q = Fixtures.setting(Fixtures.example(), "C[1].fiscal.initial", "131").worded.filter { $0.path == "A.project.budget" }
        #expect(q.count == 1 && q.first?.code == "equal" && q.first?.severity == .error)
    }
}
