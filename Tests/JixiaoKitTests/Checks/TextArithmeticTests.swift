import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, class 6: a text that states a total and parts that add up to more; conservative, so the
/// many texts whose figures add up (or that list unrelated figures) say nothing.
struct TextArithmeticTests {
    @Test(arguments: [
        "共受理 120 件，已办结 100 件，正在办理 30 件",
        "组织 224 场招聘活动，其中线下 153 场，线上 81 场",
        "本年支出 70 万元，其中：人员支出 50 万元、公用支出 30 万元。",
        "共受理１２０件，已办结１００件，尚在办理３０件",
    ])
    func trips(_ text: String) {
        #expect(TextArithmetic.contradictions(in: text).count == 1, "\(text)")
    }

    @Test(arguments: [
        // Parts that add up, a partial breakdown, a breakdown then an unrelated figure of the same unit.
        "组织 224 场招聘活动，其中线下 153 场，线上 71 场，发放宣传材料 6 万余份",
        "共办结案件 36 件，其中立案 5 件，协调处理 31 件",
        "基本支出 100 万元，其中人员支出 60 万元，公用支出 30 万元",
        "实有人员 50 人，其中：行政编制 30 人，事业编制 20 人，离退休人员 70 人",
        // A clause that starts something else ends the parts; approximate figures and asides are not read.
        "新增援助对象 73 名，其中 14 名为二次援助，同时到期清退 108 名",
        "专项支出 100 万元，其中：业务经费 60 万元（工本费 50 万元、监管 40 万元），运行经费 40 万元",
        "共计 600 余人次参观，已接待 500 人次，已培训 400 人次",
        "决算支出 7.5 万元，其中公务接待费 5.18 万元，公务用车 2.32 万元，比上年减少 14,293.93 元",
        // Two 其中 in a sentence, different units, one part only, no total.
        "发放 100 份，其中回收 90 份，其中有效 85 份",
        "共受理 120 件，已办结 100 万元，正在办理 30 件",
        "共受理 120 件，已办结 130 件",
        "已办结 100 件，正在办理 30 件",
    ])
    func saysNothing(_ text: String) {
        #expect(TextArithmetic.contradictions(in: text).isEmpty, "\(text)")
    }

    @Test func aDraftsTextIsChecked() {
        let ws = Fixtures.setting(Fixtures.example(), "B.goal[1].achieved", "共受理 120 件，已办结 100 件，正在办理 30 件。")
        let found = ws.worded.filter { $0.code == "textArithmetic" }
        #expect(found.map(\.path) == ["B.goal[1].achieved"])
        #expect(found.first?.severity == .warning && found.first?.message.contains("100 + 30 = 130件") == true && found.first?.message.contains("120件") == true)
    }

    @Test func theExamplesTextsAddUp() {
        for name in ["henan-dept-2022", "hunan-dept-report-2022", "hunan-unit-2023"] {
            #expect(TT.example(name).worded.filter { $0.code == "textArithmetic" }.isEmpty, "\(name)")
        }
    }
}
