/// Bytes at an address that never moves, freed with their last reference. The crash handler may only
/// make system calls, so it writes the recovery file from addresses it was handed beforehand; and the
/// recovery worker, handing over the pieces of a draft rather than one copy of it, copies nothing on a
/// key but the form instance that changed (on a 200-project draft, two copies of 2 MB were most of the
/// worker's time, on a machine whose other core runs the screen).
public final class PinnedBytes: @unchecked Sendable {
    public let base: UnsafePointer<UInt8>
    public let count: Int

    public init<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
        let end = UnsafeMutableBufferPointer(start: p, count: bytes.count).initialize(from: bytes).1
        precondition(end == bytes.count)
        base = UnsafePointer(p)
        count = bytes.count
    }

    public convenience init(_ text: String) { self.init(text.utf8) }

    deinit { base.deallocate() }

    public var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}

/// A text made of pinned pieces, in order.
public struct PinnedText: Sendable {
    public private(set) var pieces: [PinnedBytes] = []
    /// The whole text's length in bytes.
    public private(set) var count = 0

    public init() {}

    public mutating func append(_ p: PinnedBytes) {
        pieces.append(p)
        count += p.count
    }

    public mutating func append(_ s: String) { append(PinnedBytes(s)) }

    public mutating func append(contentsOf other: PinnedText) {
        pieces.append(contentsOf: other.pieces)
        count += other.count
    }

    public mutating func reserveCapacity(_ n: Int) { pieces.reserveCapacity(n) }

    /// The text in one piece (the recovery file, written every few seconds; tests).
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for p in pieces { out.append(contentsOf: p.buffer) }
        return out
    }
}
