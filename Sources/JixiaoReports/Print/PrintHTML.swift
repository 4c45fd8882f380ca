import JixiaoKit
/// Every form as one self-contained HTML file laid out like the paper forms (附件1, 附件2, 附件3-n):
/// a page per form on A4, each section a bordered table with its headings (repeated at the top of a
/// new page when a table runs over), parents' labels merged down over their children, 其中 lines
/// indented by depth. No script, font file or other external resource; every text is escaped.
public enum PrintHTML {
    public static func render(scorecard s: Scorecard, evaluation ev: Evaluation, draftMark: DraftMark? = nil) -> String {
        let unit = s.unit.isEmpty ? ReportText.noUnit : s.unit
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\(ExportMarker.htmlGenerator)\n"
        h += "<title>\(esc("\(unit) · \(s.year)\(PrintWords.year) · \(s.templateTitle)"))</title>\n"
        h += "<style>\n\(css(draftMark))</style>\n</head>\n<body>\n"
        if let draftMark {
            // Fixed elements are repeated on every printed page.
            h += "<div class=\"watermark\" aria-hidden=\"true\">\(esc(PrintWords.draft))</div>\n"
            h += "<div class=\"draft-head\">\(esc(draftMark.banner))</div>\n"
        }
        for form in FormLayout.forms(ev) { h += page(form, draftMark) }
        if draftMark != nil {
            let errors = s.problems.filter { $0.severity == .error }
            if !errors.isEmpty {
                h += "<section class=\"form problems\">\n<h2>\(esc(PrintWords.openProblems))</h2>\n<ol>\n"
                for p in errors {
                    h += "<li><b>\(esc(ProblemReport.severityWord(p.severity)))</b> \(esc(s.problemText.location(p)))<br>\(esc(s.problemText.message(p)))</li>\n"
                }
                h += "</ol>\n</section>\n"
            }
        }
        return h + "</body>\n</html>\n"
    }

    static func page(_ form: PrintedForm, _ mark: DraftMark?) -> String {
        var h = "<section class=\"form\">\n"
        if let mark { h += "<p class=\"draft-note\">\(esc(mark.banner))</p>\n" }
        h += "<p class=\"short\">\(esc(form.short))</p>\n<h1>\(esc(form.title))</h1>\n"
        for section in form.sections {
            if section.isSignature {
                h += signature(section)
            } else {
                h += table(section)
            }
            if let note = section.note, !note.isEmpty { h += "<p class=\"note\">\(esc(note))</p>\n" }
        }
        return h + "</section>\n"
    }

    /// Label columns take 30% of the page so stacked sections line up; value
    /// columns share the rest by how much text they hold (a name wider than a score), within bounds.
    static func colgroup(_ section: PrintedSection) -> String {
        var h = "<colgroup>"
        // One label column is as wide as the label columns of the other one-level sections; levels
        // of a grouped section hold short words (产出指标, 数量指标) and take less each.
        let labelShare = section.levels == 1 ? 30.0 : 11.0
        let valueShare = 100 - labelShare * Double(section.levels)
        for _ in 0..<section.levels { h += "<col style=\"width:\(percent(labelShare))\">" }
        if section.layout == .keyValue {
            h += "<col style=\"width:\(percent(valueShare))\">"
        } else {
            let weights = section.columns.indices.map { i -> Double in
                let widest = section.lines.compactMap { $0.cells[i]?.text }.map { TextWrap.longestLine($0) }.max() ?? 0
                let heading = Double(TextWidth.width(of: section.columns[i].label)) / 2
                return min(max(Double(widest), heading, 6), 30)
            }
            let total = weights.reduce(0, +)
            for w in weights { h += "<col style=\"width:\(percent(valueShare * w / max(total, 1)))\">" }
        }
        return h + "</colgroup>\n"
    }

    static func percent(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100).\(String(format: "%02d", hundredths % 100))%"
    }

    static func table(_ section: PrintedSection) -> String {
        let span = section.levels + (section.layout == .keyValue ? 1 : section.columns.count)
        var h = "<table class=\"sec\">\n" + colgroup(section)
        var head = ""
        if section.hasColumnHeadings {
            var heading = section.title.isEmpty ? section.labelHeading : section.title
            if !section.title.isEmpty, !section.labelHeading.isEmpty {
                head += "<tr><th class=\"sec-title\" colspan=\"\(span)\">\(esc(section.title))</th></tr>\n"
                heading = section.labelHeading
            }
            head += "<tr><th\(attr("colspan", section.levels))>\(esc(heading))</th>"
            for c in section.columns { head += "<th>\(esc(c.label))</th>" }
            head += "</tr>\n"
        } else if !section.title.isEmpty {
            head += "<tr><th class=\"sec-title\" colspan=\"\(span)\">\(esc(section.title))</th></tr>\n"
        }
        if !head.isEmpty { h += "<thead>\n" + head + "</thead>\n" }
        h += "<tbody>\n"
        for line in section.lines {
            // A paragraph of long text may run over a page break; moving it whole would leave a
            // page mostly empty.
            let long = line.cells.contains { $0?.kind == .longtext && ($0?.text.count ?? 0) > 200 }
            h += long ? "<tr class=\"long\">" : "<tr>"
            for label in line.labels {
                guard let label else { continue }
                var cls = label.isSubtotal ? "label subtotal" : "label"
                if section.layout != .grouped, line.depth > 0 { cls += " d\(min(line.depth, 4))" }
                h += "<th scope=\"row\" class=\"\(cls)\"\(attr("rowspan", label.rowSpan))\(attr("colspan", label.columnSpan))>\(esc(label.text))</th>"
            }
            if section.layout == .keyValue {
                let cell = line.cells.first ?? nil
                h += "<td class=\"\(cell.map(cssClass) ?? "text")\">\(esc(cell?.text ?? ""))</td>"
            } else {
                for cell in line.cells {
                    h += "<td class=\"\(cell.map(cssClass) ?? "none")\">\(esc(cell?.text ?? ""))</td>"
                }
            }
            h += "</tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    static func signature(_ section: PrintedSection) -> String {
        var h = "<div class=\"signature\">"
        for line in section.lines {
            let label = line.labels.compactMap { $0?.text }.first ?? ""
            let value = (line.cells.first ?? nil)?.text ?? ""
            h += "<span class=\"sign\">\(esc(label))\(esc(PrintWords.colon))<span class=\"blank\">\(esc(value))</span></span>"
        }
        return h + "</div>\n"
    }

    static func cssClass(_ cell: PrintedCell) -> String {
        var cls = cell.kind.isNumeric ? "num" : "text"
        if cell.formula != nil { cls += " computed" }
        if case .invalid = cell.value { cls += " invalid" }
        return cls
    }

    static func attr(_ name: String, _ n: Int) -> String { n > 1 ? " \(name)=\"\(n)\"" : "" }

    /// Text for HTML content and attribute values, escaped scalar by scalar: a prepended mark such as
    /// U+0600 joins the next character into one `Character`, so a `Character` comparison never sees
    /// the `<` of `"\u{0600}<img …>"` and would let a live tag through. Line ends become line feeds,
    /// as a browser reads them anyway; other control characters become character references, so
    /// the file shows nothing a terminal would obey when it is written to standard output.
    static func esc(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for u in s.unicodeScalars {
            defer { afterCR = u == "\r" }
            switch u {
            case "\r": out.append("\n")
            case "\n" where afterCR: continue
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\t", "\n": out.append(u)
            default:
                if VisibleText.needsEscape(u) {
                    out.append(contentsOf: "&#x\(String(u.value, radix: 16, uppercase: true));".unicodeScalars)
                } else {
                    out.append(u)
                }
            }
        }
        return String(out)
    }

    /// A CSS string literal (for the page header's `content`), escaped scalar by scalar as `esc` is.
    static func cssString(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for u in s.unicodeScalars {
            switch u {
            case "\\", "\"": out.append("\\"); out.append(u)
            case "<": out.append(contentsOf: "\\3C ".unicodeScalars)
            default: out.append(VisibleText.needsEscape(u) ? " " : u)
            }
        }
        out.append("\"")
        return String(out)
    }

    static func css(_ mark: DraftMark?) -> String {
        var css = """
        @page { size: A4; margin: 16mm 14mm 16mm 14mm; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: #000; background: #fff; font-size: 10pt; line-height: 1.3;
          font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", serif; }
        .form { break-after: page; page-break-after: always; }
        .form:last-of-type { break-after: auto; page-break-after: auto; }
        .short { margin: 0 0 2mm; font-size: 12pt; }
        h1 { margin: 0 0 4mm; text-align: center; font-size: 16pt; font-weight: bold; }
        h2 { font-size: 14pt; }
        table.sec { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0; }
        table.sec + table.sec { margin-top: -1px; }
        th, td { border: 1px solid #000; padding: 1mm 1.2mm; vertical-align: middle; overflow-wrap: break-word; }
        thead { display: table-header-group; }
        thead th { font-weight: bold; text-align: center; }
        th.sec-title { text-align: left; }
        th.label { font-weight: normal; text-align: left; }
        th.subtotal { text-align: center; }
        th.d1 { padding-left: 5mm; } th.d2 { padding-left: 9mm; } th.d3 { padding-left: 13mm; } th.d4 { padding-left: 17mm; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.text { text-align: left; white-space: pre-wrap; }
        td.invalid { text-decoration: underline wavy; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        tr.long { break-inside: auto; page-break-inside: auto; }
        .note { margin: 2mm 0 0; font-size: 9.5pt; }
        .signature { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2mm 6mm; margin-top: 5mm; }
        .sign { white-space: nowrap; }
        .blank { display: inline-block; min-width: 22mm; border-bottom: 1px solid #000; }
        .problems li { margin-bottom: 2mm; }
        @media screen { body { max-width: 190mm; margin: 8mm auto; } .form { margin-bottom: 12mm; padding-bottom: 8mm; border-bottom: 1px dashed #888; } }

        """
        if let mark {
            css += """
            .draft-note { margin: 0 0 2mm; color: #c00000; font-weight: bold; }
            .draft-head { display: none; }
            .watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 120pt; font-weight: bold;
              color: rgba(192, 0, 0, 0.10); transform: rotate(-30deg); pointer-events: none; z-index: 10; }
            @page { @top-center { content: \(cssString(mark.banner)); color: #c00000; font-size: 9pt; } }

            """
        }
        return css
    }
}
