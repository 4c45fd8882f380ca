import JixiaoKit
/// Every word the printouts add to what the template and the draft say, in one place for review.
/// Form, section, row and column names are not here: they come from the template.
public enum PrintWords {
    public static let draft = "草稿"
    /// The name part of a text scorecard written beside its draft (2023-自评得分.txt). Not 评分表: that
    /// is one form (form S of hunan-unit), optional and often left empty, printed here only when begun.
    public static let scorecardFileWord = "自评得分"
    /// The first line of the text scorecard: what the file holds, as its name says.
    public static let scorecardTitle = "绩效自评得分"
    public static let notFinal = "未定稿，不得作为正式报送材料"
    public static let year = "年度"
    public static let template = "模板"
    public static let subtotal = "小计"
    public static let rubric = "评分表"
    public static let group = "类别"
    public static let item = "指标"
    public static let openProblems = "未解决的问题"
    public static let none = "—"
    public static let colon = "："

    /// "草稿 · 校验：2 个错误，13 个警告 · 未定稿，不得作为正式报送材料".
    static func draftBanner(_ mark: DraftMark) -> String {
        "\(draft) · \(ReportText.checks)\(colon)\(mark.summary) · \(notFinal)"
    }
}
