import Foundation
import JixiaoKit

/// The words for draft and template files that cannot be read or written, each with what to do.
public enum DraftText {
    /// Every random temporary name tried was already taken (someone is planting them).
    static let temporaryNamesTaken = "临时文件名均已被占用"

    public static func message(_ e: DraftError) -> String {
        switch e {
        case let .unreadable(p, r): return "无法读取 \(p)：\(r)。请检查文件权限。"
        case let .notFound(p): return "找不到文件 \(p)。请检查路径，或用 jixiao new 新建草稿。"
        case let .notRegular(p): return "\(p) 不是普通文件（是符号链接、管道、设备或目录），未打开。请直接指定草稿文件本身。"
        case let .tooLarge(p, n): return "\(p) 有 \(n) 字节，超过草稿上限 \(DraftCodec.maxBytes) 字节（\(DraftCodec.maxBytes >> 20) MiB），未读取。请确认选对了文件。"
        case let .syntax(p, s): return "\(p) 第 \(s.line) 行第 \(s.column) 列：JSON 格式损坏（\(syntaxReason(s.reason))）。文件未被改动；可用备份 \(p).bak 恢复，或修正该处后重试。"
        case let .notADraft(p): return "\(p) 不是 Jixiao 草稿（缺少 \"format\": \"jixiao-draft\"）。文件未被改动。"
        case let .unsupportedVersion(p, v): return "\(p) 的草稿格式版本为 \(v)，本程序只支持版本 1。请用较新版本的 Jixiao 打开。文件未被改动。"
        case let .newerTemplate(p, id, found, installed): return "\(p) 是用模板「\(id)」\(found) 版填写的，比本机安装的 \(installed) 版新。为免按旧版改写而丢失内容，未打开。文件未被改动；请更新 Jixiao 及其模板后再打开。"
        case let .missingTemplate(p, id): return "\(p) 需要模板「\(id)」，但找不到它。请用 jixiao templates 查看已有模板，或设置 JIXIAO_TEMPLATES 指向模板目录。文件未被改动。"
        case let .structure(p, entry, expected, found): return "\(p) 中 \(entry) 应为\(expected)，实际是\(found)。文件未被改动；请修正该处或用备份 \(p).bak 恢复。"
        case let .unknownCell(p, entry): return "\(p) 中 \(entry) 不是本模板的格子（可能来自其他模板或版本）。文件未被改动。"
        case let .unknownField(p, entry): return "\(p) 中有本程序不认识的字段 \(entry)（可能由较新版本的 Jixiao 或其他程序写入）。为免下次保存时把它丢掉，未打开。文件未被改动；请删除该字段，或用写入它的程序打开。"
        case let .badYear(p, y): return "\(p) 的年度「\(y)」无效，应为 1990–2100 之间的整数。文件未被改动。"
        case let .readOnly(p): return "无法保存 \(p)：目录或文件只读。原文件未被改动；请换一个可写的目录另存，或修改权限后重试。"
        case let .fileReadOnly(p): return "无法保存 \(p)：该文件只读（没有写权限），未被替换。原文件未被改动；请另存为新文件，或用 chmod u+w 恢复写权限后重试。"
        case let .diskFull(p): return "无法保存 \(p)：磁盘已满。原文件未被改动；请清理空间后重试。"
        case let .changedOnDisk(p): return "\(p) 在打开后被其他程序改动过，为免覆盖未保存。请另存为新文件，或重新打开后再改。"
        case let .exists(p): return "\(p) 刚被其他程序创建，未覆盖。请重试（将另选文件名）。"
        case let .inUse(p, h): return "\(p) 正在被 jixiao 编辑（\(holderText(h))），未等待，也未保存。请在该程序中填写并保存，或退出它后重试。"
        case let .busy(p, s): return "\(p) 正在被另一个程序保存，等待 \(s) 秒仍未结束，未保存。原文件未被改动；请稍后重试。"
        case let .cellTooLong(p, cell, n, limit) where cell.hasPrefix("report."):
            return "无法保存 \(p)：自评报告的一节 \(cell) 有 \(n) 字节，超过每节上限 \(limit) 字节，保存后将无法再打开，故未写入。原文件未被改动；请缩短这一节。"
        case let .cellTooLong(p, cell, n, limit): return "无法保存 \(p)：格子 \(cell) 有 \(n) 字节，超过每格上限 \(limit) 字节，保存后将无法再打开，故未写入。原文件未被改动；请缩短该格内容。"
        case let .draftTooLarge(p, n, limit): return "无法保存 \(p)：草稿有 \(n) 字节，超过上限 \(limit) 字节（\(limit >> 20) MiB），保存后将无法再打开，故未写入。原文件未被改动；请减少项目或行数。"
        case let .writeFailed(p, r): return "保存 \(p) 失败：\(r)。原文件未被改动，请重试。"
        }
    }

    /// Who holds a draft's lock, for messages: pid, user, host, since when.
    public static func holderText(_ h: LockInfo) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return "进程 \(h.pid)，用户 \(h.user)，主机 \(h.host)，自 \(f.string(from: h.since)) 起"
    }

    static func syntaxReason(_ r: JSONSyntaxError.Reason) -> String {
        switch r {
        case .unexpectedEnd: return "文件在此意外结束，可能被截断"
        case let .unexpectedCharacter(c): return "此处不应出现「\(c)」"
        case .badEscape: return "转义字符无效"
        case .badNumber: return "数字写法无效"
        case .tooDeep: return "嵌套层数过多"
        case .trailingContent: return "内容结束后还有多余字符"
        case .invalidUTF8: return "不是有效的 UTF-8 文字"
        case let .duplicateKey(k): return "键「\(k)」重复出现；不同程序会读到不同的值，请只保留一个"
        }
    }

    /// A long formula or value cut for a message: the start says which one it is.
    static func clip(_ s: String) -> String { s.count > 60 ? String(s.prefix(60)) + "…" : s }

    public static func template(_ e: TemplateError) -> String {
        let whereText = e.entry.isEmpty ? e.file : "\(e.file) 的 \(e.entry)"
        let what: String
        switch e.reason {
        case let .unreadable(p): return "找不到或无法读取模板 \(e.file)（查找位置：\(p)）。"
        case let .syntax(s): return "模板 \(e.file) 第 \(s.line) 行第 \(s.column) 列：JSON 格式损坏（\(syntaxReason(s.reason))）。"
        case let .missing(f): what = "缺少字段「\(f)」"
        case let .wrongType(x, y): what = "应为\(x)，实际是\(y)"
        case let .unsupportedFormat(n): what = "模板格式版本 \(n) 不受支持（本程序支持版本 1）"
        case let .duplicateID(id): what = "编号「\(id)」重复"
        case let .unknownCell(c): what = "引用了不存在的格子「\(c)」"
        case let .unknownColumnKind(k): what = "未知的格子类型「\(k)」（可用：\(CellKind.allCases.map(\.rawValue).joined(separator: ", "))）"
        case let .unknownCheckKind(k): what = "未知的校验规则「\(k)」（可用：\(CheckSpec.Kind.allCases.map(\.rawValue).joined(separator: ", "))）"
        case let .unknownSeverity(s): what = "未知的严重程度「\(s)」（可用：error, warning, info）"
        case let .badFormula(t, pos): what = "公式「\(t)」第 \(pos + 1) 个字符处写法不对"
        case let .unknownFunction(f): what = "未知的函数「\(f)」"
        case let .unknownForm(f): what = "引用了不存在的表「\(f)」"
        case let .formulaCycle(c): what = "公式循环引用：\(c.joined(separator: " → "))"
        case let .foreignReferenceInComputedCell(c): what = "计算格 \(c) 引用的表本身又引用其他表；跨表引用只能有一层"
        case let .nestedRepeat(r): what = "重复行「\(r)」位于另一个重复行之下，不支持嵌套"
        case let .badNumber(n): what = "「\(n)」不是数字"
        case let .tooLarge(n): return "模板 \(e.file) 有 \(n) 字节，超过模板大小上限 \(Limits.templateBytes >> 20) MiB，未读取。请确认选对了文件。"
        case let .formulaTooLong(n): what = "公式有 \(n) 个字符，超过上限 \(Limits.formulaLength)。请拆成几个计算格"
        case let .formulaTooDeep(t):
            what = "公式「\(clip(t))」嵌套超过 \(Limits.formulaDepth) 层（括号、函数、负号和连续的运算符各算一层）。请拆成几个计算格，长串加法改用 sum(…)"
        case let .roundDigits(t, n):
            let digits = Limits.roundDigits
            what = "公式「\(clip(t))」中 round 的位数\(n.map { "「\($0)」" } ?? "不是常数")：应为 \(digits.lowerBound) 到 \(digits.upperBound) 之间的整数常数，如 round(x, 2)"
        case let .outOfRange(v, r): what = "「\(clip(v))」超出范围，应为 \(r.lowerBound) 到 \(r.upperBound) 之间的整数"
        case let .tooMany(c, n):
            let noun: String
            switch c {
            case .forms: noun = "表的数量"
            case .rowsInForm: noun = "这张表的行数（含子行，重复行算一行）"
            case .columnsInSection: noun = "这一栏的列数"
            }
            what = "\(noun)已超过上限 \(c.limit)（至少 \(n)）"
        }
        return "模板 \(whereText)：\(what)。"
    }
}
