import JixiaoKit
/// Words the generator builds plausible cell text from: unit, project and fund names, indicator
/// names, targets and reasons, people and phone numbers. None holds a four-digit year or a placeholder
/// word (某某, XX), so the year and placeholder checks stay quiet on generated drafts.
enum GeneratedText {
    static let places = ["岳阳市云溪区", "长沙市天心区", "株洲市荷塘区", "湘潭市雨湖区", "衡阳市蒸湘区", "常德市武陵区",
                         "益阳市赫山区", "郴州市北湖区", "永州市冷水滩区", "娄底市娄星区", "邵阳市大祥区", "怀化市鹤城区"]
    static let departments = ["人力资源和社会保障局", "财政局", "教育局", "农业农村局", "交通运输局", "卫生健康局",
                              "民政局", "自然资源局", "住房和城乡建设局", "文化旅游广电体育局", "市场监督管理局", "水利局"]
    static let subjects = ["业务培训", "政策宣传", "就业服务", "设备购置", "信息系统运维", "档案整理", "技能鉴定",
                           "社会保险经办", "劳动保障监察", "公共服务平台", "基础设施维护", "环境整治", "安全生产检查",
                           "农村道路养护", "校舍维修", "医疗救助", "养老服务", "河道保洁", "文化下乡", "食品抽检",
                           "困难群众帮扶", "创业担保贷款贴息", "职业技能提升", "人才引进", "防汛抗旱", "森林防火"]
    static let projectSuffixes = ["项目", "工作经费", "专项经费", "补助资金", "运行维护费"]
    static let fundSuffixes = ["专项资金", "补助经费", "奖补资金", "转移支付资金"]
    static let surnames = ["张", "王", "李", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"]
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞"]
    static let sentences = [
        "严格执行预算，按计划推进各项工作，资金使用规范。", "加强项目过程管理，定期调度进度，确保按期完成。",
        "完善内部控制制度，规范资金审批程序。", "强化绩效目标管理，做到目标明确、指标细化。",
        "及时开展自查自评，对发现的问题立行立改。", "提高服务质量，群众满意度稳步提升。",
        "压减一般性支出，节约的资金统筹用于重点工作。", "建立台账，做到账实相符、资料完整。",
    ]
    static let reasons = [
        "受客观因素影响，部分工作进度滞后；下一步将加强调度，确保按期完成。",
        "年中任务调整，实际完成值略低于年初目标；今后将科学设定指标值。",
        "资金到位较晚，影响实施进度；将提前谋划，加快资金拨付。",
    ]
    static let rateNames = ["合格率", "完成率", "覆盖率", "达标率", "验收合格率", "资金拨付率"]
    static let countNames = ["开展次数", "服务人次", "完成数量", "培训场次", "受益户数"]
    static let costNames = ["成本控制", "单位成本", "支出控制数"]
    static let timeNames = ["完成时限", "办结时限"]
    static let effectNames = ["社会效益", "经济效益", "工作成效", "可持续影响", "服务对象满意度"]
    static let countUnits = ["次", "人次", "个", "场", "户", "件"]
    static let qualitativeTargets = ["有效提升", "明显改善", "持续发挥作用", "按期完成", "稳步提高"]
    static let qualitativeActuals = ["达到预期", "有效提升", "已按期完成", "明显改善", "持续发挥作用"]

    static func person(_ rng: inout SeededRandom) -> String {
        rng.pick(surnames) + rng.pick(givenNames) + (rng.chance(0.5) ? rng.pick(givenNames) : "")
    }

    static func phone(_ rng: inout SeededRandom) -> String { "0730-\(rng.int(8_000_000...8_999_999))" }

    static func paragraph(_ rng: inout SeededRandom, sentences count: ClosedRange<Int>) -> String {
        (0..<rng.int(count)).map { _ in rng.pick(sentences) }.joined()
    }
}
