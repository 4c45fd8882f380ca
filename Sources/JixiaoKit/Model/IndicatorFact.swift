/// One named indicator row as the cross-form comparison (`sameIndicators`) reads it. The evaluation
/// keeps these per form instance, like `RowReview` per row, and makes them again only for a row whose
/// name, target or actual changed: the comparison then looks up the rows of one name instead of
/// normalising every indicator name of the draft after each edit.
public struct IndicatorFact: Sendable, Equatable {
    public let row: String
    public let rowIndex: Int
    /// The 三级指标 as entered.
    public let entered: String
    /// `entered` normalised (`IndicatorFact.normalised`): rows of the same indicator share it.
    public let key: String
    public let target: String
    public let actual: String
    /// A named row's own label: messages locate the row by it.
    public let label: String?

    /// The name as messages quote it.
    public var name: String { entered.trimmed }

    /// Nil for a row without a name (a row being typed is not compared).
    init?(row: String, rowIndex: Int, name: String, target: String, actual: String, label: String?) {
        let key = Self.normalised(name)
        guard !key.isEmpty else { return nil }
        self.row = row
        self.rowIndex = rowIndex
        self.entered = name
        self.key = key
        self.target = target
        self.actual = actual
        self.label = label
    }

    /// The same row with the same inputs: its key need not be normalised again.
    func isSame(name: String, target: String, actual: String, label: String?) -> Bool {
        entered == name && self.target == target && self.actual == actual && self.label == label
    }

    /// A name or value with spaces, punctuation and symbols dropped and full-width folded: Word wraps
    /// 人事人才\n档案管理数, and people write 无挪用，专项专用 and 无挪用专项专用.
    public static func normalised(_ s: String) -> String {
        func kept(_ u: Unicode.Scalar) -> Bool { !(u.isUnicodeWhiteSpace || u.properties.generalCategory.isPunctuation) }
        // Most names are normal already: they are kept as they are, sharing the draft's storage.
        if s.unicodeScalars.allSatisfy({ kept($0) && !FullWidth.folds($0) }) { return s }
        return String(String.UnicodeScalarView(FullWidth.fold(s).unicodeScalars.filter(kept)))
    }
}

private extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
