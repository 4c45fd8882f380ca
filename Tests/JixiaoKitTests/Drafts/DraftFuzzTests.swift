import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Hostile and broken drafts: random bytes, truncations, wrong types, huge numbers, deep nesting.
/// Every one is either read or refused with a `DraftError`; none crashes, none is changed on disk.
struct DraftFuzzTests {
    typealias SplitMix64 = SeededRandom

    static let mutations = ["\"", "{", "}", "[", "]", ",", ":", "1e999999", "-0", "99999999999999999999999999999999999999999",
                            "null", "true", "\"\\ud800\"", "\u{0}", "[[[[[[[[[[", "{\"a\":", "\"年\"", "0.0000000000000000000000001"]

    func input(_ k: Int, _ rng: inout SplitMix64, example: [UInt8], small: [UInt8]) -> [UInt8] {
        switch k % 6 {
        case 0: // random bytes
            return (0..<rng.below(200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        case 1: // a truncated real draft
            let src = rng.below(4) == 0 ? example : small
            return Array(src.prefix(rng.below(src.count)))
        case 2: // a real draft with a splice of JSON punctuation or a hostile value
            var b = small
            let at = rng.below(b.count)
            b.replaceSubrange(at..<min(b.count, at + rng.below(4)), with: Array(Self.mutations[rng.below(Self.mutations.count)].utf8))
            return b
        case 3: // wrong types for the cells
            let v = ["15", "[]", "{}", "null", "true", "\"\(String(repeating: "9", count: rng.below(80)))\"", "\"１２３．５％\"", "\"-0\""][rng.below(8)]
            return Array("{\"format\":\"jixiao-draft\",\"formatVersion\":1,\"template\":{\"id\":\"hunan-unit\",\"version\":\"1.0.0\"},\"year\":2023,\"forms\":{\"A\":[{\"cells\":{\"staff\":{\"actual\":\(v)}},\"rows\":{\"specialItem\":[{\"label\":\(v)}]}}]}}".utf8)
        case 4: // deep nesting
            let depth = rng.below(5000)
            return Array((String(repeating: "[", count: depth) + String(repeating: "]", count: rng.below(depth + 1))).utf8)
        default: // structure in the wrong shape
            let shapes = ["{\"forms\":[]}", "[]", "\"jixiao-draft\"", "{\"format\":\"jixiao-draft\",\"formatVersion\":\"1\"}",
                          "{\"format\":\"jixiao-draft\",\"formatVersion\":1,\"template\":{\"id\":\"hunan-unit\",\"version\":\"1.0.0\"},\"year\":2023,\"forms\":{\"C\":[1,2,3]}}",
                          "{\"format\":\"jixiao-draft\",\"formatVersion\":1,\"template\":{\"id\":\"hunan-unit\",\"version\":\"1.0.0\"},\"year\":2023,\"forms\":{\"B\":[{},{}]}}",
                          "{\"format\":\"jixiao-draft\",\"formatVersion\":1,\"template\":{\"id\":\"hunan-unit\",\"version\":\"1.0.0\"},\"year\":99999999999999999999,\"forms\":{}}"]
            return Array(shapes[rng.below(shapes.count)].utf8)
        }
    }

    @Test func tenThousandHostileDraftsNeitherCrashNorChangeTheFile() throws {
        let ws = Fixtures.example()
        let example = Array(DraftCodec.encode(ws.draft, template: ws.template).utf8)
        let smallDraft = DraftFactory.new(template: ws.template, year: 2023, unitName: "测试单位")
        let small = Array(DraftCodec.encode(smallDraft, template: ws.template).utf8)
        let store = DraftStore(catalog: Fixtures.catalog)
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/fuzz.json"
        var rng = SplitMix64(seed: 20231)
        var loaded = 0, refused = 0
        for k in 0..<10_000 {
            let bytes = input(k, &rng, example: example, small: small)
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            do {
                let l = try store.load(path)
                // Whatever loads must evaluate and check without trapping.
                _ = Checker.check(Evaluation(template: l.template, draft: l.draft))
                loaded += 1
            } catch {
                _ = DraftText.message(error)
                refused += 1
            }
            let after = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            if after != bytes { Issue.record("input \(k) changed the file"); break }
        }
        #expect(loaded + refused == 10_000)
        #expect(refused > 5_000, "most hostile inputs must be refused (loaded \(loaded))")
    }
}

extension SeededRandom {
    /// A whole number in 0..<n (0 when n is 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
