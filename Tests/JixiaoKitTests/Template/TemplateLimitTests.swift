import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Hostile templates (issue 11, item 12): each bound of `Limits` is enforced at load, with the file,
/// the entry and a Chinese message, instead of a crash, a hang or an allocation abort later.
extension TemplateLoaderTests {
    static let staffRate = "\"formula\": \"_.actual / _.authorized\""

    func staffRate(_ formula: String) -> TemplateError? {
        reason { () throws(TemplateError) in try load(replacing: Self.staffRate, with: "\"formula\": \"\(formula)\"") }
    }

    func expectEntry(_ e: TemplateError?, endsWith suffix: String, says words: String...) {
        #expect(e?.file == "edited.json")
        #expect(e?.entry.hasSuffix(suffix) == true, "entry: \(e?.entry ?? "nil")")
        let message = e.map(DraftText.template) ?? ""
        for w in words { #expect(message.contains(w), "message: \(message)") }
    }

    /// The probe: a formula nested 4,000 deep crashed `jixiao templates` (SIGSEGV in the parser).
    @Test func formulaNestedFourThousandDeepIsRefused() {
        let e = staffRate(String(repeating: "(", count: 4_000) + "_.actual" + String(repeating: ")", count: 4_000))
        #expect(e?.reason == .formulaTooLong(length: 8_008))
        expectEntry(e, endsWith: "sections[1](staff).columns[2].formula", says: "edited.json", "8008 个字符", "上限 2000")
    }

    @Test func formulaNestedPastTheDepthIsRefused() {
        let text = String(repeating: "(", count: 150) + "_.actual" + String(repeating: ")", count: 150)
        let e = staffRate(text)
        #expect(e?.reason == .formulaTooDeep(text: text))
        expectEntry(e, endsWith: "columns[2].formula", says: "嵌套超过 100 层", "sum(…)")
        #expect(DraftText.template(e!).count < 300, "the message quotes the start of the formula, not all of it")
    }

    /// The probe's second form: a long `- - - …` chain, which crashed the evaluator.
    @Test func longMinusChainIsRefused() {
        #expect(staffRate(String(repeating: "- ", count: 4_000) + "_.actual")?.reason == .formulaTooLong(length: 8_008))
        let text = String(repeating: "-", count: 150) + "_.actual"
        #expect(staffRate(text)?.reason == .formulaTooDeep(text: text))
    }

    /// The probe: `round(x, -2147483647)` ran 22 s on every evaluation, Int.min over a minute.
    @Test func roundDigitsOutsideTheRangeAreRefused() {
        let e = staffRate("round(_.actual, -2147483647)")
        #expect(e?.reason == .roundDigits(text: "round(_.actual, -2147483647)", digits: "-2147483647"))
        expectEntry(e, endsWith: "columns[2].formula", says: "round 的位数「-2147483647」", "-20 到 20 之间的整数常数")
        #expect(staffRate("round(_.actual, -9223372036854775808)")?.reason
                == .roundDigits(text: "round(_.actual, -9223372036854775808)", digits: "-9223372036854775808"))
        #expect(staffRate("round(_.actual, _.authorized)")?.reason == .roundDigits(text: "round(_.actual, _.authorized)", digits: nil))
        #expect(staffRate("round(_.actual / _.authorized, 4)") == nil)
    }

    /// Check formulas go through the same door as cell formulas.
    @Test func checkFormulasAreBoundedToo() {
        let e = reason { () throws(TemplateError) in
            try load(replacing: "\"left\": \"B!project.value\"", with: "\"left\": \"round(B!project.value, 99)\"")
        }
        guard case .roundDigits? = e?.reason else { Issue.record("got \(String(describing: e))"); return }
        #expect(e?.entry.hasSuffix(".left") == true)
    }

    /// The probe: `"repeat": {"initial": 1000000000000}` aborted on allocation in `jixiao new`.
    @Test func repeatInitialOutsideTheRangeIsRefused() {
        let goal = "{\"id\": \"goal\", \"label\": \"目标\", \"repeat\": {\"noun\": \"目标\", \"initial\": 1}}"
        for bad in ["1000000000000", "-1", "101", "99999999999999999999999"] {
            let e = reason { () throws(TemplateError) in try load(replacing: goal, with: goal.replacingOccurrences(of: "\"initial\": 1", with: "\"initial\": \(bad)")) }
            #expect(e?.reason == .outOfRange(value: bad, allowed: Limits.repeatInitial))
            expectEntry(e, endsWith: "rows[0](goal).repeat.initial", says: "「\(bad)」超出范围", "0 到 100")
        }
        #expect(reason { () throws(TemplateError) in try load(replacing: goal, with: goal.replacingOccurrences(of: "\"initial\": 1", with: "\"initial\": 100")) } == nil)
    }

    @Test func otherScalesAndYearOffsetsAreBounded() {
        let e = reason { () throws(TemplateError) in
            // Replaced, not added: a second "executionRateDecimals" would be refused as a duplicate key.
            try load(replacing: "\"executionRateDecimals\": null", with: "\"executionRateDecimals\": -2147483647")
        }
        #expect(e?.reason == .outOfRange(value: "-2147483647", allowed: Limits.executionRateDecimals))
        #expect(e?.entry == "settings.executionRateDecimals")
        // `year + offset` trapped on Int overflow.
        let y = reason { () throws(TemplateError) in
            try load(replacing: "\"allowedYearOffsets\": [0, 1]", with: "\"allowedYearOffsets\": [0, 9223372036854775807]")
        }
        #expect(y?.reason == .outOfRange(value: "9223372036854775807", allowed: Limits.yearOffsets))
    }

    @Test func tooManyRowsInAFormAreRefused() {
        let rows = (0..<Limits.rowsPerForm).map { "{\"id\": \"extra\($0)\"}" }.joined(separator: ", ")
        let e = reason { () throws(TemplateError) in
            try load(replacing: "{\"id\": \"abroad\", \"label\": \"2、出国经费\"}", with: "{\"id\": \"abroad\", \"label\": \"2、出国经费\"}, " + rows)
        }
        #expect(e?.reason == .tooMany(.rowsInForm, count: Limits.rowsPerForm + 1))
        expectEntry(e, endsWith: ")", says: "行数", "上限 2000")
        #expect(e?.entry.hasPrefix("forms[0](A).sections[2](funds)") == true)
    }

    @Test func tooManyColumnsInASectionAreRefused() {
        let columns = (0..<Limits.columnsPerSection).map { "{\"id\": \"c\($0)\"}" }.joined(separator: ", ")
        let e = reason { () throws(TemplateError) in
            try load(replacing: "{\"id\": \"authorized\", \"label\": \"编制数\", \"kind\": \"count\"},",
                     with: "{\"id\": \"authorized\", \"label\": \"编制数\", \"kind\": \"count\"}, \(columns),")
        }
        #expect(e?.reason == .tooMany(.columnsInSection, count: Limits.columnsPerSection + 3))
        expectEntry(e, endsWith: "sections[1](staff).columns", says: "列数", "上限 50")
    }

    @Test func tooManyFormsAreRefused() {
        let forms = (0...Limits.forms).map { "{\"id\": \"F\($0)\", \"short\": \"表\", \"title\": \"表\", \"sections\": []}" }
        let text = "{\"format\": 1, \"id\": \"t\", \"version\": \"1\", \"title\": \"t\", \"forms\": [\(forms.joined(separator: ","))]}"
        let e = reason { () throws(TemplateError) in try TemplateLoader.load(bytes: Array(text.utf8), file: "many.json") }
        #expect(e?.reason == .tooMany(.forms, count: Limits.forms + 1))
        #expect(e?.entry == "forms")
    }

    @Test func oversizedTemplateIsNotRead() {
        let bytes = [UInt8](repeating: UInt8(ascii: " "), count: Limits.templateBytes + 1)
        let e = reason { () throws(TemplateError) in try TemplateLoader.load(bytes: bytes, file: "huge.json") }
        #expect(e?.reason == .tooLarge(bytes: Limits.templateBytes + 1))
        #expect(DraftText.template(e!).contains("4 MiB"))
    }

    /// A file over the limit is refused from its size, before it is read.
    @Test func oversizedTemplateFileIsRefusedUnread() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/huge.json"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(Limits.templateBytes) + 1)
        try handle.close()
        let e = reason { () throws(TemplateError) in try TemplateLoader.load(file: path) }
        #expect(e?.reason == .tooLarge(bytes: Limits.templateBytes + 1))
    }

    /// What `jixiao templates` does: every template of a folder is loaded; the bad ones are reported,
    /// the good ones still listed (the binary's own listing is tested in `CLIArgumentTests`).
    @Test func catalogLoadsTheGoodBesideTheBad() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = try String(contentsOfFile: Fixtures.root.appendingPathComponent("templates/hunan-unit.json").path, encoding: .utf8)
        try source.write(toFile: dir + "/good.json", atomically: true, encoding: .utf8)
        let deep = "\"formula\": \"" + String(repeating: "(", count: 4_000) + "_.actual" + String(repeating: ")", count: 4_000) + "\""
        try source.replacingOccurrences(of: Self.staffRate, with: deep).write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        let catalog = TemplateCatalog(directories: [dir])
        #expect(catalog.files().map(\.id) == ["bad", "good"])
        #expect(reason { () throws(TemplateError) in try catalog.load("bad") }?.reason == .formulaTooLong(length: 8_008))
        #expect(reason { () throws(TemplateError) in try catalog.load("good") } == nil)
    }
}
