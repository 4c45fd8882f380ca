import ArgumentParser
import JixiaoKit
import JixiaoStore
import JixiaoReports

struct Fields: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出草稿中可填写的格子 / List every fillable cell: path, label, kind, value.",
        discussion: "路径可用于 jixiao set。/ Paths are what `jixiao set` takes.")

    @Argument(help: "草稿文件 / The draft.") var file: String
    @Flag(help: "输出 JSON / JSON output.") var json = false

    func run() throws {
        let loaded = try CLI.load(file)
        let ev = Evaluation(template: loaded.template, draft: loaded.draft)
        let labels = Labels(template: loaded.template, draft: loaded.draft)
        var items: [JSONValue] = []
        for cell in FillableCells.list(ev) {
            let form = loaded.template.form(cell.address.form)!
            let path = cell.address.path(formRepeated: form.isRepeated)
            let value = ValueText.display(ev.value(cell.address), kind: cell.kind)
            if json {
                items.append(.object([("path", .string(path)), ("label", .string(labels.location(cell.address))),
                                      ("kind", .string(cell.kind.rawValue)), ("required", .bool(cell.required)), ("value", .string(value))]))
            } else {
                CLI.sayFields([path, labels.location(cell.address), cell.kind.rawValue + (cell.required ? "*" : ""),
                               value.replacingOccurrences(of: "\n", with: "⏎")])
            }
        }
        // Where new rows and projects can be added.
        for form in loaded.template.forms {
            for row in form.rows where row.repeating != nil {
                let fp = form.isRepeated ? "\(form.id)[$]" : form.id
                let col = row.repeating?.named == true ? CellAddress.labelColumn : (row.columnIDs.first ?? "")
                let hint = "\(fp).\(row.id)[+].\(col)"
                if json { items.append(.object([("add", .string(hint)), ("label", .string(labels.rowLabel(form, index: 0, row: row, rowIndex: nil)))])) }
                else { CLI.sayFields([hint, CLIText.addRowHint(labels.rowLabel(form, index: 0, row: row, rowIndex: nil))]) }
            }
            if let rep = form.repeated {
                let hint = "\(form.id)[+].\(rep.nameCell)"
                if json { items.append(.object([("add", .string(hint)), ("label", .string(rep.noun))])) }
                else { CLI.sayFields([hint, CLIText.addRowHint(rep.noun)]) }
            }
        }
        if json { CLI.printJSON(.array(items)) }
    }
}
