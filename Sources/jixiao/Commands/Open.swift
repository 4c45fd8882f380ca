import ArgumentParser
import JixiaoKit
import JixiaoTUI
import JixiaoStore
import JixiaoReports

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "打开填报界面 / Open the terminal UI on a draft (created if missing).",
        discussion: "不带文件：列出本目录的草稿，或新建。/ Without a file: resume a draft of this folder, or start a new one.")

    @Argument(help: "草稿文件；省略则新建或从本目录选择 / The draft; omitted: choose or start one.") var file: String?

    func run() throws {
        let status = Self.open(file)
        if status != 0 { throw ExitCode(status) }
    }

    /// The terminal UI on `file` (nil: choose or start one); its exit status.
    static func open(_ file: String?) -> Int32 { AppDriver(catalog: CLI.catalog).run(file: file) }
}
