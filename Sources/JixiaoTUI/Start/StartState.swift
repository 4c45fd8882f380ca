import Foundation
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// A draft found in the current folder, for the start screen.
public struct RecentDraft: Sendable, Equatable {
    public let path: String
    public let unit: String
    public let year: Int
    public let templateID: String
    public let modified: Date
    /// A recovery file holds changes to it that were never saved.
    public var recoverable = false
}

/// A template the new-draft screen offers.
public struct TemplateChoice: Sendable, Equatable {
    public let id: String
    public let title: String
    public init(id: String, title: String) { self.id = id; self.title = title }
}

/// The start screen: resume a recent draft or start a new one (year, unit name, template, number of
/// projects, file name).
public struct StartState: Sendable {
    public enum Stage: Sendable, Equatable { case choose, new }
    public enum Field: Sendable, Equatable { case year, unit, template, projects, file }
    public var stage: Stage
    public var recent: [RecentDraft]
    public var selected = 0
    public var year: LineEditor
    public var unit: LineEditor
    public var file: LineEditor
    /// Which field of the new-draft form has the focus (an index into `fields`; the unit's name first).
    public var field = 1
    /// The templates to choose from (none: the default one, not asked); `template` is the chosen one.
    public var templates: [TemplateChoice]
    public var template = 0
    /// How many project forms to start with; empty: the template's own number.
    public var projects = LineEditor()
    /// The file name was given on the command line: not asked again.
    public var fileFixed: Bool
    public var templateTitle: String
    public var message: String?

    public init(recent: [RecentDraft], fixedFile: String?, defaultYear: Int, templateTitle: String, templates: [TemplateChoice] = []) {
        self.recent = recent
        self.templates = templates
        self.stage = fixedFile == nil && !recent.isEmpty ? .choose : .new
        // The draft worked on last (the list is newest first), not 「新建」: resuming is the usual errand.
        self.selected = recent.isEmpty ? 0 : 1
        self.year = LineEditor(text: String(defaultYear))
        self.unit = LineEditor()
        self.file = LineEditor(text: fixedFile ?? "")
        self.fileFixed = fixedFile != nil
        self.templateTitle = templateTitle
        self.field = fields.firstIndex(of: .unit) ?? 0
    }

    /// The fields of the new-draft form, in order: what has a good default first, so that from the
    /// unit's name (where the focus starts) Enter goes straight on to create the draft.
    public var fields: [Field] {
        (templates.count > 1 ? [.template] : []) + [.projects, .year, .unit] + (fileFixed ? [] : [.file])
    }

    public var focusedField: Field { fields[min(field, fields.count - 1)] }

    /// The file name to suggest from the unit and year, until the user types one.
    public var suggestedFile: String {
        let u = unit.text.trimmingCharacters(in: .whitespaces)
        let y = year.text.trimmingCharacters(in: .whitespaces)
        return (u.isEmpty ? "绩效自评" : u) + "-" + y + ".json"
    }
}

/// What the start screen ends with.
public enum StartResult: Sendable, Equatable {
    case open(String)
    case create(NewDraftRequest)
    /// 以上年草稿为底稿新建: next year's draft from `source`, saved as `path`.
    case next(source: String, year: Int, path: String)
    case quit
}

/// What the new-draft screen asks for.
public struct NewDraftRequest: Sendable, Equatable {
    public var path: String
    public var year: Int
    public var unit: String
    /// nil: the catalog's default template.
    public var templateID: String?
    /// nil: as many projects as the template starts with.
    public var projects: Int?
}

public enum StartApp {
    public static func update(_ s: inout StartState, _ key: Key) -> StartResult? {
        s.message = nil
        switch s.stage {
        case .choose:
            switch key {
            case .up: s.selected = max(0, s.selected - 1)
            case .down: s.selected = min(s.recent.count, s.selected + 1)
            case .enter:
                if s.selected == 0 { s.stage = .new } else { return .open(s.recent[s.selected - 1].path) }
            case .escape, .f(10), .ctrl("q"), .ctrl("c"): return .quit
            case .char("n"), .char("N"):
                guard s.selected > 0 else { s.message = UIText.Start.chooseDraftFirst; return nil }
                let d = s.recent[s.selected - 1]
                let path = NextYearDraft.defaultFileName(d.path, from: d.year, to: d.year + 1)
                if FileManager.default.fileExists(atPath: path) { s.message = UIText.Start.exists(path); return nil }
                return .next(source: d.path, year: d.year + 1, path: path)
            default: break
            }
        case .new:
            let fields = s.fields.count
            switch key {
            case .escape:
                // Back to the first screen, never out of the program: Esc means "not this".
                s.stage = .choose
                s.selected = 0
            case .f(10), .ctrl("q"), .ctrl("c"): return .quit
            case .tab, .down: s.field = (s.field + 1) % fields
            case .backTab, .up: s.field = (s.field + fields - 1) % fields
            case .enter:
                if s.field < fields - 1 { s.field += 1; return nil }
                return finish(&s)
            case .left where s.focusedField == .template, .right where s.focusedField == .template, .char(" ") where s.focusedField == .template:
                s.template = (s.template + (key == .left ? s.templates.count - 1 : 1)) % max(1, s.templates.count)
            default:
                switch s.focusedField {
                case .year: _ = s.year.handle(key, width: 10)
                case .unit: _ = s.unit.handle(key, width: 40)
                case .template: break
                case .projects: _ = s.projects.handle(key, width: 10)
                case .file: _ = s.file.handle(key, width: 40)
                }
            }
        }
        return nil
    }

    static func finish(_ s: inout StartState) -> StartResult? {
        guard let y = Int(FullWidth.fold(s.year.text).trimmingCharacters(in: .whitespaces)), (1990...2100).contains(y) else {
            s.message = UIText.Start.badYear
            s.field = s.fields.firstIndex(of: .year) ?? 0
            return nil
        }
        let count = FullWidth.fold(s.projects.text).trimmingCharacters(in: .whitespaces)
        var projects: Int?
        if !count.isEmpty {
            guard let n = Int(count), (0...200).contains(n) else {
                s.message = UIText.Start.badProjects
                s.field = s.fields.firstIndex(of: .projects) ?? 0
                return nil
            }
            projects = n
        }
        let unit = s.unit.text.trimmingCharacters(in: .whitespaces)
        var path = s.file.text.trimmingCharacters(in: .whitespaces)
        if path.isEmpty { path = s.suggestedFile }
        if !path.hasSuffix(".json") { path += ".json" }
        if !s.fileFixed && FileManager.default.fileExists(atPath: path) {
            s.message = UIText.Start.exists(path)
            s.field = s.fields.firstIndex(of: .file) ?? 0
            return nil
        }
        return .create(NewDraftRequest(path: path, year: y, unit: unit, templateID: s.templates[safe: s.template]?.id, projects: projects))
    }

    /// Drafts in a folder, newest first; files that are not drafts are skipped.
    public static func recentDrafts(in dir: String) -> [RecentDraft] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        var out: [RecentDraft] = []
        for n in names where n.hasSuffix(".json") && !n.hasPrefix(".") {
            let p = dir == "." ? n : dir + "/" + n
            // Regular files only: a FIFO named *.json must not hang the start screen, nor a link be followed.
            guard let stamp = DraftStore.stamp(p), let data = try? SafeFile.read(p),
                  let json = try? JSONReader.parse(data), json["format"]?.string == DraftCodec.formatName else { continue }
            var unit = ""
            if let forms = json["forms"]?.object {
                for (_, list) in forms {
                    if let u = list.array?.first?["cells"]?["unitName"]?["value"]?.string { unit = u; break }
                }
            }
            var d = RecentDraft(path: p, unit: unit, year: json["year"]?.int ?? 0, templateID: json["template"]?["id"]?.string ?? "",
                                modified: Date(timeIntervalSince1970: Double(stamp.modified) + Double(stamp.modifiedNanos) / 1e9))
            d.recoverable = RecoveryStore.candidates(for: p).contains { FileManager.default.fileExists(atPath: $0) }
            out.append(d)
        }
        return out.sorted { $0.modified > $1.modified }
    }
}
