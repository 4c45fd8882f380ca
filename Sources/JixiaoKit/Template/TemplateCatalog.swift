import Foundation

/// Finds the template files: `$JIXIAO_TEMPLATES`, then `templates/` beside or above the running
/// binary (a fresh clone run through `swift run` or from another directory), then the source tree
/// the binary was built from.
public struct TemplateCatalog: Sendable {
    public let directories: [String]

    public init(directories: [String]) { self.directories = directories }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> TemplateCatalog {
        var dirs: [String] = []
        if let env = environment["JIXIAO_TEMPLATES"], !env.isEmpty { dirs += env.split(separator: ":").map(String.init) }
        var exe = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            dirs.append(exe.appendingPathComponent("templates").path)
            exe.deleteLastPathComponent()
        }
        // Sources/JixiaoKit/Template/TemplateCatalog.swift → repository root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        dirs.append(root.appendingPathComponent("templates").path)
        var seen = Set<String>()
        return TemplateCatalog(directories: dirs.filter { seen.insert($0).inserted && FileManager.default.fileExists(atPath: $0) })
    }

    /// Template files by id (file name without .json), first directory wins.
    public func files() -> [(id: String, path: String)] {
        var out: [(String, String)] = []
        var seen = Set<String>()
        for d in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: d)) ?? []
            for n in names.sorted() where n.hasSuffix(".json") {
                let id = String(n.dropLast(5))
                if seen.insert(id).inserted { out.append((id, d + "/" + n)) }
            }
        }
        return out
    }

    /// The template marked `"default": true` (the first such), else the first one found.
    public func defaultTemplateID() -> String? {
        let all = files()
        for f in all {
            if let bytes = try? TemplateLoader.bytes(of: f.path), let json = try? JSONReader.parse(bytes),
               json["default"]?.bool == true { return f.id }
        }
        return all.first?.id
    }

    public func path(for id: String) -> String? { files().first { $0.id == id }?.path }

    public func load(_ id: String) throws(TemplateError) -> Template {
        guard let p = path(for: id) else { throw TemplateError(file: id + ".json", entry: "", reason: .unreadable(directories.joined(separator: ", "))) }
        return try TemplateLoader.load(file: p)
    }
}
