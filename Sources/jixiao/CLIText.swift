import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoGenerate

/// What the command line says, in one place.
enum CLIText {
    static let noTemplates = "找不到任何模板。模板应随程序安装在 /usr/share/jixiao/templates 或 ~/.local/share/jixiao/templates（man jixiao 的 FILES 一节列出全部位置）；请重新安装 jixiao，或设置 JIXIAO_TEMPLATES 指向模板目录。"
    static let brokenTemplate = "（模板有误）"
    /// A whole-number option that is not one, or out of its range (`--projects=-5`, `--year 1e3`).
    static func badNumber(_ what: String, option: String, _ text: String, _ range: ClosedRange<Int>) -> String {
        "\(what)「\(text)」无效（--\(option)），应为 \(range.lowerBound)–\(range.upperBound) 之间的整数。"
    }
    static func tooManyGeneratedRows(_ rows: Int) -> String {
        "要生成的行数约为 \(rows)，超过上限 \(DraftGenerator.Sizes.maxRows)。请减小 --projects、--indicators、--named-rows 或 --rows。"
    }
    static func created(_ file: String, template: String, year: Int) -> String { "已新建草稿 \(file)（\(template)，\(year) 年度）。" }
    static func exists(_ file: String) -> String { "\(file) 已存在，未覆盖。请用 -o 换一个文件名。" }
    static func saved(_ file: String, count: Int) -> String { "已保存 \(file)（\(count) 处改动）。" }
    static func unchanged(_ file: String) -> String { "\n文件 \(file) 未改动。" }
    static func nothingChanged(_ file: String) -> String { "没有改动：各值与 \(file) 中的相同，文件未写入。" }
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
extension CLIText {
    /// The manual page's own words; the rest of the page is the commands' help.
    enum Manual {
        static let header = "用户命令 / User Commands"
        static func values(_ list: String) -> String { "可选值 / Values: \(list)" }
        static func defaultValue(_ v: String) -> String { "默认 / Default: \(v)" }
        static let templateSearch = "模板按以下顺序查找，同名的以先找到的为准 / Templates are looked for in this order; of two with the same id, the first found is used:"
        static let templateDirectories: [(path: String, meaning: String)] = [
            ("$JIXIAO_TEMPLATES", "冒号分隔的目录 / Colon-separated folders."),
            ("$XDG_DATA_HOME/jixiao/templates", "自己的模板，默认 ~/.local/share/jixiao/templates / Your own templates."),
            ("<bin>/../share/jixiao/templates", "随程序安装的模板，如 /usr/bin/jixiao 对应 /usr/share/jixiao/templates / Installed with the binary: /usr/share/jixiao/templates for /usr/bin/jixiao."),
            ("templates/", "程序旁或其上几级目录中，即源码仓库中运行时 / Beside or above the binary, as in a clone of the source."),
        ]
        static let draftFiles = """
        草稿 NAME.json 每次保存时上一版留作 NAME.json.bak；未保存的改动随时记入 .NAME.json.recovery（目录不可写时记入 $XDG_STATE_HOME/jixiao/recovery）。
        Each save keeps the previous NAME.json as NAME.json.bak; unsaved edits are kept in .NAME.json.recovery (in $XDG_STATE_HOME/jixiao/recovery when the folder cannot be written).
        """
        static let environment: [(name: String, meaning: String)] = [
            ("JIXIAO_TEMPLATES", "先于其他位置查找的模板目录（冒号分隔）/ Template folders searched first (colon-separated)."),
            ("XDG_DATA_HOME", "自己的模板在其下 jixiao/templates，默认 ~/.local/share / Your own templates are in its jixiao/templates."),
            ("XDG_STATE_HOME", "草稿目录不可写时，恢复文件在其下 jixiao/recovery，默认 ~/.local/state / Recovery files go to its jixiao/recovery when the draft's folder is not writable."),
            ("LANG, LC_ALL", "填报界面需要 UTF-8 区域设置，否则改用 C.UTF-8 / The terminal UI needs a UTF-8 locale; C.UTF-8 is used otherwise."),
            ("TERM", "填报界面所用的终端类型 / The terminal type for the terminal UI."),
            ("COLUMNS", "print 的文本宽度（未给 --width 时）/ The text width of print without --width."),
        ]
    }
}
