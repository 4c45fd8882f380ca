import JixiaoKit
/// Why the terminal could not be opened. `description` is the Chinese message to print before exiting.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    case notATerminal
    case termUnset
    case unknownTerminal(String)
    case noUTF8Locale

    public var description: String {
        switch self {
        case .notATerminal: TerminalText.notATerminal
        case .termUnset: TerminalText.termUnset
        case .unknownTerminal(let name): TerminalText.unknownTerminal(name)
        case .noUTF8Locale: TerminalText.noUTF8Locale
        }
    }
}
