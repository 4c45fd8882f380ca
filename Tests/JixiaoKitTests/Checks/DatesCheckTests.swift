import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, class 3: a submission has one 填报日期; none falls before the evaluated year's end or
/// after the template's deadline.
struct DatesCheckTests {
    @Test func datesAsFormsWriteThem() {
        let d = FormDate(year: 2024, month: 5, day: 30)
        for s in ["2024.5.30", "2024-05-30", "2024/5/30", "2024年5月30日", "２０２４．５．３０", "填报日期：2024.5.30", "2024 年 5 月 30 日"] {
            #expect(DateScan.date(in: s) == d, "\(s)")
        }
        for s in ["2024年", "2024.5", "2024.5.30—2024.6.1", "20240530", "2024.13.1", "12024.5.30", ""] {
            #expect(DateScan.date(in: s) == nil, "\(s)")
        }
    }

    static func dateProblems(_ ws: Workspace) -> [Worded] { ws.worded.filter { $0.code.hasPrefix("dates.") } }

    /// Seed 001: 附件2 is dated 2024.5.30 and 附件3-2 2024.5.3 (the other projects leave it empty).
    @Test func seed001DatesDisagree() {
        let found = Self.dateProblems(Fixtures.example())
        #expect(found.map(\.path) == ["B.date.value", "C[2].date.value"])
        #expect(found.allSatisfy { $0.severity == .warning && $0.code == "dates.differ" })
        #expect(found[0].message.contains("附件3-2") && found[0].message.contains("2024年5月3日"))
        #expect(found[1].message.contains("附件2") && found[1].message.contains("2024年5月30日"))
    }

    @Test func theSameDayWrittenTwoWaysAgrees() {
        let ws = TT.set(Fixtures.example(), [("C[2].date.value", "2024年5月30日"), ("C[5].date.value", "2024-05-30")])
        #expect(Self.dateProblems(ws).isEmpty)
        for name in ["henan-dept-2022", "hunan-dept-report-2022"] { #expect(Self.dateProblems(TT.example(name)).isEmpty, "\(name)") }
    }

    @Test func noDateBeforeTheYearsEnd() {
        let early = TT.set(Fixtures.example(), [("B.date.value", "2023.6.1"), ("C[2].date.value", "2023.6.1")])
        #expect(Self.dateProblems(early).filter { $0.code == "dates.beforeYearEnd" }.map(\.path) == ["B.date.value", "C[2].date.value"])
        #expect(Self.dateProblems(early).filter { $0.code == "dates.differ" }.isEmpty)
        let last = TT.set(Fixtures.example(), [("B.date.value", "2023.12.31"), ("C[2].date.value", "2023.12.31")])
        #expect(Self.dateProblems(last).isEmpty)
        let henan = Fixtures.setting(TT.example("henan-dept-2022"), "A.reportDate.value", "2022年3月1日")
        #expect(Self.dateProblems(henan).map(\.code) == ["dates.beforeYearEnd"])
    }

    @Test func aDeadlineTheTemplateStates() throws {
        let t = try TT.load("""
        {"format": 1, "id": "t", "version": "1", "title": "t",
         "forms": [{"id": "A", "short": "A", "title": "A", "sections": [{"id": "s", "columns": [{"id": "v"}], "rows": [{"id": "d", "label": "填报日期"}]}],
                    "checks": [{"kind": "dates", "severity": "warning", "cells": ["d.v"], "deadline": "05-31"}]}]}
        """)
        func problems(_ date: String) -> [String] {
            let ws = Fixtures.setting(Workspace(draft: DraftFactory.new(template: t, year: 2023, unitName: "x"), template: t), "A.d.v", date)
            return ws.worded.map(\.code)
        }
        #expect(problems("2024.5.31").isEmpty)
        #expect(problems("2024.6.1") == ["dates.afterDeadline"])
        #expect(TT.reason(#"{"format": 1, "id": "t", "version": "1", "title": "t", "forms": [{"id": "A", "short": "A", "title": "A", "sections": [{"id": "s", "columns": [{"id": "v"}], "rows": [{"id": "d", "label": "d"}]}], "checks": [{"kind": "dates", "cells": ["d.v"], "deadline": "13-40"}]}]}"#) != nil)
    }

    /// The check reads every project: an edit of one project's date updates the live list.
    @Test func liveChecksFollowAProjectsDate() throws {
        let ws = Fixtures.example()
        var ev = ws.evaluation
        var live = LiveChecks(ev)
        var draft = ws.draft
        let editor = DraftEditor(template: ws.template)
        for (path, text) in [("C[2].date.value", "2024.5.30"), ("C[6].date.value", "2024.6.2"), ("B.date.value", "2024.6.2")] {
            let a = try TypedPath.parse(path).resolve(in: &draft, editor: editor)
            try editor.set(&draft, a, text: text)
            ev.update(draft: draft, form: a.form, index: a.formIndex)
            live.refresh(ev, form: a.form, index: a.formIndex)
            #expect(live.all(ws.template).worded(ws.template, draft).map(\.message)
                    == Checker.check(Evaluation(template: ws.template, draft: draft)).worded(ws.template, draft).map(\.message), "\(path)")
        }
    }
}
