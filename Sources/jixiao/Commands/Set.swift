import ArgumentParser
import JixiaoKit
import JixiaoStore
import JixiaoReports

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
        没有实际改动时不写文件 / Nothing is written when no value changes.
        草稿正在填报界面中打开时立即拒绝、不等待 / A draft open in the terminal UI is refused at once.
        """)

    @Argument(help: "草稿文件 / The draft.") var file: String
    @Argument(help: "PATH=VALUE ...") var assignments: [String] = []
    @Option(name: .customLong("remove"), help: "删除的行或项目 / A row or project to remove.") var removals: [String] = []
    @Flag(help: "输出 JSON / JSON output.") var json = false

    func run() throws {
        var changed: [String] = []
        var failures: [SetFailure] = []
        let outcome: DraftStore.UpdateOutcome
        do {
            // Read, edit and write under the draft's write lock (a writer in between is never lost).
            outcome = try CLI.store.update(file) { draft, template in
                let editor = DraftEditor(template: template)
                // Every item is tried, so one run names every bad one; the file is written only if none failed.
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
                            failures.append(SetFailure(item: a, path: pathText, error: error as? EditError ?? .badPath(a)))
                        }
                        continue
                    }
                    let address: CellAddress
                    do { address = try TypedPath.parse(pathText).resolve(in: &draft, editor: editor) } catch {
                        failures.append(SetFailure(item: a, path: pathText, error: error as? EditError ?? .badPath(a)))
                        continue
                    }
                    let whole = template.path(address)
                    do {
                        try editor.set(&draft, address, text: value)
                        changed.append(whole)
                    } catch {
                        failures.append(SetFailure(item: a, path: whole, error: error as? EditError ?? .badPath(a)))
                    }
                }
                if !failures.isEmpty { throw SetRefused() }
            }
        } catch is SetRefused {
            throw refuse(failures, unchanged: true)
        } catch let e as DraftError {
            throw refuse([SetFailure(item: file, path: nil, code: "notSaved", message: DraftText.message(e))], unchanged: false)
        }
        let written = outcome != .unchanged
        if json {
            CLI.printJSON(.object([("file", .string(file)), ("saved", .bool(written)), ("written", .bool(written)),
                                   ("changed", .array((written ? changed : []).map(JSONValue.string)))]))
        } else {
            CLI.say(written ? CLIText.saved(file, count: changed.count) : CLIText.nothingChanged(file))
        }
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

/// Some item was refused: nothing is written (thrown out of the store's update to leave the file alone).
struct SetRefused: Error {}

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
