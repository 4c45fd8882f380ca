import JixiaoKit

extension UIText {
    /// The 自评报告 page.
    public enum Report {
        /// Its entry in the outline, after the forms.
        public static let outlineName = NarrativeText.report
        public static func pageTitle(_ title: String) -> String { "\(NarrativeText.report)  \(title)" }
        /// Before each sentence generated from the forms.
        public static let generatedMark = "〔据表〕"
        public static let legend = "〔据表〕的句子由表中数字生成，随表更新，不能在此修改；本节文字写在其后（Enter 编辑）。"
        public static let emptyProse = "（本节文字尚未撰写：按 Enter 或直接输入开始，Ctrl-X 用外部编辑器）"
        public static let warningMark = "! "
        public static let noClear = "自评报告的一节不能一键清空：按 Enter 打开后删改，Esc 可放弃。"
        public static let moreAbove = "↑"
        public static let moreBelow = "↓"
        /// The status line's first line on the page.
        public static func location(_ place: String) -> String { place + "  〔" + UIText.App.kindName(.longtext) + "〕" }
        public static let hint = "本节文字：Enter 编辑，直接输入接在末尾，Ctrl-X 外部编辑器；↑↓ 换节，PgUp/PgDn 翻页"
        /// The outline's tail: sections written of all, and warnings on their figures.
        public static func progress(written: Int, of total: Int, warnings: Int) -> String {
            " \(written)/\(total)" + (warnings > 0 ? " !\(warnings)" : "")
        }
    }
}

extension UIText.Keys {
    public static let report: [(String, String)] = [("F1", "帮助"), ("F2", "保存"), ("F3", "问题"), ("F10", "退出"), ("Enter", "编辑本节"),
                                                    ("^X", "外部编辑器"), ("↑↓", "换节"), ("PgDn", "翻页"), ("^N/^P", "换表"),
                                                    ("^L", "选表"), ("^Z", "撤销"), ("F4", "得分")]
}
