import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoGenerate
import JixiaoTerminal

/// Keeps results alive so the optimiser cannot drop the work that made them.
nonisolated(unsafe) var sink: [Any] = []
@inline(never) func keep(_ x: Any) { sink = [x] }

/// The whole-draft benchmarks: what `jixiao validate` and `jixiao score` do, and a save.
struct PipelineBench {
    let catalog: TemplateCatalog
    let template: Template
    let draft: Draft
    let path: String
    let runs: Int

    func describeDraft(_ o: Options) -> [String] {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var cells = 0
        for form in template.forms {
            for e in draft.instances(of: form.id) {
                cells += e.cells.values.reduce(0) { $0 + $1.count }
                cells += e.rows.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.cells.count + ($1.label == nil ? 0 : 1) } }
            }
        }
        let counts = template.forms.map { "\($0.id)×\(draft.instances(of: $0.id).count)" }.joined(separator: " ")
        let problems = Checker.check(Evaluation(template: template, draft: draft))
        func n(_ s: Severity) -> Int { problems.filter { $0.severity == s }.count }
        var byCode: [String: Int] = [:]
        for p in problems { byCode[p.code, default: 0] += 1 }
        let codes = byCode.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map { "\($0.key) \($0.value)" }
        let source = o.draft.map { "file \($0)" } ?? "generated: seed \(o.seed), \(o.sizes.instances) per repeated form, \(o.sizes.indicators) indicators per form, \(o.sizes.namedRows) per named row"
        return ["draft:   template \(template.id) \(template.version); \(source)",
                "         forms \(counts); \(cells) entered cells; \(bytes) bytes on disk",
                "checks:  \(n(.error)) errors, \(n(.warning)) warnings, \(n(.info)) infos" + (codes.isEmpty ? "" : " (\(codes.joined(separator: ", ")))")]
    }

    func run(dir: String) -> [Samples] {
        let store = DraftStore(catalog: catalog)
        func load() -> DraftStore.Loaded {
            do { return try store.load(path) } catch { fail(DraftText.message(error)) }
        }
        let loaded = load()
        let ev = Evaluation(template: loaded.template, draft: loaded.draft)
        let problems = Checker.check(ev)
        var out: [Samples] = []
        out.append(.measure("load: read + parse + decode (DraftStore.load)", runs: runs) { keep(load()) })
        out.append(.measure("compute: Evaluation(template:draft:)", runs: runs) { keep(Evaluation(template: loaded.template, draft: loaded.draft)) })
        out.append(.measure("check: Checker.check", runs: runs) { keep(Checker.check(ev)) })
        out.append(.measure("score: ScorecardBuilder.build (problems given)", runs: runs) { keep(ScorecardBuilder.build(ev, problems: problems)) })
        out.append(.measure("load + compute + check + score", runs: runs) {
            let l = load()
            let e = Evaluation(template: l.template, draft: l.draft)
            let p = Checker.check(e)
            keep(ScorecardBuilder.build(e, problems: p))
        })
        let target = dir + "/saved.json"
        out.append(.measure("save: DraftStore.save (encode, write, fsync, rename)", runs: runs) {
            do throws(DraftError) { keep(try DraftStore.save(loaded.draft, template: loaded.template, to: target)) } catch { fail(DraftText.message(error)) }
        })
        return out
    }

    static let phases = ["load", "compute", "check", "score"]

    /// `--once FILE`: the work of `jixiao validate` plus a scorecard, once, in this fresh process, up to
    /// `until`; prints each phase's time in nanoseconds and the peak RSS in KiB, as `name=value` words.
    static func once(_ path: String, catalog: TemplateCatalog, until: String) {
        var out: [String] = []
        var t0 = now()
        func lap(_ name: String) -> Bool {
            out.append("\(name)=\(now() - t0)")
            t0 = now()
            return name != until
        }
        do throws(DraftError) {
            let l = try DraftStore(catalog: catalog).load(path)
            if lap("load") {
                let e = Evaluation(template: l.template, draft: l.draft)
                if lap("compute") {
                    let p = Checker.check(e)
                    if lap("check") {
                        keep(ScorecardBuilder.build(e, problems: p))
                        _ = lap("score")
                    }
                }
            }
        } catch { fail(DraftText.message(error)) }
        out.append("rss=\(peakRSSKiB())")
        print(out.joined(separator: " "))
    }

    /// Runs `--once` in `runs` fresh processes: cold timings of each phase, and the peak memory.
    static func fresh(_ path: String, runs: Int) -> (samples: [Samples], peakKiB: [Int]) {
        var samples = phases.map { Samples("cold, fresh process: \($0)") }
        var total = Samples("cold, fresh process: load + compute + check + score")
        var peaks: [Int] = []
        guard wanted(total.name) || phases.contains(where: { wanted("cold, fresh process: \($0)") }) else { return ([], []) }
        for _ in 0..<runs {
            guard let line = runOnce(path) else { break }
            var fields: [String: Int] = [:]
            for word in line.split(separator: " ") {
                let kv = word.split(separator: "=")
                if kv.count == 2, let v = Int(kv[1]) { fields[String(kv[0])] = v }
            }
            for (k, name) in phases.enumerated() { samples[k].values.append(UInt64(fields[name] ?? 0)) }
            total.values.append(UInt64(phases.reduce(0) { $0 + (fields[$1] ?? 0) }))
            if let rss = fields["rss"] { peaks.append(rss) }
        }
        return (samples + [total], peaks)
    }

    /// Runs `--once FILE` in a child process and returns what it printed.
    static func runOnce(_ path: String) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        p.arguments = ["--once", path]
        let pipe = Pipe()
        p.standardOutput = pipe
        do { try p.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
