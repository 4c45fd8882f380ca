import ArgumentParser
import Foundation
import JixiaoKit

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
        subcommands: [Open.self, New.self, Templates.self, Fields.self, Set.self, Validate.self, Score.self, Print.self, Generate.self,
                      GenerateManual.self],
        defaultSubcommand: Open.self)
}

/// Shared by the commands: where templates are, and how a failure is shown and exits.
enum CLI {
    static let catalog = TemplateCatalog.standard()
    static var store: DraftStore { DraftStore(catalog: catalog) }

    static func fail(_ message: String, code: Int32 = 2) -> ExitCode {
        FileHandle.standardError.write(Data(("jixiao: " + message + "\n").utf8))
        return ExitCode(code)
    }

    static func load(_ path: String) throws -> DraftStore.Loaded {
        do { return try store.load(path) } catch { throw fail(DraftText.message(error)) }
    }

    static func printJSON(_ v: JSONValue) { print(JSONWriter.write(v), terminator: "") }
}
