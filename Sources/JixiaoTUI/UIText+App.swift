import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

extension UIText {
    /// The form screens.
    public enum App {
        public static let programName = "绩效 Jixiao"
        public static let noUnitYet = "（未填单位名称）"
        public static let unsavedMark = " ＊未保存"
        public static let readOnlyMark = " 〔只读〕"
        public static func problemCounts(errors: Int, warnings: Int) -> String { "错误 \(errors)  警告 \(warnings)" }
        public static func saved(_ path: String) -> String { "已保存 \(path)" }
        public static let keptInMemory = " 改动仍保留在程序中和恢复文件里，可稍后再按 F2 重试。"
        public static func cellLimitCut(_ limit: Int, dropped: Int) -> String {
            "每格最多 \(limit) 字节（约 \(limit / 3) 个汉字），超出的 \(dropped) 字节已截去，未填入。"
        }
        public static func cellFull(_ limit: Int) -> String { "此格已达上限 \(limit) 字节（约 \(limit / 3) 个汉字），不能再增加内容。" }
        public static func editorFailed(_ why: EditorFailure) -> String {
            let reason: String
            switch why {
            case let .tempFile(e): reason = "无法写临时文件（\(e)）"
            case let .notStarted(editor, e): reason = "无法启动 \(editor)（\(e)）"
            case let .exitStatus(editor, code): reason = "\(editor) 以状态 \(code) 退出"
            case let .signal(editor, sig): reason = "\(editor) 被信号 \(sig) 终止"
            }
            return "外部编辑器没有正常结束：\(reason)，单元格内容未改。请检查 $VISUAL / $EDITOR 设置。"
        }
        public static let readOnlyNoSave = "以只读方式打开，不能保存。"
        public static let readOnlyNoEdit = "以只读方式打开，不能修改。"
        public static let nothingToUndo = "没有可撤销的改动。"
        public static let nothingToRedo = "没有可重做的改动。"
        public static let undone = "已撤销。"
        public static let redone = "已重做。"
        public static let computedCell = "这是自动计算的格子，不能填写；请修改它所依据的数字。"
        public static let placeholderHint = "这一组还没有行：按 Enter 或 F5 增加一行。"
        public static let notRepeated = "光标所在行不能增删或移动（只有专项、目标、指标等重复行和项目可以）。"
        public static let noRepeatedForm = "本模板没有可增加的项目表。"
        public static func rowAdded(_ noun: String) -> String { "已增加一个\(noun)。" }
        public static let rowRemoved = "已删除该行（Ctrl-Z 可撤销）。"
        public static let projectRemoved = "已删除该项目（Ctrl-Z 可撤销）。"
        public static func projectAdded(_ name: String) -> String { "已新增项目「\(name)」。" }
        public static func newProjectTitle(_ noun: String) -> String { "新增\(noun)：请输入名称" }
        public static let nameRequired = "名称不能为空。"
        public static let emptyGroup = "（无，按 Enter 或 F5 增加）"
        public static func addAnother(_ noun: String) -> String { "＋ 再增加一个\(noun)（Enter 或直接输入）" }
        public static func placeholderLine(_ form: String, group: String, empty: Bool) -> String {
            empty ? "\(form) · \(group) · 空组：按 Enter 或 F5 增加一行" : "\(form) · \(group) · 再增加一行：按 Enter、F5 或直接输入；Tab 跳过"
        }
        public static let computedTag = "自动计算"
        public static let moreBelow = " ↓ 还有 "
        public static let blankMark = "_"
        public static let optionalMark = "."
        public static let columnsLeft = "‹"
        public static let columnsRight = "›"
        public static let moreAbove = " ↑ 上面还有 "
        public static let optionalForm = "选填"
        public static func kindName(_ k: CellKind) -> String {
            switch k {
            case .money: return "金额·万元"
            case .count: return "人数/整数"
            case .percent: return "百分比"
            case .decimal: return "数值"
            case .area: return "面积·平方米"
            case .text: return "文字"
            case .longtext: return "多行文字·Enter 编辑"
            case .choice: return "选项"
            case .date: return "日期"
            }
        }
        public static func editingHint(area: Bool) -> String {
            area ? "多行编辑：Enter 换行，Ctrl-S 完成，Esc 取消，F3 用外部编辑器"
                 : "编辑中：Enter 确认并到下一格，Esc 取消恢复原值，Tab/Shift-Tab 确认并移动"
        }
        public static func unnamed(_ noun: String) -> String { "（未命名\(noun)）" }
        public static func currentSize(cols: Int, rows: Int) -> String { "当前：\(cols) 列 × \(rows) 行" }
        public static func problemsTitle(_ summary: String, errorsOnly: Bool = false, form: String? = nil) -> String {
            "问题清单" + (form.map { "（仅\($0)）" } ?? "") + (errorsOnly ? "（仅错误）" : "") + " · \(summary) · Enter 跳到该格"
        }
        public static let noProblems = "没有发现问题。"
        /// While the forms not on screen are still being checked after opening.
        public static let checkingTheRest = "正在检查其余表格，问题数稍后补全……"
        public static let scoreTitle = "得分预览（P 打印预览）"
        public static func printTitle(final: Bool, errors: Int) -> String {
            final ? "打印预览 · 定稿 · 按 1–5 写到草稿旁边" : "打印预览 · 还有 \(errors) 个错误，只能写出标明「草稿」的版本 · 按 1–5 写出"
        }
        public static func printed(_ paths: [String]) -> String {
            paths.count == 1 ? "已写出 \(paths[0])" : "已写出 \(paths.count) 个文件：\(paths[0]) 等"
        }
        public static func printFailed(_ why: String) -> String { "无法写出打印文件：\(why)。草稿未受影响，可换目录后重试。" }
        public static func executionLine(rate: String, weight: String, score: String) -> String { "预算执行率 \(rate.isEmpty ? "—" : rate)，分值 \(weight)，得分 \(score.isEmpty ? "—" : score)" }
        public static func indicatorLine(count: Int, given: String, quantitative: Int, flagged: Int) -> String {
            "指标 \(count) 项（定量 \(quantitative) 项），自评得分合计 \(given)" + (flagged > 0 ? "，\(flagged) 项需复核（F3 查看）" : "")
        }
        public static let confirmTitle = "请确认"
        public static func confirmRemoveRow(_ what: String) -> String { "删除这一行？\n\(what)\n\nY 删除　N/Esc 取消" }
        public static func confirmRemoveProject(_ what: String) -> String { "删除整个项目表？\n\(what)\n\nY 删除　N/Esc 取消" }
        public static let confirmQuit = "有未保存的改动。\n\nY 保存后退出　N 不保存退出　Esc 继续填写"
    }

    /// The key bar of each screen.
    public enum Keys {
        public static let main: [(String, String)] = [("F1", "帮助"), ("F2", "保存"), ("F3", "问题"), ("F4", "得分"), ("F5", "增行"),
                                                      ("F6", "删行"), ("F7", "上移"), ("F8", "下移"), ("F9", "新项目"), ("F10", "退出"),
                                                      // Shown where the width allows (the F-keys come first).
                                                      ("Tab", "下一格"), ("^L", "选表"), ("^N/^P", "换表"), ("^Z", "撤销"), ("F4 P", "打印"), ("^G", "帮助")]
        public static let editing: [(String, String)] = [("Enter", "确认"), ("Esc", "取消"), ("Tab", "下一格"), ("F2", "保存"), ("F10", "退出")]
        public static let area: [(String, String)] = [("Ctrl-S", "完成"), ("Esc", "取消"), ("F3/^X", "外部编辑器"), ("Tab", "完成并下一格")]
        /// The popup over a report section: Tab goes on to the next section, not to a cell.
        public static let reportArea: [(String, String)] = [("Ctrl-S", "完成"), ("Esc", "取消"), ("F3/^X", "外部编辑器"), ("Tab", "完成并下一节")]
        public static let problems: [(String, String)] = [("↑↓", "选择"), ("Enter", "跳到该格"), ("E", "只看错误"), ("F", "只看本表"), ("Esc", "返回")]
        public static let score: [(String, String)] = [("↑↓", "滚动"), ("P", "打印预览"), ("Esc", "返回")]
        public static let printPreview: [(String, String)] = [("1", "写出文本"), ("2", "HTML"), ("3", "CSV"), ("4", "Excel"), ("5", "Word"), ("↑↓", "滚动"), ("Esc", "返回")]
        public static let help: [(String, String)] = [("↑↓", "滚动"), ("Esc", "返回")]
        public static let confirm: [(String, String)] = [("Y", "是"), ("N", "否"), ("Esc", "取消")]
        public static let prompt: [(String, String)] = [("Enter", "确定"), ("Esc", "取消")]
        public static let outline: [(String, String)] = [("↑↓", "选择表"), ("Enter", "打开"), ("Esc", "返回表格")]
    }

    /// F1: every key, in Chinese.
    public enum Help {
        public static let title = "帮助 · 全部按键（Esc 返回）"
        public static let lines: [(String, String)] = [
            ("", "移动"),
            ("↑ ↓ ← →", "在格子之间移动（自动计算的格子可以查看，不能填写）"),
            ("Tab / Shift-Tab", "到下一个 / 上一个要填写的格子，跨表依次进行"),
            ("PgUp / PgDn", "翻页"),
            ("Home / End", "到本行第一格 / 最后一格"),
            ("Ctrl-N / Ctrl-P", "下一张 / 上一张表（也可用 Ctrl-→ / Ctrl-←）"),
            ("Ctrl-L", "到左侧的表目录：↑↓ 选择任意一张表，Enter 打开，Esc 返回"),
            ("", "填写"),
            ("Enter", "编辑当前格；再按 Enter 确认并到下一个要填写的格子"),
            ("直接输入", "覆盖当前格的内容（中文输入法可直接使用）"),
            ("Esc", "取消编辑，恢复原值"),
            ("Backspace / Delete", "清空当前格（Esc 放弃，Enter 确定）"),
            ("编辑中 Ctrl-A/E, Ctrl-←/→", "到行首/行尾，按词移动；Ctrl-W 删词，Ctrl-K/Ctrl-U 删到行尾/行首"),
            ("多行文字", "Enter 换行，Ctrl-S 完成，F3 或 Ctrl-X 交给外部编辑器（$VISUAL / $EDITOR，未设置时用 vi）"),
            ("数字", "可输入全角数字和标点、千位分隔符，百分比可带 %，金额可带“万元”"),
            ("", "行和项目"),
            ("F5 或 Ctrl-O", "在当前行后增加一行（专项、目标、指标）；在一组末尾的「＋」行按 Enter 或直接输入也可以"),
            ("F6 或 Ctrl-D", "删除当前行；光标在项目名称上时删除整个项目（均需确认）"),
            ("F7 / F8 或 Ctrl-U / Ctrl-B", "当前行（或项目）上移 / 下移"),
            ("F9 或 Ctrl-W", "新增项目（附件3），先输入项目名称"),
            ("", "自评报告"),
            ("自评报告页", "表目录的最后一项，在各表之后（Ctrl-N 或 Ctrl-L 可到）：每节有撰写说明、〔据表〕句子（由表中数字生成，随表更新，不能在此修改）和本节文字"),
            ("Enter / 直接输入", "编辑本节文字（直接输入的内容接在末尾）；Ctrl-S 完成，Esc 放弃，F3 交给外部编辑器"),
            ("Ctrl-X", "把本节文字直接交给外部编辑器"),
            ("↑ ↓ / Tab", "上一节 / 下一节；一节比屏幕长时先滚动读完；PgUp / PgDn 翻页"),
            ("报告中的数字", "与表中数字不符时显示警告（本节下方、问题清单），改正文字或表格后随即消失"),
            ("", "其他"),
            ("F2 或 Ctrl-S", "保存"),
            ("F1 或 Ctrl-G", "本帮助（终端占用 F1、F10 等功能键时，用对应的 Ctrl 键）"),
            ("F3 或 Ctrl-E", "问题清单：所有错误和警告，Enter 跳到该格"),
            ("F4 或 Ctrl-T", "得分预览：执行率得分、总分、等次；再按 P 打印预览，1–5 写出文件"),
            ("Ctrl-Z / Ctrl-Y", "撤销 / 重做"),
            ("F10 或 Ctrl-Q", "退出（有未保存的改动时会询问）"),
        ]
    }
}
