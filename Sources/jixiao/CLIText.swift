import JixiaoKit

/// What the command line says, in one place.
enum CLIText {
    static let noTemplates = "找不到任何模板。请在仓库的 templates/ 目录下运行，或设置 JIXIAO_TEMPLATES。"
    static let brokenTemplate = "（模板有误）"
    /// A whole-number option that is not one, or out of its range (`--projects=-5`, `--year 1e3`).
    static func badNumber(_ what: String, option: String, _ text: String, _ range: ClosedRange<Int>) -> String {
        "\(what)「\(text)」无效（--\(option)），应为 \(range.lowerBound)–\(range.upperBound) 之间的整数。"
    }
    static func tooManyGeneratedRows(_ rows: Int) -> String {
        "要生成的行数约为 \(rows)，超过上限 \(DraftGenerator.Sizes.maxRows)。请减小 --projects、--indicators、--named-rows 或 --rows。"
    }
    static func created(_ file: String, template: String, year: Int) -> String { "已新建草稿 \(file)（\(template)，\(year) 年度）。" }
    static func saved(_ file: String, count: Int) -> String { "已保存 \(file)（\(count) 处改动）。" }
    static func unchanged(_ file: String) -> String { "\n文件 \(file) 未改动。" }
    static func addRowHint(_ what: String) -> String { "新增「\(what)」" }
}
extension CLIText {
    static let printWidthRange = 40...1000
    static func printRefused(errors: Int) -> String {
        "草稿还有 \(errors) 个错误，不能打印为定稿。请先改正下列错误，或加 --draft 打印标明「草稿」的版本："
    }
    static func cannotWrite(_ path: String, _ reason: String) -> String { "无法写入 \(path)：\(reason)" }
    static func wrote(_ path: String) -> String { "已写出 \(path)" }
}
