import ArgumentParser
import JixiaoKit

struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "填写格子、增删行 / Set cells, add or remove repeated rows and projects.",
        discussion: """
        路径 PATH 写作 表.行.列（jixiao fields 列出全部）/ PATH is FORM.ROW.COLUMN (see `jixiao fields`):
          A.staff.actual=15              单个格子 / a cell
          A.specialItem[+].label=四海揽才  新增一行并填写 / add a row and fill it
          A.specialItem[$].actual=11.04  最后一行 / the last row
          C[+].name.value=业务工作经费     新增一个项目 / add a project
          C[2].fiscal.budget=130         第 2 个项目 / the second project
          A.office.prev=                 清空 / clear
          @level=县级                     模板参数 / a template parameter
        --remove A.specialItem[2] 或 --remove C[3] 删除一行或一个项目 / removes a row or a project.
        任何一项出错则整个文件不变 / If any item fails, the file is left unchanged.
        """)

    @Argument(help: "草稿文件 / The draft.") var file: String
    @Argument(help: "PATH=VALUE ...") var assignments: [String] = []
    @Option(name: .customLong("remove"), help: "删除的行或项目 / A row or project to remove.") var removals: [String] = []
    @Flag(help: "输出 JSON / JSON output.") var json = false

    func run() throws {
        let loaded = try CLI.load(file)
        var draft = loaded.draft
        let editor = DraftEditor(template: loaded.template)
        var changed: [String] = []
        do {
            for r in removals {
                let p = try TypedPath.parse(r)
                guard case let .number(k) = p.row.isEmpty ? p.formIndex : p.rowIndex else { throw EditError.badPath(r) }
                if p.row.isEmpty {
                    try editor.removeInstance(&draft, form: p.form, index: k)
                } else {
                    let fi: Int
                    if case let .number(n) = p.formIndex { fi = n } else { fi = 0 }
                    try editor.removeRow(&draft, form: p.form, formIndex: fi, row: p.row, index: k)
                }
                changed.append("-" + r)
            }
            for a in assignments {
                guard let eq = a.firstIndex(of: "=") else { throw EditError.badPath(a) }
                let pathText = String(a[..<eq])
                let value = String(a[a.index(after: eq)...])
                if pathText.hasPrefix("@") {
                    try editor.setParameter(&draft, String(pathText.dropFirst()), value)
                } else {
                    let address = try TypedPath.parse(pathText).resolve(in: &draft, editor: editor)
                    try editor.set(&draft, address, text: value)
                    changed.append(address.path(formRepeated: loaded.template.form(address.form)?.isRepeated ?? false))
                }
            }
        } catch let e as EditError {
            throw CLI.fail(EditText.message(e) + CLIText.unchanged(file))
        }
        do { try DraftStore.save(draft, template: loaded.template, to: file, expected: loaded.stamp) } catch {
            throw CLI.fail(DraftText.message(error))
        }
        if json { CLI.printJSON(.object([("file", .string(file)), ("changed", .array(changed.map(JSONValue.string)))])) }
        else { CLI.say(CLIText.saved(file, count: changed.count)) }
    }
}
