import CNcursesw
import Testing
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

@Suite struct KeyTests {
    @Test func controlCodesDecode() {
        #expect(Key.fromCharacterCode(0x0D) == .enter)
        #expect(Key.fromCharacterCode(0x0A) == .enter)
        #expect(Key.fromCharacterCode(0x09) == .tab)
        #expect(Key.fromCharacterCode(0x1B) == .escape)
        #expect(Key.fromCharacterCode(0x7F) == .backspace)
        #expect(Key.fromCharacterCode(0x08) == .backspace)
        #expect(Key.fromCharacterCode(0x13) == .ctrl("s"))
        #expect(Key.fromCharacterCode(0x17) == .ctrl("w"))
        #expect(Key.fromCharacterCode(0x01) == .ctrl("a"))
        #expect(Key.fromCharacterCode(0x1F) == .ctrl("_"))
        #expect(Key.fromCharacterCode(0x9884) == .char("预"))
        #expect(Key.fromCharacterCode(0x41) == .char("A"))
        #expect(Key.fromCharacterCode(0xD800) == .unknown(0xD800))
    }

    @Test func extendedKeyNames() {
        #expect(Key.fromKeyName("kLFT5") == .ctrlLeft)
        #expect(Key.fromKeyName("kRIT5") == .ctrlRight)
        #expect(Key.fromKeyName("kUP5") == nil)
    }

    @Test func cursesKeyCodesMap() {
        #expect(Terminal.key(forKeyCode: KEY_UP) == .up)
        #expect(Terminal.key(forKeyCode: KEY_BTAB) == .backTab)
        #expect(Terminal.key(forKeyCode: KEY_NPAGE) == .pageDown)
        #expect(Terminal.key(forKeyCode: KEY_RESIZE) == .resize)
        #expect(Terminal.key(forKeyCode: KEY_F0 + 1) == .f(1))
        #expect(Terminal.key(forKeyCode: KEY_F0 + 12) == .f(12))
        #expect(Terminal.key(forKeyCode: KEY_DC) == .delete)
        #expect(Terminal.key(forKeyCode: KEY_BACKSPACE) == .backspace)
    }

    @Test func insertedText() {
        #expect(Key.char("元").insertedText == "元")
        #expect(Key.paste("a\nb").insertedText == "a\nb")
        #expect(Key.enter.insertedText == nil)
    }
}

@Suite struct PasteCollectorTests {
    @Test func keysBetweenMarkersBecomeOnePaste() {
        var p = PasteCollector()
        let keys: [Key] = [.char("x"), .pasteBegin, .char("一"), .enter, .char("二"), .tab, .char("三"), .f(1), .pasteEnd, .enter]
        let delivered = keys.compactMap { p.feed($0) }
        #expect(delivered == [.char("x"), .paste("一\n二\t三"), .enter])
        #expect(!p.isCollecting)
    }

    @Test func rawCodesKeepCRLFAsOneLineBreak() {
        var p = PasteCollector()
        var delivered = [p.feedCharacterCode(0x0D), p.feed(.pasteBegin)]
        delivered += "甲\r\n乙\r丙\n\u{1B}丁".unicodeScalars.map { p.feedCharacterCode($0.value) }
        #expect(p.isCollecting)
        delivered.append(p.feed(.pasteEnd))
        #expect(delivered.compactMap { $0 } == [.enter, .paste("甲\n乙\n丙\n丁")])
    }

    @Test func aStalledPasteCanBeFinished() {
        var p = PasteCollector()
        let nothingOpen = p.finish()
        #expect(nothingOpen == nil)
        let delivered = [p.feed(.pasteBegin), p.feedCharacterCode(0x61), p.finish(), p.feed(.pasteEnd)]
        #expect(delivered == [nil, nil, .paste("a"), nil])  // the late end marker is swallowed
    }
}

@Suite struct ThemeTests {
    @Test func monochromeKeepsFocusAndErrorsVisible() {
        let theme = Theme.standard
        let focus = theme.resolve(.focus, colors: false)
        #expect(focus.attributes.contains(.reverse))
        #expect(focus.pair == 0)
        #expect(!theme.resolve(.error, colors: false).attributes.isEmpty)
        #expect(theme.resolve(.keybar, colors: false).attributes.contains(.reverse))
        #expect(theme.resolve(CellStyle(.normal, [.bold]), colors: false).attributes == [.bold])
    }

    @Test func coloursUseOnePairPerRole() {
        let theme = Theme.standard
        #expect(theme.resolve(.error, colors: true).pair == ColorRole.error.rawValue)
        #expect(theme.resolve(.normal, colors: true).pair == 0)
        #expect(theme.resolve(CellStyle(.computed, [.underline]), colors: true).attributes.contains(.underline))
        for role in ColorRole.allCases where role != .normal {
            #expect(theme.colored[role] != nil, "\(role) has no colours")
        }
    }
}

@Suite struct TerminalTests {
    @Test func utf8CodesetNames() {
        #expect(Terminal.isUTF8("UTF-8"))
        #expect(Terminal.isUTF8("utf8"))
        #expect(!Terminal.isUTF8("ANSI_X3.4-1968"))
        #expect(!Terminal.isUTF8(""))
    }

    @Test(.enabled(if: isatty(0) == 0 || isatty(1) == 0, "only where the test has no terminal to take over"))
    func startWithoutATerminalThrowsAChineseMessage() {
        let terminal = Terminal()
        #expect(throws: TerminalError.self) { try terminal.start() }
        #expect(!terminal.isActive)
        terminal.stop()  // harmless when never started
        #expect(TerminalError.notATerminal.description.contains("终端"))
        #expect(TerminalError.unknownTerminal("vt999").description.contains("vt999"))
    }

    @Test func drawingAndReadingBeforeStartDoNothing() {
        let terminal = Terminal()
        terminal.draw(Screen(rows: 2, cols: 2), previous: nil)
        #expect(terminal.readKey(timeoutMs: 0) == nil)
        #expect(terminal.size() == (0, 0))
    }
}
