import Foundation

/// One thing that does not add up: how bad, where, and what was found. Worded where it is shown
/// (`ProblemText` in JixiaoReports), not here.
public struct Problem: Sendable, Equatable {
    public let severity: Severity
    /// The cell it belongs to; nil for a problem of the draft as a whole.
    public let address: CellAddress?
    /// What is wrong, with the numbers.
    public let finding: Finding
    /// The cell's path as `jixiao set` takes it (`C[1].total.rate`).
    public let path: String?
    /// The 自评报告 section (its id in the template's `report`) whose prose the problem is about: such a
    /// problem has no cell, and the TUI goes to the section instead.
    public let reportSection: String?
    /// The form instance a problem of a whole form is placed at (one without a cell, or 尚未开始填写):
    /// it is named by the form's short name rather than by a cell.
    public let wholeForm: FormInstance?

    /// A stable code for tests and `--json` ("equal", "required", "indicator.fullMarksOnMiss").
    public var code: String { finding.code }

    public init(severity: Severity, address: CellAddress?, finding: Finding, repeatedForm: Bool = false,
                reportSection: String? = nil, wholeForm: FormInstance? = nil) {
        self.severity = severity
        self.address = address
        self.reportSection = reportSection
        self.path = address?.path(formRepeated: repeatedForm)
        self.finding = finding
        self.wholeForm = wholeForm
    }

    /// The same problem at instance `rowIndex` of its repeated row, its path following: the row's
    /// instances moved (`InstanceShift`), and what is found in an instance alone moves with it.
    func moved(toRowIndex rowIndex: Int, repeatedForm: Bool) -> Problem {
        var a = address
        a?.rowIndex = rowIndex
        return Problem(severity: severity, address: a, finding: finding, repeatedForm: repeatedForm, reportSection: reportSection, wholeForm: wholeForm)
    }
}
