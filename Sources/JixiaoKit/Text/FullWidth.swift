/// Chinese input methods produce full-width digits and punctuation (１２３．５％，); accountants type them
/// without noticing. Everything that reads a number or a target folds them to ASCII first.
public enum FullWidth {
    /// Folds full-width ASCII variants (U+FF01…U+FF5E) and the ideographic space to ASCII, and maps the
    /// Chinese list comma and full stop used as separators. Other characters pass through unchanged.
    /// Whether `fold` changes this scalar.
    public static func folds(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xFF01...0xFF5E, 0x3000, 0x3002: return true
        default: return false
        }
    }

    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars { out.append(fold(u)) }
        return String(out)
    }

    /// One scalar folded, for readers that walk the scalars themselves.
    public static func fold(_ u: Unicode.Scalar) -> Unicode.Scalar {
        switch u.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(u.value - 0xFEE0)!
        case 0x3000: " "
        case 0x3002: "."  // 。 typed for a decimal point
        default: u
        }
    }

    /// A digit as typed, ASCII or full-width: the only scalars that are digits once folded. Quick looks
    /// use it to skip texts that hold no number before folding them.
    public static func isDigit(_ u: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(u.value) || (0xFF10...0xFF19).contains(u.value)
    }
}
