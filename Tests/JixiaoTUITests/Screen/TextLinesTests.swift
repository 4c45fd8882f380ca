import Testing
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

struct TextLinesTests {
    @Test func chineseBreaksAnywhereButBeforeAClosingMark() {
        #expect(TextLines.wrap("增加就业岗位，促进社会就业", width: 12) == ["增加就业岗", "位，促进社会", "就业"])
        #expect(TextLines.wrap("第一行\n第二行", width: 20) == ["第一行", "第二行"])
        // Every character that breaks a line does (the text is split only when it holds one).
        for separator in ["\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            #expect(TextLines.wrap("甲" + separator + "乙", width: 20) == ["甲", "乙"], "\(separator.unicodeScalars.map(\.value))")
        }
        #expect(TextLines.wrap("金额 2.585 万元", width: 8) == ["金额", "2.585 万", "元"])
    }

    @Test func anOpeningMarkNeverEndsALine() {
        // "（" would fit at the end of the first line; it goes down with the character it opens.
        #expect(TextLines.wrap("预算执行率（百分比）", width: 12) == ["预算执行率", "（百分比）"])
        #expect(TextLines.wrap("指标“产出数量”", width: 6) == ["指标", "“产出", "数量”"])
    }

    @Test func aPathBreaksAfterASlashNotInsideAName() {
        let lines = TextLines.wrap("可退出后删除 /home/会计/文档/示例区某某局-2023.json.lock 再打开。", width: 30)
        #expect(lines.contains("示例区某某局-2023.json.lock") || lines.contains { $0.hasPrefix("示例区某某局-2023.json.lock") }, "\(lines)")
        for l in lines { #expect(DisplayWidth.width(of: l) <= 30) }
        #expect(lines.joined() .replacingOccurrences(of: " ", with: "") == "可退出后删除/home/会计/文档/示例区某某局-2023.json.lock再打开。")
    }

    /// The pieces are found by scalar (`TextLines.atoms`), for speed; they must be those of the rule as
    /// it reads, with characters compared as characters, on any text: spaces, paths, marks after a
    /// space, combining marks, a mark of two scalars.
    @Test func atomsFollowTheRuleOnAnyText() {
        func byCharacters(_ text: String) -> [String] {
            var out: [String] = [], word = "", inPath = false
            func flush() {
                guard !word.isEmpty else { return }
                if word.contains("/") {
                    var piece = ""
                    for c in word { piece.append(c); if c == "/" { out.append(piece); piece = "" } }
                    if !piece.isEmpty { out.append(piece) }
                } else {
                    out.append(word)
                }
                word = ""
            }
            for c in text {
                if c == " " { flush(); inPath = false; out.append(" "); continue }
                if c == "/" && (word.isEmpty || word.allSatisfy { $0.isASCII }) { inPath = true }
                if inPath || c.isASCII { word.append(c); continue }
                flush()
                if TextLines.noLineStart.contains(c), let last = out.popLast(), last != " " {
                    out.append(last + String(c))
                } else if let last = out.last, let end = last.last, TextLines.noLineEnd.contains(end) {
                    out[out.count - 1] = last + String(c)
                } else {
                    out.append(String(c))
                }
            }
            flush()
            return out
        }
        let pieces: [String] = [" ", "/", "a", "1.5", "年", "度", "，", "。", "）", "…", "（", "“", "”", "é", "e\u{301}", "（\u{301}",
                                "\u{FF0C}\u{301}", "会计/", "\n", "\r\n", "x/y", "，，", "（（"]
        var seed = SeededRandom(seed: 7)
        for _ in 0..<2000 {
            let text = Self.randomText(pieces, upTo: 24, &seed)
            #expect(TextLines.atoms(text) == byCharacters(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Up to `count` pieces, each drawn from `pieces`.
    static func randomText(_ pieces: [String], upTo count: Int, _ seed: inout SeededRandom) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...count, using: &seed) { text += pieces[Int.random(in: 0..<pieces.count, using: &seed)] }
        return text
    }

    /// A word longer than the line is cut by character; a wide character that does not fit goes down
    /// whole, and none is lost (a space once stood in for it and the character went missing).
    @Test func aLongWordIsCutWithoutLosingACharacter() {
        #expect(TextLines.wrap("/aaaaaaaa/会计文档", width: 10) == ["/aaaaaaaa/", "会计文档"])
        #expect(TextLines.wrap("abcdefghi/会计文档目录", width: 10) == ["abcdefghi/", "会计文档目", "录"])
        #expect(TextLines.wrap("abcdefghi会计", width: 10) == ["abcdefghi", "会计"])
        let cut = TextLines.wrap("/aaaaaaaaa会计/文档", width: 10)
        #expect(cut.joined() == "/aaaaaaaaa会计/文档", "\(cut)")
        for l in cut { #expect(DisplayWidth.width(of: l) <= 10, "\(cut)") }
        // Wider than the line itself: alone on its line, rather than never ending.
        #expect(TextLines.wrap("会计", width: 1).joined() == "会计")
    }

    /// Texts of one-scalar characters are wrapped by scalar (`wrapSimple`): the lines must be those of
    /// the character-by-character wrap at every width, spaces, paths and marks included.
    @Test func wrappingByScalarGivesTheSameLines() {
        let pieces: [String] = [" ", "  ", "/", "a", "1.5", "年", "度", "，", "。", "）", "…", "（", "“", "”", "é", "会计/", "x/y",
                                "，，", "（（", "abcdefghijklmnop", "/home/会计/文档/示例区某某局-2023.json", "全角ＡＢ", "￥", "ｶ"]
        var seed = SeededRandom(seed: 11)
        var compared = 0
        for _ in 0..<3000 {
            let text = Self.randomText(pieces, upTo: 30, &seed)
            let width = Int.random(in: 1...24, using: &seed)
            guard let simple = TextLines.wrapSimple(text, width: width) else { Issue.record("not simple: \(text)"); continue }
            #expect(simple == TextLines.wrapAny(text, width: width), "\(text) at \(width)")
            compared += 1
        }
        #expect(compared == 3000)
        // Anything else goes character by character.
        #expect(TextLines.wrapSimple("e\u{301}", width: 10) == nil)
        #expect(TextLines.wrapSimple("甲\n乙", width: 10) == nil)
    }
}
