import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoGenerate

/// Enter and Tab move to the next stop found from the focused row on (`FormLayout.stop(besides:forward:)`),
/// not by making the whole list: in every instance of the seed example and of a generated draft of each
/// template, the stop found each way is the one next to it in `stops`, and a cell that is no stop says so.
struct FormLayoutStopsTests {
    @Test func stopBesidesEachStopIsItsNeighbourInTheList() {
        let s = AppFixture.example()
        var drafts: [(Template, Draft)] = [(s.template, s.draft)]
        for t in AppFixture.catalog.files().map({ try! TemplateLoader.load(file: $0.path) }) {
            drafts.append((t, DraftGenerator(template: t, seed: 5, sizes: .small).draft()))
        }
        var compared = 0, notStops = 0
        for (t, d) in drafts {
            for form in t.forms {
                for k in d.instances(of: form.id).indices {
                    let layout = FormLayout(form: form, index: k, draft: d, year: d.year)
                    let stops = layout.stops
                    for (i, a) in stops.enumerated() {
                        let after = layout.stop(besides: a, forward: true), before = layout.stop(besides: a, forward: false)
                        #expect(after.isStop && after.next == stops[safe: i + 1], "\(t.id) \(a): the stop after")
                        #expect(before.isStop && before.next == (i > 0 ? stops[i - 1] : nil), "\(t.id) \(a): the stop before")
                        compared += 1
                    }
                    // A computed cell is no stop: Enter goes on from its row instead.
                    for r in layout.rows where !r.isPlaceholder {
                        for c in layout.columns(of: r) where !layout.isFillable(r, c) {
                            #expect(!layout.stop(besides: layout.address(r, c), forward: true).isStop, "\(t.id) \(r) \(c) is no stop")
                            notStops += 1
                        }
                    }
                }
            }
        }
        #expect(compared > 1000 && notStops > 50, "stops compared \(compared), cells that are no stop \(notStops)")
    }
}
