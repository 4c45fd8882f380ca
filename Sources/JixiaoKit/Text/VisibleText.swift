/// Text made safe for a terminal or a plain-text file: every control character is shown as a visible
/// escape instead of being passed on, so a cell holding `ESC [2J` or an OSC title sequence cannot clear
/// the screen, retitle the window, hide the rest of the output or forge a line.
///
/// One notation everywhere: a C0/C1 control or DEL (U+0000–U+001F, U+007F–U+009F) is written `\xHH`
/// (ESC → `\x1b`, BEL → `\x07`, CR → `\x0d`, NUL → `\x00`); a bidirectional formatting character
/// (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), which reorders what a terminal shows, is written
/// `\x{HHHH}`. A backslash is left as it is, so ordinary text reads unchanged.
///
/// Every text the CLI prints, the text printout and the reports' lines go through here; `--json`
/// output does not (JSON escaping keeps it exact, see `JSONWriter`).
public enum VisibleText {
    /// For text of several lines: line feeds are kept, every other control is escaped.
    public static func text(_ s: String) -> String { escape(s, keepLineFeeds: true) }

    /// For one line or one tab-separated field: line feeds and tabs are escaped as well.
    public static func line(_ s: String) -> String { escape(s, keepLineFeeds: false) }

    /// Whether a scalar is one that `text` or `line` rewrites (a line feed is, for `line`).
    public static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        isControl(u) || isBidiControl(u)
    }

    static func escape(_ s: String, keepLineFeeds: Bool) -> String {
        // Most text has nothing to escape: return it as it is without rebuilding it.
        guard s.unicodeScalars.contains(where: { needsEscape($0) && !(keepLineFeeds && $0 == "\n") }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if keepLineFeeds && u == "\n" || !needsEscape(u) {
                out.append(u)
            } else {
                let hex = String(u.value, radix: 16)
                let escaped = u.value <= 0xFF ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\x{" + hex + "}"
                out.append(contentsOf: escaped.unicodeScalars)
            }
        }
        return String(out)
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value)
    }

    static func isBidiControl(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
