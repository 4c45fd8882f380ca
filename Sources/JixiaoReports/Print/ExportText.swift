import JixiaoKit
/// The words for printouts that were not written, each with what to do.
public enum ExportText {
    public static func message(_ e: ExportError) -> String {
        switch e {
        case let .protectedFile(p, role):
            return "不能把打印结果写到 \(p)：它是\(roleWord(role))，写入会毁掉它。请用 -o 另指一个文件名。"
        case let .notAnExport(p):
            return "\(p) 已存在，且不是 Jixiao 之前打印的同类文件，未覆盖。请换一个文件名，或确认可以覆盖后加 --force。"
        case let .link(p):
            return "\(p) 是符号链接，未写入（不会通过链接写到别处）。请换一个文件名，或加 --force 替换链接本身。"
        case let .notRegular(p):
            return "\(p) 不是普通文件（文件夹、管道或设备），未写入。请换一个文件名。"
        case let .noFreeName(p):
            return "\(p) 及其编号的备选文件名都已被其他文件占用，未写入。请清理草稿所在目录后重试。"
        case let .readOnly(p):
            return "无法写入 \(p)：目录或文件只读。草稿未受影响；请换一个可写的目录后重试。"
        case let .diskFull(p):
            return "无法写入 \(p)：磁盘已满。草稿未受影响；请清理空间后重试。"
        case let .writeFailed(p, reason):
            return "无法写入 \(p)：\(reason)。草稿未受影响，请重试。"
        }
    }

    static func roleWord(_ role: ExportError.ProtectedRole) -> String {
        switch role {
        case .draft: return "草稿本身"
        case .backup: return "草稿的备份（.bak）"
        case .lock: return "草稿的锁文件"
        case .recovery: return "草稿的恢复文件"
        }
    }
}
