/// The words for refused edits, with what to do.
public enum EditText {
    public static func message(_ e: EditError) -> String {
        switch e {
        case let .badPath(p): return "路径「\(p)」写法不对。格式为 表.行.列，如 A.staff.actual、C[2].total.actual、B.quantity[+].name；用 jixiao fields 查看全部路径。"
        case let .unknownForm(f): return "没有表「\(f)」。用 jixiao fields 查看本模板的表。"
        case let .unknownRow(f, r): return "表 \(f) 中没有行「\(r)」。用 jixiao fields 查看全部路径。"
        case let .unknownColumn(r, c): return "行「\(r)」没有列「\(c)」。"
        case let .noSuchInstance(p, n): return "「\(p)」不存在（现有 \(n) 个）。用 [+] 新增一个。"
        case let .notRepeated(r): return "「\(r)」不是可增删的重复行或表。"
        case let .computed(p): return "「\(p)」是自动计算的格子，不能填写。"
        case let .badValue(p, m): return "「\(p)」：\(m)"
        case let .unknownParameter(p): return "本模板没有参数「\(p)」。"
        case let .badOption(p, v, o): return "参数「\(p)」不能是「\(v)」，可选：\(o.joined(separator: "、"))。"
        case let .lastInstance(p): return "「\(p)」是最后一个，不能删除。"
        case let .badIndex(p, i):
            return "路径「\(p)」中的序号「\(i)」无效：序号是从 1 开始的整数（[1] 为第一个），[+] 新增一个，[$] 为最后一个。"
        case let .tooManyInstances(f): return "表 \(f) 已有 \(Limits.projects.upperBound) 份，达到上限，不能再新增。"
        case let .tooLong(p, n, limit): return "「\(p)」的内容有 \(n) 字节，超过每格上限 \(limit) 字节（约 \(limit / 3) 个汉字），未填入。请缩短后重试。"
        case let .unknownReportSection(id): return "本模板的自评报告没有「\(id)」这一节。"
        }
    }

    public static func notAnOption(_ v: String, _ options: [String]) -> String {
        "「\(v)」不在可选项中（\(options.joined(separator: "、"))）。"
    }
}
