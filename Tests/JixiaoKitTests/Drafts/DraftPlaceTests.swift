import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import JixiaoKit
@testable import JixiaoStore

/// Issue 13, friction 5: where a draft was left, kept in the user's state folder under the project's
/// file rules; a record that is damaged, planted or for another draft is not used.
struct DraftPlaceTests {
    let cell = CellAddress(form: "C", formIndex: 0, row: "quantity", rowIndex: 1, column: "score")

    func folder() -> (dir: String, env: [String: String]) {
        let dir = Fixtures.tempDir()
        return (dir, ["XDG_STATE_HOME": dir + "/state"])
    }

    @Test func roundTripInAPrivateFile() throws {
        let (dir, env) = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(DraftPlace.read(for: dir + "/d.json", environment: env) == nil)
        #expect(DraftPlace.write(cell, for: dir + "/d.json", environment: env))
        #expect(DraftPlace.read(for: dir + "/d.json", environment: env) == cell)
        #expect(DraftPlace.read(for: dir + "/other.json", environment: env) == nil)
        let path = try #require(DraftFiles.place(of: dir + "/d.json", environment: env))
        #expect(path.hasPrefix(dir + "/state/jixiao/places/d.json-"))
        var st = stat()
        #expect(lstat(path, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(stat(dir + "/state/jixiao/places", &st) == 0 && st.st_mode & 0o777 == 0o700)
        // Nothing but the record: no temporary file left behind, nothing beside the draft.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/state/jixiao/places").count == 1)
        #expect(!FileManager.default.fileExists(atPath: dir + "/d.json"))
    }

    @Test func aDamagedOrForeignRecordIsNotUsed() throws {
        let (dir, env) = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(DraftPlace.write(cell, for: dir + "/d.json", environment: env))
        let path = try #require(DraftFiles.place(of: dir + "/d.json", environment: env))
        for bad in ["", "not json", String(repeating: " ", count: 10_000),
                    #"{"draft":"/elsewhere/d.json","form":"C","formIndex":0,"row":"quantity","rowIndex":1,"column":"score"}"#,
                    #"{"draft":"\#(dir)/d.json","form":"C","formIndex":-1,"row":"quantity","column":"score"}"#] {
            try bad.write(toFile: path, atomically: false, encoding: .utf8)
            #expect(DraftPlace.read(for: dir + "/d.json", environment: env) == nil, "\(bad.prefix(40))")
        }
    }

    @Test func aPlantedLinkIsNeitherReadNorWrittenThrough() throws {
        let (dir, env) = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(DraftPlace.write(cell, for: dir + "/d.json", environment: env))
        let path = try #require(DraftFiles.place(of: dir + "/d.json", environment: env))
        let target = dir + "/target"
        try "keep".write(toFile: target, atomically: false, encoding: .utf8)
        unlink(path)
        #expect(symlink(target, path) == 0)
        #expect(DraftPlace.read(for: dir + "/d.json", environment: env) == nil)
        #expect(DraftPlace.write(cell, for: dir + "/d.json", environment: env))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
        #expect(DraftPlace.read(for: dir + "/d.json", environment: env) == cell)
    }
}
