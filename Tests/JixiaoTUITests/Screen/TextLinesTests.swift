import Testing
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

struct TextLinesTests {
    @Test func chineseBreaksAnywhereButBeforeAClosingMark() {
        #expect(TextLines.wrap("增加就业岗位，促进社会就业", width: 12) == ["增加就业岗", "位，促进社会", "就业"])
        #expect(TextLines.wrap("第一行\n第二行", width: 20) == ["第一行", "第二行"])
        #expect(TextLines.wrap("金额 2.585 万元", width: 8) == ["金额", "2.585 万", "元"])
    }

    @Test func anOpeningMarkNeverEndsALine() {
        // "（" would fit at the end of the first line; it goes down with the character it opens.
        #expect(TextLines.wrap("预算执行率（百分比）", width: 12) == ["预算执行率", "（百分比）"])
        #expect(TextLines.wrap("指标“产出数量”", width: 6) == ["指标", "“产出", "数量”"])
    }

    @Test func aPathBreaksAfterASlashNotInsideAName() {
        let lines = TextLines.wrap("可退出后删除 /home/会计/文档/示例区某某局-2023.json.lock 再打开。", width: 30)
        #expect(lines.contains("示例区某某局-2023.json.lock") || lines.contains { $0.hasPrefix("示例区某某局-2023.json.lock") }, "\(lines)")
        for l in lines { #expect(DisplayWidth.width(of: l) <= 30) }
        #expect(lines.joined() .replacingOccurrences(of: " ", with: "") == "可退出后删除/home/会计/文档/示例区某某局-2023.json.lock再打开。")
    }
}
