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
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            case 0x3002: out.append(".")  // 。 typed for a decimal point
            default: out.append(u)
            }
        }
        return String(out)
    }
}
