import Foundation

/// One thing that does not add up: how bad, where, and what was found. Worded where it is shown
/// (`ProblemText` in JixiaoReports), not here.
///
/// What it holds besides its severity sits in one shared, immutable box: a problem is copied whole
/// wherever lists are spliced and gathered (`KeptOrder`, `LiveChecks`, F3's list), and at 288 bytes
/// inline a row added in 附件1 moved the 1,500 problems after it in the kept list (a sixth of F5's
/// checks); boxed, a copy is a word and a retain.
public struct Problem: Sendable, Equatable {
    public let severity: Severity
    private let fields: Shared<Fields>

    private struct Fields: Sendable {
        let address: CellAddress?
        let finding: Finding
        let path: String?
        let reportSection: String?
        let wholeForm: FormInstance?
    }

    /// The cell it belongs to; nil for a problem of the draft as a whole.
    public var address: CellAddress? { fields.value.address }
    /// What is wrong, with the numbers.
    public var finding: Finding { fields.value.finding }
    /// The cell's path as `jixiao set` takes it (`C[1].total.rate`).
    public var path: String? { fields.value.path }
    /// The 自评报告 section (its id in the template's `report`) whose prose the problem is about: such a
    /// problem has no cell, and the TUI goes to the section instead.
    public var reportSection: String? { fields.value.reportSection }
    /// The form instance a problem of a whole form is placed at (one without a cell, or 尚未开始填写):
    /// it is named by the form's short name rather than by a cell.
    public var wholeForm: FormInstance? { fields.value.wholeForm }

    /// A stable code for tests and `--json` ("equal", "required", "indicator.fullMarksOnMiss").
    public var code: String { finding.code }

    public init(severity: Severity, address: CellAddress?, finding: Finding, repeatedForm: Bool = false,
                reportSection: String? = nil, wholeForm: FormInstance? = nil) {
        self.severity = severity
        fields = Shared(Fields(address: address, finding: finding, path: address?.path(formRepeated: repeatedForm),
                               reportSection: reportSection, wholeForm: wholeForm))
    }

    public static func == (a: Problem, b: Problem) -> Bool {
        guard a.severity == b.severity else { return false }
        if a.fields.isSame(as: b.fields) { return true }
        return a.address == b.address && a.finding == b.finding && a.path == b.path && a.reportSection == b.reportSection
            && a.wholeForm == b.wholeForm
    }

    /// The same problem at instance `rowIndex` of its repeated row, its path following: the row's
    /// instances moved (`InstanceShift`), and what is found in an instance alone moves with it.
    func moved(toRowIndex rowIndex: Int, repeatedForm: Bool) -> Problem {
        var a = address
        a?.rowIndex = rowIndex
        return Problem(severity: severity, address: a, finding: finding, repeatedForm: repeatedForm, reportSection: reportSection, wholeForm: wholeForm)
    }
}
