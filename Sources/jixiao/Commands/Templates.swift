import ArgumentParser
import JixiaoKit
import JixiaoStore
import JixiaoReports

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "列出模板 / List the templates.")
    @Flag(help: "输出 JSON / JSON output.") var json = false

    func run() throws {
        var items: [JSONValue] = []
        var broken = false
        // Silence here would leave a broken install looking like an empty one.
        let files = CLI.catalog.files()
        guard !files.isEmpty else { throw CLI.fail(CLIText.noTemplates) }
        for f in files {
            do {
                let t = try TemplateLoader.load(file: f.path)
                if json {
                    items.append(.object([("id", .string(t.id)), ("version", .string(t.version)), ("title", .string(t.title)), ("file", .string(f.path))]))
                } else {
                    CLI.sayFields([t.id, t.version, t.title])
                }
            } catch {
                broken = true
                if json { items.append(.object([("id", .string(f.id)), ("error", .string(DraftText.template(error)))])) }
                else { CLI.sayFields([f.id, CLIText.brokenTemplate, DraftText.template(error)]) }
            }
        }
        if json { CLI.printJSON(.array(items)) }
        if broken { throw ExitCode(1) }
    }
}
