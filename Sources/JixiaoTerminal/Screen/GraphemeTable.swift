import Foundation

/// The graphemes of more than one scalar a screen has shown (a letter with a combining accent, an
/// emoji sequence, a flag), each numbered once for the process, so that a `Cell` holds a number rather
/// than a `Character`. Few and small: they come from what the accountant types or pastes.
final class GraphemeTable: @unchecked Sendable {
    static let shared = GraphemeTable()

    private let lock = NSLock()
    // Guarded by `lock`.
    private var characters: [Character] = []
    private var numbers: [[UInt32]: UInt32] = [:]

    /// Keyed by the grapheme's exact scalars (not by `String` equality, which would merge two
    /// spellings of one letter and show the first for both).
    func number(of c: Character) -> UInt32 {
        let key = c.unicodeScalars.map(\.value)
        lock.lock()
        defer { lock.unlock() }
        if let n = numbers[key] { return n }
        let n = UInt32(characters.count)
        characters.append(c)
        numbers[key] = n
        return n
    }

    func character(_ n: UInt32) -> Character {
        lock.lock()
        defer { lock.unlock() }
        return Int(n) < characters.count ? characters[Int(n)] : " "
    }
}
