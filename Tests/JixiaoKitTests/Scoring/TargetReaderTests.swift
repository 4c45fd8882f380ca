import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

private typealias F = ScoringFixtures

struct TargetCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: TargetReading
    var testDescription: String { "readTarget(\(input.debugDescription))" }

    static func up(_ s: String, _ v: String, _ u: String) -> TargetCase {
        TargetCase(input: s, expected: .quantitative(.higherIsBetter, F.m(v, u)))
    }
    static func down(_ s: String, _ v: String, _ u: String) -> TargetCase {
        TargetCase(input: s, expected: .quantitative(.lowerIsBetter, F.m(v, u)))
    }
    static func eq(_ s: String, _ v: String, _ u: String) -> TargetCase {
        TargetCase(input: s, expected: .quantitative(.equal, F.m(v, u)))
    }
    /// Qualitative readings carry the trimmed text.
    static func word(_ s: String) -> TargetCase {
        TargetCase(input: s, expected: .qualitative(s.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}

struct ActualCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: Measure?
    var testDescription: String { "readActual(\(input.debugDescription))" }

    static func value(_ s: String, _ v: String, _ u: String) -> ActualCase { ActualCase(input: s, expected: F.m(v, u)) }
    static func none(_ s: String) -> ActualCase { ActualCase(input: s, expected: nil) }
}

/// The 年度指标值 cells of seeds 000–003, as extracted (line breaks and stray spaces included).
private let seedTargets: [TargetCase] = [
    // seed 001 附件2
    .up("6000人", "6000", "人"),
    .up("≥100人", "100", "人"),
    .up("≥5500份", "5500", "份"),
    .up("\n≥0起", "0", "起"),
    .up("100%", "100", "%"),
    .up("86人", "86", "人"),
    .up("77起", "77", "起"),
    .up("400人", "400", "人"),
    .up("1000人", "1000", "人"),
    .up("1350人", "1350", "人"),
    .up("3500人", "3500", "人"),
    .up("27000人", "27000", "人"),
    .up("200人", "200", "人"),
    .up("8200人", "8200", "人"),
    .up("90%以上", "90", "%"),
    .up("98%", "98", "%"),
    .down("≤55%", "55", "%"),
    .down("≤4.5%", "4.5", "%"),
    .down("\n≤30天内", "30", "天"),
    .word("不超过预算投入"),
    .word("有效促进"),
    .word("有效保障"),
    .up("≥95%", "95", "%"),
    .up("\n≥95%", "95", "%"),
    // seed 001 附件3-1 … 3-7
    .up("≥5000份", "5000", "份"),
    .word("12个月"),
    .down("≤57万元", "57", "万元"),
    .down("≤5万元 ", "5", "万元"),
    .down("≤35万元", "35", "万元"),
    .down("≤20万元", "20", "万元"),
    .word("正常运转"),
    .word("规范整理国企退休人员档案"),
    .word("有效提升"),
    .up("4012平方米", "4012", "平方米"),
    .up("55件", "55", "件"),
    .down("30天内完成", "30", "天"),
    .down("≤101万元", "101", "万元"),
    .word("有效优化"),
    .up("80人", "80", "人"),
    .word("无挪用\n专项专用"),
    .down("≤207.36万元", "207.36", "万元"),
    .word("提升工作人员的工作效率"),
    .word("三区两通道"),
    .word("15天"),
    .down("≤62.64万元", "62.64", "万元"),
    .up("45人", "45", "人"),
    .up("17人", "17", "人"),
    .up("24人", "24", "人"),
    .word("2023年内完成"),
    .down("≤48.24万元", "48.24", "万元"),
    .down("≤12万元", "12", "万元"),
    .down("≤30万元", "30", "万元"),
    .word("全面落实"),
    .up("19人", "19", "人"),
    .word("无挪用，专项专用"),
    .down("60天内", "60", "天"),
    .down("≤90万元", "90", "万元"),
    .up("10个", "10", "个"),
    .word("2023年内"),
    // seed 003 附件1 (Henan)
    .word("相关"), .word("科学"), .word("合理"), .word("完整"), .word("真实"), .word("合规"),
    .word("健全"), .word("公开"), .word("规范"), .word("提高"),
    .down("≤10%", "10", "%"),
    .down("≤20%", "20", "%"),
    .down("≤100%", "100", "%"),
    .up("≥90%", "90", "%"),
    // seed 000 / 002: targets written as sentences stay qualitative
    .word("指标2：城镇调查失业率在5.5%以内"),
    .word("指标1:城镇新增就业5.9万人"),
    .word("指标1：年内新发放创业担保贷款2亿元以上"),
    .word("指标1：服务对象满意率达到95%以上"),
    .word("指标1：2021年12月31日前完成各项考核任务"),
    .word("指标1：“三公”经费控制在年初预算经费内"),
    .word("重点支出安排率≥90%，计5分"),
    .word("95%（含）以上计5分；"),
    .word("低于75%计0分。"),
    .word("无"),
    .word("指标1：资金按时支付率"),
    .word("政府得民心，群众得满意"),
]

/// Spellings from the brief and from Chinese input methods: full-width, ASCII digraphs, words.
private let spellings: [TargetCase] = [
    .up("≥５５００份", "5500", "份"),
    .up("９０％以上", "90", "%"),
    .down("≤４．５％", "4.5", "%"),
    .up("８２００人", "8200", "人"),
    .up(">=95%", "95", "%"),
    .up("＞＝95%", "95", "%"),
    .up("＞＝９５％", "95", "%"),
    .up("大于等于95%", "95", "%"),
    .up("≧95%", "95", "%"),
    .down("<=4.5%", "4.5", "%"),
    .down("＜＝4.5%", "4.5", "%"),
    .down("小于等于4.5%", "4.5", "%"),
    .up("不低于95%", "95", "%"),
    .up("至少3次", "3", "次"),
    .down("控制在5%以内", "5", "%"),
    .down("控制在５％以内", "5", "%"),
    .down("低于3%", "3", "%"),
    .eq("=0", "0", ""),
    .eq("＝０", "0", ""),
    .eq("0起", "0", "起"),
    .up("≥0起", "0", "起"),
    .up("80人以上", "80", "人"),
    .up("95%及以上", "95", "%"),
    .up("95%(含)以上", "95", "%"),
    .up("≥95%（含）", "95", "%"),
    .up("达到95%以上", "95", "%"),
    .down("≤30天内", "30", "天"),
    .down("15日内", "15", "天"),
    .up("≥95 %", "95", "%"),
    .up("1,000人", "1000", "人"),
    .up("１，０００人", "1000", "人"),
    .down("≤11.04万", "11.04", "万元"),
    .up("100%。", "100", "%"),
    .up("≥4012㎡", "4012", "平方米"),
    .eq("=5", "5", ""),
    // Contradictory, ranged, dated or unknown: never a guess.
    .word("≥55%以内"),
    .word("=0以上"),
    .word("80%-90%"),
    .word("80-90%"),
    .word("约95%"),
    .word("95%左右"),
    .word("12月31日前"),
    .word("2023"),
    .word("2023年"),
    .word("3年"),
    .word("≥"),
    .word("%"),
    .word(""),
    .word("   "),
    .word("1.2.3%"),
    .word("95%%"),
    .word("≥≥95%"),
]

private let seedActuals: [ActualCase] = [
    .value("6000人", "6000", "人"),
    .value("374人", "374", "人"),
    .value("5500份", "5500", "份"),
    .value("509起", "509", "起"),
    .value("\n\n\n77起", "77", "起"),
    .value("447人", "447", "人"),
    .value("1026人", "1026", "人"),
    .value("2297人", "2297", "人"),
    .value("6305人", "6305", "人"),
    .value("27612人", "27612", "人"),
    .value("8854人", "8854", "人"),
    .value("100%", "100", "%"),
    .value("99%", "99", "%"),
    .value("≤3.5%", "3.5", "%"),
    .value("1034.36万元", "1034.36", "万元"),
    .value("98%", "98", "%"),
    .value("47.96万元", "47.96", "万元"),
    .value("5万元 ", "5", "万元"),
    .value("35万元", "35", "万元"),
    .value("4012平方米", "4012", "平方米"),
    .value("55件", "55", "件"),
    .value("101万元", "101", "万元"),
    .value("207.36万元", "207.36", "万元"),
    .value("62.64万元", "62.64", "万元"),
    .value("48.24万元", "48.24", "万元"),
    .value("11.04万", "11.04", "万元"),
    .value("25.41万元", "25.41", "万元"),
    .value("60天内", "60", "天"),
    .value("90万元", "90", "万元"),
    .value("10个", "10", "个"),
    .value("0.1%", "0.1", "%"),
    .value("0%", "0", "%"),
    .value("98.95%", "98.95", "%"),
    .value("5.2%", "5.2", "%"),
    .value("6.45万人", "6.45", "万人"),
    .value("3.53亿元", "3.53", "亿元"),
    .value("１２３．５％", "123.5", "%"),
    .value("-3%", "-3", "%"),
    .none("12月31日\n前完成"),
    .none("12月31日前完成"),
    .none("有效促进"),
    .none("无挪用\n专项专用"),
    .none("一般合理"),
    .none("(100%)"),
    .none("(0.1%)"),
    .none("结案率达99 %以上"),
    .none("服务对象满意率达到95%以上"),
    .none("本部门群众满意度为100%"),
    .none("已按时、按质、按量、超额完成目标任务"),
    .none("2023"),
    .none(""),
]

@Suite struct ScoringTargetReaderTests {
    @Test(arguments: seedTargets)
    func seedTarget(_ c: TargetCase) {
        #expect(TargetReader.readTarget(c.input) == c.expected)
    }

    @Test(arguments: spellings)
    func spelling(_ c: TargetCase) {
        #expect(TargetReader.readTarget(c.input) == c.expected)
    }

    @Test(arguments: seedActuals)
    func actual(_ c: ActualCase) {
        #expect(TargetReader.readActual(c.input) == c.expected)
    }

    @Test func tableCoversAtLeastSixtySeedStrings() {
        #expect(Set(seedTargets.map(\.input)).count + Set(seedActuals.map(\.input)).count >= 60)
    }

    @Test func measureDescriptionIsTrimmed() {
        #expect(F.m("47.960", "万元").description == "47.96万元")
        #expect(F.m("100", "%").description == "100%")
    }

    /// Random junk built from the characters the grammar cares about must never crash, and whatever is
    /// read as quantitative must come from text that really holds that number.
    @Test func junkNeverCrashes() {
        var rng = F.SplitMix64(seed: 0x5EED_0001)
        let pool: [String] = ["≥", "≤", ">", "<", "=", "＞", "＝", "以上", "以内", "内", "完成", "控制在", "不低于",
                              "0", "1", "5", "9", ".", ",", "-", "+", "%", "％", "万", "万元", "人", "天", "个月",
                              "年", "月", "日", "(", ")", "（含）", " ", "\n", "１", "．", "有效", "无"]
        for _ in 0..<3000 {
            let n = Int.random(in: 0...8, using: &rng)
            let s = (0..<n).map { _ in rng.pick(pool) }.joined()
            let reading = TargetReader.readTarget(s)
            if case .quantitative(_, let m) = reading {
                let hasDigit = FullWidth.fold(s).contains { $0.isNumber }
                #expect(hasDigit, "\(s.debugDescription) read as \(m)")
            }
            _ = TargetReader.readActual(s)
        }
    }
}
