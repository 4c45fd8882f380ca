/// The words of `jixiao next` and the start screen's 「以上年草稿为底稿新建」.
public enum NextYearText {
    public static func message(_ e: NextYearError) -> String {
        switch e {
        case let .notLater(y, asked):
            return "草稿是 \(y) 年度的，新年度 \(asked) 不晚于它。请用 --year 给出 \(y + 1) 或更晚的年度。"
        case let .otherTemplate(draft, asked):
            return "草稿用的是模板「\(draft)」，不是「\(asked)」：不同模板的表格不能沿用。请去掉 --template，或换用同一模板的草稿。"
        }
    }

    public static func made(_ file: String, from source: String, year: Int, marked: Int) -> String {
        "已由 \(source) 新建 \(year) 年度草稿 \(file)；\(marked) 处沿用上年的内容已标为「沿用上年，请核对」（jixiao validate 列出）。"
    }

    public static func previousFilled(_ n: Int, year: Int) -> String { "已将 \(year) 年决算数填入 \(n) 处「上年」数字。" }

    public static func previousSkipped(draftYear: Int, year: Int) -> String {
        "新年度 \(year) 与草稿年度 \(draftYear) 不相邻，\(year - 1) 年的数字不是草稿中的决算数，未填写。"
    }
}
