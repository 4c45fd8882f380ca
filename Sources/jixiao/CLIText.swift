/// What the command line says, in one place.
enum CLIText {
    static let noTemplates = "找不到任何模板。请在仓库的 templates/ 目录下运行，或设置 JIXIAO_TEMPLATES。"
    static let brokenTemplate = "（模板有误）"
    static func badYear(_ y: Int) -> String { "年度 \(y) 无效，应为 1990–2100 之间的整数。" }
    static func created(_ file: String, template: String, year: Int) -> String { "已新建草稿 \(file)（\(template)，\(year) 年度）。" }
    static func saved(_ file: String, count: Int) -> String { "已保存 \(file)（\(count) 处改动）。" }
    static func unchanged(_ file: String) -> String { "\n文件 \(file) 未改动。" }
    static func nothingChanged(_ file: String) -> String { "没有改动：各值与 \(file) 中的相同，文件未写入。" }
    static func addRowHint(_ what: String) -> String { "新增「\(what)」" }
}
extension CLIText {
    static let printWidthRange = 40...1000
    static func badPrintWidth(_ w: Int) -> String { "宽度 \(w) 无效，应为 \(printWidthRange.lowerBound)–\(printWidthRange.upperBound) 之间的整数。" }
    static func printRefused(errors: Int) -> String {
        "草稿还有 \(errors) 个错误，不能打印为定稿。请先改正下列错误，或加 --draft 打印标明「草稿」的版本："
    }
    static func cannotWrite(_ path: String, _ reason: String) -> String { "无法写入 \(path)：\(reason)" }
    static func wrote(_ path: String) -> String { "已写出 \(path)" }
}
