import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI

/// Issue 13's defects of what the screen shows (each failed before its fix).
struct ScreenDefectTests {
    /// Defect 8: nothing of the table shows beside the multi-line editor.
    @Test func theMultiLinePopupHidesTheTableBesideIt() {
        for (rows, cols) in [(24, 80), (36, 120), (50, 200)] {
            var s = AppFixture.example(rows: rows, cols: cols)
            s.focus("A.measures.value")
            s.press(.enter)
            let lines = s.lines
            let band = lines.indices.filter { lines[$0].contains("┌") || lines[$0].contains("│1、") || lines[$0].contains("└") }
            #expect(!band.isEmpty)
            let top = band.min()!, bottom = band.max()!
            for r in top...bottom {
                let l = lines[r]
                let box = l.firstIndex { "┌│└".contains($0) }!, end = l.lastIndex { "┐│┘".contains($0) }!
                #expect(l[..<box].allSatisfy { $0 == " " }, "\(cols)×\(rows) row \(r): «\(l)»")
                #expect(l[l.index(after: end)...].allSatisfy { $0 == " " }, "\(cols)×\(rows) row \(r): «\(l)»")
            }
        }
    }

    /// Defect 2: with the long file name the default naming gives, the title still says the draft is
    /// unsaved and how many problems it has; the name gives way, with an ellipsis.
    @Test func theTitleKeepsTheUnsavedMarkAndCountsOverALongFileName() {
        for cols in [80, 120, 200] {
            var s = AppFixture.example(rows: 24, cols: cols)
            s.path = "/home/会计/文档/岳阳市岳阳楼区人力资源和社会保障局-2023年度整体支出绩效自评.json"
            s.focus("A.staff.actual")
            s.type("16")
            s.press(.enter)
            let title = s.lines[0]
            #expect(title.contains("＊未保存"), "\(cols): «\(title)»")
            #expect(title.contains("错误 0  警告"), "\(cols): «\(title)»")
            #expect(title.contains("…") || title.contains("自评.json"), "\(cols): «\(title)»")
        }
    }
}
