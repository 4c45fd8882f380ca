import Foundation

/// Why a typed number was refused. Worded in `Messages`.
public enum NumberInputError: Error, Equatable, Sendable {
    case notANumber(input: String)
    case misplacedSeparator(input: String)
    case notWhole(input: String)
    case percentNotAllowed(input: String)
    case tooLong(input: String)
}

/// Reads numbers as accountants type them: ASCII or full-width digits and punctuation
/// (１２３．５、％、，), thousands separators, surrounding spaces, a trailing % on percent cells,
/// and the cell's own unit ("12.5万元" in a money cell). Everything else is refused, quoting the input.
public enum NumberInput {
    /// Parses `input` for a cell of `kind`. Percent cells return the ratio (95% → 0.95); a percent cell
    /// also takes a bare number as percent points ("95" → 0.95), as the paper form's column is in %.
    public static func parse(_ input: String, kind: CellKind) -> Result<Decimal, NumberInputError> {
        // Trimmed scalar by scalar: Foundation's trimmingCharacters went through NSString, a fifth of a typed digit.
        var s = FullWidth.fold(input).trimmed
        if s.count > 40 { return .failure(.tooLong(input: input)) }
        var percent = false
        if s.hasSuffix("%") {
            guard kind == .percent else { return .failure(.percentNotAllowed(input: input)) }
            percent = true
            s.removeLast()
        }
        for unit in kind.acceptedUnits where s.hasSuffix(unit) {
            s.removeLast(unit.count)
            break
        }
        s = s.trimmedSpaces
        guard let value = decimal(s) else {
            if s.contains(",") && decimal(s.replacingOccurrences(of: ",", with: "")) != nil {
                return .failure(.misplacedSeparator(input: input))
            }
            return .failure(.notANumber(input: input))
        }
        if kind == .count && value != value.rounded(0) { return .failure(.notWhole(input: input)) }
        if kind == .percent { return .success(value / Decimal.hundred) }
        _ = percent
        return .success(value)
    }

    /// Strict decimal: optional sign, digits with optional groups of three after commas, optional fraction.
    public static func decimal(_ s: String) -> Decimal? {
        var chars = Array(s.utf8)
        guard !chars.isEmpty else { return nil }
        var negative = false
        if chars[0] == UInt8(ascii: "-") || chars[0] == UInt8(ascii: "+") {
            negative = chars[0] == UInt8(ascii: "-")
            chars.removeFirst()
        }
        guard !chars.isEmpty else { return nil }
        var intPart: [UInt8] = []
        var fracPart: [UInt8] = []
        var seenDot = false
        var groups: [Int] = [0]
        for c in chars {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenDot { fracPart.append(c) } else { intPart.append(c); groups[groups.count - 1] += 1 }
            case UInt8(ascii: ","):
                if seenDot { return nil }
                groups.append(0)
            case UInt8(ascii: "."):
                if seenDot { return nil }
                seenDot = true
            default:
                return nil
            }
        }
        if groups.count > 1 {
            // 1,234,567.8: the first group 1–3 digits, every later group exactly three.
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        }
        if intPart.isEmpty && fracPart.isEmpty { return nil }
        if seenDot && fracPart.isEmpty { return nil }
        let digits = intPart + fracPart
        guard digits.count <= 30 else { return nil }
        var significand = Decimal(0)
        if digits.count <= 19 {
            // Up to 19 digits fit a UInt64: one conversion instead of a Decimal multiply-add per digit.
            var n: UInt64 = 0
            for d in digits { n = n * 10 + UInt64(d - 48) }
            significand = Decimal(n)
        } else {
            for d in digits { significand = significand * 10 + Decimal(Int(d - 48)) }
        }
        let value = Decimal(sign: negative ? .minus : .plus, exponent: -fracPart.count, significand: significand)
        return value
    }

    /// The canonical text a draft stores for a value of `kind` (parseable back by `parse`).
    public static func canonical(_ value: Decimal, kind: CellKind) -> String {
        if kind == .percent { return (value * Decimal.hundred).plain + "%" }
        return value.plain
    }
}
