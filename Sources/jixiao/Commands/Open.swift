import ArgumentParser
import JixiaoKit

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "打开填报界面 / Open the terminal UI on a draft (created if missing).")

    @Argument(help: "草稿文件；省略则新建 / The draft; omitted: a new draft on the default template.") var file: String?

    func run() throws {
        throw CLI.fail(CLIText.noTerminalUIYet)
    }
}
