import ArgumentParser
import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "自评报告 / The self-evaluation report's prose.",
        subcommands: [ReportImportCommand.self])
}

struct ReportImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入已有的自评报告文字 / Read an existing report (.txt or .docx) into the draft's report, section by heading.",
        discussion: """
        按模板提纲的各节标题（一、单位基本情况 …）分节；标题前的文字和「附件：」之后的文字不导入。导入的节替换草稿中同一节原有的文字。
        然后 jixiao validate 把报告中的数字与表中的数字核对。
        / Splits the text by the template outline's headings; text before the first heading and from an 附件 list on is
        left out. An imported section replaces that section's prose in the draft. `jixiao validate` then checks its figures.
        退出码 / Exit code: 0 已导入 imported, 1 没有找到任何一节 no section found, 2 文件无法读取或写入 a file could not be read or written.
        """)

    @Argument(help: "报告文件（.txt 或 .docx）/ The report, .txt (UTF-8) or .docx.") var file: String
    @Argument(help: "草稿文件 / The draft.") var draftFile: String

    func run() throws {
        let loaded = try CLI.load(draftFile)
        guard let spec = loaded.template.report else { throw CLI.fail(NarrativeText.noOutline(loaded.template.id)) }
        let bytes: [UInt8]
        do { bytes = try DraftStore.readBytes(file) } catch { throw CLI.fail(DraftText.message(error)) }
        let text: String
        do { text = try ReportImport.text(bytes, fileName: file) } catch {
            let reason: String
            switch error {
            case .notUTF8: reason = NarrativeText.notUTF8
            case .notDocx: reason = NarrativeText.notDocx
            case .tooLarge: reason = NarrativeText.tooLarge
            case .unknownExtension: reason = NarrativeText.unknownExtension
            }
            throw CLI.fail(NarrativeText.unreadableDocument(file, reason))
        }
        let result = ReportImport.split(text, spec: spec)
        guard !result.sections.isEmpty else { throw CLI.fail(NarrativeText.noHeadings(file, headings: spec.sections.map(\.heading)), code: 1) }
        var draft = loaded.draft
        // Through the editor, so a section the reader would refuse is refused here, before anything is written.
        let editor = DraftEditor(template: loaded.template)
        for (id, prose) in result.sections {
            do { try editor.setReport(&draft, section: id, text: prose) } catch { throw CLI.fail(EditText.message(error)) }
        }
        do { try DraftStore.save(draft, template: loaded.template, to: draftFile, expected: loaded.stamp) } catch {
            throw CLI.fail(DraftText.message(error))
        }
        CLI.note(NarrativeText.importSummary(sections: result.sections.count, of: spec.sections.count, skippedLines: result.skippedLines))
    }
}
