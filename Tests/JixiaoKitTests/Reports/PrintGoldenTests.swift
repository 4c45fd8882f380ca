import Foundation
import Testing
import ZIPFoundation
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Each printout of the seed 001 example against its reviewed golden file.
struct PrintGoldenTests {
    let fx = PrintFixture()

    @Test func textAt100Columns() {
        Golden.check(PrintText.render(scorecard: fx.scorecard, evaluation: fx.ev, width: 100), "seed001-text-100.txt")
    }

    @Test func html() {
        Golden.check(PrintHTML.render(scorecard: fx.scorecard, evaluation: fx.ev), "seed001.html")
    }

    @Test func csvFilePerForm() {
        let files = PrintCSV.render(scorecard: fx.scorecard, evaluation: fx.ev)
        #expect(files.map(\.name) == ["附件1.csv", "附件2.csv"] + (1...7).map { "附件3-\($0).csv" })
        for f in files { Golden.check(f.bytes, "seed001-csv/" + f.name) }
    }

    /// The zip's bytes are not compared (compression may differ between zlib builds): its parts are.
    @Test func xlsxParts() throws {
        let bytes = try PrintXLSX.render(scorecard: fx.scorecard, evaluation: fx.ev)
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var names: [String] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            names.append(entry.path)
            Golden.check([UInt8](data), "seed001-xlsx/" + entry.path)
        }
        #expect(names == PrintXLSX.parts(scorecard: fx.scorecard, evaluation: fx.ev).map(\.name))
        #expect(names.contains("xl/worksheets/sheet9.xml"))
    }
}
