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
        任何一项出错则整个文件不变，并列出每一个出错项（--json 时以 JSON 输出到标准输出）。
        If any item fails, the file is left unchanged and every failing item is listed (as JSON on standard output with --json).
        """)

    @Argument(help: "草稿文件 / The draft.") var file: String
    @Argument(help: "PATH=VALUE ...") var assignments: [String] = []
    @Option(name: .customLong("remove"), help: "删除的行或项目 / A row or project to remove.") var removals: [String] = []
    @Flag(help: "输出 JSON / JSON output.") var json = false

    func run() throws {
        let loaded: DraftStore.Loaded
        do { loaded = try CLI.store.load(file) } catch {
            throw refuse([SetFailure(item: file, path: nil, code: "unreadable", message: DraftText.message(error))], unchanged: false)
        }
        var draft = loaded.draft
        let editor = DraftEditor(template: loaded.template)
        var changed: [String] = []
        // Every item is tried, so one run names every bad one; the file is written only if none failed.
        var failures: [SetFailure] = []
        for r in removals {
            do {
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
            } catch let e as EditError {
                failures.append(SetFailure(item: "--remove " + r, path: r, error: e))
            }
        }
        for a in assignments {
            guard let eq = a.firstIndex(of: "=") else {
                failures.append(SetFailure(item: a, path: nil, error: .badPath(a)))
                continue
            }
            let pathText = String(a[..<eq])
            let value = String(a[a.index(after: eq)...])
            if pathText.hasPrefix("@") {
                do { try editor.setParameter(&draft, String(pathText.dropFirst()), value) } catch {
                    failures.append(SetFailure(item: a, path: pathText, error: error))
                }
                continue
            }
            let address: CellAddress
            do { address = try TypedPath.parse(pathText).resolve(in: &draft, editor: editor) } catch {
                failures.append(SetFailure(item: a, path: pathText, error: error))
                continue
            }
            let whole = loaded.template.path(address)
            do {
                try editor.set(&draft, address, text: value)
                changed.append(whole)
            } catch {
                failures.append(SetFailure(item: a, path: whole, error: error))
            }
        }
        if !failures.isEmpty { throw refuse(failures, unchanged: true) }
        do { try DraftStore.save(draft, template: loaded.template, to: file, expected: loaded.stamp) } catch {
            throw refuse([SetFailure(item: file, path: nil, code: "notSaved", message: DraftText.message(error))], unchanged: false)
        }
        if json { CLI.printJSON(.object([("file", .string(file)), ("saved", .bool(true)), ("changed", .array(changed.map(JSONValue.string)))])) }
        else { CLI.say(CLIText.saved(file, count: changed.count)) }
    }

    /// Every failure on standard error, or with `--json` as one JSON object on standard output; exit 2.
    func refuse(_ failures: [SetFailure], unchanged: Bool) -> ExitCode {
        if json {
            CLI.printJSON(.object([("file", .string(file)), ("saved", .bool(false)), ("errors", .array(failures.map(\.json)))]))
            return ExitCode(2)
        }
        let text = failures.map(\.message).joined(separator: "\n")
        return CLI.fail(text + (unchanged ? CLIText.unchanged(file) : ""))
    }
}

/// One refused item of `jixiao set`: what was typed, the whole path it names when known, and why.
struct SetFailure {
    let item: String
    let path: String?
    let code: String
    let message: String

    init(item: String, path: String?, code: String, message: String) {
        self.item = item
        self.path = path
        self.code = code
        self.message = message
    }

    init(item: String, path: String?, error: EditError) {
        self.init(item: item, path: path, code: error.code, message: EditText.message(error))
    }

    var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("item", .string(item)), ("code", .string(code)), ("message", .string(message))]
        if let path { pairs.insert(("path", .string(path)), at: 1) }
        return .object(pairs)
    }
}
