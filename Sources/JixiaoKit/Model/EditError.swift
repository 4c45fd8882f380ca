/// Why an edit was refused. Worded in `EditText`.
public enum EditError: Error, Equatable, Sendable {
    case badPath(String)
    case unknownForm(String)
    case unknownRow(form: String, row: String)
    case unknownColumn(row: String, column: String)
    case noSuchInstance(path: String, count: Int)
    case notRepeated(String)
    case computed(String)
    case badValue(path: String, message: String)
    case unknownParameter(String)
    case badOption(parameter: String, value: String, options: [String])
    case lastInstance(String)
    /// `[0]`, `[-1]` or a number too large to read in a path: instances count from 1.
    case badIndex(path: String, index: String)
    /// A repeated form already has `Limits.projects.upperBound` instances.
    case tooManyInstances(form: String)
    /// More than a cell may hold (`Limits.cellBytes`): the draft could not be read back.
    case tooLong(path: String, bytes: Int, limit: Int)
    /// The template's 自评报告 has no section of this id (or the template declares no report).
    case unknownReportSection(String)
}

extension EditError {
    /// A stable name for scripts (`jixiao set --json`): the case's name.
    public var code: String {
        switch self {
        case .badPath: return "badPath"
        case .unknownForm: return "unknownForm"
        case .unknownRow: return "unknownRow"
        case .unknownColumn: return "unknownColumn"
        case .noSuchInstance: return "noSuchInstance"
        case .notRepeated: return "notRepeated"
        case .computed: return "computed"
        case .badValue: return "badValue"
        case .unknownParameter: return "unknownParameter"
        case .badOption: return "badOption"
        case .lastInstance: return "lastInstance"
        case .badIndex: return "badIndex"
        case .tooManyInstances: return "tooManyInstances"
        case .tooLong: return "tooLong"
        case .unknownReportSection: return "unknownReportSection"
        }
    }
}
