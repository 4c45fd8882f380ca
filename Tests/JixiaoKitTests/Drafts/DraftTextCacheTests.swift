import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoGenerate

/// The recovery worker writes the draft through `DraftTextCache`, which writes again only the instances
/// that changed: after any edit, and going back to an older draft (undo), its text must be the bytes
/// `DraftCodec.encode` writes.
struct DraftTextCacheTests {
    @Test(arguments: ["hunan-unit", "henan-dept", "hunan-dept-report"])
    func sameBytesAsTheCodecAfterRandomEdits(_ id: String) throws {
        let template = Fixtures.template(id)
        let sizes = DraftGenerator.Sizes(instances: 4, indicators: 3, namedRows: 2, otherRows: 1)
        try Self.editAndCompare(template, DraftGenerator(template: template, seed: 9, sizes: sizes).draft())
    }

    @Test func sameBytesOnTheSeedExample() throws {
        let ws = Fixtures.example()
        try Self.editAndCompare(ws.template, ws.draft)
    }

    static func editAndCompare(_ template: Template, _ start: Draft) throws {
        let editor = DraftEditor(template: template)
        var draft = start
        var cache = DraftTextCache()
        var history: [Draft] = [draft]
        var seed: UInt64 = 3
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let texts = ["12.5", "", "第一行\n第二行", "引号\"和\\反斜杠", "\u{1}\u{9b}控制", "  两端空格  ", "abc", "95%"]
        let repeated = template.forms.filter(\.isRepeated)
        for step in 0..<200 {
            let ev = Evaluation(template: template, draft: draft)
            let cells = FillableCells.list(ev)
            switch next(14) {
            case 0 where !repeated.isEmpty:
                let form = repeated[next(repeated.count)]
                _ = try editor.addInstance(&draft, form: form.id, name: "新项目\(step)", at: next(draft.instances(of: form.id).count + 1))
            case 1 where !repeated.isEmpty:
                let form = repeated[next(repeated.count)]
                if draft.instances(of: form.id).count > 1 { try editor.removeInstance(&draft, form: form.id, index: next(draft.instances(of: form.id).count)) }
            case 2:
                if let section = template.report?.sections.first { try editor.setReport(&draft, section: section.id, text: texts[next(texts.count)]) }
            case 3:
                // Undo: an older draft, whose instances the cache may have written since in other versions.
                draft = history[next(history.count)]
            case 4, 5, 6:
                // Repeated rows added, removed and moved (F5, F6, Alt-↑/↓): the rows after shift by one.
                let groups = template.forms.flatMap { f in f.rows.filter { $0.repeating != nil }.map { (f, $0) } }
                guard !groups.isEmpty else { break }
                let (form, row) = groups[next(groups.count)]
                let instances = draft.instances(of: form.id).count
                guard instances > 0 else { break }
                let at = next(instances)
                let count = draft.forms[form.id]![at].rows[row.id]?.count ?? 0
                if next(3) == 0 || count == 0 {
                    _ = try editor.addRow(&draft, form: form.id, formIndex: at, row: row.id, at: next(count + 1), label: next(2) == 0 ? nil : "新增\(step)")
                } else if next(2) == 0 {
                    try editor.removeRow(&draft, form: form.id, formIndex: at, row: row.id, index: next(count))
                } else {
                    _ = try editor.moveRow(&draft, form: form.id, formIndex: at, row: row.id, index: next(count), by: next(2) == 0 ? -1 : 1)
                }
            case 7:
                // A mark of a cell carried over from last year (jixiao next), on a single or a repeated row.
                let form = template.forms[next(template.forms.count)]
                let instances = draft.instances(of: form.id).count
                guard instances > 0 else { break }
                let at = next(instances)
                let row = form.rows[next(form.rows.count)]
                guard let column = row.columnIDs.first else { break }
                if row.repeating == nil {
                    draft.forms[form.id]![at].carried[row.id, default: []].insert(column)
                } else if var list = draft.forms[form.id]![at].rows[row.id], !list.isEmpty {
                    let k = next(list.count)
                    list[k].carried.insert(column)
                    draft.forms[form.id]![at].rows[row.id] = list
                }
            default:
                let cell = cells[next(cells.count)]
                try editor.set(&draft, cell.address, text: texts[next(texts.count)], lenient: true)
            }
            history.append(draft)
            if step % 10 == 0 {
                // The recovery file as the worker writes it, into the buffer it reuses.
                let file = RecoveryFile(draft: draft, savedAt: Date(timeIntervalSince1970: 1_700_000_000), pid: 42, host: "主机", draftPath: "/tmp/草稿.json", base: nil)
                #expect(RecoveryCodec.encode(file, template: template, cache: &cache).bytes == Array(RecoveryCodec.encode(file, template: template).utf8), "\(template.id) step \(step): the recovery bytes differ")
                continue
            }
            let kept = cache.encode(draft, template: template)
            #expect(kept == DraftCodec.encode(draft, template: template), "\(template.id) step \(step): the kept text differs from the codec's")
        }
    }
}
