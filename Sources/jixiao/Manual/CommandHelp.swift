import Foundation

/// The parts of swift-argument-parser's help dump (`--experimental-dump-help`, tool-info format 0)
/// that the manual page is made from. Decoded here rather than by importing the parser's
/// ArgumentParserToolInfo module, which is not one of its products.
struct CommandHelp: Decodable {
    struct Tool: Decodable { let command: CommandHelp }

    let commandName: String
    let abstract: String?
    let discussion: String?
    let shouldDisplay: Bool?
    let defaultSubcommand: String?
    let arguments: [ArgumentHelp]?
    let subcommands: [CommandHelp]?

    /// What a reader of the manual sees: not hidden, and not the parser's own `help` command.
    var visibleSubcommands: [CommandHelp] {
        (subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
    }
    var visibleArguments: [ArgumentHelp] { (arguments ?? []).filter(\.shouldDisplay) }

    static func decode(_ json: String) throws -> CommandHelp {
        try JSONDecoder().decode(Tool.self, from: Data(json.utf8)).command
    }
}

struct ArgumentHelp: Decodable {
    enum Kind: String, Decodable { case positional, option, flag }
    struct Name: Decodable {
        let kind: String
        let name: String
        var spelled: String { kind == "short" ? "-" + name : kind == "longWithSingleDash" ? "-" + name : "--" + name }
    }

    let kind: Kind
    let names: [Name]?
    let valueName: String?
    let abstract: String?
    let discussion: String?
    let isOptional: Bool
    let isRepeating: Bool
    let shouldDisplay: Bool
    let defaultValue: String?
    let allValues: [String]?

    var spelledNames: [String] { (names ?? []).map(\.spelled) }
    var placeholder: String { "<" + (valueName ?? "value") + ">" }
}
