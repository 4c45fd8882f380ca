import Foundation
import JixiaoKit

/// The 自评报告 followed by every form as a Word document: the report's sections (generated sentences
/// filled from the forms, then the accountant's prose), then each form instance on its own A4 pages,
/// portrait or landscape by its width, as a table laid out as `SheetGrid` places it for the workbook
/// (merged headings, 其中 lines indented). 仿宋 for the prose and 宋体 for titles and tables, as
/// government documents are set; page numbers in the footer; a draft's 草稿 banner in the header of
/// every page. The WordprocessingML parts are written by hand: the minimum Word, WPS and LibreOffice need.
public enum PrintDOCX {
    public static func render(scorecard: Scorecard, evaluation ev: Evaluation, draftMark: DraftMark? = nil) throws -> [UInt8] {
        do { return try ZipParts.archive(parts(scorecard: scorecard, evaluation: ev, draftMark: draftMark)) } catch {
            throw PrintXLSX.Failure.zip(error.description)
        }
    }

    /// The document's parts in container order: path inside the zip and XML bytes.
    public static func parts(scorecard: Scorecard, evaluation ev: Evaluation, draftMark: DraftMark? = nil) -> [PrintedFile] {
        let body = DOCXBody.document(ev, draftMark: draftMark, hasHeader: draftMark != nil)
        var out: [PrintedFile] = [
            file("[Content_Types].xml", contentTypes(header: draftMark != nil)),
            file("_rels/.rels", rootRels),
            file("docProps/app.xml", PrintXLSX.appProperties),
            file("word/document.xml", body),
            file("word/styles.xml", styles),
            file("word/footer1.xml", footer),
        ]
        if let draftMark { out.append(file("word/header1.xml", header(draftMark.banner))) }
        out.append(file("word/_rels/document.xml.rels", documentRels(header: draftMark != nil)))
        return out
    }

    static func file(_ path: String, _ xml: String) -> PrintedFile { PrintedFile(name: path, bytes: Array(xml.utf8)) }

    static let header = PrintXLSX.header
    static let wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relNS = PrintXLSX.relNS
    static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(header hasHeader: Bool) -> String {
        var s = PrintXLSX.typesHead
        s += "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        s += "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        s += "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        if hasHeader {
            s += "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
        }
        s += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return s + "</Types>\n"
    }

    static let rootRels = header + "<Relationships xmlns=\"\(packageRelNS)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(relNS)/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>\n"

    static func documentRels(header hasHeader: Bool) -> String {
        var s = header + "<Relationships xmlns=\"\(packageRelNS)\">"
        s += "<Relationship Id=\"rId1\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
        s += "<Relationship Id=\"rId2\" Type=\"\(relNS)/footer\" Target=\"footer1.xml\"/>"
        if hasHeader { s += "<Relationship Id=\"rId3\" Type=\"\(relNS)/header\" Target=\"header1.xml\"/>" }
        return s + "</Relationships>\n"
    }

    /// 宋体 五号 by default; the prose style is 仿宋 三号 with a two-character first-line indent.
    static let styles = header + "<w:styles xmlns:w=\"\(wordNS)\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\" w:cs=\"Times New Roman\"/>"
        + "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:jc w:val=\"center\"/><w:spacing w:before=\"240\" w:after=\"360\"/></w:pPr>"
        + "<w:rPr><w:rFonts w:eastAsia=\"宋体\"/><w:b/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
        + "<w:rPr><w:rFonts w:eastAsia=\"黑体\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Prose\"><w:name w:val=\"Prose\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/></w:pPr>"
        + "<w:rPr><w:rFonts w:eastAsia=\"仿宋\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"FormShort\"><w:name w:val=\"FormShort\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:rPr><w:rFonts w:eastAsia=\"黑体\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"FormTitle\"><w:name w:val=\"FormTitle\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:jc w:val=\"center\"/><w:spacing w:before=\"120\" w:after=\"240\"/></w:pPr>"
        + "<w:rPr><w:rFonts w:eastAsia=\"宋体\"/><w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"DraftMark\"><w:name w:val=\"DraftMark\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"C00000\"/></w:rPr></w:style>"
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        + "<w:tblPr><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>\n"

    /// Page numbers centred: — 3 —.
    static let footer = header + "<w:ftr xmlns:w=\"\(wordNS)\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
        + "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
        + "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>\n"

    static func header(_ banner: String) -> String {
        header + "<w:hdr xmlns:w=\"\(wordNS)\"><w:p><w:pPr><w:pStyle w:val=\"DraftMark\"/></w:pPr>"
            + "<w:r><w:t xml:space=\"preserve\">\(XML.escape(banner))</w:t></w:r></w:p></w:hdr>\n"
    }
}
