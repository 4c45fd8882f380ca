import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// Every main screen as a whole picture at the three sizes the accountant's terminals have.
struct ScreenGoldenTests {
    static let sizes = [(rows: 24, cols: 80), (rows: 36, cols: 120), (rows: 50, cols: 200)]

    /// A date whose local rendering is the same in every time zone (built from local components).
    static let fixedDate = Calendar.current.date(from: DateComponents(year: 2024, month: 3, day: 15, hour: 9, minute: 30, second: 5))!

    func each(_ name: String, _ screen: (Int, Int) -> Screen) {
        for (rows, cols) in Self.sizes { ScreenGolden.check(screen(rows, cols), "\(name)-\(cols)x\(rows)") }
    }

    static func onForm(_ s: inout AppState, _ form: String, index: Int = 0) {
        s.focus = CellAddress(form: form, formIndex: index, row: "", column: "")
        s.focus = s.layout.fillable.first ?? s.focus
        App.keepFocusVisible(&s)
    }

    @Test func startScreen() {
        let recent = [RecentDraft(path: "示例区某某局-2023.json", unit: "示例区某某局", year: 2023, templateID: "hunan-unit", modified: Self.fixedDate)]
        let title = try! AppFixture.catalog.load("hunan-unit").title
        each("start-choose") { rows, cols in
            StartView.render(StartState(recent: recent, fixedFile: nil, defaultYear: 2023, templateTitle: title), rows: rows, cols: cols)
        }
        each("start-new") { rows, cols in
            var s = StartState(recent: recent, fixedFile: nil, defaultYear: 2023, templateTitle: title,
                               templates: [TemplateChoice(id: "hunan-unit", title: title), TemplateChoice(id: "henan-dept", title: "河南省部门整体支出绩效自评")])
            s.selected = 0
            _ = StartApp.update(&s, .enter)
            for c in "示例区某某局" { _ = StartApp.update(&s, .char(c)) }
            return StartView.render(s, rows: rows, cols: cols)
        }
    }

    @Test func eachFormOfTheDefaultTemplate() {
        for (form, index) in [("A", 0), ("B", 0), ("C", 0), ("C", 6), ("S", 0)] {
            each("form-\(form)\(index + 1)") { rows, cols in
                var s = AppFixture.example(rows: rows, cols: cols)
                Self.onForm(&s, form, index: index)
                return s.screen
            }
        }
        each("new-draft") { rows, cols in AppFixture.fresh(rows: rows, cols: cols).screen }
    }

    /// The example (or a new draft) at the size, with `focus` (a path) focused and `keys` pressed.
    static func after(_ keys: [Key], fresh: Bool = false, focus: String? = nil) -> (Int, Int) -> Screen {
        { rows, cols in
            var s = fresh ? AppFixture.fresh(rows: rows, cols: cols) : AppFixture.example(rows: rows, cols: cols)
            if let focus { s.focus(focus) }
            for k in keys { s.press(k) }
            return s.screen
        }
    }

    @Test func panels() {
        each("problems", Self.after([.f(3)], fresh: true))
        each("score", Self.after([.f(4)]))
        each("print-preview", Self.after([.f(4), .char("p")]))
        each("help", Self.after([.f(1)]))
        each("text-area", Self.after([.enter], focus: "A.measures.value"))
        each("outline", Self.after([.ctrl("l"), .down, .down]))
    }

    /// The 自评报告 page of the example with its report (seed 001's prose): guidance, generated
    /// sentences, the prose of the first section focused and its figure warning.
    @Test func reportPage() {
        each("report") { rows, cols in
            var s = AppFixture.example(rows: rows, cols: cols, file: "examples/hunan-unit-2023-report.json")
            s.press(.ctrl("l"), .end, .enter)
            return s.screen
        }
    }

    @Test func recoveryPrompt() {
        each("recovery") { rows, cols in
            let s = AppFixture.example()
            var draft = s.draft
            let editor = DraftEditor(template: s.template)
            for (p, v) in [("A.staff.actual", "16"), ("A.measures.value", "第一行\n第二行")] {
                try! editor.set(&draft, try! TypedPath.parse(p).resolve(in: &draft, editor: editor), text: v, lenient: true)
            }
            let diff = RecoveryDiff.compare(s.draft, draft, template: s.template)
            let file = RecoveryFile(draft: draft, savedAt: Self.fixedDate, pid: 4321, host: "desk-7",
                                    draftPath: "/x/d.json", base: nil, changedCells: diff.count, changes: diff.sample)
            let offer = RecoveryOffer(path: "/x/.d.json.recovery", file: file, template: s.template, diff: diff, draftNewer: true)
            let c = RecoveryPrompts.recovery(offer, draftPath: "/home/会计/文档/示例区某某局-2023年度绩效自评.json",
                                             keepBothName: "示例区某某局-2023年度绩效自评.recovered-20240315-0930.json")
            return ChoiceView.render(c, rows: rows, cols: cols)
        }
    }
}
