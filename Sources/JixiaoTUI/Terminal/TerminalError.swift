/// Why the terminal could not be opened. `description` is the Chinese message to print before exiting.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    case notATerminal
    case termUnset
    case unknownTerminal(String)
    case noUTF8Locale

    public var description: String {
        switch self {
        case .notATerminal: UIText.Terminal.notATerminal
        case .termUnset: UIText.Terminal.termUnset
        case .unknownTerminal(let name): UIText.Terminal.unknownTerminal(name)
        case .noUTF8Locale: UIText.Terminal.noUTF8Locale
        }
    }
}
