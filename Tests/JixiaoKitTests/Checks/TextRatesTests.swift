import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, class 4 in text: a rate (执行率, 完成率, 结转结余率 …) typed beside the two figures it comes
/// from, in a form's text cell or in the report's prose, that they contradict. Conservative: every rate
/// of the five seeds whose figures agree, or that cannot be tied to exactly two figures, says nothing.
struct TextRatesTests {
    @Test(arguments: [
        // Seed 003's report, 四、绩效目标实现情况分析: nothing left over, yet a 100% 结转结余率.
        "2022 年我单位全年总预算 1913.2 万元，年底结余 0 万元，结转结余率 100%。",
        "应开展绩效监控 5 个项目，实际开展绩效监控 4 个项目，完成率为 100%。",
        // The rate alone in the next sentence is the previous sentence's.
        "此次社会调查共 40 人，36 人认为非常满意和比较满意。占比 95%。",
        "全年预算 1100 万元，执行 990 万元，预算执行率 95%",
        // Unspent 110 of 1100 is 10%, not 5%.
        "全年预算 1100 万元，执行 990 万元，结余率 5%",
        "全年预算１１００万元，执行９９０万元，执行率达到９５％",
    ])
    func trips(_ text: String) {
        #expect(TextRates.contradictions(in: text).count == 1, "\(text)")
    }

    @Test(arguments: [
        // Seed 003 as printed: 38 of 40 is 95%, 5 of 5 is 100%.
        "根据实地核查与社会调查数据结果，此次社会调查共 40 人，38 人认为非常满意和比较满意，占比 95%。",
        "2022 年度我单位应开展部门重点绩效评价 5 个项目，实际开展绩效评价 5 个项目。部门绩效自评完成率为 100%。",
        // A rate rounded when written (990.5 of 1100 is 90.05%), the unspent share, a rate above 100%.
        "全年预算 1100 万元，执行 990.5 万元，预算执行率 90%",
        "全年预算 1100 万元，执行 990 万元，结余率 10%",
        "全年预算 1100 万元，结余 110 万元，结转结余率 10.0%",
        "计划培训 400 人，实际培训 432 人，完成率 108%",
        // Seed 004: the other people 另有… are not the rate's; seed 001: 件 and 个 are not one unit.
        "实有在职人员189人，均为参公及事业编制人员，另有离退休人员79人。在职人员控制率89.6%。",
        "全年回复各级信访办件57件，共受理举报投诉1792个，办结率达100%",
        // Three figures, an approximate one, a bound instead of a value, nothing to divide by, no rate word.
        "共实施 5 项，应开展 5 项，实际开展 4 项，完成率 100%",
        "发放 600 余份，回收 500 份，回收完成率 100%",
        "全年预算 1100 万元，执行 990 万元，执行率 95% 以上",
        "计划采购项目 0 项，0 项全部通过政府采购方式确定供应商，政府采购执行率 100%",
        "新增就业 2141 人，新增农村劳动力转移就业 1910 人，城镇登记失业率控制在 4.5%",
        // A share of the two figures' sum.
        "基本支出 1633.25 万元，项目支出 280 万元，项目支出占比 14.6%",
    ])
    func saysNothing(_ text: String) {
        #expect(TextRates.contradictions(in: text).isEmpty, "\(text)")
    }

    @Test func theMessageQuotesTheRateAndTheFigures() {
        let r = TextRates.contradictions(in: "2022 年我单位全年总预算 1913.2 万元，年底结余 0 万元，结转结余率 100%。")
        #expect(r.first?.quote == "结转结余率 100%")
        #expect(r.first?.figures == ["1913.2万元", "0万元"])
        #expect(r.first?.computed == 0)
        let message = r.first.map(CheckText.statedRate) ?? ""
        #expect(message.contains("结转结余率 100%") && message.contains("1913.2万元") && message.contains("算得的 0%"))
    }

    /// In a form: a 任务完成情况 text of 附件1 (河南) and a 实际完成情况 of 附件3 (湖南) whose rate does not fit.
    @Test func aTextCellOfEveryFamily() {
        let henan = TT.set(TT.fresh("henan-dept", year: 2022), [("A.task[1].completion", "应开展绩效监控 5 个项目，实际开展 4 个项目，完成率为 100%")])
        #expect(TT.problems(henan, code: "textRates").map(\.path) == ["A.task[1].completion"])
        let unit = TT.set(TT.fresh("hunan-unit", year: 2023), [("C[1].goal[1].achieved", "全年预算 92 万元，执行 84.69 万元，执行率 100%")])
        #expect(TT.problems(unit, code: "textRates").map(\.path) == ["C[1].goal[1].achieved"])
        #expect(TT.problems(unit, code: "textRates").first?.severity == .warning)
        let report = TT.set(TT.fresh("hunan-dept-report", year: 2022), [("R.quality[1].achieved", "下达资金 50 万元，已支付 40 万元，资金到位率 100%")])
        #expect(TT.problems(report, code: "textRates").map(\.path) == ["R.quality[1].achieved"])
        let agreeing = TT.set(TT.fresh("henan-dept", year: 2022), [("A.task[1].completion", "应开展绩效监控 5 个项目，实际开展 4 个项目，完成率为 80%")])
        #expect(TT.problems(agreeing, code: "textRates").isEmpty)
    }

    /// A rate a text states that the form's own cells hold the figures of (`value`): a 偏差原因 or 完成情况
    /// saying 「预算执行率 100%」 while the table gives 95%.
    @Test func aTextAgainstTheFormsOwnRate() {
        let henan = TT.set(TT.fresh("henan-dept", year: 2022), [("A.total.initial", "1000"), ("A.total.budget", "1100"), ("A.total.actual", "1045")])
        let wrong = TT.set(henan, [("A.execRate.reason", "全年预算执行率达到 100%，资金全部支出"), ("A.carryRate.reason", "结转结余率 0%")])
        let found = TT.problems(wrong, code: "textRates")
        #expect(found.map(\.path) == ["A.execRate.reason", "A.carryRate.reason"])
        #expect(found.first?.message.contains("预算执行率达到 100%") == true && found.first?.message.contains("95%") == true)
        #expect(found.last?.message.contains("5%") == true)
        let right = TT.set(henan, [("A.execRate.reason", "全年预算执行率达到 95%"), ("A.carryRate.reason", "结转结余率 5%"),
                                   ("A.task[1].completion", "预算调整率 10%，政府采购执行率 100%")])
        #expect(TT.problems(right, code: "textRates").isEmpty)
        // Seed 001's 附件3-5 spent 84.69 of 92 (92%); 附件2 100%.
        let unit = TT.set(Fixtures.example(), [("C[5].goal[1].achieved", "项目资金执行率 100%"), ("B.goal[1].achieved", "预算执行率 95%")])
        #expect(TT.problems(unit, code: "textRates").map(\.path) == ["B.goal[1].achieved", "C[5].goal[1].achieved"])
        let unitRight = TT.set(Fixtures.example(), [("C[5].goal[1].achieved", "项目资金执行率 92%"), ("B.goal[1].achieved", "预算执行率 100%")])
        #expect(TT.problems(unitRight, code: "textRates").isEmpty)
    }

    @Test func aRateAgainstTheFormNeedsItsWords() {
        let json = """
        {"format": 1, "id": "t", "version": "1", "title": "t", "forms": [{"id": "A", "short": "A", "title": "A", "sections": [
          {"id": "s", "columns": [{"id": "budget", "kind": "money"}, {"id": "rate", "kind": "percent", "formula": "1"}, {"id": "note", "kind": "text"}],
           "rows": [{"id": "total", "label": "x"}]}],
          "checks": [{"kind": "textRates", "value": "total.rate"}]}]}
        """
        #expect(TT.reason(json) == .missing(field: "words"))
    }

    /// Seed 003's report prose holds one such rate; the forms of every example hold none.
    @Test func theExamples() {
        let henan = TT.example("henan-dept-2022-report")
        let rates = henan.worded.filter { $0.code == "report.rate" }
        #expect(rates.count == 1)
        #expect(rates.first?.location.contains("四、绩效目标实现情况分析") == true && rates.first?.message.contains("结转结余率 100%") == true)
        for name in ["hunan-unit-2023", "hunan-unit-2023-report", "hunan-dept-report-2022", "hunan-dept-report-2022-report", "henan-dept-2022"] {
            let ws = TT.example(name)
            #expect(ws.worded.filter { $0.code == "textRates" || $0.code == "report.rate" }.isEmpty, "\(name)")
        }
    }
}
