import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoTUI
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate
@testable import JixiaoTerminal

/// Random keys, function keys, resizes and pastes into `App.update` on the seed 001 example, with the
/// driver's effects simulated. Nothing may crash; after every burst the draft must survive a save and
/// reload unchanged, and undo must lead back to where the burst began (and redo forward again).
///
/// Bursts are 500 keys because the undo stack keeps 500 steps and one key records at most one step, so
/// every step of a burst is still undoable when it ends; the cap itself is left as it is.
struct AppFuzzTests {
    /// Four independent runs, so Swift Testing spreads them over the cores.
    static let seeds: [UInt64] = [0x5EED_0001, 0x5EED_0002, 0x5EED_0003, 0x5EED_0004]
    /// Bursts per seed. CI (CI=true) runs the full 4 × 50 × 500 = 100,000 keys; a developer's `swift test`
    /// runs 4 × 10 × 500 = 20,000, because a key costs ~2–3.5 ms in a debug build (App.update rechecks
    /// the form on every keystroke) and 100,000 keys take 200+ CPU seconds. JIXIAO_FUZZ_BURSTS sets it.
    static let bursts: Int = {
        let env = ProcessInfo.processInfo.environment
        if let n = env["JIXIAO_FUZZ_BURSTS"].flatMap({ Int($0) }) { return n }
        return env["CI"].map { !$0.isEmpty && $0 != "0" && $0 != "false" } == true ? 50 : 10
    }()
    static let burstKeys = 500
    static let undoEvery = 5

    @Test(arguments: seeds)
    func randomKeysNeverCrashAndUndoAndSaveAlwaysRoundTrip(seed: UInt64) throws {
        let dir = NSTemporaryDirectory() + "jixiao-fuzz-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/fuzz.json"
        let store = DraftStore(catalog: AppFixture.catalog)
        var rng = FuzzRandom(seed: seed)
        var s = AppFixture.example()
        s.path = file
        var keys = 0, saves = 0, undos = 0, maxUndo = 0, undoChecks = 0, reportKeys = 0
        let started = Date()
        // What the driver hands the recovery keeper after every key, worked out again only when the draft's
        // stamp or the edit in progress moved: always what comparing the drafts says.
        var inMemory = InMemoryMemo()

        for burst in 0..<Self.bursts {
            let start = s.draft
            for _ in 0..<Self.burstKeys {
                let action = Self.randomAction(&rng)
                keys += 1
                var effects = App.update(&s, action)
                while !effects.isEmpty {
                    switch effects.removeFirst() {
                    case .save:
                        saves += 1
                        let revision = s.revision
                        // Now and then the disk says no, as a read-only folder would.
                        if rng.chance(0.1) {
                            App.update(&s, .saved(.failure(.readOnly(path: file)), revision: revision))
                            effects.removeAll()
                        } else {
                            let stamp = try DraftStore.save(s.draft, template: s.template, to: file)
                            App.update(&s, .saved(.success(stamp), revision: revision))
                        }
                    case .quit:
                        s.quitRequested = false
                    case .print:
                        // Printing writes files beside the draft; answer as the driver would, without them.
                        effects += App.update(&s, .printed(rng.chance(0.5) ? .success([dir + "/fuzz.txt"]) : .failure(PrintFailure("磁盘已满"))))
                    case let .openEditor(text):
                        let answer: String? = rng.pick([nil, text, text + "\n补充一行", "", "外部编辑器改写"])
                        effects += App.update(&s, .editorFinished(answer.map { .success($0) } ?? .failure(.exitStatus("vi", 1))))
                    }
                }
                let unsaved = inMemory.of(s).unsaved
                if unsaved != s.hasUnsavedChanges { Issue.record("key \(keys): the driver's unsaved \(unsaved) is not the state's") }
                if keys % 250 == 0 { _ = View.render(s, rows: s.size.rows, cols: s.size.cols) }
                if s.focus.isReport { reportKeys += 1 }
            }
            settle(&s)
            while !s.checks.isComplete { App.update(&s, .checkPending) }
            let end = s.draft
            expectSameAsFullRecompute(s, "burst \(burst)")

            // Saved and read back, the draft is the same.
            try DraftStore.save(end, template: s.template, to: file)
            let back = try store.load(file)
            #expect(back.draft == end, "burst \(burst): the draft changed through save and reload")

            // Undo back to the start of the burst, then redo forward to its end. Each undo recomputes the
            // whole draft (~40 ms in a debug build), so only every `undoEvery`th burst is walked back.
            guard burst % Self.undoEvery == Self.undoEvery - 1 else { continue }
            undoChecks += 1
            var n = 0
            while s.draft != start && n < 500 {
                App.update(&s, .key(.ctrl("z")))
                n += 1
            }
            #expect(s.draft == start, "burst \(burst): \(n) undos did not lead back to the burst's start")
            for _ in 0..<n { App.update(&s, .key(.ctrl("y"))) }
            #expect(s.draft == end, "burst \(burst): redo did not lead forward to the burst's end")
            // Undo and redo recompute only the instances they change: the result is what a full pass gives.
            while !s.checks.isComplete { App.update(&s, .checkPending) }
            expectSameAsFullRecompute(s, "burst \(burst) after undo and redo")
            undos += n
            maxUndo = max(maxUndo, n)
            if s.draft != start && s.draft != end { break }
        }
        let seconds = Date().timeIntervalSince(started)
        print("fuzz seed \(String(seed, radix: 16)): \(keys) keys in \(Self.bursts) bursts, \(saves) saves, \(Self.bursts) reloads, \(undoChecks) bursts undone and redone (\(undos) undos, at most \(maxUndo) in a burst), \(String(format: "%.1f", seconds)) s, \(reportKeys) keys on the 自评报告 page, prose in \(s.draft.report.count) sections")
        #expect(keys >= Self.bursts * Self.burstKeys)
        // The keys reach the report page (Ctrl-N, Ctrl-→, the outline) and its prose goes through the same checks.
        #expect(reportKeys > 0)
    }

    /// Leaves editing and any overlay, and gives the window a usable size, so undo keys reach `globalKey`.
    /// The values, problems and counts the app keeps incrementally equal those of a full recompute.
    func expectSameAsFullRecompute(_ s: AppState, _ when: String) {
        let full = Evaluation(template: s.template, draft: s.draft)
        for (slot, list) in full.forms.enumerated() {
            for (k, inst) in list.enumerated() {
                let form = s.template.forms[slot].id
                #expect(s.evaluation.forms[slot][safe: k]?.computed == inst.computed, "\(when): \(form)[\(k)] differs from a full recompute")
                // The outline's progress is moved by the cells and rows a key changed: it must be a fresh count's.
                let counted = FillableCells.progress(full, form: s.template.forms[slot], index: k)
                #expect(s.progressOf(form: form, index: k) == counted, "\(when): the progress of \(form)[\(k)] is not a fresh count")
            }
        }
        let problems = Checker.check(full)
        let text = ProblemText(template: s.template, draft: s.draft)
        let live = s.checks.all(s.template).map { "\($0.address?.description ?? "") \(text.message($0))" }
        let fresh = problems.map { "\($0.address?.description ?? "") \(text.message($0))" }
        let extra = Set(live).subtracting(fresh).sorted().prefix(3), missing = Set(fresh).subtracting(live).sorted().prefix(3)
        if live != fresh { Issue.record("\(when): live problems differ from a full check (\(live.count) vs \(fresh.count)); only live: \(Array(extra)); only full: \(Array(missing))") }
        for severity in Severity.allCases {
            #expect(s.checks.count(severity) == problems.filter { $0.severity == severity }.count, "\(when): \(severity) count")
        }
    }

    func settle(_ s: inout AppState) {
        if s.size.rows < App.minRows || s.size.cols < App.minCols { App.update(&s, .resize(rows: 30, cols: 100)) }
        var guardCount = 0
        while (s.editing != nil || s.overlay != .none) && guardCount < 10 {
            App.update(&s, .key(.escape))
            guardCount += 1
        }
        #expect(s.editing == nil && s.overlay == .none, "could not leave \(s.overlay)")
    }

    static let digits = Array("0123456789.-%,")
    static let fullWidth = Array("０１２３４５６７８９．，％（）：　")
    static let latin = Array("abcxyzYNyncq ")
    static let hanzi = Array("预算执行率三公经费绩效目标完成情况单位是否万元")
    static let odd = ["\u{0301}", "👍🏽", "\u{200B}", "\t", "\u{1F1E8}\u{1F1F3}", "é", "\u{7F}"]
    static let ctrl = Array("abcdefghijklmnopqrstuvwxyz")

    static func randomAction(_ rng: inout FuzzRandom) -> Action {
        let r = rng.int(0...999)
        switch r {
        case 0..<300: return .key(.char(rng.pick(digits)))
        case 300..<360: return .key(.char(rng.pick(fullWidth)))
        case 360..<420: return .key(.char(rng.pick(latin)))
        case 420..<480: return .key(.char(rng.pick(hanzi)))
        case 480..<490: return .key(.char(Character(rng.pick(odd))))
        case 490..<580: return .key(.enter)
        case 580..<620: return .key(.escape)
        case 620..<660: return .key(rng.pick([.tab, .backTab]))
        case 660..<760: return .key(rng.pick([.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .ctrlLeft, .ctrlRight]))
        case 760..<800: return .key(rng.pick([.backspace, .delete]))
        case 800..<880: return .key(.f(rng.int(1...12)))
        case 880..<940: return .key(.ctrl(rng.pick(ctrl)))
        case 940..<960:
            let big = rng.chance(0.1)
            return rng.chance(0.5) ? .resize(rows: rng.int(5...60), cols: rng.int(20...200))
                : .resize(rows: big ? 50 : 30, cols: big ? 160 : 100)
        case 960..<990: return .key(.paste(randomPaste(&rng)))
        default: return .key(rng.pick([.unknown(999), .pasteBegin, .pasteEnd, .resize, .ctrl("@"), .char("\n"), .char("\r\n")]))
        }
    }

    static func randomPaste(_ rng: inout FuzzRandom) -> String {
        var out = ""
        for _ in 0..<rng.int(0...40) {
            switch rng.int(0...5) {
            case 0: out.append("\n")
            case 1: out.append(rng.pick(hanzi))
            case 2: out.append(rng.pick(fullWidth))
            case 3: out.append(rng.pick(odd))
            default: out.append(rng.pick(digits))
            }
        }
        return out
    }
}

/// The library's SplitMix64: the same seed gives the same keys on every machine, so a failure can be replayed.
typealias FuzzRandom = SeededRandom
