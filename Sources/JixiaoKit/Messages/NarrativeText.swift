import Foundation

/// Every sentence about the 自评报告's prose, in one place for review.
public enum NarrativeText {
    public static let report = "自评报告"

    public static func location(_ heading: String) -> String { "\(report) · \(heading)" }

    public static func importSummary(sections: Int, of total: Int, skippedLines: Int) -> String {
        "已导入 \(sections)/\(total) 节" + (skippedLines > 0 ? "（报告开头前或附件后的 \(skippedLines) 行未导入）" : "") + "。"
    }

    public static func noHeadings(_ file: String, headings: [String]) -> String {
        "\(file) 中没有找到报告的任何一节标题（\(headings.joined(separator: "、"))）。请确认这是自评报告的文字部分，草稿未改动。"
    }

    public static func noOutline(_ template: String) -> String {
        "模板「\(template)」没有声明自评报告的提纲，无法导入报告。草稿未改动。"
    }

    public static func unreadableDocument(_ file: String, _ reason: String) -> String {
        "无法读取 \(file)：\(reason)。请提供 .txt（UTF-8）或 .docx 文件。草稿未改动。"
    }

    public static let notUTF8 = "文件不是 UTF-8 文字"
    public static let notDocx = "不是有效的 .docx 文件"
    public static let tooLarge = "文件太大"
    public static let unknownExtension = "只支持 .txt 和 .docx"
}
