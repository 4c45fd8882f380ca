import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

public enum StartView {
    public static func render(_ s: StartState, rows: Int, cols: Int) -> Screen {
        var sc = Screen(rows: rows, cols: cols)
        if rows < App.minRows || cols < App.minCols {
            TooSmallView.draw(&sc, rows: rows, cols: cols)
            return sc
        }
        sc.fill(Rect(row: 0, col: 0, height: 1, width: cols), style: .title)
        sc.put(" " + UIText.App.programName + " · " + UIText.Start.subtitle, row: 0, col: 0, style: .title)
        var row = 2
        switch s.stage {
        case .choose:
            sc.put(UIText.Start.chooseTitle, row: row, col: 2, style: CellStyle(.title, [.bold]))
            row += 2
            let items = [UIText.Start.newDraft(s.templateTitle)] + s.recent.map { d in
                let f = DateFormatter()
                f.dateFormat = "yyyy-MM-dd HH:mm"
                // The mark goes before the details that may be cut at the right edge.
                return d.path + (d.recoverable ? UIText.Start.recoverable : "")
                    + "  \(d.unit.isEmpty ? UIText.App.noUnitYet : d.unit)  \(d.year)年度  \(f.string(from: d.modified))"
            }
            let visible = rows - row - 2
            let top = max(0, s.selected - visible + 1)
            for (k, item) in items.enumerated().dropFirst(top).prefix(visible) {
                let sel = k == s.selected
                if sel { sc.fill(Rect(row: row, col: 2, height: 1, width: cols - 4), style: .focus) }
                sc.put(DisplayWidth.truncate((sel ? "▶ " : "  ") + item, toWidth: cols - 4, ellipsis: "…"), row: row, col: 2,
                       style: sel ? .focus : .normal, maxWidth: cols - 4)
                row += 1
            }
        case .new:
            sc.put(DisplayWidth.truncate(UIText.Start.newTitle(s.templates[safe: s.template]?.title ?? s.templateTitle), toWidth: cols - 4, ellipsis: "…"), row: row, col: 2, style: CellStyle(.title, [.bold]), maxWidth: cols - 4)
            row += 2
            let fields: [(String, LineEditor, String?)] = s.fields.map { f in
                switch f {
                case .year: return (UIText.Start.yearLabel, s.year, nil)
                case .unit: return (UIText.Start.unitLabel, s.unit, nil)
                case .template: return (UIText.Start.templateLabel, LineEditor(), "◀ " + (s.templates[safe: s.template]?.title ?? "") + " ▶")
                case .projects: return (UIText.Start.projectsLabel, s.projects, s.projects.isEmpty ? UIText.Start.projectsDefault : nil)
                case .file: return (UIText.Start.fileLabel, s.file, s.file.isEmpty ? s.suggestedFile : nil)
                }
            }
            for (k, f) in fields.enumerated() {
                sc.put(DisplayWidth.fit(f.0, toWidth: 14), row: row, col: 2, style: CellStyle(.normal, [.bold]))
                let width = 44
                let slice = f.1.visibleSlice(width: width)
                let focused = k == s.field
                let shown = slice.text.isEmpty ? (f.2 ?? "") : slice.text
                sc.put(DisplayWidth.fit(shown, toWidth: width, ellipsis: "…"), row: row, col: 17,
                       style: focused ? CellStyle(.focus, [.underline]) : CellStyle(slice.text.isEmpty ? .muted : .normal, [.underline]))
                if focused { sc.cursor = Position(row: row, col: 17 + slice.cursorColumn) }
                row += 2
            }
            if s.fileFixed { sc.put(UIText.Start.fileFixed(s.file.text), row: row, col: 2, style: .muted, maxWidth: cols - 4); row += 1 }
        }
        if let m = s.message { sc.put(" " + m, row: rows - 2, col: 0, style: CellStyle(.error, [.bold]), maxWidth: cols) }
        let keys = s.stage == .choose ? UIText.Start.chooseKeys : UIText.Start.newKeys
        var col = 0
        for (k, label) in keys {
            col = sc.put(k, row: rows - 1, col: col, maxWidth: cols - col)
            col = sc.put(label, row: rows - 1, col: col, style: .keybar, maxWidth: cols - col) + 1
        }
        return sc
    }
}

extension UIText {
    public enum Start {
        public static let subtitle = "绩效自评表填报"
        public static let recoverable = "  〔有未保存的改动可恢复〕"
        public static let chooseTitle = "继续填写本目录中的草稿，或新建："
        public static func newDraft(_ template: String) -> String { "＋ 新建草稿（\(template)）" }
        public static func newTitle(_ template: String) -> String { "新建草稿 · \(template)" }
        public static let yearLabel = "评价年度"
        public static let unitLabel = "预算单位名称"
        public static let fileLabel = "保存为文件"
        public static let templateLabel = "模板（←→）"
        public static let projectsLabel = "项目表个数"
        public static let projectsDefault = "按模板（可填 0–200）"
        public static let badProjects = "项目表个数应为 0–200 之间的整数，或留空按模板。"
        public static func fileFixed(_ f: String) -> String { "将保存为 \(f)" }
        public static let badYear = "年度应为 1990–2100 之间的四位数字，如 2023。"
        public static func exists(_ p: String) -> String { "\(p) 已存在。请换一个文件名，或返回列表直接打开它。" }
        public static let chooseKeys: [(String, String)] = [("↑↓", "选择"), ("Enter", "打开"), ("N", "以上年草稿为底稿新建"), ("Esc", "退出")]
        public static let chooseDraftFirst = "请先用 ↑↓ 选中一份上年草稿，再按 N 以它为底稿新建下一年度草稿。"
        public static let newKeys: [(String, String)] = [("Tab", "下一项"), ("Enter", "确定"), ("Esc", "返回"), ("F10", "退出")]
    }
}
