#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JixiaoKit
import JixiaoStore
import JixiaoReports
import JixiaoTerminal

/// The one thing the termination handler does: store the signal number. A plain store through a `let`
/// pointer allocated before any handler exists, so the handler neither allocates nor takes a lock
/// (nor does Swift's exclusivity bookkeeping for a global `var`).
nonisolated(unsafe) private let pendingSignal: UnsafeMutablePointer<sig_atomic_t> = {
    let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    p.initialize(to: 0)
    return p
}()

/// Termination signals (terminal closed, `kill`, `kill -INT`) become a flag the run loop polls: it reads
/// keys with a timeout, so within a fraction of a second it writes the recovery file, gives the terminal
/// back and exits — all in ordinary code, where allocating and writing files is safe.
enum SignalWatch {
    /// SIGHUP: the terminal window was closed or the ssh connection dropped. SIGINT arrives only from
    /// `kill`: in raw mode Ctrl-C is a key.
    static let watched: [Int32] = [SIGHUP, SIGTERM, SIGINT, SIGQUIT]
    nonisolated(unsafe) private static var installed = false

    static func install() {
        guard !installed else { return }
        installed = true
        _ = pendingSignal.pointee  // allocate before a handler can run
        for sig in watched {
            var sa = sigaction()
            sigemptyset(&sa.sa_mask)
            // Restarting keeps a save's write or fsync from failing with EINTR; ncurses' poll still
            // returns, and the read timeout bounds the wait anyway.
            sa.sa_flags = SA_RESTART
            #if canImport(Glibc)
            sa.__sigaction_handler.sa_handler = { sig in pendingSignal.pointee = sig }
            #else
            sa.__sigaction_u.__sa_handler = { sig in pendingSignal.pointee = sig }
            #endif
            sigaction(sig, &sa, nil)
        }
    }

    /// The signal that asked us to stop, if one came.
    static var pending: Int32? {
        let s = pendingSignal.pointee
        return s == 0 ? nil : Int32(s)
    }
}

extension SignalWatch {
    /// SIGHUP, or the terminal hung up without one reaching us (a program in a background process
    /// group is not sent SIGHUP): reads then fail at once, and without this check the loop would spin.
    /// After a hangup every terminal ioctl fails with EIO. `keyRead`: a key came since the last look, so
    /// the terminal is there and its system call can wait for a turn without one.
    static func stopRequest(keyRead: Bool = false) -> Int32? {
        if let s = pending { return s }
        if keyRead { return nil }
        var t = termios()
        if tcgetattr(STDIN_FILENO, &t) != 0 && errno == EIO { return SIGHUP }
        return nil
    }
}
