import Foundation
import JixiaoKit

/// Runs the terminal UI: the start screen if needed, then the form screens, carrying out the effects
/// `App.update` asks for (saving, $EDITOR, quitting). The only place that owns a `Terminal`.
public final class AppDriver {
    let catalog: TemplateCatalog
    let terminal = Terminal()
    var shown: Screen?

    public init(catalog: TemplateCatalog) { self.catalog = catalog }

    /// Returns the process exit status.
    public func run(file: String?) -> Int32 {
        do { try terminal.start() } catch {
            FileHandle.standardError.write(Data(("jixiao: " + "\(error)" + "\n").utf8))
            return 2
        }
        defer { terminal.stop() }
        var path = file
        if file == nil || !FileManager.default.fileExists(atPath: file!) {
            guard let choice = runStart(fixedFile: file) else { return 0 }
            switch choice {
            case .quit: return 0
            case let .open(p): path = p
            case let .create(p, year, unit):
                if let message = create(path: p, year: year, unit: unit) { return fail(message) }
                path = p
            }
        }
        guard let path else { return 0 }
        let loaded: DraftStore.Loaded
        do { loaded = try DraftStore(catalog: catalog).load(path) } catch { return fail(DraftText.message(error)) }
        var state = AppState(workspace: Workspace(draft: loaded.draft, template: loaded.template), path: path)
        state.stamp = loaded.stamp
        return runApp(&state)
    }

    func fail(_ message: String) -> Int32 {
        terminal.stop()
        FileHandle.standardError.write(Data(("jixiao: " + message + "\n").utf8))
        return 2
    }

    func create(path: String, year: Int, unit: String) -> String? {
        guard let id = catalog.defaultTemplateID() else { return UIText.Driver.noTemplates }
        do {
            let t = try catalog.load(id)
            let draft = DraftFactory.new(template: t, year: year, unitName: unit.isEmpty ? nil : unit)
            try DraftStore.save(draft, template: t, to: path)
            return nil
        } catch let e as TemplateError {
            return DraftText.template(e)
        } catch let e as DraftError {
            return DraftText.message(e)
        } catch {
            return "\(error)"
        }
    }

    func paint(_ screen: Screen) {
        terminal.draw(screen, previous: shown)
        shown = screen
    }

    func runStart(fixedFile: String?) -> StartResult? {
        let title = catalog.defaultTemplateID().flatMap { try? catalog.load($0).title } ?? ""
        let lastYear = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
        var s = StartState(recent: fixedFile == nil ? StartApp.recentDrafts(in: ".") : [], fixedFile: fixedFile,
                           defaultYear: lastYear, templateTitle: title)
        while true {
            let (rows, cols) = terminal.size()
            paint(StartView.render(s, rows: rows, cols: cols))
            guard let key = terminal.readKey(timeoutMs: 1000) else { continue }
            if key == .resize { shown = nil; continue }
            if let r = StartApp.update(&s, key) { shown = nil; return r }
        }
    }

    func runApp(_ state: inout AppState) -> Int32 {
        var (rows, cols) = terminal.size()
        App.update(&state, .resize(rows: rows, cols: cols))
        while !state.quitRequested {
            paint(View.render(state, rows: rows, cols: cols))
            guard let key = terminal.readKey(timeoutMs: 1000) else { continue }
            if key == .resize {
                (rows, cols) = terminal.size()
                shown = nil
                App.update(&state, .resize(rows: rows, cols: cols))
                continue
            }
            var effects = App.update(&state, .key(key))
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                switch effect {
                case .save:
                    let revision = state.revision
                    let result: Result<FileStamp?, DraftError>
                    do { result = .success(try DraftStore.save(state.draft, template: state.template, to: state.path, expected: state.stamp)) }
                    catch { result = .failure(error) }
                    App.update(&state, .saved(result, revision: revision))
                    // A failed save never lets a quit that was waiting for it through.
                    if case .failure = result { effects.removeAll(); state.quitRequested = false }
                case .quit:
                    state.quitRequested = true
                case let .openEditor(text):
                    App.update(&state, .editorFinished(runEditor(text)))
                    shown = nil
                }
            }
        }
        return 0
    }

    /// Hands long text to $VISUAL / $EDITOR (vi if unset) in a private temporary file.
    func runEditor(_ text: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        let editor = env["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let tmp = NSTemporaryDirectory() + "jixiao-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else { return nil }
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        terminal.suspend()
        defer { terminal.resume() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", editor + " \"$1\"", "sh", tmp]
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        guard p.terminationStatus == 0, let data = FileManager.default.contents(atPath: tmp) else { return nil }
        var s = String(decoding: data, as: UTF8.self)
        if s.hasSuffix("\n") && !text.hasSuffix("\n") { s.removeLast() }  // editors add a final newline
        return s
    }
}

extension UIText {
    public enum Driver {
        public static let noTemplates = "找不到任何模板。请在仓库目录中运行，或设置 JIXIAO_TEMPLATES 指向 templates 目录。"
    }
}
