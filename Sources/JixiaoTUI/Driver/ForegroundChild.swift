import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an interactive program (the accountant's editor) on our terminal and waits for it.
///
/// Foundation's `Process` starts children in a session of their own, without the terminal: an editor
/// such as vi then gives up at once, and the terminal's answers to its queries reach us as keys. Here
/// the child is spawned in a process group of its own that is made the terminal's foreground group
/// (so it reads keys and gets Ctrl-C, not us), with default signal handling, and the terminal is taken
/// back when it ends.
enum ForegroundChild {
    enum Outcome: Equatable {
        case exited(Int32)
        case killed(signal: Int32)
        /// It could not be started (errno).
        case notStarted(Int32)
    }

    static func run(_ arguments: [String]) -> Outcome {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attr, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGHUP, SIGTERM, SIGCHLD] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, argv[0]!, nil, &attr, argv, environ)
        guard spawned == 0 else { return .notStarted(spawned) }

        let tty: Int32 = isatty(STDIN_FILENO) != 0 ? STDIN_FILENO : -1
        // Changing the foreground group from what will be a background group raises SIGTTOU, which
        // would stop us: ignored while the terminal changes hands.
        var ignore = sigaction()
        var saved = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGTTOU, &ignore, &saved)
        defer { sigaction(SIGTTOU, &saved, nil) }
        if tty >= 0 { tcsetpgrp(tty, pid) }
        defer { if tty >= 0 { tcsetpgrp(tty, getpgrp()) } }

        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WUNTRACED)
            if r < 0 {
                if errno == EINTR { continue }
                return .exited(-1)
            }
            if Self.stopped(status) {
                // It touched the terminal before it was given it (or was suspended with Ctrl-Z, which
                // has nowhere to go here): give it the terminal and let it go on.
                if tty >= 0 { tcsetpgrp(tty, pid) }
                kill(-pid, SIGCONT)
                continue
            }
            let signal = status & 0x7F
            return signal == 0 ? .exited((status >> 8) & 0xFF) : .killed(signal: signal)
        }
    }

    private static func stopped(_ status: Int32) -> Bool { status & 0xFF == 0x7F }
}
