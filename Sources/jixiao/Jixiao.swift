import ArgumentParser
import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports

@main
struct Jixiao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jixiao",
        abstract: "绩效自评表填报、校验与打印 / Fill in, check and print performance self-evaluation forms.",
        discussion: """
        不带参数运行：用默认模板新建草稿并打开填报界面。jixiao 文件：打开（或新建）该草稿。
        Without arguments: start a new draft on the default template in the terminal UI. `jixiao FILE` opens (or creates) it.
        """,
        version: JixiaoVersion.current,
        subcommands: [Open.self, New.self, Templates.self, Fields.self, Set.self, Validate.self, Score.self, Print.self, Report.self, Next.self, Import.self, Generate.self,
                      GenerateManual.self],
        defaultSubcommand: Open.self)

    /// ArgumentParser's own `main`, but its error messages (which quote the arguments given, whatever
    /// they hold) are shown through `VisibleText` like every other text of the commands. Help and
    /// completion scripts (exit 0) are its own static text and go out as they are.
    static func main() {
        // `jixiao FILE.json`, the usual way in, is the default subcommand with its one argument: opened
        // without the argument parser, whose reflection over the commands' types was 12% of the time to
        // the first frame of the seed example. No subcommand's name ends in .json, and no option is given.
        let args = CommandLine.arguments.dropFirst()
        if args.count == 1, let file = args.first, file.hasSuffix(".json"), !file.hasPrefix("-") {
            Foundation.exit(Open.open(file))
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                CLI.note(message)
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// Shared by the commands: where templates are, how text is shown, and how a failure is shown and exits.
/// Every text meant for a terminal goes out through `say`, `sayFields`, `note` or `fail`, which show
/// control characters as `VisibleText` escapes (a cell or a file name holding ESC sequences cannot
/// clear the screen or forge a line); `printJSON` alone writes exactly, JSON-escaped.
enum CLI {
    static let catalog = TemplateCatalog.standard()
    static var store: DraftStore { DraftStore(catalog: catalog) }

    static func fail(_ message: String, code: Int32 = 2) -> ExitCode {
        note("jixiao: " + message)
        return ExitCode(code)
    }

    /// Lines for standard output; line breaks kept.
    static func say(_ text: String) { print(VisibleText.text(text)) }

    /// One line of tab-separated fields: a tab or line break inside a field is escaped too.
    static func sayFields(_ fields: [String]) { print(fields.map(VisibleText.line).joined(separator: "\t")) }

    /// Lines for standard error.
    static func note(_ text: String) { FileHandle.standardError.write(Data((VisibleText.text(text) + "\n").utf8)) }

    static func load(_ path: String) throws -> DraftStore.Loaded {
        do { return try store.load(path) } catch { throw fail(DraftText.message(error)) }
    }

    /// Saves an edited draft over the file it was loaded from, as `set` does: refused if the file changed
    /// on disk since (all edits are applied in memory first, so a refusal leaves the file whole).
    static func save(_ draft: Draft, over loaded: DraftStore.Loaded, to file: String) throws {
        do { try DraftStore.save(draft, template: loaded.template, to: file, expected: loaded.stamp) } catch { throw fail(DraftText.message(error)) }
    }

    static func printJSON(_ v: JSONValue) { print(JSONWriter.write(v), terminator: "") }

    static func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }
}
