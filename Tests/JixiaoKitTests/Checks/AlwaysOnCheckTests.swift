import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, items 10 and 11: every `required` of the template is checked (a special fund's 专项名称),
/// and a percent cell holding a ratio among whole percents is questioned.
struct AlwaysOnCheckTests {
    @Test func aSpecialFundWithoutItsNameIsAnError() {
        let ws = Fixtures.setting(Fixtures.example(), "A.specialItem[1].label", "")
        let found = TT.problems(ws, code: "required", at: "A.specialItem[1].label")
        #expect(found.count == 1 && found[0].severity == .error && found[0].message.contains("专项名称"))
        #expect(TT.problems(Fixtures.example(), code: "required").isEmpty)
        // `fields` marks every such cell required: what validate checks is what fields promises.
        let ev = ws.evaluation
        #expect(FillableCells.list(ev).first { $0.address.row == "specialItem" && $0.address.column == CellAddress.labelColumn }?.required == true)
    }

    @Test func aNamedRowOfAnotherFamilyToo() {
        let ws = TT.set(TT.example("hunan-dept-report-2022"), [("R.incomeUnit[+].label", "某中心"), ("R.incomeUnit[$].label", "")])
        let found = TT.problems(ws, code: "required").filter { $0.path?.hasSuffix(".label") == true }
        #expect(found.count == 1 && found[0].message.contains("二级机构名称"))
    }

    static func rubric(_ pairs: [(String, String)]) -> Workspace {
        TT.set(Fixtures.example(), pairs)
    }

    @Test func aRatioAmongWholePercentsIsQuestioned() {
        let ws = Self.rubric([("S.keySpending.rate", "0.95"), ("S.card.rate", "100"), ("S.assetUse.rate", "98%")])
        let found = TT.problems(ws, code: "percentPoints")
        #expect(found.map(\.path) == ["S.keySpending.rate"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("0.95%") == true && found.first?.message.contains("95%") == true)
    }

    @Test func percentsThatAgreeAreLeftAlone() {
        // Whole percents, a lone small figure, small figures together, a fraction of a percent among fractions.
        for pairs in [[("S.keySpending.rate", "95"), ("S.card.rate", "100")],
                      [("S.keySpending.rate", "0.95")],
                      [("S.keySpending.rate", "0.95"), ("S.card.rate", "0.5")],
                      [("S.keySpending.rate", "1.2"), ("S.card.rate", "97.5"), ("S.assetUse.rate", "88.25")],
                      [("S.keySpending.rate", "0"), ("S.card.rate", "100")]] {
            #expect(TT.problems(Self.rubric(pairs), code: "percentPoints").isEmpty, "\(pairs)")
        }
        for name in ["henan-dept-2022", "hunan-dept-report-2022", "hunan-unit-2023"] {
            #expect(TT.problems(TT.example(name), code: "percentPoints").isEmpty, "\(name)")
        }
    }
}
