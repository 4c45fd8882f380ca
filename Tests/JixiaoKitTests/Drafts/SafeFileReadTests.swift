import Foundation
import Testing
@testable import JixiaoStore

/// `SafeFile.readAll` reads into an array sized by fstat: every byte comes back, at any size around its
/// buffer and page boundaries, and a file longer than fstat said (procfs says 0) is read to its end.
struct SafeFileReadTests {
    @Test func everySizeComesBackWhole() throws {
        let dir = NSTemporaryDirectory() + "jixiao-read-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for size in [0, 1, 4095, 4096, 65535, 65536, 65537, 300_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let path = dir + "/f\(size).json"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            #expect(try SafeFile.read(path) == bytes, "\(size) bytes")
        }
    }

    @Test func aFileLongerThanItsSizeIsReadToTheEnd() throws {
        let fd = open("/proc/self/cmdline", O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        var st = stat()
        #expect(fstat(fd, &st) == 0 && st.st_size == 0)
        let read = try SafeFile.readAll(fd, path: "/proc/self/cmdline")
        let expected = try Data(contentsOf: URL(fileURLWithPath: "/proc/self/cmdline"))
        #expect(!read.isEmpty)
        #expect(read == Array(expected))
    }

    @Test func aFileLongerThanTheLimitIsRefused() throws {
        let fd = open("/proc/self/cmdline", O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(throws: DraftError.self) { try SafeFile.readAll(fd, path: "/proc/self/cmdline", limit: 3) }
    }
}
