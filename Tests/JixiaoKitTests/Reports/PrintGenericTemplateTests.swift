import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The printouts know no form family: a template unlike seed 001's (a repeated form named 表{n}, a
/// rubric, other grade bands, its own words) prints through the same renderers.
struct PrintGenericTemplateTests {
    static let templateJSON = #"""
    {"format": 1, "id": "print-generic-test", "version": "1", "title": "通用打印测试模板",
     "settings": {"grades": [{"label": "优", "min": 80}, {"label": "良", "min": 70}, {"label": "中", "min": 60}, {"label": "差", "min": 0}]},
     "forms": [
      {"id": "D", "short": "表{n}", "title": "{Y}年度部门整体评分表", "repeat": {"noun": "部门", "nameCell": "dept.value"},
       "scorecard": {"execution": {"row": "exec", "budget": "budget", "actual": "actual", "rate": "rate", "weight": "weight", "score": "score"},
                     "total": "total.score", "grade": "total.grade", "signature": "sign",
                     "rubric": {"section": "rb", "weight": "weight", "figure": "figure", "rule": "rule", "points": "points"}},
       "sections": [
        {"id": "head", "columns": [{"id": "value", "kind": "text"}], "rows": [{"id": "dept", "label": "部门名称"}]},
        {"id": "ex", "title": "预算执行",
         "columns": [{"id": "budget", "label": "预算数", "kind": "money"}, {"id": "actual", "label": "执行数", "kind": "money"},
                     {"id": "weight", "label": "分值", "kind": "decimal"}, {"id": "rate", "label": "执行率", "kind": "percent"},
                     {"id": "score", "label": "得分", "kind": "decimal"}],
         "rows": [{"id": "exec", "label": "预算执行率",
                   "formulas": {"weight": "10", "rate": "_.actual / _.budget", "score": "execScore(_.actual, _.budget, _.weight)"}}]},
        {"id": "rb", "title": "评分表", "labelHeading": "评分指标",
         "columns": [{"id": "weight", "label": "分值", "kind": "decimal"}, {"id": "figure", "label": "依据", "kind": "percent"},
                     {"id": "rule", "label": "评分规则", "kind": "text"}, {"id": "points", "label": "得分", "kind": "decimal"}],
         "rows": [{"id": "input", "label": "投入", "columns": [], "children": [
           {"id": "execRule", "label": "预算执行率（评分）",
            "formulas": {"figure": "exec.rate", "points": "band(_.figure, 1, 90, 0.9, 80, 0)"}},
           {"id": "execOver", "label": "执行率偏离",
            "formulas": {"figure": "exec.rate", "points": "deduct(_.weight, under(_.figure, 100%) * 100, 0.5)"}}]}]},
        {"id": "sum", "columns": [{"id": "score", "label": "总分", "kind": "decimal"}, {"id": "grade", "label": "等次", "kind": "text"}],
         "rows": [{"id": "total", "label": "合计", "formulas": {"score": "exec.score + execRule.points", "grade": "grade(_.score)"}}]},
        {"id": "sign", "columns": [{"id": "value", "kind": "text"}], "rows": [{"id": "who", "label": "经办人"}]}
       ]}]}
    """#

    static func fixture() -> PrintFixture {
        let template = try! TemplateLoader.load(bytes: Array(templateJSON.utf8), file: "print-generic-test.json")
        var ws = Workspace(draft: DraftFactory.new(template: template, year: 2024, projects: 2), template: template)
        for (path, value) in [("D[1].dept.value", "部门甲"), ("D[1].exec.budget", "100"), ("D[1].exec.actual", "95"),
                              ("D[1].execRule.weight", "90"), ("D[1].execRule.rule", "≥100% 得 90 分，≥90% 得 80 分"),
                              ("D[1].who.value", "张三"), ("D[1].execOver.weight", "10"),
                              ("D[2].dept.value", "部门乙"), ("D[2].exec.budget", "50"), ("D[2].exec.actual", "50"),
                              ("D[2].execRule.weight", "90"), ("D[2].execRule.rule", "同上")] {
            ws = Fixtures.setting(ws, path, value)
        }
        return PrintFixture(ws)
    }

    @Test func textShowsTheRubricWithTheTemplatesWords() {
        let fx = Self.fixture()
        let text = PrintText.render(scorecard: fx.scorecard, evaluation: fx.ev, width: 100)
        #expect(text.contains("【表1】2024年度部门整体评分表"))
        #expect(text.contains("【表2】2024年度部门整体评分表"))
        #expect(text.contains("部门名称：部门甲"))
        #expect(text.contains("\n评分表\n"))
        for heading in ["评分指标", "分值", "依据", "评分规则", "得分"] { #expect(text.contains(heading)) }
        #expect(text.contains("预算执行率（评分）"))
        // 95 ÷ 100 = 95% → 80 points; 执行率得分 9.5; 总分 89.5 → 优 (this template's bands start 优 at 80).
        #expect(text.contains("总分：89.5    等次：优"))
        #expect(text.contains("总分：100    等次：优"))
        #expect(text.contains("经办人：张三"))
        for table in PrintTextLayoutTests.tables(text) {
            let expected = PrintTextLayoutTests.separatorPositions(table[0])
            for line in table { #expect(PrintTextLayoutTests.separatorPositions(line) == expected) }
        }
    }

    @Test func htmlCsvAndXlsxPrintEveryInstance() throws {
        let fx = Self.fixture()
        let html = PrintHTML.render(scorecard: fx.scorecard, evaluation: fx.ev)
        #expect(html.contains("<p class=\"short\">表1</p>") && html.contains("<p class=\"short\">表2</p>"))
        #expect(html.contains(">评分指标</th>"))
        #expect(PrintCSV.render(scorecard: fx.scorecard, evaluation: fx.ev).map(\.name) == ["表1.csv", "表2.csv"])
        let parts = PrintXLSX.parts(scorecard: fx.scorecard, evaluation: fx.ev)
        let workbook = String(decoding: parts.first { $0.name == "xl/workbook.xml" }!.bytes, as: UTF8.self)
        #expect(workbook.contains("name=\"表1 部门甲\"") && workbook.contains("name=\"表2 部门乙\""))
        let sheet = String(decoding: parts.first { $0.name == "xl/worksheets/sheet1.xml" }!.bytes, as: UTF8.self)
        // The rubric's band(…) becomes nested IFs over the sheet's cells, with the library's 80 cached.
        #expect(sheet.contains("&gt;=1,90,IF("))
        #expect(sheet.contains("</f><v>80</v>"))
        // deduct(10, under(95%, 100%) × 100, 0.5) = 7.5, live in the sheet as MIN/MAX over the figure's cell.
        #expect(sheet.contains("ROUND(MIN(MAX(B10-IF(C10=&quot;&quot;,&quot;&quot;,MAX(1-C10,0))*100*0.5,0),B10),2)),&quot;&quot;)</f><v>7.5</v>"))
        _ = try PrintXLSX.render(scorecard: fx.scorecard, evaluation: fx.ev)
    }
}
