import Testing
@testable import JixiaoKit
@testable import JixiaoTUI

/// The outline's list of instances, counted by form (`InstanceList`), lists what a walk over every form's
/// instances lists, and finds each instance where that walk has it.
struct InstanceListTests {
    @Test func theCountedListIsTheWalkedOne() {
        for (name, draft, template) in FirstFrameTests.drafts() {
            let s = AppState(workspace: Workspace(draft: draft, template: template), path: "x.json")
            let walked = template.forms.flatMap { f in (0..<s.evaluation.instanceCount(f.id)).map { (f.id, $0) } }
                + (ReportPage.exists(template) ? [(ReportPage.form, 0)] : [])
            let list = App.allInstances(s)
            #expect(list.count == walked.count, "\(name)")
            for (k, w) in walked.enumerated() {
                let got = list[k]
                #expect(got.form == w.0 && got.index == w.1, "\(name): entry \(k)")
                #expect(list.position(form: w.0, index: w.1) == k, "\(name): position of \(w.0) \(w.1)")
            }
            for f in template.forms {
                #expect(list.position(form: f.id, index: s.evaluation.instanceCount(f.id)) == nil, "\(name): past the last \(f.id)")
            }
        }
    }
}
