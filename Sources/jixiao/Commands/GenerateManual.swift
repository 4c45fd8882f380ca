import ArgumentParser

/// Hidden packaging command: writes the manual page, made from the same definitions as `--help`,
/// to standard output (`scripts/package` gzips it into man1).
struct GenerateManual: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "输出 man 手册页 / Write the manual page (roff) to standard output.",
        shouldDisplay: false)

    @Option(help: "手册页上的日期 YYYY-MM-DD / The date on the page.") var date = ""

    func run() throws {
        let root = try CommandHelp.decode(Jixiao._dumpHelp())
        print(ManPage(root: root, version: JixiaoVersion.current, date: date).render(), terminator: "")
    }
}
