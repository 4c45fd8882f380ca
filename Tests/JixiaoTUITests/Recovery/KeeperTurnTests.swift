import Testing
@testable import JixiaoTUI

/// When the run loop lets the recovery keeper work: never within `settle` of a frame's write, unless
/// keys have kept it waiting for `longest`.
struct KeeperTurnTests {
    let ms: UInt64 = 1_000_000

    @Test func theKeeperWaitsUntilTheFrameHasHadItsTime() {
        var turn = KeeperTurn()
        let t = 5_000 * ms
        turn.keyHandled(at: t)
        turn.painted(at: t + 1 * ms)
        #expect(!turn.isDue(at: t + 1 * ms))
        #expect(!turn.isDue(at: t + 2 * ms))
        #expect(!turn.isDue(at: t + 3 * ms - 1))
        #expect(turn.isDue(at: t + 3 * ms))
        #expect(turn.owedSince == t)
        turn.told()
        #expect(turn.owedSince == nil)
    }

    @Test func keysThatKeepComingStillLetTheKeeperWorkEveryLongestWait() {
        var turn = KeeperTurn()
        var now = 1_000 * ms
        let first = now
        // A paste: a key and its frame every millisecond, so no frame ever has its 2 ms.
        while now - first < 100 * ms {
            turn.keyHandled(at: now)
            turn.painted(at: now)
            #expect(!turn.isDue(at: now + ms / 2))
            now += ms
        }
        turn.keyHandled(at: now)
        turn.painted(at: now)
        #expect(turn.isDue(at: now))
        turn.told()
        // Told: the next key starts a new wait, and the frame's own 2 ms count again.
        turn.keyHandled(at: now + ms)
        turn.painted(at: now + ms)
        #expect(!turn.isDue(at: now + 2 * ms))
        #expect(turn.isDue(at: now + 3 * ms))
    }

    @Test func theWaitForAKeyIsRoundedUpToWholeMilliseconds() {
        #expect(KeeperTurn().settleMs == 2)
        #expect(KeeperTurn(settle: 1, longest: 1).settleMs == 1)
        #expect(KeeperTurn(settle: 2_500_000, longest: 1).settleMs == 3)
    }
}
