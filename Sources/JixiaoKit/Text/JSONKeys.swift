/// The keys a reader knows in advance (a form's row ids, a row's column ids), found by their bytes in
/// the document: no `String` is made and no `Hasher` runs for a key that is one of them, which was most
/// of reading a large draft's cells. `names[i]` is the key's `String`, shared by every value read.
public struct JSONKeys: Sendable {
    public let names: [String]
    let utf8: [[UInt8]]
    /// Open addressing on length and first and last byte: index + 1, 0 for an empty slot.
    let slots: [Int32]

    public init(_ names: [String]) {
        self.names = names
        utf8 = names.map { Array($0.utf8) }
        var size = 8
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (k, name) in utf8.enumerated() {
            var h = Self.hash(name.count, name.first ?? 0, name.last ?? 0) & (size - 1)
            while slots[h] != 0 { h = (h + 1) & (size - 1) }
            slots[h] = Int32(k + 1)
        }
        self.slots = slots
    }

    public var count: Int { names.count }

    static func hash(_ count: Int, _ first: UInt8, _ last: UInt8) -> Int {
        count &* 31 &+ Int(first) &* 7 &+ Int(last)
    }

    /// The index of the name whose UTF-8 is `bytes[range]`.
    func index(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        let n = range.count
        let first = n > 0 ? bytes[range.lowerBound] : 0, last = n > 0 ? bytes[range.upperBound - 1] : 0
        var h = Self.hash(n, first, last) & (slots.count - 1)
        while slots[h] != 0 {
            let k = Int(slots[h] - 1)
            let name = utf8[k]
            if name.count == n {
                var same = true
                var j = 0
                while j < n { if name[j] != bytes[range.lowerBound + j] { same = false; break }; j += 1 }
                if same { return k }
            }
            h = (h + 1) & (slots.count - 1)
        }
        return nil
    }

    /// The index of `name`, for a key written with escapes.
    func index(of name: String) -> Int? {
        let u = Array(name.utf8)
        return index(u, 0..<u.count)
    }
}

/// Which of at most a few hundred keys an object has named so far: a bit each (the objects a draft
/// holds have fewer than 128 keys; a set beyond).
struct KeysSeen {
    var low: UInt64 = 0, high: UInt64 = 0
    var more: Set<Int>?

    /// false when `k` was seen before.
    mutating func insert(_ k: Int) -> Bool {
        if k < 64 {
            let bit: UInt64 = 1 << UInt64(k)
            if low & bit != 0 { return false }
            low |= bit
        } else if k < 128 {
            let bit: UInt64 = 1 << UInt64(k - 64)
            if high & bit != 0 { return false }
            high |= bit
        } else {
            if more == nil { more = [] }
            return more!.insert(k).inserted
        }
        return true
    }
}
