import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program in a new pseudo-terminal session, as if a person had opened it in a terminal:
/// keys are written to the terminal, the screen output is read back.
final class PseudoTerminal {
    let process: pid_t
    private let master: Int32
    private(set) var transcript = ""

    init(executable: String, arguments: [String], environment: [String: String]) throws {
        // posix_openpt/ptsname are hidden from Swift's Glibc module; the Linux ioctls do the same.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            throw POSIXError(.ENOTTY)
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        // Start with no blocked signals and default handlers, whatever the test runner uses.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        // `setsid --ctty` starts a new session whose controlling terminal is the pseudo-terminal,
        // so Ctrl-C reaches the program as SIGINT, as in a real terminal. It then execs the program.
        let argv = (["/usr/bin/setsid", "--ctty", executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/usr/bin/setsid", &actions, &attributes, argv, envp)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        process = pid
    }

    private static let setLock: UInt = 0x4004_5431   // TIOCSPTLCK
    private static let getNumber: UInt = 0x8004_5430 // TIOCGPTN

    deinit {
        kill(process, SIGKILL)
        var status: Int32 = 0
        waitpid(process, &status, 0)
        close(master)
    }

    /// Types keys once the program is reading them: libedit turns canonical mode off while it
    /// edits a line, so keys sent before that would be echoed by the terminal driver instead.
    func send(_ keys: String) {
        let deadline = Date().addingTimeInterval(10)
        var settings = termios()
        while Date() < deadline, tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 {
            readAvailable(waitingUpTo: 10)
        }
        // And once it is waiting for a key, as a person's next key finds it: a Ctrl-C that lands while
        // libedit is still redrawing the line is only seen at the next read.
        while Date() < deadline, !isWaitingForInput {
            readAvailable(waitingUpTo: 5)
        }
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Whether the program sleeps in a read of the terminal (Linux: its wait channel), not running.
    var isWaitingForInput: Bool {
        guard let wchan = try? String(contentsOfFile: "/proc/\(process)/wchan", encoding: .utf8),
              let stat = try? String(contentsOfFile: "/proc/\(process)/stat", encoding: .utf8) else { return true }
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        return state == "S" && (wchan == "wait_woken" || wchan.contains("tty"))
    }

    /// Reads until the screen output (escape sequences removed) contains `text`, or the timeout passes.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen.contains(text) { return true }
            readAvailable(waitingUpTo: 100)
        }
        return screen.contains(text)
    }

    /// Screen output so far, without escape sequences; `clear()` forgets it.
    var screen: String { Self.plain(transcript) }
    func clear() { transcript = "" }

    /// Waits for the process to exit; returns its exit status, or nil on timeout.
    func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            readAvailable(waitingUpTo: 50)
            if waitpid(process, &status, WNOHANG) == process { return (status >> 8) & 0xFF }
        }
        return nil
    }

    private func readAvailable(waitingUpTo milliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 { transcript += String(decoding: buffer[0..<count], as: UTF8.self) }
    }

    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\u{07}", with: "")
    }
}
