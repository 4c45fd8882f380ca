import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

private typealias F = ScoringFixtures

struct GradeCase: Sendable, CustomTestStringConvertible {
    let total: String
    let label: String?
    var testDescription: String { "grade(\(total))" }
}

private let defaultBandCases: [GradeCase] = [
    GradeCase(total: "100", label: "优"),
    GradeCase(total: "97", label: "优"),            // seed 001 附件2 总分
    GradeCase(total: "90", label: "优"),            // inclusive: "> 90" leaves 90.00 without a grade
    GradeCase(total: "90.00", label: "优"),
    GradeCase(total: "89.995", label: "优"),        // printed 90.00
    GradeCase(total: "89.994", label: "良"),        // printed 89.99
    GradeCase(total: "89.99", label: "良"),
    GradeCase(total: "80", label: "良"),
    GradeCase(total: "79.995", label: "良"),
    GradeCase(total: "79.9949", label: "中"),
    GradeCase(total: "60", label: "中"),
    GradeCase(total: "59.995", label: "中"),
    GradeCase(total: "59.99", label: "差"),
    GradeCase(total: "0", label: "差"),
    GradeCase(total: "-3", label: "差"),            // "差 otherwise", even for a mistyped negative total
]

@Suite struct ScoringGradeTests {
    @Test(arguments: defaultBandCases)
    func defaultBands(_ c: GradeCase) {
        #expect(Grade.grade(F.d(c.total)) == c.label)
    }

    @Test func otherProvincesBandsAreASetting() {
        let bands: [(label: String, min: Decimal)] = [("中", 60), ("优", 80), ("良", 70), ("差", 0)]  // unsorted on purpose
        #expect(Grade.grade(F.d("85"), bands: bands) == "优")
        #expect(Grade.grade(F.d("79.995"), bands: bands) == "优")
        #expect(Grade.grade(F.d("75"), bands: bands) == "良")
        #expect(Grade.grade(F.d("60"), bands: bands) == "中")
        #expect(Grade.grade(F.d("59"), bands: bands) == "差")
        #expect(Grade.grade(F.d("-1"), bands: bands) == nil)
        #expect(Grade.grade(F.d("95"), bands: [] as [(label: String, min: Decimal)]) == nil)
        #expect(Grade.grade(F.d("95"), bands: [] as [GradeBand]) == nil)
    }

    @Test func templateBandsGiveTheSameGrade() {
        let bands = [GradeBand(label: "优", min: 90), GradeBand(label: "良", min: 80),
                     GradeBand(label: "中", min: 60), GradeBand(label: "差", min: 0)]
        #expect(Grade.grade(F.d("89.995"), bands: bands) == "优")
        #expect(Grade.grade(F.d("89.994"), bands: bands) == "良")
    }
}
