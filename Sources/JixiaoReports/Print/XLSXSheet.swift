import JixiaoKit
/// The cell formats of the workbook (xl/styles.xml) and the index of each `SheetGrid.Style`.
enum XLSXStyles {
    static let maxIndent = 4

    static func index(_ style: SheetGrid.Style) -> Int {
        switch style {
        case .short: return 1
        case .title: return 2
        case .draftMark: return 3
        case .sectionTitle: return 4
        case .heading: return 5
        case .note: return 6
        case .value(let kind):
            switch kind {
            case .money: return 8
            case .percent: return 9
            case .count, .decimal, .area: return 10
            default: return 7
            }
        case .subtotal: return 11
        case .label(let indent): return 12 + min(max(indent, 0), maxIndent)
        }
    }

    static let xml: String = {
        let border = "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
            + "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border>"
        func xf(font: Int = 0, border: Int = 0, numFmt: Int = 0, h: String? = nil, v: String = "center", wrap: Bool = false, indent: Int = 0) -> String {
            var s = "<xf numFmtId=\"\(numFmt)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"\(border)\" xfId=\"0\""
            if numFmt != 0 { s += " applyNumberFormat=\"1\"" }
            if font != 0 { s += " applyFont=\"1\"" }
            if border != 0 { s += " applyBorder=\"1\"" }
            s += " applyAlignment=\"1\"><alignment"
            if let h { s += " horizontal=\"\(h)\"" }
            s += " vertical=\"\(v)\""
            if wrap { s += " wrapText=\"1\"" }
            if indent > 0 { s += " indent=\"\(indent)\"" }
            return s + "/></xf>"
        }
        var xfs = [
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
            xf(h: "left"),                                                   // 1 short (附件1)
            xf(font: 2, h: "center", wrap: true),                            // 2 title
            xf(font: 3, h: "left", wrap: true),                              // 3 draft mark
            xf(font: 1, border: 1, h: "left", wrap: true),                   // 4 section title
            xf(font: 1, border: 1, h: "center", wrap: true),                 // 5 heading
            xf(h: "left", v: "top", wrap: true),                             // 6 note
            xf(border: 1, h: "left", wrap: true),                            // 7 text
            xf(border: 1, numFmt: 2, h: "right"),                            // 8 money 0.00
            xf(border: 1, numFmt: 10, h: "right"),                           // 9 percent 0.00%
            xf(border: 1, numFmt: 0, h: "right"),                            // 10 other numbers
            xf(border: 1, h: "center", wrap: true),                          // 11 subtotal label
        ]
        for k in 0...maxIndent { xfs.append(xf(border: 1, h: "left", wrap: true, indent: k)) }  // 12… labels by depth
        return PrintXLSX.header + "<styleSheet xmlns=\"\(PrintXLSX.mainNS)\">"
            + "<fonts count=\"4\">"
            + "<font><sz val=\"11\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
            + "<font><b/><sz val=\"16\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
            + "<font><b/><sz val=\"11\"/><color rgb=\"FFC00000\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
            + "</fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>\(border)</borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(xfs.count)\">" + xfs.joined() + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>\n"
    }()
}

/// One worksheet's XML from a `SheetGrid`.
enum XLSXSheet {
    static let lineHeight = 14.25

    static func xml(_ grid: SheetGrid, translator: ExcelFormula, selected: Bool, header: String?) -> String {
        let widths = columnWidths(grid)
        let lastColumn = ExcelFormula.columnName(grid.columnCount - 1)
        var s = PrintXLSX.header + "<worksheet xmlns=\"\(PrintXLSX.mainNS)\" xmlns:r=\"\(PrintXLSX.relNS)\">"
        s += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        s += "<dimension ref=\"A1:\(lastColumn)\(max(grid.rows.count, 1))\"/>"
        s += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\"/></sheetViews>"
        s += "<sheetFormatPr defaultRowHeight=\"\(lineHeight)\"/><cols>"
        for (c, w) in widths.enumerated() {
            s += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
        }
        s += "</cols><sheetData>"
        for (r, row) in grid.rows.enumerated() {
            s += "<row r=\"\(r + 1)\""
            if let ht = height(grid, r, widths) { s += " ht=\"\(ht)\" customHeight=\"1\"" }
            s += ">"
            for c in 0..<grid.columnCount {
                let ref = ExcelFormula.columnName(c) + String(r + 1)
                if grid.isCovered(r, c) {
                    // Covered cells keep the style of their area so its borders are drawn all round.
                    if let m = grid.merge(covering: r, c),
                       let owner = grid.rows[m.row][m.column] {
                        s += "<c r=\"\(ref)\" s=\"\(XLSXStyles.index(owner.style))\"/>"
                    }
                    continue
                }
                guard let cell = row[c] else { continue }
                s += self.cell(cell, ref: ref, translator: translator)
            }
            s += "</row>"
        }
        s += "</sheetData>"
        if !grid.merges.isEmpty {
            s += "<mergeCells count=\"\(grid.merges.count)\">"
            for m in grid.merges {
                s += "<mergeCell ref=\"\(ExcelFormula.columnName(m.column))\(m.row + 1):\(ExcelFormula.columnName(m.lastColumn))\(m.lastRow + 1)\"/>"
            }
            s += "</mergeCells>"
        }
        s += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        s += "<pageSetup paperSize=\"9\" orientation=\"portrait\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        if let header {
            // The 草稿 marking repeats at the top of every printed page.
            s += "<headerFooter><oddHeader>&amp;C\(XML.escape(header.replacingOccurrences(of: "&", with: "&&")))</oddHeader></headerFooter>"
        }
        return s + "</worksheet>\n"
    }

    static func cell(_ cell: SheetGrid.Cell, ref: String, translator: ExcelFormula) -> String {
        let style = XLSXStyles.index(cell.style)
        let open = "<c r=\"\(ref)\" s=\"\(style)\""
        guard let printed = cell.printed else {
            return cell.text.isEmpty ? open + "/>" : open + " t=\"inlineStr\">" + inline(cell.text) + "</c>"
        }
        let a = printed.address
        let formula = printed.formula.flatMap { translator.translate($0, row: a.row, rowIndex: a.rowIndex, column: a.column) }
        let f = formula.map { "<f>\(XML.escape($0))</f>" } ?? ""
        switch printed.value {
        case let .number(d):
            return open + ">" + f + "<v>\(d.plain)</v></c>"
        case .empty:
            return f.isEmpty ? open + "/>" : open + ">" + f + "</c>"
        case .text, .invalid, .undefined:
            if f.isEmpty { return open + " t=\"inlineStr\">" + inline(printed.text) + "</c>" }
            return open + " t=\"str\">" + f + "<v>\(XML.escape(printed.text))</v></c>"
        }
    }

    static func inline(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        return "<is><t xml:space=\"preserve\">\(XML.escape(normalized))</t></is>"
    }

    /// Column widths in Excel's units (about one ASCII digit; a Han character takes about two, as in
    /// display width), from the cells that occupy one column only, within readable bounds.
    static func columnWidths(_ grid: SheetGrid) -> [Int] {
        var widths = [Int](repeating: 8, count: grid.columnCount)
        for (r, row) in grid.rows.enumerated() {
            for (c, cell) in row.enumerated() {
                guard let cell, !grid.isCovered(r, c) else { continue }
                if let m = grid.mergeStarting(at: r, c), m.lastColumn > m.column { continue }
                let cap = cell.style == .value(.longtext) ? 40 : 30
                let indent = if case let .label(k) = cell.style { 2 * k } else { 0 }
                widths[c] = max(widths[c], min(TextWrap.longestLine(cell.text) + indent + 2, cap))
            }
        }
        return widths
    }

    /// A row taller than one line where wrapped text needs it; nil keeps the default height.
    static func height(_ grid: SheetGrid, _ r: Int, _ widths: [Int]) -> Double? {
        var lines = 1
        var scale = 1.0
        for (c, cell) in grid.rows[r].enumerated() {
            guard let cell, !cell.text.isEmpty, !grid.isCovered(r, c) else { continue }
            if cell.style == .title { scale = 1.6 }
            let m = grid.mergeStarting(at: r, c)
            if let m, m.lastRow > m.row { continue }
            let span = (c...(m?.lastColumn ?? c)).reduce(0) { $0 + widths[$1] }
            let room = max(span - 2, 4)
            var count = 0
            for paragraph in cell.text.split(separator: "\n", omittingEmptySubsequences: false) {
                count += max(1, (TextWrap.width(paragraph) + room - 1) / room)
            }
            lines = max(lines, count)
        }
        if lines == 1 && scale == 1 { return nil }
        return (Double(lines) * lineHeight * scale + 3).rounded()
    }
}
