import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// The older Hunan department report form (seeds 000 and 002) and its 评分表, against the seeds' own figures.
struct HunanDeptReportTests {
    static let id = "hunan-dept-report"

    /// Seed 000 (岳阳市人社局 2021) 二、收支情况, as printed: 局机关 then the six 二级机构.
    /// income: 收入合计, 上年结转, 公共财政拨款, 其他收入 (政府基金拨款 and 专户 left empty on paper).
    static let income: [(String, [String])] = [
        ("局机关", ["3721.22", "577.45", "2398.27", "745.50"]),
        ("市社保中心", ["898.32", "16.53", "881.79", "0"]),
        ("市就业中心", ["1078.69", "64.94", "848.15", "165.60"]),
        ("市工保中心", ["591.73", "12.74", "578.95", "0.04"]),
        ("市劳保监察支队", ["346.35", "", "290.35", "56"]),
        ("市职鉴中心", ["254.64", "140.00", "92.95", "21.69"]),
        ("市人社局档案中心", ["312.61", "122.08", "151.46", "39.07"]),
    ]
    /// 支出合计, 基本支出, 人员支出, 公用支出, 项目支出, 累计结余 (当年结余 left empty on paper).
    static let expense: [[String]] = [
        ["3591.58", "2798.99", "1987.92", "811.07", "792.59", "129.64"],
        ["894.93", "894.93", "712.38", "182.55", "0", "3.39"],
        ["1035.71", "1035.71", "831.18", "204.53", "0", "0"],
        ["591.69", "591.69", "400.16", "191.53", "0", "0"],
        ["326.22", "326.22", "214.44", "111.78", "0", "8"],
        ["254.53", "254.53", "124.88", "129.65", "0", "0"],
        ["312.61", "165.17", "147.32", "17.85", "147.44", "0"],
    ]
    /// 三公经费合计, 公务接待费, 公务用车运维费, 公务用车购置费, 因公出国费.
    static let sangong: [[String]] = [
        ["21.71", "11.75", "9.96", "0", "0"], ["0.47", "0.47", "0", "0", "0"], ["3.68", "3.68", "0", "0", "0"],
        ["1.99", "1.99", "0", "0", "0"], ["8.45", "5.17", "3.28", "0", "0"], ["1.20", "1.20", "0", "0", "0"],
        ["0.78", "0.78", "0", "0", "0"],
    ]
    /// 固定资产合计 = 在用固定资产 in every row.
    static let assets = ["1742.63", "290.34", "331.86", "47.55", "1.29", "39.69", "67.53"]

    /// Seed 000's report form entered through the editor, as `jixiao set` would.
    static func seed000() -> Workspace {
        var pairs: [(String, String)] = [("R.staff.authorized", "274"), ("R.staff.actual", "257"),
                                         ("R.overall.score", "99"), ("R.overall.grade", "优"), ("R.reportDate.value", "2021年6月30日")]
        for (k, (name, inc)) in income.enumerated() {
            let (i, e, s, a) = k == 0 ? ("R.incomeBureau", "R.expenseBureau", "R.sangongBureau", "R.assetsBureau")
                                      : ("R.incomeUnit[$]", "R.expenseUnit[$]", "R.sangongUnit[$]", "R.assetsUnit[$]")
            if k > 0 {
                for row in ["incomeUnit", "expenseUnit", "sangongUnit", "assetsUnit"] { pairs.append(("R.\(row)[+].label", name)) }
            }
            for (col, v) in zip(["total", "carryOver", "fiscal", "other"], inc) where !v.isEmpty { pairs.append(("\(i).\(col)", v)) }
            for (col, v) in zip(["total", "basic", "personnel", "public", "project", "accumulated"], expense[k]) { pairs.append(("\(e).\(col)", v)) }
            for (col, v) in zip(["total", "reception", "carRunning", "carPurchase", "abroad"], sangong[k]) { pairs.append(("\(s).\(col)", v)) }
            pairs += [("\(a).total", assets[k]), ("\(a).inUse", assets[k])]
        }
        return TT.set(TT.fresh(id, year: 2021, unit: "岳阳市人力资源和社会保障局"), pairs)
    }

    @Test func templateLoads() {
        let t = Fixtures.template(Self.id)
        #expect(t.forms.map(\.id) == ["R", "S"])
        #expect(t.form("R")?.row("incomeUnit")?.repeating?.named == true)
        #expect(t.form("S")?.readsOtherForms == true && t.form("R")?.readsOtherForms == false)
        #expect(t.form("S")?.scorecard?.rubric?.section == "rubric")
    }

    /// The 汇总 row is computed; seed 000 typed it, and each printed figure is the sum of the institutions.
    @Test(arguments: [
        ("R.incomeAll.total", "7203.56"), ("R.incomeAll.carryOver", "933.74"), ("R.incomeAll.fiscal", "5241.92"),
        ("R.incomeAll.other", "1027.90"), ("R.expenseAll.total", "7007.27"), ("R.expenseAll.basic", "6067.24"),
        ("R.expenseAll.personnel", "4418.28"), ("R.expenseAll.public", "1648.96"), ("R.expenseAll.project", "940.03"),
        ("R.expenseAll.accumulated", "141.03"), ("R.sangongAll.total", "38.28"), ("R.sangongAll.reception", "25.04"),
        ("R.sangongAll.carRunning", "13.24"), ("R.assetsAll.total", "2520.89"), ("R.assetsAll.inUse", "2520.89"),
    ])
    func seed000SummaryRowIsTheSumOfInstitutions(path: String, printed: String) {
        #expect(Self.seed000Workspace.number(path) == TT.d(printed))
    }

    static let seed000Workspace = seed000()

    @Test func seed000ArithmeticHoldsRowByRow() {
        let ws = Self.seed000Workspace
        // Every typed total equals its parts, for 局机关 and each 二级机构: no "equal" problem anywhere.
        #expect(TT.problems(ws, code: "equal").isEmpty, "\(TT.problems(ws, code: "equal").map(\.message))")
        // 政府基金拨款 and 专户 were left empty: empty, not 0.
        #expect(ws.value("R.incomeAll.govFund") == .empty)
        // 累计结余 is below 收入合计 − 支出合计 where 结余分配 took some (就业中心 0 ≤ 42.98): no warning.
        #expect(TT.problems(ws, code: "atMost").isEmpty)
    }

    @Test func seed000ReportDateInTheEvaluatedYearIsFlagged() {
        // A 2021 self-evaluation "reported" on 2021-06-30, before the year it covers had ended.
        let p = TT.problems(Self.seed000Workspace, code: "year", at: "R.reportDate.value")
        #expect(p.count == 1 && p[0].message.contains("2021") && p[0].message.contains("2022"))
    }

    @Test func aTotalThatDoesNotAddUpIsFoundAtItsInstitution() {
        let ws = Fixtures.setting(Self.seed000Workspace, "R.expenseUnit[2].basic", "1035.17")
        let p = TT.problems(ws, code: "equal")
        #expect(Set(p.compactMap(\.path)) == ["R.expenseUnit[2].total", "R.expenseUnit[2].basic"])
        #expect(p.allSatisfy { $0.severity == .error && $0.location.contains("市就业中心") })
        #expect(p.contains { $0.message.contains("1035.71") && $0.message.contains("1035.17") })
    }

    @Test func institutionsAreMatchedAcrossTheFourTables() {
        let ws = Fixtures.setting(Self.seed000Workspace, "R.sangongUnit[3].label", "市工伤保险中心")
        let p = TT.problems(ws, code: "equal", at: "R.sangongUnit[3].label")
        #expect(p.count == 1 && p[0].severity == .warning && p[0].message.contains("市工保中心"))
    }

    @Test func yearBalanceIsCheckedPerInstitution() {
        // 当年结余 = 收入合计 − 上年结转 − 支出合计: 社保中心 898.32 − 16.53 − 894.93 = −13.14.
        let ok = Fixtures.setting(Self.seed000Workspace, "R.expenseUnit[1].yearBalance", "-13.14")
        #expect(TT.problems(ok, code: "equal", at: "R.expenseUnit[1].yearBalance").isEmpty)
        let bad = Fixtures.setting(Self.seed000Workspace, "R.expenseUnit[1].yearBalance", "3.39")
        let p = TT.problems(bad, code: "equal", at: "R.expenseUnit[1].yearBalance")
        #expect(p.count == 1 && p[0].severity == .warning && p[0].message.contains("-13.14"))
    }

    // MARK: 评分表

    /// Seed 000's 评分表 inputs: what its report and narrative say, and for the rest the choices that give
    /// the points it printed (its 上年三公经费 is not stated: entered equal to this year's, change 0).
    static let seed000Rubric: [(String, String)] = [
        ("S.sangongPrev.amount", "38.28"), ("S.keySpending.rate", "90%"),
        ("S.budgetInitial.amount", "5312.72"), ("S.budgetFinal.amount", "7203.57"),  // the narrative's 预算安排 / 预算调整
        ("S.payment.count", "0"), ("S.sangongBudget.amount", "51.69"),               // "年初预算为51.69万元"
        ("S.sys1.met", "符合"), ("S.sys2.met", "符合"), ("S.sys3.met", "符合"), ("S.compliance.count", "0"),
        ("S.pub1.met", "符合"), ("S.pub2.met", "符合"), ("S.pub3.met", "符合"), ("S.pub4.met", "符合"), ("S.pub5.met", "符合"),
        ("S.procurement.rate", "100%"), ("S.card.rate", "50%"), ("S.as1.met", "符合"), ("S.as2.met", "符合"),
        ("S.assetSafety.count", "0"), ("S.duty1.points", "5"), ("S.duty2.points", "7"), ("S.duty3.points", "5"),
        ("S.duty4.points", "2"), ("S.duty5.points", "2"), ("S.duty6.points", "4"), ("S.economic.points", "5"),
        ("S.social.points", "5"), ("S.ecological.points", "5"), ("S.satisfactionRate.rate", "95%"),
    ]

    @Test func seed000RubricFromItsOwnFigures() {
        let ws = TT.set(Self.seed000Workspace, Self.seed000Rubric)
        // Computed from the report form: 257 ÷ 274 = 93.80% → 5; 38.28 ÷ 51.69 = 74.06% → 6; 141.03 ≤ 933.74 → 2;
        // 在用 = 合计 → 3. All as seed 000 printed them.
        #expect(ws.number("S.staffRate.points") == 5)
        #expect(ws.value("S.staffRate.figure") == .text("实有 257 人 ÷ 编制 274 人 = 93.8%"))
        #expect(ws.number("S.sangongControl.points") == 6)
        #expect(ws.value("S.sangongControl.figure") == .text("决算 38.28 万元 ÷ 预算 51.69 万元 = 74.06%"))
        #expect(ws.number("S.balance.points") == 2)
        #expect(ws.number("S.assetUse.points") == 3)
        // Seed 000 gave 预算调整率 3 of 3; its own narrative table (预算安排 5312.72, 预算调整 7203.57) is an
        // adjustment of 35.59%, which the rule scores 0.
        #expect(ws.value("S.adjustRate.figure") == .text("年初 5312.72 万元，调整后 7203.57 万元，调整率 35.59%"))
        #expect(ws.number("S.adjustRate.points") == 0)
        #expect(ws.number("S.total.points") == 96)
        #expect(ws.value("S.total.grade") == .text("优"))
        // …so the report's 综合得分 99 is flagged where it is typed.
        let p = TT.problems(ws, code: "equal", at: "R.overall.score")
        #expect(p.count == 1 && p[0].severity == .error && p[0].message.contains("96.00") && p[0].message.contains("99.00"))
        #expect(TT.problems(ws, code: "atMost", at: "R.overall.score").isEmpty)  // the ceiling check waits for a complete table
        #expect(TT.problems(ws, code: "required").isEmpty)
    }

    @Test func anEmptyFigureGivesEmptyPointsNeverZeroOrFull() {
        let ws = Self.seed000Workspace
        #expect(ws.value("S.keySpending.points") == .empty)
        #expect(ws.value("S.sangongChange.rate") == .empty)
        #expect(ws.value("S.sangongChange.points") == .empty)
        #expect(ws.value("S.total.points") == .empty)
        // What is known so far: 资金结余 2 of 3 (from the report); the rest counts at full weight.
        #expect(ws.number("S.total.max") == 99)
        let p = TT.problems(ws, code: "required", at: "S.keySpending.rate")
        #expect(p.count == 1 && p[0].severity == .warning)
    }

    /// The rubric's rules at their band edges (DOMAIN.md "Rubrics for the department as a whole").
    @Test(arguments: [
        // 财政供养人员控制率: ≤ 100% → 5; −0.5 per point over, down to 0.
        ("R.staff.actual", "274", "S.staffRate.points", "5"), ("R.staff.actual", "277", "S.staffRate.points", "4.45"),
        ("R.staff.actual", "302", "S.staffRate.points", "0"),
        // 重点支出安排率: ≥ 90 → 5; 80–90 → 4; 70–80 → 3; 60–70 → 2; < 60 → 0 (lower bounds inclusive).
        ("S.keySpending.rate", "90%", "S.keySpending.points", "5"), ("S.keySpending.rate", "89.99%", "S.keySpending.points", "4"),
        ("S.keySpending.rate", "80%", "S.keySpending.points", "4"), ("S.keySpending.rate", "70%", "S.keySpending.points", "3"),
        ("S.keySpending.rate", "60%", "S.keySpending.points", "2"), ("S.keySpending.rate", "59.99%", "S.keySpending.points", "0"),
        // 支付进度: −0.5 per late fund, down to 0.
        ("S.payment.count", "0", "S.payment.points", "3"), ("S.payment.count", "2", "S.payment.points", "2"),
        ("S.payment.count", "7", "S.payment.points", "0"),
        // 政府采购执行率 = 100% → 3, −0.2 per point below; 公务卡刷卡率 ≥ 50% → 3, −0.2 per point below.
        ("S.procurement.rate", "100%", "S.procurement.points", "3"), ("S.procurement.rate", "99%", "S.procurement.points", "2.8"),
        ("S.procurement.rate", "80%", "S.procurement.points", "0"), ("S.card.rate", "50%", "S.card.points", "3"),
        ("S.card.rate", "49.5%", "S.card.points", "2.9"), ("S.card.rate", "35%", "S.card.points", "0"),
        // 资金使用合规性 and 资产管理安全性: −1 per breach.
        ("S.compliance.count", "1", "S.compliance.points", "2"), ("S.assetSafety.count", "5", "S.assetSafety.points", "0"),
        // 满意度: ≥ 95 → 5; 85–95 → 3; 75–85 → 1; < 75 → 0.
        ("S.satisfactionRate.rate", "95%", "S.satisfactionRate.points", "5"), ("S.satisfactionRate.rate", "94.99%", "S.satisfactionRate.points", "3"),
        ("S.satisfactionRate.rate", "85%", "S.satisfactionRate.points", "3"), ("S.satisfactionRate.rate", "75%", "S.satisfactionRate.points", "1"),
        ("S.satisfactionRate.rate", "74.99%", "S.satisfactionRate.points", "0"),
    ])
    func ruleAtItsEdges(input: String, value: String, points: String, expected: String) {
        let ws = Fixtures.setting(Self.seed000Workspace, input, value)
        #expect(ws.number(points) == TT.d(expected))
    }

    @Test(arguments: [
        // 预算调整率 = 0 → 3; (0, 10%] → 2; (10, 20%] → 1; (20, 30%] → 0.5; > 30% → 0.
        ("100", "3"), ("110", "2"), ("110.01", "1"), ("120", "1"), ("130", "0.5"), ("130.01", "0"), ("90", "2"),
    ])
    func adjustmentRateBands(final: String, expected: String) {
        let ws = TT.set(Self.seed000Workspace, [("S.budgetInitial.amount", "100"), ("S.budgetFinal.amount", final)])
        #expect(ws.number("S.adjustRate.points") == TT.d(expected))
    }

    @Test(arguments: [
        // “三公经费”变动率 ≤ 0 → 5, −0.5 per point above; 控制率 ≤ 100% → 6, −1 per point over.
        ("38.28", "S.sangongChange.points", "5"), ("37.90", "S.sangongChange.points", "4.5"), ("30", "S.sangongChange.points", "0"),
    ])
    func sangongChangeBands(previous: String, points: String, expected: String) {
        // 38.28 this year: 37.90 last year is +1.00%; 30 last year is +27.6%.
        let ws = Fixtures.setting(Self.seed000Workspace, "S.sangongPrev.amount", previous)
        #expect(ws.number(points) == TT.d(expected))
    }

    @Test(arguments: [("38.28", "6"), ("37.90", "5"), ("19", "0")])
    func sangongControlBands(budget: String, expected: String) {
        let ws = Fixtures.setting(Self.seed000Workspace, "S.sangongBudget.amount", budget)
        #expect(ws.number("S.sangongControl.points") == TT.d(expected))
    }

    @Test func balanceAgainstLastYearsCarryOver() {
        // 141.03 ≤ 933.74 → 2 (above); none → 3; more than the carry-over → 0.
        let none = TT.set(Self.seed000Workspace, [("R.expenseBureau.accumulated", "0"), ("R.expenseUnit[1].accumulated", "0"), ("R.expenseUnit[4].accumulated", "0")])
        #expect(none.number("S.balance.points") == 3)
        let over = Fixtures.setting(Self.seed000Workspace, "R.expenseBureau.accumulated", "1000")
        #expect(over.number("S.balance.points") == 0)
    }

    @Test func checklistsCountTheItemsMet() {
        let ws = TT.set(Self.seed000Workspace, [("S.pub1.met", "符合"), ("S.pub2.met", "不符合"), ("S.pub3.met", "符合"),
                                               ("S.pub4.met", "符合"), ("S.pub5.met", "不符合")])
        #expect(ws.number("S.disclosure.points") == 2)  // 1 + 0.5 + 0.5
        #expect(ws.value("S.disclosure.figure") == .text("符合 3 项，共 5 项"))
        let partial = TT.set(Self.seed000Workspace, [("S.as1.met", "符合")])
        #expect(partial.value("S.assetSystem.points") == .empty)
    }

    @Test func enteredPointsStayWithinTheirWeight() {
        let ws = Fixtures.setting(Self.seed000Workspace, "S.duty2.points", "8")
        let p = TT.problems(ws, code: "atMost", at: "S.duty2.points")
        #expect(p.count == 1 && p[0].severity == .error && p[0].message.contains("7.00"))
    }

    @Test func gradeMustMatchTheScore() {
        let ws = Fixtures.setting(Self.seed000Workspace, "R.overall.grade", "良")
        let p = TT.problems(ws, code: "equal", at: "R.overall.grade")
        #expect(p.count == 1 && p[0].message.contains("「优」") && p[0].message.contains("「良」"))
    }

    // MARK: The seed 002 example

    @Test func seed002ExampleSaysWhatIsWrongWithIt() {
        let ws = TT.example("hunan-dept-report-2022")
        // 40 staff for 36 posts; 控制率 111.11% scores 0 of 5.
        #expect(TT.problems(ws, code: "atMost", at: "R.staff.actual").first?.severity == .warning)
        #expect(ws.number("S.staffRate.points") == 0)
        #expect(ws.value("S.staffRate.figure") == .text("实有 40 人 ÷ 编制 36 人 = 111.11%"))
        // 年初 987.68 → 1209.14: +22.42% → 0.5 of 3. So at most 100 − 5 − 2.5 = 92.5, against the 100 it claims.
        #expect(ws.number("S.adjustRate.points") == TT.d("0.5"))
        #expect(ws.number("S.total.max") == TT.d("92.5"))
        let ceiling = TT.problems(ws, code: "atMost", at: "R.overall.score")
        #expect(ceiling.count == 1 && ceiling[0].severity == .error && ceiling[0].message.contains("92.50"))
        // 评价等次 left empty; the narrative titled "2020年度".
        #expect(TT.problems(ws, code: "required", at: "R.overall.grade").count == 1)
        #expect(TT.problems(ws, code: "year", at: "R.reportTitle.value").count == 1)
        // The 汇总 rows, empty on paper, are computed; the 局机关 row's own arithmetic holds.
        #expect(ws.number("R.incomeAll.total") == TT.d("1209.14"))
        #expect(ws.number("R.expenseAll.basic") == TT.d("708.61"))
        #expect(TT.problems(ws, code: "equal").isEmpty)
        #expect(ws.errorsAndWarnings == (2, 27))
    }
}

extension Workspace {
    var errorsAndWarnings: (Int, Int) {
        let p = problems
        return (p.filter { $0.severity == .error }.count, p.filter { $0.severity == .warning }.count)
    }
}
