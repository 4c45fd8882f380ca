import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// The update function: every key and event goes through here, and nothing else changes the state.
/// Pure apart from the effects it returns for the driver to carry out.
public enum App {
    public static let minRows = 24
    public static let minCols = 80
    /// Instances checked per `.checkPending`: small enough that a key waits at most a few milliseconds.
    static let checkBatch = 4

    @discardableResult
    public static func update(_ s: inout AppState, _ action: Action) -> [Effect] {
        let effects = apply(&s, action)
        preparePanel(&s)
        ProblemsView.keep(&s)
        // A change that leaves the focused instance's lines as they were (a value typed) keeps its layout.
        s.layoutKept = (s.draftVersion, s.focus.form, s.layout)
        keepReportLayout(&s)
        // Under a full panel the table is not drawn, nor the outline unless the panel sits beside it: what
        // they keep waits for the panel to close (a change meanwhile is found by its draft version).
        if !View.coversOutline(s.overlay, cols: s.size.cols) { OutlineView.keep(&s) }
        if !View.coversBody(s.overlay) {
            ColumnContent.keep(&s)
            TableGeometry.keep(&s)
            TableView.keep(&s)
        }
        TitleBar.keep(&s)
        StatusBar.keep(&s)
        s.cellLog = CellLog(since: s.draftVersion)
        return effects
    }

    private static func apply(_ s: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case let .resize(rows, cols):
            s.size = (rows, cols)
            if rows < minRows || cols < minCols {
                if s.overlay == .none { s.overlay = .tooSmall }
            } else if s.overlay == .tooSmall {
                s.overlay = .none
            }
            keepFocusVisible(&s)
            return []
        case let .saved(result, revision):
            switch result {
            case let .success(stamp):
                s.savedRevision = revision
                s.savedDraft = revision == s.revision ? s.draft : nil
                s.stamp = stamp
                s.say(UIText.App.saved(s.path))
            case let .failure(error):
                s.say(DraftText.message(error) + UIText.App.keptInMemory, error: true)
            }
            return []
        case let .editorFinished(text):
            guard var e = s.editing, e.area != nil else { return [] }
            switch text {
            case let .success(text):
                e.area = TextAreaEditor(text: fitting(&s, text, room: cellLimit(e.address), limit: cellLimit(e.address)))
                s.editing = e
                applyTentative(&s)
                return commitEdit(&s, then: .stay)
            case let .failure(why):
                s.say(UIText.App.editorFailed(why), error: true)
                return []
            }
        case .checkPending:
            for i in s.checks.checkPending(s.evaluation, budget: checkBatch) { s.refreshProgress(form: i.form, index: i.index) }
            // The open panel was built from part of the problems: build it again with all of them.
            if s.checks.isComplete { s.panel.version = -1 }
            return []
        case let .printed(result):
            switch result {
            case let .success(paths): s.say(UIText.App.printed(paths))
            case let .failure(f): s.say(f.message, error: true)
            }
            return []
        case let .key(key):
            if key != .resize { s.message = nil }
            if key == .resize { return [] }
            switch s.overlay {
            case .none: break
            case .tooSmall: return tooSmallKey(&s, key)
            default: return overlayKey(&s, key)
            }
            if s.editing != nil { return editKey(&s, key) }
            return globalKey(&s, key) ?? (s.focus.isReport ? reportKey(&s, key) : navigationKey(&s, key))
        }
    }

    /// Keys that work everywhere outside editing: function keys, undo, save, quit. Every function key
    /// has a Ctrl alternative (terminal emulators often take F1 and F10 for themselves); help lists them.
    static func globalKey(_ s: inout AppState, _ key: Key) -> [Effect]? {
        switch key {
        case .f(1), .ctrl("g"): s.overlay = .help(scroll: 0); return []
        case .f(2), .ctrl("s"): return save(&s)
        case .f(3), .ctrl("e"): s.overlay = .problems(selected: 0); return []
        case .f(4), .ctrl("t"): s.overlay = .score(scroll: 0); return []
        case .f(5), .ctrl("o"): addRow(&s); return []
        case .f(6), .ctrl("d"): askRemove(&s); return []
        case .f(7), .ctrl("u"): moveRow(&s, by: -1); return []
        case .f(8), .ctrl("b"): moveRow(&s, by: 1); return []
        case .f(9), .ctrl("w"): askNewProject(&s); return []
        case .f(10), .ctrl("q"): return quit(&s)
        case .ctrl("l"):
            let all = allInstances(s)
            s.overlay = .outline(selected: all.firstIndex { $0.form == s.focus.form && $0.index == s.focus.formIndex } ?? 0)
            return []
        case .ctrl("z"): undo(&s); return []
        case .ctrl("y"), .ctrl("r"): redo(&s); return []
        case .ctrl("c"):
            // Ctrl-C arrives as a key in raw mode; treat it as the quit key so nothing is lost by reflex.
            return quit(&s)
        default: return nil
        }
    }

    /// With the window too small to show the form, only keys that need no screen work: save and quit,
    /// after the edit in progress is kept. Anything else (a new project, undo) would change the draft
    /// under an edit the accountant cannot see.
    static func tooSmallKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .f(2), .ctrl("s"), .f(10), .ctrl("q"), .ctrl("c"):
            let kept = s.editing != nil ? commitEdit(&s, then: .stay) : []
            return kept + (globalKey(&s, key) ?? [])
        default:
            return []
        }
    }

    static func save(_ s: inout AppState) -> [Effect] {
        if s.readOnly { s.say(UIText.App.readOnlyNoSave, error: true); return [] }
        return [.save]
    }

    static func quit(_ s: inout AppState) -> [Effect] {
        if s.isDirty && !s.readOnly { s.overlay = .confirm(.quitUnsaved); return [] }
        s.quitRequested = true
        return [.quit]
    }
}

extension AppState {
    mutating func say(_ text: String, error: Bool = false) {
        message = text
        messageIsError = error
    }
}
