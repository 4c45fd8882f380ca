import Foundation
import JixiaoKit

/// Makes large, valid drafts of any template, for benchmarks and tests: it walks the template's forms,
/// rows, repeated rows and column kinds, fills every entered cell with plausible text or numbers
/// (money with two decimals), gives indicator rows weights that add up to their heading's points
/// and scores no higher than the weight, then balances the template's own equal / at-least / at-most
/// checks (`CheckBalancer`). Nothing here knows a particular template.
///
/// The same template, seed, sizes and year always give the same draft (`SeededRandom`, and only
/// arrays are iterated, never dictionaries).
public struct DraftGenerator: Sendable {
    /// How big the draft is.
    public struct Sizes: Sendable, Equatable {
        /// Instances of each repeated form (one per project).
        public var instances: Int
        /// Indicator rows in each instance of a form that has an indicator section, spread over the
        /// section's repeated rows.
        public var indicators: Int
        /// Instances of each named repeated row (one per special fund).
        public var namedRows: Int
        /// Instances of every other repeated row (goals).
        public var otherRows: Int

        public init(instances: Int, indicators: Int, namedRows: Int, otherRows: Int) {
            self.instances = instances
            self.indicators = indicators
            self.namedRows = namedRows
            self.otherRows = otherRows
        }

        /// Rows a generated draft may have in all (`rowEstimate`): far more than a draft can hold (64 MiB),
        /// few enough that the generator cannot exhaust the memory before the save refuses it.
        public static let maxRows = 1_000_000

        /// The rows the sizes ask for, counting each repeated row's instances once per form instance
        /// (plus the single forms).
        public var rowEstimate: Int {
            let perInstance = [indicators, namedRows, otherRows].reduce(0) { $0 + min(max($1, 0), Self.maxRows + 1) }
            let (rows, overflow) = (min(max(instances, 0), Self.maxRows) + 1).multipliedReportingOverflow(by: perInstance)
            return overflow ? .max : rows
        }

        /// The benchmark draft: 200 projects, 30 indicators each, 40 rows per named repeated row.
        public static let large = Sizes(instances: 200, indicators: 30, namedRows: 40, otherRows: 2)
        public static let small = Sizes(instances: 3, indicators: 12, namedRows: 3, otherRows: 1)
    }

    public let template: Template
    public var seed: UInt64
    public var sizes: Sizes
    public var year: Int

    public init(template: Template, seed: UInt64, sizes: Sizes = .large, year: Int = 2023) {
        self.template = template
        self.seed = seed
        self.sizes = sizes
        self.year = year
    }

    public func draft() -> Draft {
        var rng = SeededRandom(seed: seed)
        var d = Draft(templateID: template.id, templateVersion: template.version, year: year)
        for p in template.parameters { d.parameters[p.id] = p.defaultValue }
        let unit = rng.pick(GeneratedText.places) + rng.pick(GeneratedText.departments)
        for form in template.forms {
            let count = form.isRepeated ? max(sizes.instances, 0) : 1
            var list: [FormEntry] = []
            list.reserveCapacity(count)
            for _ in 0..<count { list.append(instance(form, unit: unit, rng: &rng)) }
            d.forms[form.id] = list
        }
        var balancer = CheckBalancer(template: template, draft: d)
        balancer.balance(&d, rng: &rng)
        return d
    }

    func instance(_ form: FormSpec, unit: String, rng: inout SeededRandom) -> FormEntry {
        var e = FormEntry()
        let dates = dateCells(form)
        let name = rng.pick(GeneratedText.subjects) + rng.pick(GeneratedText.projectSuffixes)
        for row in form.rows {
            if form.indicators?.section == row.sectionID && row.repeating != nil { continue }
            if let rep = row.repeating {
                let n = max(rep.named ? sizes.namedRows : sizes.otherRows, 0)
                guard n > 0 else { continue }
                e.rows[row.id] = (0..<n).map { _ in
                    let label = rep.named ? rng.pick(GeneratedText.subjects) + rng.pick(GeneratedText.fundSuffixes) : nil
                    return RowEntry(label: label, cells: cells(form, row, unit: unit, name: name, dates: dates, rng: &rng))
                }
            } else {
                let cs = cells(form, row, unit: unit, name: name, dates: dates, rng: &rng)
                if !cs.isEmpty { e.cells[row.id] = cs }
            }
        }
        if let ind = form.indicators {
            IndicatorFiller(form: form, spec: ind, settings: template.settings)
                .fill(&e, count: max(sizes.indicators, 0), rng: &rng) { row, rng in
                    cells(form, row, unit: unit, name: name, dates: dates, rng: &rng)
                }
        }
        return e
    }

    /// Cells named by the form's year checks, with the latest year offset each may show (a 填报日期
    /// may fall in the year after the evaluated one).
    func dateCells(_ form: FormSpec) -> [(CellRef, Int)] {
        var out: [(CellRef, Int)] = []
        for c in form.checks where c.kind == .year {
            for t in c.cells where t.form == nil {
                out.append((CellRef(row: t.row, column: t.column), c.allowedYearOffsets.max() ?? 0))
            }
        }
        return out
    }

    /// The entered cells of one row (or row instance): every column without a formula.
    func cells(_ form: FormSpec, _ row: RowSpec, unit: String, name: String, dates: [(CellRef, Int)],
               rng: inout SeededRandom) -> [String: Entry] {
        var out: [String: Entry] = [:]
        let section = form.section(row.sectionID)
        // Money columns of one row are the same line seen at different times (预算, 执行): close values.
        let base = rng.decimal(5, 500, scale: 2)
        let countBase = rng.int(5...80)
        // A single indicator row (a rubric line): a few points, full marks or nearly.
        let ind = form.indicators.flatMap { $0.section == row.sectionID ? $0 : nil }
        let points = Decimal(rng.int(2...10))
        let scored = rng.chance(0.8) ? points : (points * Self.nearly).rounded(2)
        for c in row.columnIDs where row.formulas[c] == nil {
            guard let column = section?.column(c) else { continue }
            let ref = CellRef(row: row.id, column: c)
            if ref == template.unitNameCell { out[c] = .text(unit); continue }
            if ref == form.repeated?.nameCell { out[c] = .text(name); continue }
            if let date = dates.first(where: { $0.0 == ref }) { out[c] = .text(dateText(offset: date.1, rng: &rng)); continue }
            if let ind, c == ind.weight { out[c] = .number(points); continue }
            if let ind, c == ind.score { out[c] = .number(scored); continue }
            let factor = rng.decimal(Self.lowFactor, 1, scale: 2)
            switch column.kind {
            case .money: out[c] = .number((base * factor).rounded(2))
            case .count: out[c] = .number((Decimal(countBase) * factor).rounded(0))
            case .area: out[c] = .number((base * 10 * factor).rounded(2))
            case .percent: out[c] = .number(rng.decimal(Self.lowRate, 1, scale: 4))
            case .decimal: out[c] = .number(rng.decimal(0, 100, scale: 2))
            case .longtext: out[c] = .text(GeneratedText.paragraph(&rng, sentences: 1...3))
            case .choice: out[c] = .text(column.options.isEmpty ? rng.pick(GeneratedText.subjects) : rng.pick(column.options))
            case .date: out[c] = .text(dateText(offset: 0, rng: &rng))
            case .text: out[c] = .text(text(for: row.label + column.label, unit: unit, rng: &rng))
            }
        }
        return out
    }

    /// Text for a cell, by what its label asks for (a person, a phone number, a date, a department).
    func text(for label: String, unit: String, rng: inout SeededRandom) -> String {
        func has(_ words: String...) -> Bool { words.contains { label.contains($0) } }
        if has("电话", "手机") { return GeneratedText.phone(&rng) }
        if has("日期", "时间") { return dateText(offset: 0, rng: &rng) }
        if has("签字", "负责人", "填表人", "联系人", "经办人", "审核人") { return GeneratedText.person(&rng) }
        if has("部门", "单位") { return unit }
        return rng.pick(GeneratedText.subjects) + "工作"
    }

    static let lowFactor = Decimal(string: "0.85")!
    static let lowRate = Decimal(string: "0.8")!
    static let nearly = Decimal(string: "0.9")!

    func dateText(offset: Int, rng: inout SeededRandom) -> String {
        "\(year + offset)年\(rng.int(1...4))月\(rng.int(1...28))日"
    }
}
