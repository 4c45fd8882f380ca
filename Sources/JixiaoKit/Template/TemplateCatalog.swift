import Foundation

/// Finds the template files. In order (the first directory holding an id wins):
/// 1. `$JIXIAO_TEMPLATES` (a colon-separated list);
/// 2. `$XDG_DATA_HOME/jixiao/templates` (default `~/.local/share/jixiao/templates`): a user's own;
/// 3. `<bin>/../share/jixiao/templates`: the installed ones, wherever the prefix is (`/usr/bin` →
///    `/usr/share/jixiao/templates`, `~/.local/bin` → `~/.local/share/jixiao/templates`);
/// 4. `templates/` beside the binary or up to five folders above it: a clone, where `swift run` and
///    the tests keep the binary under `.build/`.
/// No path of the build machine is compiled in, so a binary copied to another machine never looks
/// into a folder that happens to exist there by the same name.
public struct TemplateCatalog: Sendable {
    public let directories: [String]

    public init(directories: [String]) { self.directories = directories }

    public static func standard(environment: [String: String] = searchEnvironment(),
                                executable: String = runningExecutable()) -> TemplateCatalog {
        TemplateCatalog(directories: searchPath(environment: environment, executable: executable)
            .filter { FileManager.default.fileExists(atPath: $0) })
    }

    /// Every candidate directory in search order, existing or not, without repeats.
    public static func searchPath(environment: [String: String], executable: String) -> [String] {
        var dirs: [String] = []
        if let env = environment["JIXIAO_TEMPLATES"], !env.isEmpty { dirs += env.split(separator: ":").map(String.init) }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            dirs.append(data + "/jixiao/templates")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            dirs.append(home + "/.local/share/jixiao/templates")
        }
        let bin = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        dirs.append(bin.deletingLastPathComponent().appendingPathComponent("share/jixiao/templates").path)
        var up = bin
        for _ in 0..<6 {
            dirs.append(up.appendingPathComponent("templates").path)
            up.deleteLastPathComponent()
        }
        var seen = Set<String>()
        return dirs.filter { seen.insert($0).inserted }
    }

    /// The variables `searchPath` reads. Asked for one by one: `ProcessInfo`'s dictionary of the whole
    /// environment, and `Bundle.main` below, were a few percent of the time to the first frame.
    public static func searchEnvironment() -> [String: String] {
        var out: [String: String] = [:]
        for name in ["JIXIAO_TEMPLATES", "XDG_DATA_HOME", "HOME"] {
            if let v = getenv(name) { out[name] = String(cString: v) }
        }
        return out
    }

    /// The running binary's own path. `argv[0]` is only a fallback: a binary started through `PATH`
    /// gets a bare name there, which would be taken relative to the working directory.
    public static func runningExecutable() -> String {
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: 4097)
        let n = buffer.withUnsafeMutableBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { readlink("/proc/self/exe", $0, b.count - 1) }
        }
        if n > 0 { return String(decoding: buffer[..<n], as: UTF8.self) }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments.first ?? "."
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
