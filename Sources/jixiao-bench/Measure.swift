import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Monotonic time in nanoseconds.
func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// `--only`: words a benchmark's name must contain one of to run (empty: run everything).
nonisolated(unsafe) var only: [String] = []
func wanted(_ name: String) -> Bool { only.isEmpty || only.contains { name.contains($0) } }

/// Timings of one benchmark, in nanoseconds.
struct Samples {
    let name: String
    var values: [UInt64] = []

    init(_ name: String) { self.name = name }

    /// Runs `body` `runs` times (after `warmup` untimed runs) and records each run.
    static func measure(_ name: String, runs: Int, warmup: Int = 2, _ body: () -> Void) -> Samples {
        guard wanted(name) else { return Samples(name) }
        for _ in 0..<warmup { body() }
        var s = Samples(name)
        s.values.reserveCapacity(runs)
        for _ in 0..<runs {
            let t0 = now()
            body()
            s.values.append(now() - t0)
        }
        return s
    }

    mutating func record(_ t0: UInt64) { values.append(now() - t0) }

    var sorted: [UInt64] { values.sorted() }

    /// The value below which `q` of the runs fall (nearest rank).
    func quantile(_ q: Double) -> UInt64 {
        let s = sorted
        guard !s.isEmpty else { return 0 }
        let rank = Int((q * Double(s.count)).rounded(.up))
        return s[min(max(rank - 1, 0), s.count - 1)]
    }

    var median: UInt64 {
        let s = sorted
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

/// "12.34 ms", "456 µs".
func show(_ ns: UInt64) -> String {
    let d = Double(ns)
    if d >= 1e9 { return String(format: "%.2f s", d / 1e9) }
    if d >= 1e6 { return String(format: "%.2f ms", d / 1e6) }
    return String(format: "%.1f µs", d / 1e3)
}

/// Columns `s` takes in a terminal: CJK and full-width forms count two.
func displayWidth(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && $1.value <= 0x115F) || ($1.value >= 0x2E80 && $1.value <= 0xFFEF) ? 2 : 1) }
}

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = displayWidth(s)
    guard n < width else { return s }
    let fill = String(repeating: " ", count: width - n)
    return right ? fill + s : s + fill
}

/// Prints one table line per benchmark: runs, median, p99, max.
func report(_ list: [Samples]) {
    print(pad("", 60) + pad("runs", 6, right: true) + pad("median", 12, right: true) + pad("p99", 12, right: true) + pad("max", 12, right: true))
    for s in list where !s.values.isEmpty {
        print(pad(s.name, 60) + pad("\(s.values.count)", 6, right: true) + pad(show(s.median), 12, right: true)
              + pad(show(s.quantile(0.99)), 12, right: true) + pad(show(s.sorted.last ?? 0), 12, right: true))
    }
}

/// Peak resident set size of this process so far, in KiB (Linux reports ru_maxrss in KiB).
func peakRSSKiB() -> Int {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Int(u.ru_maxrss)
}

func mib(_ kib: Int) -> String { String(format: "%.1f MiB", Double(kib) / 1024) }
