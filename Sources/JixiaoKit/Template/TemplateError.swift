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
    }
    public let file: String
    public let entry: String
    public let reason: Reason
}
