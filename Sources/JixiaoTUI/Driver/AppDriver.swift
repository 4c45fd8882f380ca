import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// Runs the terminal UI: the start screen if needed, then the form screens, carrying out the effects
/// `App.update` asks for (saving, $EDITOR, quitting). The only place that owns a `Terminal`.
///
/// It also keeps the accountant's typing safe (docs/recovery.md): a lock so two programs never edit one
/// draft, a recovery file kept in step with the draft in memory, the recovery prompt when a draft is
/// opened after a crash, and an orderly exit on SIGHUP/SIGTERM (and a last-moment rescue on a crash).
public final class AppDriver {
    let catalog: TemplateCatalog
    let terminal = Terminal()
    var shown: Screen?
    var lock: DraftLock?
    var keeper: RecoveryKeeper?
    /// The forms of the draft just opened that are read after its first frame (`DraftStore.loadFirst`).
    var rest: DraftRest?

    public init(catalog: TemplateCatalog) { self.catalog = catalog }

    /// How opening a draft ended: with a state to edit, or with the exit status.
    enum Opened {
        case state(AppState)
        case exit(Int32)
    }

    /// Returns the process exit status (128 + the signal's number after SIGHUP, SIGTERM…).
    public func run(file: String?) -> Int32 {
        SignalWatch.install()
        CrashGuard.install()
        do { try terminal.start() } catch {
            FileHandle.standardError.write(Data(("jixiao: " + VisibleText.text("\(error)") + "\n").utf8))
            return 2
        }
        CrashGuard.terminalActive(true)
        defer { shutdown() }
        var path = file
        if file == nil || !FileManager.default.fileExists(atPath: file!) {
            switch runStart(fixedFile: file) {
            case .quit: return 0
            case let .signal(sig): return 128 + sig
            case let .open(p): path = p
            case let .create(request):
                if let message = create(request) { return fail(message) }
                path = request.path
            case let .next(source, year, p):
                if let message = createNext(from: source, year: year, path: p) { return fail(message) }
                path = p
            }
        }
        guard let path else { return 0 }
        switch open(path) {
        case let .exit(code): return code
        case var .state(state): return runApp(&state)
        }
    }

    /// Every exit path comes through here: the terminal back to the shell, the lock removed.
    func shutdown() {
        CrashGuard.disarm()
        terminal.stop()
        CrashGuard.terminalActive(false)
        lock?.release()
        lock = nil
    }

    func fail(_ message: String) -> Int32 {
        shutdown()
        // The message can name the file, and a file name can hold escape sequences.
        FileHandle.standardError.write(Data(("jixiao: " + VisibleText.text(message) + "\n").utf8))
        return 2
    }

    func create(_ r: NewDraftRequest) -> String? {
        guard let id = r.templateID ?? catalog.defaultTemplateID() else { return UIText.Driver.noTemplates }
        do {
            let t = try catalog.load(id)
            let draft = DraftFactory.new(template: t, year: r.year, unitName: r.unit.isEmpty ? nil : r.unit, projects: r.projects)
            try DraftStore.save(draft, template: t, to: r.path, createNew: true)
            return nil
        } catch {
            return Self.words(error)
        }
    }

    /// How a failure to make a draft from the start screen is told.
    static func words(_ error: any Error) -> String {
        switch error {
        case let e as TemplateError: return DraftText.template(e)
        case let e as DraftError: return DraftText.message(e)
        case let e as NextYearError: return NextYearText.message(e)
        default: return "\(error)"
        }
    }

    func paint(_ screen: Screen, covering: Bool = false) {
        terminal.draw(screen, previous: shown, covering: covering)
        shown = screen
    }

    /// Next year's draft from last year's (`jixiao next`), saved before it is opened.
    func createNext(from source: String, year: Int, path: String) -> String? {
        do {
            let loaded = try DraftStore(catalog: catalog).load(source)
            let outcome = try NextYearDraft.make(from: loaded.draft, template: loaded.template, year: year)
            try DraftStore.save(outcome.draft, template: loaded.template, to: path, createNew: true)
            return nil
        } catch {
            return Self.words(error)
        }
    }

    enum StartOutcome {
        case quit, signal(Int32), open(String), create(NewDraftRequest), next(String, Int, String)
    }

    func runStart(fixedFile: String?) -> StartOutcome {
        let title = catalog.defaultTemplateID().flatMap { try? catalog.load($0).title } ?? ""
        let lastYear = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
        // Every template found, the default first (the catalog holds a few small files).
        let defaultID = catalog.defaultTemplateID()
        let choices = catalog.files().compactMap { f in (try? catalog.load(f.id)).map { TemplateChoice(id: f.id, title: $0.title) } }
            .sorted { ($0.id == defaultID ? 0 : 1) < ($1.id == defaultID ? 0 : 1) }
        var s = StartState(recent: fixedFile == nil ? StartApp.recentDrafts(in: ".") : [], fixedFile: fixedFile,
                           defaultYear: lastYear, templateTitle: title, templates: choices)
        var needsPaint = true
        while true {
            if let sig = SignalWatch.stopRequest() { return .signal(sig) }
            if needsPaint {
                let (rows, cols) = terminal.size()
                paint(StartView.render(s, rows: rows, cols: cols))
                needsPaint = false
            }
            guard let key = terminal.readKey(timeoutMs: Self.tickMs) else { continue }
            needsPaint = true
            if key == .resize { shown = nil; continue }
            switch StartApp.update(&s, key) {
            case nil: continue
            case .quit?: shown = nil; return .quit
            case let .open(p)?: shown = nil; return .open(p)
            case let .create(r)?: shown = nil; return .create(r)
            case let .next(source, y, p)?: shown = nil; return .next(source, y, p)
            }
        }
    }

    enum Asked: Equatable {
        case answer(ChoiceAnswer)
        case signal(Int32)
    }

    /// Shows a question until it is answered (or a termination signal comes).
    func ask(_ c: inout ChoiceState) -> Asked {
        var needsPaint = true
        while true {
            if let sig = SignalWatch.stopRequest() { shown = nil; return .signal(sig) }
            if needsPaint {
                let (rows, cols) = terminal.size()
                paint(ChoiceView.render(c, rows: rows, cols: cols))
                needsPaint = false
            }
            guard let key = terminal.readKey(timeoutMs: Self.tickMs) else { continue }
            needsPaint = true
            if key == .resize { shown = nil; continue }
            if let a = ChoiceApp.update(&c, key) { shown = nil; return .answer(a) }
        }
    }

    /// How long a key is waited for before the loop looks at signals and the recovery timer again.
    static let tickMs = 200
    /// How long the keys must pause before work for a panel not yet open is done (`App.warmPanels`).
    static let warmMs = 30
    static func monotonicNs() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}

extension UIText {
    public enum Driver {
        public static let noTemplates = "找不到任何模板。请在仓库目录中运行，或设置 JIXIAO_TEMPLATES 指向 templates 目录。"
    }
}
