import Testing
@testable import JixiaoStore
@testable import JixiaoTUI

/// Every way a draft comes to be edited without a lock is said on the status line: a folder that cannot
/// be written, a lock path that is not a file, and a lock that could not be written (a full disk), which
/// was once passed over in silence while another program could open the same draft.
struct WithoutLockTests {
    let lock = "/tmp/单位/.草稿.json.lock"

    @Test func aFolderThatCannotBeWrittenIsSaidAsSuch() {
        #expect(AppDriver.withoutLock(.readOnly(path: lock)) == UIText.Recovery.folderReadOnly)
    }

    @Test func aLockPathThatIsNotAFileIsNamed() {
        #expect(AppDriver.withoutLock(.notRegular(path: lock)) == UIText.Recovery.lockNotRegular(lock))
    }

    @Test(arguments: [DraftError.diskFull(path: "/tmp/单位/.草稿.json.lock"),
                      .writeFailed(path: "/tmp/单位/.草稿.json.lock", reason: "lock contended"),
                      .unreadable(path: "/tmp/单位/.草稿.json.lock", reason: "Input/output error")])
    func aLockThatCouldNotBeMadeIsSaidWithItsCause(_ error: DraftError) {
        let note = AppDriver.withoutLock(error)
        #expect(note == UIText.Recovery.lockNotMade(DraftText.message(error)))
        #expect(note.contains(lock), "the note names the lock file: \(note)")
        #expect(note.contains("其他程序可能同时打开此草稿"))
    }
}
