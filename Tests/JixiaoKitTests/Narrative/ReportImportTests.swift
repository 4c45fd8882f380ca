import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Splitting a report's text into the outline's sections by heading, on text shaped like seed 001's
/// (forms first, numbering as it was typed, an 附件 list at the end).
struct ReportImportTests {
    let spec = Fixtures.template("hunan-unit").report!

    @Test func headingsFoundWhateverTheirNumbering() {
        let text = """
        附件1
        2023年度预算单位整体支出绩效评价基础数据表
        预算单位名称
        示例单位
         2023 年度示例单位整体支出绩效自评报告

        1、 单位基本情况
        现有在编人员36人。
        二、 一般公共预算支出情况
        (一)基本支出情况
        本单位基本支出360.71万元。
        五、社会保险基金预算支出情况本
        无。
        6、 部门整体支出绩效情况
        1、民生实事显成效。
        十、 其他需要说明的情况
        无其他需要说明的情况。
        附件：
        1、单位整体支出绩效评价基础数据表
        """
        let r = ReportImport.split(text, spec: spec)
        #expect(r.sections["basic"] == "现有在编人员36人。")
        #expect(r.sections["general"] == "(一)基本支出情况\n本单位基本支出360.71万元。")
        #expect(r.sections["socialInsurance"] == "无。")
        #expect(r.sections["performance"] == "1、民生实事显成效。")
        #expect(r.sections["other"] == "无其他需要说明的情况。")
        #expect(r.sections.count == 5)
        // The forms and the title before, the 附件 list after.
        #expect(r.skippedLines == 6)
    }

    @Test func aParagraphStartingLikeAHeadingIsNotOne() {
        let r = ReportImport.split("一、单位基本情况\n单位基本情况良好，人员稳定，各项工作有序推进。\n", spec: spec)
        #expect(r.sections["basic"] == "单位基本情况良好，人员稳定，各项工作有序推进。")
    }

    @Test func textFilesMustBeUTF8AndKnownKinds() {
        #expect(throws: ReportImport.ReadError.notUTF8) { try ReportImport.text([0xC4, 0xE3], fileName: "a.txt") }
        #expect(throws: ReportImport.ReadError.unknownExtension) { try ReportImport.text(Array("x".utf8), fileName: "a.doc") }
        #expect(throws: ReportImport.ReadError.notDocx) { try ReportImport.text(Array("x".utf8), fileName: "a.docx") }
        #expect((try? ReportImport.text([0xEF, 0xBB, 0xBF] + Array("一、单位基本情况".utf8), fileName: "a.TXT")) == "一、单位基本情况")
    }

    @Test func docxParagraphsAndEntities() {
        let xml = "<w:document><w:body><w:p><w:r><w:t>一、单位</w:t></w:r><w:r><w:t xml:space=\"preserve\">基本情况</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>A&amp;B&lt;C&#x4E00;</w:t><w:tab/><w:t>x</w:t></w:r></w:p></w:body></w:document>"
        #expect(ReportImport.paragraphs(ofDocumentXML: xml) == ["一、单位基本情况", "A&B<C一\tx"])
    }
}
