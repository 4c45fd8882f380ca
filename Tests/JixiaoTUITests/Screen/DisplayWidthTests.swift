import Testing
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

@Suite struct DisplayWidthTests {
    @Test func hanCharactersTakeTwoCells() {
        #expect(DisplayWidth.width(of: "预算单位名称") == 12)
        #expect(DisplayWidth.width(of: "abc") == 3)
        #expect(DisplayWidth.width(of: "项目abc") == 7)
    }

    @Test(arguments: ["，", "（", "）", "：", "　", "、", "。", "；", "！", "？", "《", "》", "【", "】", "「", "」", "￥", "１", "Ａ"])
    func fullWidthPunctuationTakesTwoCells(_ text: String) {
        #expect(DisplayWidth.width(of: text) == 2, "\(text)")
    }

    @Test func kanaHangulAndExtensionBAreWide() {
        #expect(DisplayWidth.width(of: "カナ") == 4)
        #expect(DisplayWidth.width(of: "한국") == 4)
        #expect(DisplayWidth.width(of: "𠀀") == 2)  // U+20000, CJK extension B
    }

    @Test func combiningAndZeroWidthTakeNoCells() {
        #expect(DisplayWidth.width(of: "e\u{301}") == 1)  // é as e + combining acute
        #expect(DisplayWidth.width(of: Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.width(of: Unicode.Scalar(0x200B)!) == 0)  // zero-width space
        #expect(DisplayWidth.width(of: "a\u{200D}b") == 2)
        #expect(DisplayWidth.width(of: Unicode.Scalar(0x0A)!) == 0)
    }

    @Test func emojiAndAmbiguousCharacters() {
        #expect(DisplayWidth.width(of: "😀") == 2)
        #expect(DisplayWidth.width(of: "✅") == 2)
        #expect(DisplayWidth.width(of: "❤️") == 2)  // text-style heart made emoji by U+FE0F
        #expect(DisplayWidth.width(of: "─") == 1)
        #expect(DisplayWidth.width(of: "…") == 1)
        #expect(DisplayWidth.width(of: "é") == 1)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        let cut = DisplayWidth.truncate("预算单位名称", toWidth: 5)
        #expect(cut == "预算 ")  // 单 would straddle the edge: a space fills its half
        #expect(DisplayWidth.width(of: cut) == 5)
        #expect(DisplayWidth.truncate("预算单位名称", toWidth: 4) == "预算")
        #expect(DisplayWidth.truncate("ab预算", toWidth: 3) == "ab ")
        #expect(DisplayWidth.truncate("短", toWidth: 10) == "短")
        #expect(DisplayWidth.truncate("预算", toWidth: 0) == "")
    }

    @Test func truncationWithEllipsis() {
        #expect(DisplayWidth.truncate("预算单位名称", toWidth: 7, ellipsis: "…") == "预算单…")
        #expect(DisplayWidth.truncate("预算单位名称", toWidth: 6, ellipsis: "…") == "预算 …")
        #expect(DisplayWidth.truncate("预算", toWidth: 4, ellipsis: "…") == "预算")
    }

    @Test func fitPadsToExactWidth() {
        #expect(DisplayWidth.fit("金额", toWidth: 6) == "金额  ")
        #expect(DisplayWidth.fit("金额", toWidth: 6, alignment: .right) == "  金额")
        #expect(DisplayWidth.fit("金额", toWidth: 7, alignment: .center) == " 金额  ")
        #expect(DisplayWidth.fit("预算单位", toWidth: 5) == "预算 ")
        for w in 0...9 {
            #expect(DisplayWidth.width(of: DisplayWidth.fit("项目a名称", toWidth: w)) == w)
        }
    }

    @Test func stringExtensionAgrees() {
        #expect("绩效目标：".displayWidth == 10)
        #expect(Character("绩").displayWidth == 2)
        #expect("ab预算".dropFirst().displayWidth == 5)
    }
}
