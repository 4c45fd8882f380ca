/// What a cell holds. Number kinds are parsed with `NumberInput`; text kinds are stored as typed.
public enum CellKind: String, Sendable, CaseIterable {
    /// 万元, two decimals.
    case money
    /// A head count or other whole number.
    case count
    /// A rate, stored as a ratio and shown as percent.
    case percent
    /// A plain decimal such as a weight (分值) or a score (得分).
    case decimal
    /// Square metres (m²).
    case area
    case text
    /// Multi-line text (厉行节约保障措施, 目标, 偏差原因).
    case longtext
    /// One of the `options` of the column.
    case choice
    /// A date as typed (填报日期); checked for its year.
    case date

    public var isNumeric: Bool {
        switch self {
        case .money, .count, .percent, .decimal, .area: return true
        default: return false
        }
    }

    /// Unit words an accountant may type after the number ("12.5万元").
    public var acceptedUnits: [String] {
        switch self {
        case .money: return ["万元"]
        case .area: return ["平方米", "m²", "㎡", "m2"]
        case .count: return ["人", "个", "件", "份", "次", "辆"]
        default: return []
        }
    }
}
