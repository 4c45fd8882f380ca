/// What the terminal layer says when it cannot start, in Chinese (the app's other words are in the
/// TUI's UIText; these belong to the layer that detects the problem).
public enum TerminalText {
    public static let notATerminal =
        "jixiao 的表格界面需要在终端窗口中运行（标准输入和标准输出都必须是终端）。"
        + "若要在脚本中检查草稿，请使用 validate、score 或 print 子命令。"
    public static let termUnset =
        "没有设置 TERM 环境变量，无法确定终端类型。请先执行 export TERM=xterm-256color，再运行 jixiao。"
    public static func unknownTerminal(_ name: String) -> String {
        "无法识别终端类型“\(name)”（来自 TERM 环境变量）。请改用常见类型，例如 export TERM=xterm-256color，再运行 jixiao。"
    }
    public static let noUTF8Locale =
        "无法启用 UTF-8 字符集，中文将无法正常显示。请安装 UTF-8 区域设置（例如 C.UTF-8），或先执行 export LANG=C.UTF-8。"
    public static func tooSmall(minCols: Int, minRows: Int) -> String {
        "终端窗口太小：至少需要 \(minCols) 列 × \(minRows) 行。请放大窗口。"
    }
}
