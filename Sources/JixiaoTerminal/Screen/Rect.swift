import JixiaoKit
/// A cell position on the screen, zero-based from the top-left corner.
public struct Position: Sendable, Hashable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// A rectangular region of the screen that a widget renders into. Sizes are never negative.
public struct Rect: Sendable, Hashable {
    public var row: Int
    public var col: Int
    public var height: Int
    public var width: Int

    public init(row: Int, col: Int, height: Int, width: Int) {
        self.row = row
        self.col = col
        self.height = max(0, height)
        self.width = max(0, width)
    }

    public var isEmpty: Bool { height == 0 || width == 0 }
    /// One past the last row.
    public var bottom: Int { row + height }
    /// One past the last column.
    public var right: Int { col + width }

    public func contains(_ p: Position) -> Bool {
        p.row >= row && p.row < bottom && p.col >= col && p.col < right
    }

    /// The part of both rectangles, empty (at this rectangle's origin) when they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row), left = max(col, other.col)
        let h = min(bottom, other.bottom) - top, w = min(right, other.right) - left
        guard h > 0, w > 0 else { return Rect(row: row, col: col, height: 0, width: 0) }
        return Rect(row: top, col: left, height: h, width: w)
    }

    /// The rectangle shrunk by `n` cells on every side (a box's inside).
    public func inset(by n: Int) -> Rect {
        inset(top: n, left: n, bottom: n, right: n)
    }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(
            row: row + top, col: col + left,
            height: min(height, max(0, height - top - bottom)), width: max(0, width - left - right))
    }

    /// The top `n` rows and the rest, for stacking a title bar, a body and a key bar.
    public func splitTop(_ n: Int) -> (top: Rect, rest: Rect) {
        let k = min(max(0, n), height)
        return (Rect(row: row, col: col, height: k, width: width),
                Rect(row: row + k, col: col, height: height - k, width: width))
    }

    /// The bottom `n` rows and the rest.
    public func splitBottom(_ n: Int) -> (rest: Rect, bottom: Rect) {
        let k = min(max(0, n), height)
        return (Rect(row: row, col: col, height: height - k, width: width),
                Rect(row: bottom - k, col: col, height: k, width: width))
    }

    /// The left `n` columns and the rest, for a label column beside a value column.
    public func splitLeft(_ n: Int) -> (left: Rect, rest: Rect) {
        let k = min(max(0, n), width)
        return (Rect(row: row, col: col, height: height, width: k),
                Rect(row: row, col: col + k, height: height, width: width - k))
    }
}
