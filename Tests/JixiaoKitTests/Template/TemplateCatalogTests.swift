import Foundation
import Testing
@testable import JixiaoKit
@testable import JixiaoStore
@testable import JixiaoReports
@testable import JixiaoGenerate

/// Where templates are looked for: the order a packaged install relies on, and no build-machine path.
struct TemplateCatalogTests {
    @Test func searchOrder() {
        let dirs = TemplateCatalog.searchPath(
            environment: ["JIXIAO_TEMPLATES": "/a:/b", "XDG_DATA_HOME": "/x", "HOME": "/home/u"],
            executable: "/opt/p/bin/jixiao")
        #expect(dirs == ["/a", "/b", "/x/jixiao/templates", "/opt/p/share/jixiao/templates",
                         "/opt/p/bin/templates", "/opt/p/templates", "/opt/templates", "/templates"])
    }

    @Test func userDirectoryDefaultsToLocalShare() {
        let home = TemplateCatalog.searchPath(environment: ["HOME": "/home/u"], executable: "/usr/bin/jixiao")
        #expect(home.prefix(2) == ["/home/u/.local/share/jixiao/templates", "/usr/share/jixiao/templates"])
        // A relative XDG_DATA_HOME is invalid by the XDG spec: the default is used instead.
        let relative = TemplateCatalog.searchPath(environment: ["HOME": "/home/u", "XDG_DATA_HOME": "data"],
                                                  executable: "/usr/bin/jixiao")
        #expect(relative.first == "/home/u/.local/share/jixiao/templates")
    }

    @Test func installedLayoutFoundThroughASymlinkAndUserTemplatesWin() throws {
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        for d in ["prefix/bin", "prefix/share/jixiao/templates", "data/jixiao/templates", "elsewhere"] {
            try fm.createDirectory(atPath: root + "/" + d, withIntermediateDirectories: true)
        }
        fm.createFile(atPath: root + "/prefix/bin/jixiao", contents: Data())
        fm.createFile(atPath: root + "/prefix/share/jixiao/templates/shipped.json", contents: Data("{}".utf8))
        fm.createFile(atPath: root + "/prefix/share/jixiao/templates/both.json", contents: Data("{}".utf8))
        fm.createFile(atPath: root + "/data/jixiao/templates/both.json", contents: Data("{}".utf8))
        // A link in another bin folder (as ~/bin/jixiao → /opt/jixiao/bin/jixiao) finds the real prefix.
        try fm.createSymbolicLink(atPath: root + "/elsewhere/jixiao", withDestinationPath: root + "/prefix/bin/jixiao")
        let c = TemplateCatalog.standard(environment: ["XDG_DATA_HOME": root + "/data"], executable: root + "/elsewhere/jixiao")
        #expect(c.path(for: "shipped")?.hasSuffix("/prefix/share/jixiao/templates/shipped.json") == true)
        #expect(c.path(for: "both")?.hasSuffix("/data/jixiao/templates/both.json") == true)
    }

    @Test func noBuildMachinePathIsSearched() {
        // A binary copied out of the clone (no templates beside, above or under its prefix) finds
        // nothing, even though this machine has the source tree's templates/.
        let root = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let c = TemplateCatalog.standard(environment: ["HOME": root], executable: root + "/bin/jixiao")
        #expect(c.path(for: "hunan-unit") == nil)
        #expect(!c.directories.contains { $0.hasPrefix(Fixtures.root.path) })
    }

    /// The environment and the binary's path are read without ProcessInfo's and Bundle's machinery,
    /// and must say what they say.
    @Test func theStartUpReadingsAgreeWithFoundation() {
        let env = ProcessInfo.processInfo.environment
        let read = TemplateCatalog.searchEnvironment()
        for name in ["JIXIAO_TEMPLATES", "XDG_DATA_HOME", "HOME"] { #expect(read[name] == env[name], "\(name)") }
        #expect(read.keys.allSatisfy { ["JIXIAO_TEMPLATES", "XDG_DATA_HOME", "HOME"].contains($0) })
        let bundle = URL(fileURLWithPath: Bundle.main.executablePath ?? "").resolvingSymlinksInPath().path
        #expect(TemplateCatalog.runningExecutable() == bundle)
    }
}
