import Foundation

/// The value of one cell after parsing and computing.
public enum Value: Equatable, Sendable {
    /// Nothing entered. Distinct from 0: seed 001 leaves cells empty for lines that did not exist.
    case empty
    case number(Decimal)
    case text(String)
    /// Typed into a number cell but not a number: kept as typed so nothing is lost, flagged by the checks.
    case invalid(String)
    /// A rate over a zero or empty base, or a sum that includes an invalid entry: shown as "—".
    case undefined

    public var number: Decimal? { if case let .number(d) = self { return d }; return nil }
    public var isEmpty: Bool { if case .empty = self { return true }; return false }

    /// Text content, or the raw input of an invalid entry; nil for numbers.
    public var text: String? {
        switch self {
        case let .text(s), let .invalid(s): return s
        default: return nil
        }
    }
    /// Filled in the sense of "required": a number, non-blank text, or an invalid entry (reported apart).
    public var isFilled: Bool {
        switch self {
        case .empty, .undefined: return false
        case let .text(s): return !s.isBlank
        default: return true
        }
    }
}
