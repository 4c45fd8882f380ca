import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Issue 14, class 2: an indicator on 附件2 and on a 附件3 says the same thing on both.
struct SameIndicatorsTests {
    static func found(_ ws: Workspace) -> [Worded] { ws.worded.filter { $0.code == "sameIndicator" } }

    /// Seed 001: 人事人才档案管理数 is ≥5500份 on 附件2 (wrapped as 人事人才/档案管理数) and ≥5000份 on
    /// 附件3-1; 人事档案规范整理完成度 reached 99% on 附件2 and 100% on 附件3-1.
    @Test func seed001() {
        let found = Self.found(Fixtures.example())
        #expect(found.map(\.path) == ["B.quantity[3].target", "B.quality[2].actual", "C[1].quantity[1].target", "C[1].quality[1].actual"])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found[0].message.contains("≥5500份") && found[0].message.contains("≥5000份") && found[0].message.contains("附件3-1（业务工作经费）"))
        #expect(found[2].message.contains("附件2"))
    }

    @Test func valuesThatAgreeSayNothing() {
        // The same values written differently, and a name with other spaces and punctuation.
        let ws = TT.set(Fixtures.example(), [("C[1].quantity[1].target", "≥ 5500 份"), ("C[1].quality[1].actual", "99%"),
                                             ("C[1].quantity[1].name", "人事人才 档案管理数。")])
        #expect(Self.found(ws).isEmpty)
        // The seed's agreeing pairs (职称评定数, 职称评定通过率) never appear; neither do project-to-project names.
        #expect(Self.found(Fixtures.example()).allSatisfy { !$0.message.contains("职称") && !$0.message.contains("满意度") })
    }

    @Test func aNameDifferentAfterNormalisingIsAnotherIndicator() {
        let ws = TT.set(Fixtures.example(), [("C[1].quantity[1].name", "人事人才档案管理总数")])
        let targets = Self.found(ws).filter { ($0.path ?? "").hasSuffix("target") }
        #expect(targets.isEmpty)
        #expect(CheckContext.key("无挪用，专项专用") == CheckContext.key("无挪用专项专用"))
        #expect(CheckContext.sameTarget("≥95%", "95%以上") && !CheckContext.sameTarget("≥95%", "≥90%"))
        #expect(CheckContext.sameActual("11.04万", "11.04万元") && CheckContext.sameActual("", "100%"))
    }

    @Test func theTemplateNamesTwoFormsWithIndicators() {
        let base = #"{"format": 1, "id": "t", "version": "1", "title": "t", "forms": [{"id": "A", "short": "A", "title": "A", "sections": [{"id": "s", "columns": [{"id": "v"}], "rows": [{"id": "d", "label": "d"}]}]}], "checks": [CHECK]}"#
        #expect(TT.reason(base.replacingOccurrences(of: "CHECK", with: #"{"kind": "sameIndicators", "forms": ["A"]}"#)) != nil)
        #expect(TT.reason(base.replacingOccurrences(of: "CHECK", with: #"{"kind": "sameIndicators", "forms": ["A", "A"]}"#)) != nil)
        #expect(TT.reason(base.replacingOccurrences(of: "CHECK", with: #"{"kind": "sameIndicators", "forms": ["A", "Z"]}"#)) != nil)
    }
}
