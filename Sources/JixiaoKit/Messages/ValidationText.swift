/// The words of the validation summary.
public enum ValidationText {
    public static let summaryHeading = ["文件", "单位", "年度", "错误", "警告", "提示", "总分", "等次"]
    public static let csvHeading = ["文件", "单位", "年度", "严重程度", "路径", "位置", "问题", "代码"]
    public static let unreadable = "无法读取"
    public static func summaryTitle(_ n: Int) -> String { "汇总（\(n) 份草稿）：" }
    public static func noDrafts(_ dir: String) -> String { "目录 \(dir) 中没有草稿（*.json）。" }
}
