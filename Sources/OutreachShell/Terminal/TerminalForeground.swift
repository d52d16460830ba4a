import Foundation

/// Makes the shell the terminal's only foreground process group while it runs, as a job-control
/// shell does, so Ctrl-C reaches the shell alone and not a parent such as `make run`. The group
/// is handed back on exit. Where this is not possible (already a session leader, no terminal),
/// nothing changes.
struct TerminalForeground {
    private let previous: pid_t

    static func claim() -> TerminalForeground? {
        let previous = tcgetpgrp(STDIN_FILENO)
        guard previous > 0, previous != getpid(), setpgid(0, 0) == 0 else { return nil }
        signal(SIGTTOU, SIG_IGN)
        guard tcsetpgrp(STDIN_FILENO, getpid()) == 0 else { return nil }
        return TerminalForeground(previous: previous)
    }

    func release() {
        _ = tcsetpgrp(STDIN_FILENO, previous)
    }
}
