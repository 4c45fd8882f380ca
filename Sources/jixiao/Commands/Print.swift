import ArgumentParser
import Foundation
import JixiaoKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JixiaoStore
import JixiaoReports

struct Print: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, html, csv, xlsx, docx
    }

    static let configuration = CommandConfiguration(
        abstract: "打印自评得分和各附表 / Print the scorecard (text) or every form (HTML, CSV, XLSX).",
        discussion: """
        text  自评得分（各表的执行率、指标得分、总分、等次及已填的评分表），供终端或 lp 打印 / the scorecard for a terminal or `lp` (default: standard output).
        html  按纸质表格排版的单个 HTML 文件，A4 打印 / one self-contained HTML file laid out like the paper forms (default: standard output).
        csv   每张表一个文件（UTF-8 带 BOM）/ one file per form and project, UTF-8 with BOM; -o is a folder (existing, or ending in /) or a name prefix (default: beside the draft).
        xlsx  一个工作簿，每张表一个工作表 / one workbook, a sheet per form and per project (default: beside the draft).
        docx  Word 文档：自评报告，其后每张表一个表格（A4，宽表横排）/ a Word document: the report, then each form as a table (A4, wide forms landscape; default: beside the draft).
        有错误的草稿不打印为定稿；加 --draft 打印标明「草稿」的版本。/ A draft with errors is not printed as final; --draft prints a copy marked 草稿.
        文件只写成 0600，从不写到草稿、备份、锁文件或恢复文件上；
        已有的文件只有是之前打印的同类文件才覆盖，否则需 --force。
        / Files are written 0600, never over the draft, its backup, lock or recovery file; an existing file is replaced only when it is an earlier printout of the same kind, else only with --force.
        退出码 / Exit code: 0 已打印 printed, 1 有错误未打印 refused (errors), 2 文件无法读取或写入 a file could not be read or written.
        """)

    @Argument(help: "草稿文件 / The draft.") var file: String
    @Option(help: "格式 / Format: text, html, csv, xlsx, docx.") var format: Format = .text
    @Option(name: [.short, .customLong("output")], help: "输出位置，- 为标准输出 / Where to write; - for standard output.") var output: String?
    @Option(parsing: .unconditional, help: "文本宽度（半角字符数，40–1000）/ Text width in terminal cells, 40–1000 (default: the terminal's, or 100).")
    var width: WholeNumber?
    @Flag(help: "打印草稿（标明草稿及未解决的问题数）/ Print a copy marked 草稿 with the number of open problems.") var draft = false
    @Flag(help: "覆盖不是打印结果的已有文件 / Replace an existing file that is not an earlier printout.") var force = false

    func validate() throws {
        _ = try width?.within(CLIText.printWidthRange, "宽度", option: "width")
    }

    func run() throws {
        let loaded = try CLI.load(file)
        let ev = Evaluation(template: loaded.template, draft: loaded.draft)
        let card = ScorecardBuilder.build(ev)
        let mark: DraftMark?
        switch PrintGate.decide(card, draft: draft) {
        case let .print(m): mark = m
        case let .refuse(errors):
            CLI.note(CLIText.printRefused(errors: errors.count))
            for line in ProblemReport.lines(errors, card.problemText) { CLI.note(line) }
            throw ExitCode(1)
        }
        let base = URL(fileURLWithPath: file).deletingPathExtension().path
        switch format {
        case .text:
            let toStdout = output == nil || output == "-"
            let cells = try width?.within(CLIText.printWidthRange, "宽度", option: "width") ?? (toStdout ? Self.terminalWidth() : nil) ?? 100
            try emit(Array(PrintText.render(scorecard: card, evaluation: ev, width: cells, draftMark: mark).utf8), to: output)
        case .html:
            try emit(Array(PrintHTML.render(scorecard: card, evaluation: ev, draftMark: mark).utf8), to: output)
        case .csv:
            let files = PrintCSV.render(scorecard: card, evaluation: ev, draftMark: mark)
            let target = output ?? base + "-"
            var isDir: ObjCBool = false
            let folder = target.hasSuffix("/") || (FileManager.default.fileExists(atPath: target, isDirectory: &isDir) && isDir.boolValue)
            if folder {
                do { try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true) } catch {
                    throw CLI.fail(CLIText.cannotWrite(target, error.localizedDescription))
                }
            }
            try write(files.map { f in (folder ? (target.hasSuffix("/") ? target : target + "/") + f.name : target + f.name, f.bytes) })
        case .xlsx:
            let bytes: [UInt8]
            do { bytes = try PrintXLSX.render(scorecard: card, evaluation: ev, draftMark: mark) } catch {
                throw CLI.fail(CLIText.cannotWrite(output ?? base + ".xlsx", String(describing: error)))
            }
            try write([(output ?? base + ".xlsx", bytes)])
        case .docx:
            let bytes: [UInt8]
            do { bytes = try PrintDOCX.render(scorecard: card, evaluation: ev, draftMark: mark) } catch {
                throw CLI.fail(CLIText.cannotWrite(output ?? base + ".docx", String(describing: error)))
            }
            try write([(output ?? base + ".docx", bytes)])
        }
    }

    func emit(_ bytes: [UInt8], to output: String?) throws {
        guard let output, output != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        try write([(output, bytes)])
    }

    /// Through `ExportWriter`: never over the draft's own files, over another existing file only when it
    /// is an earlier printout of this format or with --force; atomically, 0600.
    func write(_ files: [(path: String, bytes: [UInt8])]) throws {
        let written: [String]
        do {
            written = try ExportWriter.write(files, format: PrintJob.Format(rawValue: format.rawValue)!, draftPath: file, existing: force ? .force : .exportsOnly)
        } catch {
            throw CLI.fail(ExportText.message(error))
        }
        for path in written { CLI.note(CLIText.wrote(path)) }
    }

    /// The width of the terminal standard output goes to; nil when it is not a terminal (a pipe to `lp`).
    static func terminalWidth() -> Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
        return nil
    }
}

