import Foundation

/// One thing that does not add up, with where it is and what was compared.
public struct Problem: Sendable, Equatable {
    public let severity: Severity
    /// The cell it belongs to; nil for a problem of the draft as a whole.
    public let address: CellAddress?
    /// Where, in the form's words: "附件1 经费控制情况 · 三公经费 · 2023年决算数".
    public let location: String
    /// What is wrong, with the numbers, in Chinese.
    public let message: String
    /// A stable code for tests and `--json` ("equal", "required", "indicator.fullMarksOnMiss").
    public let code: String
    /// The cell's path as `jixiao set` takes it (`C[1].total.rate`).
    public let path: String?
    /// The 自评报告 section (its id in the template's `report`) whose prose the problem is about: such a
    /// problem has no cell, and the TUI goes to the section instead.
    public let reportSection: String?

    public init(severity: Severity, address: CellAddress?, location: String, message: String, code: String, repeatedForm: Bool = false,
                reportSection: String? = nil) {
        self.severity = severity
        self.address = address
        self.reportSection = reportSection
        self.path = address?.path(formRepeated: repeatedForm)
        self.location = location
        self.message = message
        self.code = code
    }
}
