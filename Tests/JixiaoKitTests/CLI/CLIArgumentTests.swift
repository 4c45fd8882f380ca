import Foundation
import Testing
@testable import JixiaoKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
#endif

/// The built `jixiao` run as a user would (issue 11, items 12 and 13): arguments out of range end with
/// a Chinese usage error (exit 64, as `print --width` always did) instead of a trap or an abort, and a
/// hostile template is listed as broken by `jixiao templates` while the others are still listed.
struct CLIArgumentTests {
    struct Run {
        let status: Int32
        let out: String
        let err: String
    }

    /// `jixiao` beside the test bundle (`swift build` puts both in .build/<config>/).
    static let binary: String? = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return [beside.appendingPathComponent("jixiao").path, Fixtures.root.appendingPathComponent(".build/debug/jixiao").path]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    func jixiao(_ args: [String], in dir: String, templates: String? = nil) throws -> Run? {
        guard let binary = Self.binary else { Issue.record("jixiao is not built: run swift build first"); return nil }
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: binary)
        proc.arguments = args
        proc.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["JIXIAO_TEMPLATES"] = templates ?? Fixtures.root.appendingPathComponent("templates").path
        proc.environment = env
        let out = Pipe(), err = Pipe()
        proc.standardOutput = out
        proc.standardError = err
        try proc.run()
        // A guard, not a timing assertion: before the fix some of these ran for minutes or until the
        // memory ran out; a run still going after two minutes is killed (the CLI catches SIGTERM) so
        // that the suite ends, with the signal as its failing status.
        let pid = proc.processIdentifier
        let watchdog = DispatchWorkItem { if proc.isRunning { kill(pid, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        proc.waitUntilExit()
        watchdog.cancel()
        return Run(status: proc.terminationReason == .exit ? proc.terminationStatus : -proc.terminationStatus,
                   out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// 64 is the usage-error exit of the argument parser (`print --width 5`).
    func expectUsageError(_ args: [String], says words: String..., in dir: String) throws {
        guard let r = try jixiao(args, in: dir) else { return }
        #expect(r.status == 64, "\(args): exit \(r.status)\n\(r.err)")
        for w in words { #expect(r.err.contains(w), "\(args): \(r.err)") }
    }

    /// The probes: `--projects=-5` trapped (SIGILL), `--projects 1000000000000` aborted on allocation.
    @Test func newRefusesProjectCountsOutsideTheLimit() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for args in [["--projects=-5"], ["--projects", "-5"], ["--projects", "1000000000000"], ["--projects", "99999999999999999999"], ["--projects", "1001"]] {
            let shown = args.last!.replacingOccurrences(of: "--projects=", with: "")
            try expectUsageError(["new", "x.json", "--year", "2023"] + args, says: "项目数「\(shown)」无效", "0–1000", in: dir)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.json"))
        guard let ok = try jixiao(["new", "x.json", "--year", "2023", "--projects", "2"], in: dir) else { return }
        #expect(ok.status == 0, "\(ok.err)")
    }

    @Test func newRefusesYearsThatAreNotOne() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for y in ["-5", "1e3", "99999999999999999999", "1989"] {
            try expectUsageError(["new", "x.json", "--year", y], says: "年度「\(y)」无效", "1990–2100", in: dir)
        }
    }

    @Test func generateRefusesCountsOutsideTheLimits() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try expectUsageError(["generate", "g.json", "--projects=-5"], says: "项目数「-5」无效", in: dir)
        try expectUsageError(["generate", "g.json", "--indicators", "99999999999"], says: "指标行数「99999999999」无效", in: dir)
        try expectUsageError(["generate", "g.json", "--named-rows", "1000000000000"], says: "--named-rows", in: dir)
        try expectUsageError(["generate", "g.json", "--projects", "1000", "--indicators", "1000"], says: "超过上限 1000000", in: dir)
        try expectUsageError(["generate", "g.json", "--year", "1e9"], says: "年度「1e9」无效", in: dir)
        #expect(!FileManager.default.fileExists(atPath: dir + "/g.json"))
    }

    @Test func printWidthThatIsNoNumberGetsTheSameMessage() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try expectUsageError(["print", Fixtures.examplePath, "--width", "1e9"], says: "宽度「1e9」无效", "40–1000", in: dir)
        try expectUsageError(["print", Fixtures.examplePath, "--width", "5"], says: "宽度「5」无效", in: dir)
    }

    @Test func setIndicesOutOfRangeAreMessagesNotTraps() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard try jixiao(["new", "d.json", "--year", "2023"], in: dir)?.status == 0 else { Issue.record("new failed"); return }
        for (a, words) in [("A.specialItem[-1].label=x", "序号「-1」无效"), ("C[99999999999999999999].name.value=x", "序号「99999999999999999999」无效"),
                           ("C[99999999999].name.value=x", "不存在（现有 1 个）"), ("A.specialItem[9223372036854775807].actual=1", "不存在（现有 0 个）")] {
            guard let r = try jixiao(["set", "d.json", a], in: dir) else { return }
            #expect(r.status == 2, "\(a): exit \(r.status)")
            #expect(r.err.contains(words), "\(a): \(r.err)")
        }
    }

    /// The probe: a template with a formula nested 4,000 deep took `jixiao templates` down (SIGSEGV).
    /// Now each bad template is listed as broken with its entry, and the good one still appears.
    @Test func templatesListsTheGoodAndReportsTheBad() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = try String(contentsOfFile: Fixtures.root.appendingPathComponent("templates/hunan-unit.json").path, encoding: .utf8)
        let staffRate = "\"formula\": \"_.actual / _.authorized\""
        let goal = "\"repeat\": {\"noun\": \"目标\", \"initial\": 1}"
        let bad: [(String, String, String)] = [
            ("deep", staffRate, "\"formula\": \"" + String(repeating: "(", count: 4_000) + "_.actual" + String(repeating: ")", count: 4_000) + "\""),
            ("minus", staffRate, "\"formula\": \"" + String(repeating: "-", count: 1_000) + "_.actual\""),
            ("round", staffRate, "\"formula\": \"round(_.actual, -2147483647)\""),
            ("initial", goal, "\"repeat\": {\"noun\": \"目标\", \"initial\": 1000000000000}"),
        ]
        try source.replacingOccurrences(of: "\"id\": \"hunan-unit\"", with: "\"id\": \"good\"").write(toFile: dir + "/good.json", atomically: true, encoding: .utf8)
        for (name, old, new) in bad {
            #expect(source.contains(old))
            try source.replacingOccurrences(of: old, with: new).write(toFile: dir + "/\(name).json", atomically: true, encoding: .utf8)
        }
        guard let r = try jixiao(["templates"], in: dir, templates: dir) else { return }
        #expect(r.status == 1, "exit \(r.status): \(r.err)")
        #expect(r.out.contains("good\t1.2.0\t"))
        for (name, says) in [("deep", "8008 个字符"), ("minus", "嵌套超过 100 层"), ("round", "-20 到 20"), ("initial", "repeat.initial")] {
            let line = r.out.split(separator: "\n").first { $0.hasPrefix(name + "\t") }.map(String.init) ?? ""
            #expect(line.contains("（模板有误）") && line.contains(says), "\(name): \(line)")
        }
    }
}
