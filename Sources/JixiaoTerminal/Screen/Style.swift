import JixiaoKit
/// Text attributes every terminal can show, colour or not. The monochrome fallback is built from these,
/// so a screen must stay readable with attributes alone.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    public static let dim = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
}

/// What a piece of text means on screen. The terminal's `Theme` turns a role into colours, or into
/// attributes when colours are off (`NO_COLOR`, a monochrome terminal), so widgets never pick colours.
public enum ColorRole: Int16, Sendable, Hashable, CaseIterable {
    case normal = 0
    /// Screen and box titles.
    case title
    /// Values the program computes (合计、得分): the user cannot type into them.
    case computed
    /// A failed check (校验错误).
    case error
    /// A check that needs attention but does not block (提示).
    case warning
    /// The field or row that has the focus.
    case focus
    /// The one-line key bar at the bottom (按键提示).
    case keybar
    /// The status line (file name, saved or not).
    case status
    /// Secondary text: hints, placeholders, units.
    case muted
}

/// How one cell is drawn: a meaning plus any extra attributes.
public struct CellStyle: Sendable, Hashable {
    public var role: ColorRole
    public var attributes: TextAttributes

    public init(_ role: ColorRole = .normal, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let normal = CellStyle()
    public static let title = CellStyle(.title)
    public static let computed = CellStyle(.computed)
    public static let error = CellStyle(.error)
    public static let warning = CellStyle(.warning)
    public static let focus = CellStyle(.focus)
    public static let keybar = CellStyle(.keybar)
    public static let status = CellStyle(.status)
    public static let muted = CellStyle(.muted)

    /// The same style with more attributes.
    public func with(_ extra: TextAttributes) -> CellStyle {
        CellStyle(role, attributes.union(extra))
    }
}
