import JixiaoKit
/// The words of `jixiao import`: refusals with the sheet and cell, changes as old → new.
public enum ImportText {
    /// The draft changed between reading the workbook's plan and applying it under the lock.
    public static func changedMeanwhile(_ file: String) -> String {
        "\(file) 在导入期间被其他程序改动，工作簿的改动未写入。请重新运行 jixiao import。"
    }

    public static let notInTemplate = "工作簿记录的格子不在本模板中。"

    public static func errorValue(_ e: String) -> String { "单元格是错误值 \(e)，不是可填写的内容。" }
    public static func unreadableNumber(_ s: String) -> String { "数字「\(s)」无法读取。" }

    public static func message(_ r: ImportRefusal) -> String {
        switch r {
        case .noCellMap:
            return "这个工作簿不是 jixiao print --format xlsx 写出的（缺少隐藏的 \(XLSXCellMap.sheetName) 工作表），无法对应到草稿的格子。请先用 jixiao print --format xlsx 导出，在导出的工作簿中修改。"
        case let .otherDraft(found, expected):
            return "这个工作簿来自另一份草稿（\(identity(found))），不是本草稿（\(identity(expected))）。请选对工作簿或草稿。"
        case .reshaped:
            return "导出工作簿之后，草稿中增删、移动或改名过项目或行，工作簿中的格子已对应不上。请重新导出后再修改。"
        case let .missingSheet(name):
            return "工作簿中找不到工作表「\(name)」（被改名或删除）。请把它改回原名，或重新导出。"
        case let .computedChanged(sheet, ref, location, found):
            return "\(cell(sheet, ref))（\(location)）是自动计算的格子，公式被改成了「\(found)」。请在工作簿中恢复公式（或撤销改动）后再导入。"
        case let .badValue(sheet, ref, location, message):
            return "\(cell(sheet, ref))（\(location)）：\(message)"
        }
    }

    public static func cell(_ sheet: String, _ ref: String) -> String { "工作表「\(sheet)」\(ref)" }

    static func identity(_ i: XLSXCellMap.Identity) -> String {
        "模板 \(i.templateID)，\(i.year) 年度" + (i.unit.isEmpty ? "" : "，\(i.unit)")
    }

    public static func change(_ c: WorkbookChange) -> String { "\(c.location)（\(cell(c.sheet, c.ref))）：\(c.old) → \(c.new)" }

    public static func summary(_ n: Int, dryRun: Bool) -> String {
        if n == 0 { return "工作簿与草稿一致，没有要导入的改动。" }
        return dryRun ? "共 \(n) 处改动（--dry-run：草稿未改动）。" : "共 \(n) 处改动。"
    }

    public static func refused(_ n: Int) -> String { "未导入：发现 \(n) 处问题，草稿未改动。" }

    public static func unreadable(_ path: String, _ e: XLSXBook.ReadError) -> String {
        switch e {
        case let .notAWorkbook(part): return "\(path) 不是可读的 XLSX 工作簿（\(part)）。请确认文件是 .xlsx 格式。"
        case let .tooLarge(part): return "\(path) 中的 \(part) 过大，不是 Jixiao 导出的表格工作簿。"
        case let .badXML(part, line): return "\(path) 中的 \(part) 第 \(line) 行损坏，无法读取。"
        }
    }
}
