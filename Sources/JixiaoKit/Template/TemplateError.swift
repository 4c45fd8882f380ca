/// Why a template was refused: which file, which entry (a path such as
/// `forms[1](B).sections[2](funds).rows[0](sangong).formula`) and what is wrong. Worded in `Messages`.
public struct TemplateError: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        case unreadable(String)
        case syntax(JSONSyntaxError)
        case missing(field: String)
        case wrongType(expected: String, found: String)
        case unsupportedFormat(Int)
        case duplicateID(String)
        case unknownCell(String)
        case unknownColumnKind(String)
        case unknownCheckKind(String)
        case unknownSeverity(String)
        case badFormula(text: String, position: Int)
        case unknownFunction(String)
        case unknownForm(String)
        case formulaCycle([String])
        case foreignReferenceInComputedCell(String)
        case nestedRepeat(String)
        case badNumber(String)
        /// The file is larger than `Limits.templateBytes`.
        case tooLarge(bytes: Int)
        case formulaTooLong(length: Int)
        case formulaTooDeep(text: String)
        /// `round(x, n)` with n not a whole constant within `Limits.roundDigits`; n as written when it
        /// is a constant.
        case roundDigits(text: String, digits: String?)
        /// A whole number outside what `Limits` allows for this field.
        case outOfRange(value: String, allowed: ClosedRange<Int>)
        /// More forms, rows or columns than `Limits` allows.
        case tooMany(Counted, count: Int)
    }
    public enum Counted: Equatable, Sendable {
        case forms, rowsInForm, columnsInSection

        public var limit: Int {
            switch self {
            case .forms: return Limits.forms
            case .rowsInForm: return Limits.rowsPerForm
            case .columnsInSection: return Limits.columnsPerSection
            }
        }
    }
    public let file: String
    public let entry: String
    public let reason: Reason
}
