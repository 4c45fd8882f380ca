import JixiaoKit
/// A key press, decoded from whatever the terminal sent. Independent of ncurses so that `update` and the
/// widgets can be driven by tests.
public enum Key: Sendable, Hashable {
    /// A printable character, including Chinese text committed by an input method one character at a time.
    case char(Character)
    case enter
    case escape
    case tab
    /// Shift-Tab.
    case backTab
    case backspace
    case delete
    case up, down, left, right
    case home, end
    case pageUp, pageDown
    /// F1…F12 (and beyond, if the terminal sends them).
    case f(Int)
    /// Ctrl with a letter or symbol, lowercase: Ctrl-S is `.ctrl("s")`.
    case ctrl(Character)
    case ctrlLeft, ctrlRight
    /// The terminal changed size: ask for the new size and render again.
    case resize
    /// Bracketed-paste markers. `Terminal.readKey` folds them and everything between into `.paste`;
    /// they only surface from `PasteCollector` when fed by hand.
    case pasteBegin, pasteEnd
    /// A whole paste, so newlines in it neither submit a form nor move between fields.
    case paste(String)
    /// A key code nothing above matches (kept for diagnostics).
    case unknown(Int32)
}

extension Key {
    /// The key for a character code read in raw mode (no ncurses key translation): control codes become
    /// Enter, Tab, Esc, Backspace or `.ctrl`, anything else a character.
    public static func fromCharacterCode(_ code: UInt32) -> Key {
        switch code {
        case 0x0D, 0x0A: return .enter  // nonl() makes Enter CR; some terminals and pastes send LF
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace  // Ctrl-H and DEL: terminals disagree on which Backspace sends
        case 0x00: return .ctrl("@")  // Ctrl-Space
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(code + 0x60)!))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(code + 0x40)!))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown(Int32(bitPattern: code)) }
            return .char(Character(scalar))
        }
    }

    /// The key for a terminfo-extended key name, as ncurses' `keyname` reports codes beyond its fixed
    /// set. The digit is the xterm modifier: 3 Alt, 5 Ctrl, 6 Ctrl-Shift.
    public static func fromKeyName(_ name: String) -> Key? {
        switch name {
        case "kLFT5", "kLFT3", "kLFT6": return .ctrlLeft
        case "kRIT5", "kRIT3", "kRIT6": return .ctrlRight
        case "kHOM5": return .home
        case "kEND5": return .end
        case "kDC5": return .delete
        default: return nil
        }
    }

    /// What the key inserts into a text field, nil for keys that do not insert text.
    public var insertedText: String? {
        switch self {
        case .char(let c): return String(c)
        case .paste(let s): return s
        default: return nil
        }
    }
}
