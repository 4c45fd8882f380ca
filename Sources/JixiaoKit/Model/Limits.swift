import Foundation

/// Bounds on what a template, a draft or a command-line argument may ask for. Each is far above what
/// any real form needs (docs/templates.md, "Limits", gives the shipped templates' figures) and low
/// enough that a hostile or mistyped file cannot exhaust the stack, the memory or the time: a formula
/// nested 4,000 deep overflowed the parser's stack, `round(x, -2147483647)` ran for minutes and
/// `"initial": 1000000000000` aborted on allocation.
public enum Limits {
    /// A template file's size: the shipped ones are 32–41 KB.
    public static let templateBytes = 4 << 20
    /// Characters of one formula (the longest shipped one has 159).
    public static let formulaLength = 2_000
    /// Nesting of one formula: brackets, function calls, `-` signs and chained operators each add a
    /// level (`a + b + c` is two deep). Parsing and evaluating recurse this deep, no deeper.
    public static let formulaDepth = 100
    /// `round(x, n)`: n is a whole constant in this range (10^20 is far beyond any sum of money).
    public static let roundDigits = -20...20
    /// `settings.executionRateDecimals`.
    public static let executionRateDecimals = 0...20
    /// `repeat.initial`: instances a new draft starts with.
    public static let repeatInitial = 0...100
    /// Forms in a template, rows in a form (children and repeated rows counted once), columns in a
    /// section.
    public static let forms = 50
    public static let rowsPerForm = 2_000
    public static let columnsPerSection = 50
    /// `allowedYearOffsets` of a `year` check.
    public static let yearOffsets = -100...100
    /// Instances of a repeated form (projects): `new --projects`, `generate --projects`, `set C[+]`,
    /// the screen's new project. A thousand projects of the benchmark's size (30 indicators each) make
    /// a 10 MB draft, well under the 64 MiB a draft may have.
    public static let projects = 0...1_000
    /// UTF-8 bytes in one cell (or a repeated row's label): about 33,000 Chinese characters, far more
    /// than any answer on these forms. The draft reader refuses more, so every way into a cell (`set`,
    /// typing, pasting, $EDITOR) and every save refuses or cuts it first (issue 11).
    public static let cellBytes = 100_000
    /// UTF-8 bytes in one section of the 自评报告's prose: a whole chapter of a report, imported or typed.
    public static let reportSectionBytes = 1 << 20
    /// The evaluated year.
    public static let years = 1990...2100
    /// A computed value's magnitude stays below 10^38: Decimal holds 38 significant digits, so a larger
    /// number is no longer exact to the unit, and far larger ones overflow to NaN.
    public static let computedMagnitude = Decimal(sign: .plus, exponent: 38, significand: 1)
    /// A computed value keeps at most this many decimals, so that no product of two values can
    /// underflow (which traps inside Foundation's Decimal).
    public static let computedScale = 40
}
