import JixiaoKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// Everything the fatal-signal handler needs, prepared in advance: it may only make system calls
/// (open, write, fsync, rename, unlink, tcsetattr), never allocate or call into Swift's runtime.
private struct CrashSlot {
    /// Which list of pieces holds the newest recovery file: 0, 1, or -1 for none (nothing unsaved).
    var active: Int32 = -1
    /// Two lists of (address, length): the handler reads the active one while the other is refilled.
    var pieces0: UnsafeMutablePointer<iovec>?
    var count0 = 0
    var cap0 = 0
    var pieces1: UnsafeMutablePointer<iovec>?
    var count1 = 0
    var cap1 = 0
    var primary: UnsafeMutablePointer<CChar>?
    var primaryTmp: UnsafeMutablePointer<CChar>?
    var fallback: UnsafeMutablePointer<CChar>?
    var fallbackTmp: UnsafeMutablePointer<CChar>?
    var lock: UnsafeMutablePointer<CChar>?
    var terminalActive = false
    var haveTermios = false
    var savedTermios = termios()
    var restore: UnsafeMutablePointer<CChar>?
    var restoreLen = 0
    /// Old actions, indexed by signal number, to hand the signal on (Swift's backtracer), when wanted.
    var old: UnsafeMutablePointer<sigaction>?
    var chain = false
    var notice: UnsafeMutablePointer<CChar>?
    var noticeLen = 0
}

nonisolated(unsafe) private let crashSlot: UnsafeMutablePointer<CrashSlot> = {
    let p = UnsafeMutablePointer<CrashSlot>.allocate(capacity: 1)
    p.initialize(to: CrashSlot())
    return p
}()

/// Last-moment rescue when the program crashes (a Swift trap, a bad memory access, abort): the handler
/// writes the newest recovery bytes the run loop handed it, gives the terminal its settings back,
/// removes our lock, then lets the signal go on to whoever had it before (so a backtrace still prints).
enum CrashGuard {
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]
    nonisolated(unsafe) private static var installed = false

    /// Call before the terminal is taken over, so the saved settings are the user's own.
    static func install() {
        guard !installed else { return }
        installed = true
        let s = crashSlot
        s.pointee.haveTermios = tcgetattr(STDIN_FILENO, &s.pointee.savedTermios) == 0
        // Leave bracketed paste, reset colours, show the cursor, leave the alternate screen.
        s.pointee.restore = strdup("\u{1B}[?2004l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n")
        s.pointee.restoreLen = s.pointee.restore.map { strlen($0) } ?? 0
        s.pointee.notice = strdup(UIText.Recovery.crashNotice)
        s.pointee.noticeLen = s.pointee.notice.map { strlen($0) } ?? 0
        // Swift's backtracer, on a terminal, waits 30 s for a key before it lets the process die: right for
        // a developer who asked for it (SWIFT_BACKTRACE set), not for an accountant.
        s.pointee.chain = getenv("SWIFT_BACKTRACE") != nil
        let old = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        old.initialize(repeating: sigaction(), count: 65)
        s.pointee.old = old
        // A stack overflow can only be handled on a stack of its own.
        var current = stack_t()
        if sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 {
            let size = 1 << 16
            var st = stack_t()
            st.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            st.ss_size = size
            st.ss_flags = 0
            sigaltstack(&st, nil)
        }
        for sig in fatal {
            var sa = sigaction()
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = SA_ONSTACK | SA_SIGINFO
            #if canImport(Glibc)
            sa.__sigaction_handler.sa_sigaction = { sig, info, context in crashHandler(sig, info, context) }
            #else
            sa.__sigaction_u.__sa_sigaction = { sig, info, context in crashHandler(sig, info, context) }
            #endif
            sigaction(sig, &sa, old + Int(sig))
        }
    }

    /// Where the recovery file goes (beside the draft, else the fallback) and the lock to remove.
    static func arm(recovery: String, fallback: String?, lock: String?) {
        let s = crashSlot
        func replace(_ p: inout UnsafeMutablePointer<CChar>?, _ v: String?) {
            let new = v.flatMap { strdup($0) }
            let old = p
            p = new
            free(old)
        }
        // The handler cannot draw random numbers or build names: each temporary name is made here, in
        // the same unpredictable form as a save's, so a leftover is cleaned up by the next save.
        func temporary(_ target: String) -> String {
            let (dir, prefix) = DraftStore.temporaryPrefix(for: target)
            return dir + "/" + SafeFile.temporaryName(prefix: prefix, random: SafeFile.randomPart())
        }
        replace(&s.pointee.primary, recovery)
        replace(&s.pointee.primaryTmp, temporary(recovery))
        replace(&s.pointee.fallback, fallback)
        replace(&s.pointee.fallbackTmp, fallback.map(temporary))
        replace(&s.pointee.lock, lock)
    }

    static func setLock(_ path: String?) {
        let s = crashSlot
        let new = path.flatMap { strdup($0) }
        let old = s.pointee.lock
        s.pointee.lock = new
        free(old)
    }

    /// Nothing left to rescue (normal exit, or a read-only session).
    static func disarm() {
        crashSlot.pointee.active = -1
        setLock(nil)
    }

    static func terminalActive(_ on: Bool) { crashSlot.pointee.terminalActive = on }

    /// What keeps each list's pieces alive; touched only by `update` (the recovery worker's queue).
    nonisolated(unsafe) private static var held: [PinnedText?] = [nil, nil]

    /// The newest recovery file contents, or nil when nothing is unsaved. Its pieces' addresses go into the
    /// list the handler is not reading, which is then switched to in one store; the pieces are held until
    /// that list is refilled, so nothing the handler may be reading is freed under it.
    static func update(_ text: PinnedText?) {
        let s = crashSlot
        guard let text else { s.pointee.active = -1; return }
        let target: Int32 = s.pointee.active == 0 ? 1 : 0
        let n = text.pieces.count
        func fill(_ list: inout UnsafeMutablePointer<iovec>?, _ count: inout Int, _ cap: inout Int) -> Bool {
            if cap < n {
                free(list)
                cap = max(n * 2, 64)
                list = malloc(cap * MemoryLayout<iovec>.stride)?.assumingMemoryBound(to: iovec.self)
            }
            guard let list else { cap = 0; return false }
            for (k, p) in text.pieces.enumerated() {
                list[k] = iovec(iov_base: UnsafeMutableRawPointer(mutating: p.base), iov_len: p.count)
            }
            count = n
            return true
        }
        let filled = target == 0 ? fill(&s.pointee.pieces0, &s.pointee.count0, &s.pointee.cap0)
                                 : fill(&s.pointee.pieces1, &s.pointee.count1, &s.pointee.cap1)
        guard filled else { s.pointee.active = -1; return }
        held[Int(target)] = text
        s.pointee.active = target
    }
}

extension CrashGuard {
    /// The bytes the handler would write now, read from its active list as it reads them (tests).
    static func handedBytes() -> [UInt8]? {
        let s = crashSlot
        let active = s.pointee.active
        guard active >= 0, let list = active == 0 ? s.pointee.pieces0 : s.pointee.pieces1 else { return nil }
        let count = active == 0 ? s.pointee.count0 : s.pointee.count1
        var out: [UInt8] = []
        for k in 0..<count {
            guard let base = list[k].iov_base?.assumingMemoryBound(to: UInt8.self) else { continue }
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: list[k].iov_len))
        }
        return out
    }
}

/// Runs inside the signal handler: system calls only.
private func crashHandler(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    let s = crashSlot
    let active = s.pointee.active
    if active >= 0 {
        let list = active == 0 ? s.pointee.pieces0 : s.pointee.pieces1
        let count = active == 0 ? s.pointee.count0 : s.pointee.count1
        if let list, !dump(list, count, to: s.pointee.primary, via: s.pointee.primaryTmp) {
            _ = dump(list, count, to: s.pointee.fallback, via: s.pointee.fallbackTmp)
        }
    }
    if s.pointee.terminalActive {
        if let r = s.pointee.restore { _ = write(STDOUT_FILENO, r, s.pointee.restoreLen) }
        if s.pointee.haveTermios { _ = tcsetattr(STDIN_FILENO, TCSANOW, &s.pointee.savedTermios) }
    }
    if let l = s.pointee.lock { unlink(l) }
    if let n = s.pointee.notice { _ = write(STDERR_FILENO, n, s.pointee.noticeLen) }
    // Hand the signal to the backtracer if asked, then make sure the process ends: the backtracer returns
    // for a signal sent with kill, and a crashed program must not go on.
    if s.pointee.chain, let old = s.pointee.old?.advanced(by: Int(sig)) {
        #if canImport(Glibc)
        if old.pointee.sa_flags & SA_SIGINFO != 0, let f = old.pointee.__sigaction_handler.sa_sigaction {
            f(sig, info, context)
        } else if let h = old.pointee.__sigaction_handler.sa_handler, unsafeBitCast(h, to: Int.self) > 1 {
            h(sig)
        }
        #else
        if old.pointee.sa_flags & SA_SIGINFO != 0, let f = old.pointee.__sigaction_u.__sa_sigaction {
            f(sig, info, context)
        } else if let h = old.pointee.__sigaction_u.__sa_handler, unsafeBitCast(h, to: Int.self) > 1 {
            h(sig)
        }
        #endif
    }
    signal(sig, SIG_DFL)
    raise(sig)  // delivered when this handler returns, with the default action: the process ends
}

private func dump(_ list: UnsafeMutablePointer<iovec>, _ count: Int, to path: UnsafeMutablePointer<CChar>?,
                  via tmp: UnsafeMutablePointer<CChar>?) -> Bool {
    guard let path, let tmp else { return false }
    // Exclusive and never through a link: a file planted under the name is left alone (then the fallback).
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return false }
    for k in 0..<count {
        guard let base = list[k].iov_base?.assumingMemoryBound(to: UInt8.self) else { continue }
        let len = list[k].iov_len
        var off = 0
        while off < len {
            let n = write(fd, base + off, len - off)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { close(fd); unlink(tmp); return false }
            off += n
        }
    }
    _ = fsync(fd)
    close(fd)
    if rename(tmp, path) != 0 { unlink(tmp); return false }
    return true
}
