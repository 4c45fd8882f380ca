import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoGenerate

/// The cross-form checks `LiveChecks` keeps by what they read (`KeptCheck`: the sums over every
/// project, the one 填报日期, the indicator comparison) must give exactly the problems of a full check
/// after any edit. Random edits aimed at the cells those checks read (the summed cells of every
/// project, the figures they are compared with, the dates, the projects' names), on all three templates.
struct KeptChecksTests {
    struct Random {
        var seed: UInt64
        mutating func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
    }

    /// The cells the template's cross-form checks read, in every instance they read, and every name
    /// of a project (the messages name projects).
    static func readByCrossFormChecks(_ ev: Evaluation) -> [CellAddress] {
        var out: [CellAddress] = []
        for spec in ev.template.checks {
            let refs = [spec.left, spec.right, spec.detail].compactMap { $0 }.flatMap(\.references)
            var cells = refs.compactMap { r -> (String, Bool, String, String)? in
                guard let form = r.form, case let .named(row) = r.row, case let .named(column) = r.column else { return nil }
                return (form, r.allForms, row, column)
            }
            cells += spec.cells.compactMap { t in t.form.map { ($0, t.allInstances, t.row, t.column) } }
            for (form, all, row, column) in cells {
                let n = all ? ev.instanceCount(form) : min(1, ev.instanceCount(form))
                for k in 0..<n { out.append(CellAddress(form: form, formIndex: k, row: row, rowIndex: nil, column: column)) }
            }
        }
        for form in ev.template.forms {
            guard let cell = form.repeated?.nameCell else { continue }
            for k in 0..<ev.instanceCount(form.id) { out.append(CellAddress(form: form.id, formIndex: k, row: cell.row, rowIndex: nil, column: cell.column)) }
        }
        return out
    }

    static func editAndCompare(_ template: Template, _ start: Draft, seed: UInt64, steps: Int) throws -> Int {
        let editor = DraftEditor(template: template)
        var draft = start
        var ev = Evaluation(template: template, draft: draft)
        var live = LiveChecks(ev)
        let all = FillableCells.list(ev).map(\.address)
        let fillable = Set(all)
        var byInstance: [String: [CellAddress]] = [:]
        for a in all { byInstance["\(a.form)#\(a.formIndex)", default: []].append(a) }
        // A computed cell (a project's 全年执行数) changes through the cells of its instance.
        let hot = readByCrossFormChecks(ev).flatMap { a in fillable.contains(a) ? [a] : byInstance["\(a.form)#\(a.formIndex)"] ?? [] }
        var random = Random(seed: seed)
        let numbers = ["", "0", "12.5", "100", "abc", "99.99", "3", "250000.5", "-4"]
        let texts = ["2024年3月5日", "2024.3.6", "2023-12-30", "2024/13/1", "", "2025.9.1", "项目甲", "项目乙", "2024年3月5日至6日"]
        var problemsSeen = 0
        for step in 0..<steps {
            let a = !hot.isEmpty && random.next(4) > 0 ? hot[random.next(hot.count)] : all[random.next(all.count)]
            let numeric = ev.template.form(a.form).flatMap { f in f.row(a.row).flatMap { f.section($0.sectionID)?.column(a.column)?.kind.isNumeric } } ?? false
            let pool = numeric ? numbers : texts
            try editor.set(&draft, a, text: pool[random.next(pool.count)], lenient: true)
            ev.update(draft: draft, form: a.form, index: a.formIndex)
            live.refresh(ev, form: a.form, index: a.formIndex)
            guard step % 3 == 2 else { continue }
            let full = Checker.check(Evaluation(template: template, draft: draft))
            let same = live.all(template) == full
            #expect(live.isOrderKept && live.all(template) == live.allSortedAfresh(template), "\(template.id) step \(step): the kept order differs from a fresh sort")
            #expect(same, "\(template.id) step \(step) after \(a): live problems differ from a full check")
            for severity in Severity.allCases {
                #expect(live.count(severity) == full.filter { $0.severity == severity }.count, "\(template.id) step \(step): the count of \(severity)")
            }
            // What the table marks and the status line read: the cross-form problems of one instance.
            for form in template.forms {
                for k in 0..<ev.instanceCount(form.id) {
                    let here = live.acrossForms.filter { $0.address?.form == form.id && $0.address?.formIndex == k }
                    #expect(live.acrossProblems(form: form.id, index: k) == here, "\(template.id) step \(step): the cross-form problems of \(form.id)[\(k)]")
                }
            }
            problemsSeen += full.filter { $0.address.map { a in ev.template.checks.contains { $0.at?.form == a.form } } ?? false || $0.code.hasPrefix("dates") }.count
        }
        return problemsSeen
    }

    @Test(arguments: ["hunan-unit", "henan-dept", "hunan-dept-report"])
    func keptEqualsFullAfterRandomEdits(_ id: String) throws {
        let template = Fixtures.template(id)
        let sizes = DraftGenerator.Sizes(instances: 6, indicators: 3, namedRows: 2, otherRows: 1)
        let draft = DraftGenerator(template: template, seed: 5, sizes: sizes).draft()
        let seen = try Self.editAndCompare(template, draft, seed: 19, steps: 150)
        // The edits must have made the cross-form checks find something, or they were never exercised.
        if !template.checks.isEmpty { #expect(seen > 10) }
    }

    @Test func keptEqualsFullOnTheSeedExample() throws {
        let ws = Fixtures.example()
        let seen = try Self.editAndCompare(ws.template, ws.draft, seed: 23, steps: 150)
        #expect(seen > 10)
    }
}
