import Foundation
import JixiaoKit

/// A cell of a workbook: which sheet, which row and column (0-based).
struct SheetCellRef: Hashable {
    let sheet: String
    let row: Int
    let column: Int

    /// "C12".
    var name: String { ExcelFormula.columnName(column) + String(row + 1) }
}

/// Translates a template formula into an Excel formula over the sheet cells the referenced draft
/// cells were printed in, so a computed total in the workbook stays live when someone edits a figure.
/// The workbook also carries the library's value of every computed cell, so what opens first is
/// always the library's figure. Differences on recalculation are the spreadsheet's conventions:
/// Excel counts an empty cell as 0 where the forms leave a sum of empty cells empty.
/// Returns nil (the caller writes the value alone) when some referenced cell is not on any sheet.
struct ExcelFormula {
    let ev: Evaluation
    let form: FormSpec
    let index: Int
    let sheet: String
    let locate: (CellAddress) -> SheetCellRef?

    /// The cell's scope: `_` and `@` refer to it.
    struct Scope {
        let row: String
        let rowIndex: Int?
        let column: String
    }

    func translate(_ f: Formula, row: String, rowIndex: Int?, column: String) -> String? {
        expr(f, Scope(row: row, rowIndex: rowIndex, column: column))
    }

    // MARK: References

    func addresses(_ r: Reference, _ scope: Scope) -> [CellAddress]? {
        let column: String
        switch r.column {
        case let .named(c): column = c
        case .current: column = scope.column
        }
        if let formID = r.form {
            guard let target = ev.template.form(formID) else { return nil }
            let count = ev.instanceCount(formID)
            // As `Evaluation.foreignValues`: every instance, or the reader's own instance of a repeated form.
            let indices = r.allForms ? Array(0..<count) : (count > 0 ? [target.isRepeated ? index : 0] : [])
            switch r.row {
            case let .named(id), let .allInstances(id): return indices.flatMap { cells(target, $0, id, column) }
            case .this, .children, .sameIndex: return nil
            }
        }
        switch r.row {
        case .this: return [CellAddress(form: form.id, formIndex: index, row: scope.row, rowIndex: scope.rowIndex, column: column)]
        case let .named(id), let .allInstances(id): return cells(form, index, id, column)
        case let .sameIndex(id):
            // `row[_]`: the paired instance of another repeated row.
            guard let k = scope.rowIndex else { return nil }
            return [CellAddress(form: form.id, formIndex: index, row: id, rowIndex: k, column: column)]
        case .children: return (form.row(scope.row)?.childIDs ?? []).flatMap { cells(form, index, $0, column) }
        }
    }

    func cells(_ f: FormSpec, _ k: Int, _ rowID: String, _ column: String) -> [CellAddress] {
        guard let spec = f.row(rowID) else { return [] }
        guard spec.repeating != nil else { return [CellAddress(form: f.id, formIndex: k, row: rowID, column: column)] }
        let n = ev.draft.instances(of: f.id)[safe: k]?.count(of: rowID) ?? 0
        return (0..<n).map { CellAddress(form: f.id, formIndex: k, row: rowID, rowIndex: $0, column: column) }
    }

    /// Range texts for the cells ("C5:C9", "'附件1'!D12"), consecutive cells of a column joined.
    func ranges(_ r: Reference, _ scope: Scope) -> [String]? {
        guard let list = addresses(r, scope) else { return nil }
        var refs: [SheetCellRef] = []
        for a in list {
            guard let ref = locate(a) else { return nil }
            refs.append(ref)
        }
        var out: [String] = []
        var k = 0
        while k < refs.count {
            var end = k
            while end + 1 < refs.count, refs[end + 1].sheet == refs[k].sheet, refs[end + 1].column == refs[k].column,
                  refs[end + 1].row == refs[end].row + 1 {
                end += 1
            }
            let prefix = refs[k].sheet == sheet ? "" : Self.quotedSheet(refs[k].sheet) + "!"
            out.append(prefix + refs[k].name + (end > k ? ":" + refs[end].name : ""))
            k = end + 1
        }
        return out
    }

    // MARK: Expressions

    func expr(_ f: Formula, _ scope: Scope) -> String? {
        switch f {
        case let .number(d): return d.plain
        case let .text(s): return Self.string(s)
        case let .ref(r):
            guard let rs = ranges(r, scope), !rs.isEmpty else { return nil }
            return rs.count == 1 && !rs[0].contains(":") ? rs[0] : "SUM(\(rs.joined(separator: ",")))"
        case let .negate(x):
            guard let s = expr(x, scope) else { return nil }
            if case .binary = x { return "-(\(s))" }
            return "-" + s
        case let .binary(op, a, b):
            guard let l = operand(a, of: op, right: false, scope), let r = operand(b, of: op, right: true, scope) else { return nil }
            if op == .div {
                // The forms show a rate over a zero or empty base as "—", where Excel would say #DIV/0!.
                let guarded = "IFERROR(\(l)/\(r),\(Self.string(PrintWords.none)))"
                if case .ref = a { return "IF(\(l)=\"\",\"\",\(guarded))" }
                return guarded
            }
            return "\(l)\(op.rawValue)\(r)"
        case let .call(fn, args):
            return call(fn, args, scope)
        }
    }

    static func precedence(_ op: Formula.BinaryOp) -> Int { op == .add || op == .sub ? 1 : 2 }

    func operand(_ f: Formula, of op: Formula.BinaryOp, right: Bool, _ scope: Scope) -> String? {
        guard let s = expr(f, scope) else { return nil }
        switch f {
        case let .binary(inner, _, _) where inner != .div:
            let pi = Self.precedence(inner), po = Self.precedence(op)
            return pi < po || (right && pi == po) ? "(\(s))" : s
        case .negate where right:
            return "(\(s))"
        default:
            return s
        }
    }

    /// Arguments that are lists (sum, min, max, count): references stay ranges.
    func list(_ args: [Formula], _ scope: Scope) -> String? {
        var items: [String] = []
        for a in args {
            if case let .ref(r) = a {
                guard let rs = ranges(r, scope) else { return nil }
                items += rs
            } else {
                guard let s = expr(a, scope) else { return nil }
                items.append(s)
            }
        }
        return items.isEmpty ? nil : items.joined(separator: ",")
    }

    /// How many cells a list of arguments stands for (a reference counts its cells).
    func cellCount(_ args: [Formula], _ scope: Scope) -> Int? {
        var n = 0
        for a in args {
            if case let .ref(r) = a {
                guard let list = addresses(r, scope) else { return nil }
                n += list.count
            } else {
                n += 1
            }
        }
        return n
    }

    func call(_ fn: Formula.Function, _ args: [Formula], _ scope: Scope) -> String? {
        func arg(_ k: Int) -> String? { k < args.count ? expr(args[k], scope) : nil }
        let empty = "\"\""
        switch fn {
        case .sum, .min, .max, .count:
            guard let items = list(args, scope) else { return nil }
            let name = ["sum": "SUM", "min": "MIN", "max": "MAX", "count": "COUNTA"][fn.rawValue]!
            return "\(name)(\(items))"
        case .abs:
            return arg(0).map { "ABS(\($0))" }
        case .round:
            guard let x = arg(0) else { return nil }
            return "ROUND(\(x),\(args.count > 1 ? arg(1) ?? "2" : "2"))"
        case .execScore:
            guard let a = arg(0), let b = arg(1), let w = arg(2) else { return nil }
            var rate = "MAX(\(a),0)/\(b)"
            if let places = ev.template.settings.executionRateDecimals { rate = "ROUND(\(rate),\(places))" }
            let score = "IFERROR(ROUND(\(w)*MIN(\(rate),1),2),\(Self.string(PrintWords.none)))"
            return "IF(OR(\(a)=\(empty),\(b)=\(empty),\(w)=\(empty)),\(empty),\(score))"
        case .grade:
            guard let x = arg(0) else { return nil }
            var s = Self.string(PrintWords.none)
            for band in ev.template.settings.grades.sorted(by: { $0.min < $1.min }) {
                s = "IF(ROUND(\(x),2)>=\(band.min.plain),\(Self.string(band.label)),\(s))"
            }
            return "IF(\(x)=\(empty),\(empty),\(s))"
        case .ifEmpty:
            guard let a = arg(0), let b = arg(1) else { return nil }
            return "IF(\(a)=\(empty),\(b),\(a))"
        case .band, .bandAtMost:
            guard let x = arg(0) else { return nil }
            var k = 1
            var pairs: [(String, String)] = []
            while k + 1 < args.count {
                guard let t = arg(k), let p = arg(k + 1) else { return nil }
                pairs.append((t, p))
                k += 2
            }
            guard var s = k < args.count ? arg(k) : empty else { return nil }
            let cmp = fn == .band ? ">=" : "<="
            for (t, p) in pairs.reversed() { s = "IF(\(x)\(cmp)\(t),\(p),\(s))" }
            return "IF(\(x)=\(empty),\(empty),\(s))"
        case .clamp:
            guard let x = arg(0), let lo = arg(1), let hi = arg(2) else { return nil }
            return "MIN(MAX(\(x),\(lo)),\(hi))"
        case .over, .under:
            guard let x = arg(0), let limit = arg(1) else { return nil }
            return "IF(\(x)=\(empty),\(empty),MAX(" + (fn == .over ? "\(x)-\(limit)" : "\(limit)-\(x)") + ",0))"
        case .deduct:
            guard let full = arg(0), let units = arg(1), let per = arg(2) else { return nil }
            // An empty input turns the spreadsheet's arithmetic into #VALUE!; the library says empty.
            return "IFERROR(IF(\(units)=\(empty),\(empty),ROUND(MIN(MAX(\(full)-\(units)*\(per),0),\(full)),2)),\(empty))"
        case .whenFilled:
            guard args.count >= 2, let value = arg(args.count - 1) else { return nil }
            var tests: [String] = []
            for k in 0..<(args.count - 1) {
                guard let a = arg(k) else { return nil }
                tests.append("\(a)=\(empty)")
            }
            return "IF(OR(\(tests.joined(separator: ","))),\(empty),\(value))"
        case .sumAll:
            // Σ only once every cell holds a number, as the library leaves an incomplete total empty.
            guard let items = list(args, scope), let n = cellCount(args, scope) else { return nil }
            return "IF(COUNT(\(items))=\(n),SUM(\(items)),\(empty))"
        case .match, .countOf, .show, .concat, .num, .asWritten:
            // Text matching and formatting have no faithful spreadsheet form: the value stands alone.
            return nil
        }
    }

    // MARK: Names

    static func string(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func quotedSheet(_ name: String) -> String { "'" + name.replacingOccurrences(of: "'", with: "''") + "'" }

    /// 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ column: Int) -> String {
        var n = column + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}
