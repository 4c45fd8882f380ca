import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// Which problems F3 lists: errors only, and only the form on screen, each on or off.
public struct ProblemFilter: Sendable, Equatable {
    public var errorsOnly = false
    public var thisFormOnly = false
}

/// What the screen is showing on top of the form.
public enum Overlay: Sendable, Equatable {
    case none
    case help(scroll: Int)
    case problems(selected: Int)
    case score(scroll: Int)
    /// The text printout as it will be written, with keys to write it (or HTML, CSV, XLSX) beside the draft.
    case printPreview(scroll: Int)
    case confirm(Confirmation)
    /// Asking for a line of text (a new project's name).
    case prompt(Prompt)
    case tooSmall
    /// The outline has the focus: ↑↓ choose a form, Enter opens it.
    case outline(selected: Int)

    var isOutline: Bool { if case .outline = self { return true } else { return false } }
}

public enum Confirmation: Sendable, Equatable {
    case removeRow(CellAddress)
    case removeProject(form: String, index: Int)
    case quitUnsaved
}

public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable { case newProject(form: String), renameProject(form: String, index: Int) }
    public var purpose: Purpose
    public var title: String
    public var editor: LineEditor
}

/// The cell being edited: what the editor holds and what the cell held before (Esc restores it).
public struct Editing: Sendable, Equatable {
    public var address: CellAddress
    public var original: Entry?
    public var originalLabel: String?
    public var line: LineEditor?
    public var area: TextAreaEditor?
    /// The draft before the edit began, pushed on the undo stack when the edit is committed.
    public var before: Draft

    public static func == (a: Editing, b: Editing) -> Bool {
        a.address == b.address && a.line == b.line && a.area == b.area
    }
}

/// A state of the draft the user can go back to.
struct Snapshot: Sendable {
    let draft: Draft
    let focus: CellAddress
    let revision: Int
}

/// Everything the terminal UI knows. `App.update` changes it; `View.render` draws it.
public struct AppState: Sendable {
    public var workspace: Workspace
    public var checks: LiveChecks
    public var path: String
    public var focus: CellAddress
    public var editing: Editing?
    public var overlay: Overlay = .none
    /// First table line shown.
    public var scroll = 0
    /// First outline entry shown.
    public var outlineScroll = 0
    public var size: (rows: Int, cols: Int) = (30, 100)
    /// A one-line message in the status bar (saved, refused, …), cleared by the next key.
    public var message: String?
    public var messageIsError = false
    var undo: [Snapshot] = []
    var redo: [Snapshot] = []
    /// Increases with every change; the draft is unsaved while it differs from `savedRevision`.
    public var revision = 0
    public var savedRevision = 0
    /// The draft as in the file (read or last saved), when known: changes that cancel out (a project
    /// added, then deleted) leave nothing to save.
    var savedDraft: Draft?
    var nextRevision = 1
    public var readOnly = false
    /// The file as it was when read or last saved, so a save notices a file replaced behind our back.
    public var stamp: FileStamp?
    public var quitRequested = false
    /// Progress (filled / required) per form instance, refreshed with the checks.
    var progress: [String: [(filled: Int, required: Int)]] = [:]
    public var problemFilter = ProblemFilter()
    /// What the open panel shows (`App.preparePanel`).
    var panel = PanelContent()
    /// The score preview's cards, kept per form instance (`App.warmScorecards` builds them after opening).
    var scorecards = ScorecardCache(derive: ScoreView.lines(of:))
    var scorecardsWarm = false
    /// What the focused instance's cells show and the widths of what its columns hold, for the table's
    /// column widths (`TableGeometry.held`): measured once per layout and brought up to date cell by
    /// cell after a change of the draft (`ColumnContent.keep`), not per frame.
    var columnContent: ColumnContent?
    /// The focused instance's cells as the table shows them, kept with `columnContent`: a frame
    /// formats only what changed since.
    var shownTexts: [CellAddress: ShownText] = [:]
    /// The instances of a repeated row the last change of the draft added or removed, if that was all
    /// it did (`App.replaceDraft`): the table's kept texts move with the rows after them.
    var rowShift: RowShift?
    /// The table's column positions (`TableGeometry.keep`).
    var geometryKept: (key: TableGeometry.Key, geometry: TableGeometry)?
    /// The focused cell's place in words, for the status line (`StatusBar.keep`).
    var placeKept: StatusBar.Place?
    /// The title line (`TitleBar.keep`).
    var titleKept: (key: TitleBar.Key, line: Screen)?
    /// The table's lines drawn for the next frame (`TableView.keep`).
    var tableKept = TableKept()
    /// The outline's visible entries (`OutlineView.keep`).
    var outlineKept = OutlineKept()

    public var template: Template { workspace.template }
    public var draft: Draft { workspace.draft }
    public var evaluation: Evaluation { workspace.evaluation }
    public var isDirty: Bool { revision != savedRevision && savedDraft.map { $0 != draft } ?? true }
    /// What `isDirty` follows besides the values compared: the draft is replaced only with a new version,
    /// and the saved one only with a new saved revision, so for the same stamp it is the same (comparing
    /// the draft with the saved one walks every form changed since the save).
    var dirtyStamp: DirtyStamp { DirtyStamp(version: draftVersion, revision: revision, saved: savedRevision, savedKept: savedDraft != nil) }
    /// Bumped whenever the draft value is replaced, so the driver can tell in O(1) that nothing changed.
    /// A bump says nothing of what changed: `cellLog` forgets, unless the change records its cells.
    public internal(set) var draftVersion = 0 {
        didSet {
            cellLog.forget()
            // What a panel showed of the draft before is never shown again (`App.preparePanel` builds it
            // for the new version), so it goes now: the problems list it shares with `checks` is then
            // spliced in place by the change, not copied whole first (1,513 problems) and freed when the
            // panel opens.
            panel = PanelContent()
        }
    }
    /// The cells whose values changed since `cellLog.since` (`App.replaceDraft` records them), so what is
    /// kept of the focused instance's cells is brought up to date by looking at those alone.
    var cellLog = CellLog(since: 0)

    /// Whether the draft in memory differs from the file: an unsaved change, or a cell being typed into.
    /// (Comparing with the draft before the edit is cheap: untouched forms share their storage.)
    public var hasUnsavedChanges: Bool { isDirty || (editing.map { draft != $0.before } ?? false) }

    var inMemory: DraftInMemory { DraftInMemory(draft: draft, version: draftVersion, unsaved: hasUnsavedChanges) }

    /// `checkLater`: check only the form that opens on screen now, and the rest through `.checkPending`
    /// after the first frame (the driver does; tests want everything at once).
    public init(workspace: Workspace, path: String, checkLater: Bool = false) {
        self.workspace = workspace
        self.savedDraft = workspace.draft
        let firstForm = Self.firstForm(workspace.template, workspace.draft)
        self.checks = checkLater ? LiveChecks(workspace.evaluation, first: .init(form: firstForm.id, index: 0)) : LiveChecks(workspace.evaluation)
        self.path = path
        self.focus = CellAddress(form: firstForm.id, row: "", column: "")
        if checkLater {
            for form in template.forms { progress[form.id] = Array(repeating: (0, 0), count: evaluation.instanceCount(form.id)) }
            refreshProgress(form: firstForm.id, index: 0)
        } else {
            refreshAllProgress()
        }
        // Start on the first cell still to fill, else the first cell.
        let layout = self.layout
        let fillable = layout.fillable
        self.focus = fillable.first { !workspace.evaluation.value($0).isFilled } ?? fillable.first
            ?? layout.rows.first.map { layout.address($0, layout.columns(of: $0).first ?? "") } ?? focus
    }

    /// The form a draft opens on (when no saved place says otherwise), checked first.
    static func firstForm(_ template: Template, _ draft: Draft) -> FormSpec {
        template.forms.first { draft.instances(of: $0.id).count > 0 } ?? template.forms[0]
    }

    /// The focused instance's layout, kept by `App.update` for the draft version and instance it was made
    /// for: a frame asked for it several times (table, geometry, status line), each time made again.
    var layoutKept: (version: Int, form: String, layout: FormLayout)?
    /// The 自评报告 page's layout while it is on screen (`App.reportLayout`).
    var reportKept: (version: Int, checks: Int, width: Int, layout: ReportLayout)?

    public var layout: FormLayout {
        // After a change of the draft the kept layout still serves while its lines are the draft's (a value typed).
        if let k = layoutKept, k.form == focus.form, k.layout.index == focus.formIndex, k.version == draftVersion || k.layout.fits(draft) {
            return k.layout
        }
        let form = template.form(focus.form) ?? template.forms[0]
        return FormLayout(form: form, index: focus.formIndex, draft: draft, year: draft.year)
    }

    mutating func refreshAllProgress() {
        progress = [:]
        for form in template.forms {
            progress[form.id] = (0..<evaluation.instanceCount(form.id)).map { FillableCells.progress(evaluation, form: form, index: $0) }
        }
    }

    mutating func refreshProgress(form: String, index: Int) {
        guard let spec = template.form(form), var list = progress[form], list.count == evaluation.instanceCount(form), index < list.count else {
            refreshAllProgress()
            return
        }
        list[index] = FillableCells.progress(evaluation, form: spec, index: index)
        progress[form] = list
    }

    /// After a change that filled or emptied `filled` cells that must be filled, and added or removed
    /// `required` of them (rows added or removed).
    mutating func moveProgress(form: FormSpec, index: Int, filled: Int, required: Int = 0) {
        guard filled != 0 || required != 0 else { return }
        guard progress[form.id]?.count == evaluation.instanceCount(form.id), index < evaluation.instanceCount(form.id) else {
            refreshProgress(form: form.id, index: index)
            return
        }
        progress[form.id]![index].filled += filled
        progress[form.id]![index].required += required
    }

    public func progressOf(form: String, index: Int) -> (filled: Int, required: Int) {
        progress[form]?[safe: index] ?? (0, 0)
    }
}

/// The cells a run of `App.update` changed, by form instance: known for changes of cells (a key typed,
/// a commit, an undo of either), nil after any other change of the draft (rows added or removed, a new
/// year, an instance added), when everything kept must be compared again.
struct CellLog: Sendable {
    /// The `draftVersion` the log starts from.
    let since: Int
    var cells: [InstanceSlot: Set<CellSlot>]? = [:]
    /// The instances whose entries or values changed: known for rows added or removed too (their cells
    /// moved, so `cells` is nil then), nil after any other change.
    var instances: Set<InstanceSlot>? = []

    /// The cells changed in `instance`, for what was kept at draft version `version`: nil unless the log
    /// starts there and knows its cells.
    func cells(of instance: InstanceSlot, since version: Int) -> Set<CellSlot>? {
        version == since ? cells.map { $0[instance] ?? [] } : nil
    }

    /// The instances changed, for what was kept at draft version `version`; nil when any may have.
    func instances(since version: Int) -> Set<InstanceSlot>? { version == since ? instances : nil }

    /// Forgets what changed: whatever is kept must be compared again.
    mutating func forget() {
        cells = nil
        instances = nil
    }
}

/// See `AppState.dirtyStamp`.
struct DirtyStamp: Equatable, Sendable {
    let version: Int, revision: Int, saved: Int, savedKept: Bool
}
