import JixiaoKit
/// Folds a bracketed paste (everything between `.pasteBegin` and `.pasteEnd`) into one `.paste` key.
///
/// Without this a pasted line break arrives as Enter and submits the form, and a pasted tab moves the
/// focus (notcurses#2704). Input inside a paste turns back into the text that produced it.
public struct PasteCollector: Sendable, Hashable {
    public private(set) var isCollecting = false
    private var buffer = ""

    public init() {}

    /// Feeds one raw character code as read from the terminal; returns the key to deliver, or nil while
    /// a paste is being collected. Raw codes keep CR and LF apart, so a Windows CRLF is one line break.
    public mutating func feedCharacterCode(_ code: UInt32) -> Key? {
        guard isCollecting else { return Key.fromCharacterCode(code) }
        if let scalar = Unicode.Scalar(code) { buffer.unicodeScalars.append(scalar) }
        return nil
    }

    /// Feeds one decoded key; returns the key to deliver, or nil while a paste is being collected.
    public mutating func feed(_ key: Key) -> Key? {
        if !isCollecting {
            switch key {
            case .pasteBegin:
                isCollecting = true
                buffer = ""
                return nil
            case .pasteEnd:
                return nil  // a stray end marker (its begin was lost): nothing to deliver
            default:
                return key
            }
        }
        switch key {
        case .pasteEnd: return finish()
        case .char(let c): buffer.append(c)
        case .paste(let s): buffer += s
        case .enter, .ctrl("j"): buffer.append("\n")
        case .tab: buffer.append("\t")
        default: break  // function keys carry no text; a nested begin is ignored
        }
        return nil
    }

    /// Ends the paste now (also when its end marker never came); nil when none is open.
    public mutating func finish() -> Key? {
        guard isCollecting else { return nil }
        isCollecting = false
        defer { buffer = "" }
        return .paste(Self.normalizingLineBreaks(buffer))
    }

    /// CRLF and lone CR become LF; other control characters except tab are dropped, since a paste can
    /// carry escape sequences that must not reach a field.
    static func normalizingLineBreaks(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isNewline {
                out.append("\n")
            } else if character == "\t" {
                out.append(character)
            } else if let first = character.unicodeScalars.first, first.properties.generalCategory == .control {
                continue
            } else {
                out.append(character)
            }
        }
        return out
    }
}
