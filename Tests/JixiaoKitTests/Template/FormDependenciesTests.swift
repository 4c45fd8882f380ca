import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoGenerate

/// The dependency tables compiled with a form (`FormDependencies`), against the formulas as written,
/// read by names: every computed cell that reads a cell, directly or through other computed cells, is
/// among that cell's dependents, in evaluation order, and nothing else is; a rubric's readers of
/// other forms' cells are those its formulas name.
struct FormDependenciesTests {
    @Test(arguments: DraftGeneratorTests.templates.map(\.id))
    func dependentsAreTheTransitiveReadersInEvaluationOrder(_ id: String) throws {
        let t = try #require(DraftGeneratorTests.templates.first { $0.id == id })
        var transitive = 0, foreign = 0
        for form in t.forms {
            let c = form.compiled
            let order = form.evaluationOrder
            // By names: the cells (row.column) each computed cell's formula reads in its own form.
            func reads(_ j: Int) -> Set<String> {
                let cell = order[j]
                var out = Set<String>()
                for r in cell.formula.references where r.form == nil {
                    let column: String
                    switch r.column { case let .named(name): column = name; case .current: column = cell.column }
                    switch r.row {
                    case let .named(row), let .allInstances(row), let .sameIndex(row): out.insert("\(row).\(column)")
                    case .this: out.insert("\(cell.row).\(column)")
                    case .children: for child in form.row(cell.row)?.childIDs ?? [] { out.insert("\(child).\(column)") }
                    }
                }
                return out
            }
            let direct = order.indices.map(reads)
            for row in form.rows {
                for column in c.columnIDs {
                    // Readers of the cell, then of each reader's own cell, until nothing is added.
                    var found = Set<Int>(), frontier: Set<String> = ["\(row.id).\(column)"]
                    while !frontier.isEmpty {
                        var next = Set<String>()
                        for j in order.indices where !found.contains(j) && !direct[j].isDisjoint(with: frontier) {
                            found.insert(j)
                            next.insert("\(order[j].row).\(order[j].column)")
                        }
                        frontier = next
                    }
                    let key = c.key(row: c.row(row.id)!, column: c.column(column)!)
                    let kept = c.dependencies.dependents[key]
                    #expect(kept == found.sorted(), "\(form.id).\(row.id).\(column): dependents \(kept), by names \(found.sorted())")
                    let directly = order.indices.filter { direct[$0].contains("\(row.id).\(column)") }
                    transitive += found.count - directly.count
                }
            }
            for (j, cell) in order.enumerated() {
                for r in cell.formula.references {
                    guard let other = r.form, let f = t.form(other), case let .named(column) = r.column else { continue }
                    let row: String
                    switch r.row { case let .named(id), let .allInstances(id): row = id; default: continue }
                    let key = f.compiled.key(row: f.compiled.row(row)!, column: f.compiled.column(column)!)
                    #expect(c.dependencies.foreignReaders[f.compiled.slot]?[key]?.contains(j) == true,
                            "\(form.id).\(cell.row).\(cell.column) reads \(other)!\(row).\(column) but is not among its readers")
                    foreign += 1
                }
            }
        }
        // A template whose formulas read only entered cells would show nothing of the transitive part.
        #expect(transitive > 0)
        if id == "hunan-unit" { #expect(foreign > 0) }
    }

    /// A computed cell read only through another computed cell is recomputed when the first cell
    /// changes: removing the transitive part of the tables fails here.
    @Test func aTotalOfTotalsFollowsAnEditTwoStepsDown() throws {
        let ws = Fixtures.example()
        let t = ws.template
        var best: (form: FormSpec, key: Int, dependents: [Int])?
        for form in t.forms {
            let c = form.compiled
            for (key, list) in c.dependencies.dependents.enumerated() where list.count > (best?.dependents.count ?? 0) && !c.isComputed(row: key / c.columnCount, column: key % c.columnCount) {
                best = (form, key, list)
            }
        }
        let (form, key, dependents) = try #require(best)
        let c = form.compiled
        let direct = Set(dependents.filter { c.dependencies.inputs[$0].contains(key) })
        #expect(direct.count < dependents.count, "the cell's dependents include some read only through another computed cell")
    }
}
