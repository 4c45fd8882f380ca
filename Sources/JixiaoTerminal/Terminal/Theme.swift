import JixiaoKit
/// How colour roles look. Two mappings: colours for terminals that have them, and attributes alone for
/// monochrome terminals or when the user set `NO_COLOR` (no-color.org). Both must keep the focus, errors
/// and the key bar recognisable, so the monochrome one leans on reverse, bold and underline.
public struct Theme: Sendable, Hashable {
    /// The eight standard terminal colours, numbered as curses numbers them.
    public enum Color: Int16, Sendable, Hashable {
        /// The terminal's own foreground or background (keeps a light or dark background as the user set it).
        case terminalDefault = -1
        case black = 0, red, green, yellow, blue, magenta, cyan, white
    }

    public struct Colors: Sendable, Hashable {
        public var foreground: Color
        public var background: Color
        public var attributes: TextAttributes

        public init(_ foreground: Color, _ background: Color = .terminalDefault, _ attributes: TextAttributes = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    public var colored: [ColorRole: Colors]
    public var monochrome: [ColorRole: TextAttributes]

    public init(colored: [ColorRole: Colors], monochrome: [ColorRole: TextAttributes]) {
        self.colored = colored
        self.monochrome = monochrome
    }

    public static let standard = Theme(
        colored: [
            .title: Colors(.cyan, .terminalDefault, [.bold]),
            .computed: Colors(.green),
            .error: Colors(.red, .terminalDefault, [.bold]),
            .warning: Colors(.yellow),
            .focus: Colors(.black, .cyan),
            .keybar: Colors(.black, .white),
            .status: Colors(.white, .blue),
            .muted: Colors(.terminalDefault, .terminalDefault, [.dim]),
        ],
        monochrome: [
            .title: [.bold],
            // Computed cells must look different without colour too: dim, as the paper's grey cells.
            .computed: [.dim],
            .error: [.bold, .underline],
            .warning: [.underline],
            .focus: [.reverse],
            .keybar: [.reverse],
            .status: [.reverse],
            .muted: [.dim],
        ])

    /// Attributes and colour pair for a style. Pair numbers are the role's raw value; pair 0 is the
    /// terminal's default colours.
    public func resolve(_ style: CellStyle, colors: Bool) -> (attributes: TextAttributes, pair: Int16) {
        if colors, let entry = colored[style.role] {
            return (entry.attributes.union(style.attributes), style.role.rawValue)
        }
        return ((monochrome[style.role] ?? []).union(style.attributes), 0)
    }
}
