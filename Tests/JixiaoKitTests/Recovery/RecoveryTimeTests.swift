import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore

/// The time written in lock and recovery files (`RecoveryCodec.iso`) is formatted without Foundation's
/// ISO8601DateFormatter (which started ICU on every open): it must read exactly as that formatter's
/// internet date-time in the local time zone, across years, months, days, midnight and leap days.
struct RecoveryTimeTests {
    @Test func isoIsTheFormattersInternetDateTime() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = .current
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400), Date(timeIntervalSince1970: 1_709_164_799.999),
                     Date(timeIntervalSince1970: 4_102_444_800), Date(timeIntervalSince1970: 1_798_761_599.5), Date()]
        var seed: UInt64 = 5
        for _ in 0..<500 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            dates.append(Date(timeIntervalSince1970: Double(seed >> 33) / 1000 + 631_152_000))
        }
        for d in dates {
            #expect(RecoveryCodec.iso(d) == f.string(from: d), "\(d.timeIntervalSince1970)")
        }
    }
}
