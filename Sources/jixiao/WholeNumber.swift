import ArgumentParser

/// A whole-number option kept as typed, so that text that is not one (`1e3`, `-`, a number beyond
/// Int) gets the same Chinese message as a number out of range — from the command's `validate()`,
/// with the usage-error exit code — instead of the argument parser's English one.
struct WholeNumber: ExpressibleByArgument, CustomStringConvertible, Sendable {
    let text: String
    let value: Int?

    init(argument: String) {
        text = argument
        value = Int(argument)
    }

    init(_ n: Int) {
        text = String(n)
        value = n
    }

    var description: String { text }
    var defaultValueDescription: String { text }

    /// The number when it lies in `range`; otherwise a usage error that names the option and the range.
    func within(_ range: ClosedRange<Int>, _ what: String, option: String) throws -> Int {
        guard let value, range.contains(value) else { throw ValidationError(CLIText.badNumber(what, option: option, text, range)) }
        return value
    }
}
