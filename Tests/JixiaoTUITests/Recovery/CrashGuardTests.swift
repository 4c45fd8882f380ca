import Foundation
import Testing
@testable import JixiaoStore
@testable import JixiaoTUI

/// The crash handler writes the recovery file from the pieces it was handed (system calls only): what it
/// would write is every piece in order, the newest text after each update, nothing after nil.
@Suite(.serialized)
struct CrashGuardTests {
    static func text(_ parts: [String]) -> PinnedText {
        var t = PinnedText()
        for p in parts { t.append(p) }
        return t
    }

    @Test func theHandlerHoldsTheNewestTextPieceByPiece() {
        defer { CrashGuard.update(nil) }
        var expected: [String] = []
        // Enough updates to reuse both lists and grow them; pieces of every size, an empty one included.
        for round in 0..<6 {
            let parts = (0..<(round * 40 + 3)).map { k in k % 7 == 0 ? "" : "第\(round)轮·\(k)" + String(repeating: "x", count: k % 13) }
            expected = parts
            CrashGuard.update(Self.text(parts))
            #expect(CrashGuard.handedBytes() == Array(parts.joined().utf8), "round \(round)")
        }
        // The text handed over last is held by the guard alone: its pieces stay readable.
        #expect(CrashGuard.handedBytes() == Array(expected.joined().utf8))
        CrashGuard.update(nil)
        #expect(CrashGuard.handedBytes() == nil)
    }
}
