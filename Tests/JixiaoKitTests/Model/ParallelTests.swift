import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Instances are decoded, evaluated and checked on every core (`Parallel.map`): the results must be
/// those of doing it one after the other, in the same order, and a draft broken in several instances
/// must be refused for the first of them in the file, as before.
struct ParallelTests {
    @Test(arguments: [0, 1, 7, 8, 16, 17, 1000])
    func mapKeepsTheOrder(_ count: Int) {
        let items = Array(0..<count)
        // Uneven work, so the lanes finish out of step.
        let f: @Sendable (Int) -> String = { i in String((0..<(i % 13) * 50).reduce(i) { ($0 &* 31 &+ $1) % 1_000_003 }) + "#\(i)" }
        #expect(Parallel.map(items, f) == items.map(f))
        #expect(Parallel.map(items, minimum: 1, f) == items.map(f))
    }

    @Test func theFirstBrokenInstanceInTheFileIsTheOneReported() throws {
        let t = Fixtures.template()
        let form = try #require(t.forms.first { $0.isRepeated })
        var sizes = DraftGenerator.Sizes.small
        sizes.instances = 30
        let draft = DraftGenerator(template: t, seed: 4, sizes: sizes).draft()
        let root = try JSONReader.parse(Array(DraftCodec.encode(draft, template: t).utf8))
        // A field the format does not have in projects 5 and 18 (and 27): the 5th is named.
        func broken(_ v: JSONValue) -> JSONValue {
            guard case let .object(pairs) = v else { return v }
            return .object(pairs.map { key, value in
                guard key == "forms", case let .object(forms) = value else { return (key, value) }
                return (key, .object(forms.map { id, list in
                    guard id == form.id, case let .array(items) = list else { return (id, list) }
                    return (id, .array(items.enumerated().map { k, item in
                        guard [4, 17, 26].contains(k), case let .object(fields) = item else { return item }
                        return .object(fields + [("bogus\(k)", .null)])
                    }))
                }))
            })
        }
        #expect(try DraftCodec.decode(root, template: t, path: "d.json") == draft)
        #expect(throws: DraftError.unknownField(path: "d.json", entry: "forms.\(form.id)[4].bogus4")) {
            try DraftCodec.decode(broken(root), template: t, path: "d.json")
        }
    }

    @Test func checksAreThoseOfEachInstanceInOrder() {
        var sizes = DraftGenerator.Sizes.small
        sizes.instances = 40
        let t = Fixtures.template()
        let ev = Evaluation(template: t, draft: DraftGenerator(template: t, seed: 6, sizes: sizes).draft())
        var one: [Problem] = []
        for form in t.forms { for k in 0..<ev.instanceCount(form.id) { one += Checker.check(ev, form: form, index: k) } }
        one += Checker.checkAcrossForms(ev) + ReportFigures.check(ev)
        let expected = Checker.ordered(one, template: t)
        #expect(!expected.isEmpty)
        #expect(Checker.check(ev) == expected)
    }
}
