import Foundation
import JixiaoKit

/// `word/document.xml`: the report's paragraphs, then each form's title and table, each form in a
/// section of its own so its page can turn landscape.
enum DOCXBody {
    /// A4 in twentieths of a point, and its margins (top/bottom 2.5 cm, left/right 2.2 cm).
    static let a4Short = 11906, a4Long = 16838
    static let marginVertical = 1417, marginHorizontal = 1247
    /// A form wider than this many grid columns is printed landscape, as the wide paper tables are.
    static let portraitColumns = 7

    static func document(_ ev: Evaluation, draftMark: DraftMark?, hasHeader: Bool) -> String {
        var sections: [(body: String, landscape: Bool)] = []
        if let report = ev.template.report {
            var s = paragraph(ReportSentences.render(report.title, ev) ?? "", style: "Title")
            for section in report.sections {
                s += paragraph(section.heading, style: "Heading1")
                for p in ReportSentences.paragraphs(section, ev) { s += paragraph(p, style: "Prose") }
            }
            sections.append((s, false))
        }
        for form in FormLayout.forms(ev) {
            let grid = SheetGrid(form: form, draftMark: draftMark)
            var s = ""
            var firstTableRow = 0
            // The title rows of the grid (附件1, the title) are paragraphs above the table; the 草稿 banner
            // is the page header already, on every page.
            while firstTableRow < grid.rows.count, let cell = grid.rows[firstTableRow].first ?? nil,
                  [.draftMark, .short, .title].contains(cell.style) {
                firstTableRow += 1
                if cell.style == .draftMark { continue }
                let style = cell.style == .short ? "FormShort" : "FormTitle"
                var text = cell.text
                if cell.style == .short, let name = form.name { text += "  " + name }
                s += paragraph(text, style: style)
            }
            let landscape = grid.columnCount > portraitColumns
            s += table(grid, from: firstTableRow, width: (landscape ? a4Long : a4Short) - 2 * marginHorizontal)
            sections.append((s, landscape))
        }
        var body = ""
        for (k, section) in sections.enumerated() {
            body += section.body
            let properties = sectionProperties(landscape: section.landscape, hasHeader: hasHeader)
            // A section ends with a paragraph carrying its properties; the last one's belong to the body.
            body += k == sections.count - 1 ? properties : "<w:p><w:pPr>\(properties)</w:pPr></w:p>\n"
        }
        if sections.isEmpty { body = sectionProperties(landscape: false, hasHeader: hasHeader) }
        return PrintDOCX.header + "<w:document xmlns:w=\"\(PrintDOCX.wordNS)\" xmlns:r=\"\(PrintDOCX.relNS)\"><w:body>"
            + body + "</w:body></w:document>\n"
    }

    static func sectionProperties(landscape: Bool, hasHeader: Bool) -> String {
        let size = landscape ? "<w:pgSz w:w=\"\(a4Long)\" w:h=\"\(a4Short)\" w:orient=\"landscape\"/>" : "<w:pgSz w:w=\"\(a4Short)\" w:h=\"\(a4Long)\"/>"
        return "<w:sectPr>" + (hasHeader ? "<w:headerReference w:type=\"default\" r:id=\"rId3\"/>" : "")
            + "<w:footerReference w:type=\"default\" r:id=\"rId2\"/><w:type w:val=\"nextPage\"/>" + size
            + "<w:pgMar w:top=\"\(marginVertical)\" w:right=\"\(marginHorizontal)\" w:bottom=\"\(marginVertical)\" w:left=\"\(marginHorizontal)\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
            + "</w:sectPr>"
    }

    /// One paragraph per line of `text`, in a paragraph style.
    static func paragraph(_ text: String, style: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>" + run(String(line)) + "</w:p>\n"
        }.joined()
    }

    static func run(_ text: String, bold: Bool = false) -> String {
        guard !text.isEmpty else { return "" }
        return "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">\(XML.escape(text))</w:t></w:r>"
    }

    /// The grid from row `from` on as a table: a merge starting at a cell spans its columns
    /// (`gridSpan`) and rows (`vMerge`), the cells it covers below its first row continue it.
    static func table(_ grid: SheetGrid, from first: Int, width: Int) -> String {
        let widths = columnWidths(grid, total: width)
        var s = "<w:tbl><w:tblPr><w:tblW w:w=\"\(width)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { s += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }
        s += "</w:tblBorders></w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>\n"
        for r in first..<grid.rows.count {
            s += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            var c = 0
            while c < grid.columnCount {
                if grid.isCovered(r, c) {
                    guard let m = grid.merge(covering: r, c) else { c += 1; continue }
                    let span = m.lastColumn - m.column + 1
                    // Covered from above at the merge's first column: a continuation cell; covered from
                    // the left: part of the cell already written.
                    if m.column == c && m.row < r && m.row >= first {
                        s += cell(nil, span: span, width: widths[c..<(c + span)].reduce(0, +), vMerge: "continue")
                    }
                    c += m.row < r && m.column == c ? span : 1
                    continue
                }
                let m = grid.mergeStarting(at: r, c)
                let span = m.map { $0.lastColumn - $0.column + 1 } ?? 1
                let tall = (m?.lastRow ?? r) > r
                s += cell(grid.rows[r][c] ?? nil, span: span, width: widths[c..<min(grid.columnCount, c + span)].reduce(0, +), vMerge: tall ? "restart" : nil)
                c += span
            }
            s += "</w:tr>\n"
        }
        return s + "</w:tbl>\n"
    }

    /// A grouped table's label columns narrow (一级/二级指标), a single label column wide (its lines
    /// carry the names); a column of names wider than one of figures, one of prose wider still.
    static func columnWidths(_ grid: SheetGrid, total: Int) -> [Int] {
        let weights = (0..<grid.columnCount).map { c -> Int in
            if c < grid.labelColumns { return grid.labelColumns == 1 ? 4 : 2 }
            var weight = 2
            for row in grid.rows {
                guard case let .value(kind)? = row[c]?.style else { continue }
                if kind == .longtext { return 4 }
                if kind == .text { weight = 3 }
            }
            return weight
        }
        let sum = weights.reduce(0, +)
        var widths = weights.map { total * $0 / sum }
        widths[widths.count - 1] += total - widths.reduce(0, +)
        return widths
    }

    static func cell(_ cell: SheetGrid.Cell?, span: Int, width: Int, vMerge: String?) -> String {
        var s = "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if span > 1 { s += "<w:gridSpan w:val=\"\(span)\"/>" }
        if let vMerge { s += vMerge == "continue" ? "<w:vMerge/>" : "<w:vMerge w:val=\"restart\"/>" }
        s += "<w:vAlign w:val=\"center\"/></w:tcPr>"
        guard let cell else { return s + "<w:p/></w:tc>" }
        var align = "left", bold = false, indent = 0
        switch cell.style {
        case .heading: align = "center"; bold = true
        case .sectionTitle, .subtotal: bold = true
        case let .label(n): indent = n
        case let .value(kind): align = kind.isNumeric ? "right" : (kind == .choice || kind == .date ? "center" : "left")
        case .draftMark, .short, .title, .note: break
        }
        let lines = cell.text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            s += "<w:p><w:pPr><w:jc w:val=\"\(align == "right" ? "right" : align == "center" ? "center" : "left")\"/>"
                + (indent > 0 ? "<w:ind w:left=\"\(indent * 210)\"/>" : "") + "</w:pPr>" + run(String(line), bold: bold) + "</w:p>"
        }
        return s + "</w:tc>"
    }
}
