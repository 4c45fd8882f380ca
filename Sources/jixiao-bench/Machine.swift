import Foundation

/// What the numbers were measured on.
enum Machine {
    static var cpuModel: String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        }
        return "unknown"
    }

    static var kernel: String {
        var u = utsname()
        uname(&u)
        func field<T>(_ v: T) -> String {
            withUnsafeBytes(of: v) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return "\(field(u.sysname)) \(field(u.release)) \(field(u.machine))"
    }

    static var build: String {
        #if DEBUG
        return "debug (-Onone)"
        #else
        return "release (-O, swift build -c release)"
        #endif
    }

    static var swift: String {
        #if compiler(>=6.3)
        return "Swift ≥ 6.3"
        #elseif compiler(>=6.0)
        return "Swift 6.x (< 6.3)"
        #else
        return "Swift < 6"
        #endif
    }

    /// /proc/loadavg's first three fields: other work on the machine skews wall-clock numbers.
    static var loadAverage: String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func describe() -> [String] {
        ["machine: nproc \(ProcessInfo.processInfo.activeProcessorCount), CPU \(cpuModel), \(kernel), "
            + String(format: "%.1f GiB RAM", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824),
         "build:   \(build), \(swift)",
         "load average at the start: \(loadAverage) (other processes on the machine skew wall-clock times)"]
    }
}
