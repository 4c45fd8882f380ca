import Foundation

/// How to write a number, per kind of cell.
public enum NumberText {
    public static func hint(_ kind: CellKind) -> String {
        switch kind {
        case .money: return "请输入以万元为单位的金额，如 1034.36 或 1,034.36。"
        case .count: return "请输入整数，如 15。"
        case .percent: return "请输入百分比，如 95% 或 95。"
        case .area: return "请输入面积（平方米），如 4012。"
        default: return "请输入数字，如 12.5。"
        }
    }

    public static func message(_ e: NumberInputError, kind: CellKind) -> String {
        switch e {
        case let .notANumber(s): return "「\(s)」不是数字。" + hint(kind)
        case let .misplacedSeparator(s): return "「\(s)」的千位分隔符位置不对（应每三位一个逗号）。" + hint(kind)
        case let .notWhole(s): return "「\(s)」不是整数。" + hint(kind)
        case let .percentNotAllowed(s): return "「\(s)」带有 %，但这一格不是百分比。" + hint(kind)
        case let .tooLong(s): return "「\(s.prefix(20))…」太长，不像一个数字。" + hint(kind)
        }
    }
}
