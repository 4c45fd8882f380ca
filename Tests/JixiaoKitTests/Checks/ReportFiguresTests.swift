import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The report's prose against the forms, on the seed 001 example (附件1 编制数 15, 附件2 基本支出
/// 360.71, 项目支出 673.65) with sentences taken from seed 001's own report.
struct ReportFiguresTests {
    let base = Fixtures.example()

    func with(_ section: String, _ prose: String, _ ws: Workspace? = nil) -> Workspace {
        var d = (ws ?? base).draft
        d.report[section] = prose
        return Workspace(draft: d, template: base.template)
    }

    func warnings(_ ws: Workspace) -> [Worded] { ws.worded.filter { $0.code == "report.figure" } }

    @Test func agreeingFiguresAreComparedAndQuiet() {
        let ws = with("general", "本单位基本支出360.71万元，其中人员经费299.66万元，日常公用经费61.05万元。2023年专项支出673.65万元，其中：业务工作经费107.96万元。")
        let c = ReportFigures.comparisons(ws.evaluation)
        #expect(c.map(\.quote) == ["基本支出360.71万元", "人员经费299.66万元", "日常公用经费61.05万元", "专项支出673.65万元", "业务工作经费107.96万元"])
        #expect(c.allSatisfy { $0.agrees })
        #expect(warnings(ws).isEmpty)
    }

    @Test func disagreeingHeadCountIsCaughtQuotingBoth() {
        let ws = with("basic", "人社局机关现有在编人员36人，主要负责……")
        let w = warnings(ws)
        #expect(w.count == 1)
        #expect(w.first?.severity == .warning)
        #expect(w.first?.location == "自评报告 · 一、单位基本情况")
        #expect(w.first?.message == "报告写“在编人员36人”，附件1 编制数为 15 人。请核对报告或表中的数字。")
    }

    @Test func disagreeingAmountOfANamedSpecialFundIsCaught() {
        let ws = with("general", "区级专项资金中四海揽才12.04万元。")
        #expect(warnings(ws).map(\.message) == ["报告写“四海揽才12.04万元”，附件1 专项「四海揽才」为 11.04 万元。请核对报告或表中的数字。"])
    }

    @Test func figuresFollowTheFormsLive() {
        let prose = "本单位基本支出360.71万元。"
        #expect(warnings(with("general", prose)).isEmpty)
        let edited = Fixtures.setting(base, "B.basic.value", "350.71")
        #expect(warnings(with("general", prose, edited)).map(\.message) == ["报告写“基本支出360.71万元”，附件2 基本支出为 350.71 万元。请核对报告或表中的数字。"])
    }

    @Test func unattributableNumbersAreLeftAlone() {
        // Counts of people served, amounts with no named line, approximations, numbers far from any
        // word, and a breakdown inside a longer phrase the template excludes.
        let prose = """
        城镇新增就业人数8854人，完成任务的108%；劳动合同工本费  5 万元、社保基金监管 35万元。
        为劳动者追回工资900余万元。满意率均达98%以上。其中行政编制13人。编制情况良好，共有职工 36 人。
        """
        let ws = with("performance", prose)
        #expect(ReportFigures.comparisons(ws.evaluation).isEmpty)
        #expect(warnings(ws).isEmpty)
    }

    @Test func scoreAndGradeAgainstTheTotal() {
        let total = base.evaluation.value(CellAddress(form: "B", row: "grandTotal", column: "score"))
        let grade = base.evaluation.value(CellAddress(form: "B", row: "grandTotal", column: "grade"))
        guard case let .number(score) = total, case let .text(g) = grade else { Issue.record("no total"); return }
        let agreeing = with("performance", "整体支出绩效自评得分\(score.rounded(2).plain)分，评价等次为“\(g)”。")
        #expect(warnings(agreeing).isEmpty)
        #expect(ReportFigures.comparisons(agreeing.evaluation).count == 2)
        let other = g == "优" ? "良" : "优"
        let wrong = with("performance", "整体支出绩效自评得分\((score - 5).rounded(2).plain)分，评价等次为“\(other)”。")
        #expect(warnings(wrong).count == 2)
    }

    @Test func budgetFiguresAreNotComparedWithFinalOnes() throws {
        // hunan-dept-report: 「“三公”经费预算数…，其中：公务接待费…」 speaks of the budget, the form
        // holds the 决算.
        let t = Fixtures.template("hunan-dept-report")
        var d = Draft(templateID: t.id, templateVersion: t.version, year: 2022)
        d.forms["R"] = [FormEntry(cells: ["sangongBureau": ["total": .number(7.5), "reception": .number(Fixtures.d("5.18"))]])]
        d.report["spending"] = "2022年初 “三公”经费预算数为9.69万元，其中：公务接待费 7.14万元。2022年决算支出“三公”经费7.5万元，其中公务接待费5.18万元。"
        let c = ReportFigures.comparisons(Evaluation(template: t, draft: d))
        #expect(c.map(\.quote) == ["“三公”经费7.5万元", "公务接待费5.18万元"])
        #expect(c.allSatisfy { $0.agrees })
    }

    @Test func proseRoundedAsWrittenAgrees() {
        // 附件2 执行率 is 100%; 「执行率为100%」 and 「执行率100.0%」 agree, 「执行率为99%」 does not.
        #expect(warnings(with("performance", "预算执行率为100%。执行率100.0%。")).isEmpty)
        #expect(warnings(with("performance", "预算执行率为99%。")).count == 1)
    }
}
