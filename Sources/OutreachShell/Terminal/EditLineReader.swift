@preconcurrency import CLibEdit
import Foundation
import OutreachStore

/// Set by the SIGINT handler; read (and cleared) after libedit returns.
nonisolated(unsafe) private var interruptReceived: sig_atomic_t = 0

/// Line editing with libedit: history of commands kept in a private file and written after each one,
/// TAB completion from the shell's command registry, Ctrl-C dropping the half-typed line.
public final class EditLineReader: LineReader {
    private let historyPath: String

    public init(historyPath: String, completer: Completer) throws {
        self.historyPath = historyPath
        if setlocale(LC_CTYPE, "") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        try FileAccess.preparePrivateFile(at: historyPath)
        using_history()
        stifle_history(2000)
        _ = read_history(historyPath)
        CompletionBridge.install(completer)
        Self.installInterruptHandler()
    }

    public func readLine(prompt: String) -> LineReadResult {
        interruptReceived = 0
        guard let pointer = CLibEdit.readline(TerminalText.render(prompt, toTerminal: true)) else {
            if interruptReceived != 0 {
                interruptReceived = 0
                FileHandle.standardOutput.write(Data("^C\n".utf8))
                return .interrupted
            }
            return .end
        }
        let line = String(cString: pointer)
        free(pointer)
        if interruptReceived != 0 {
            interruptReceived = 0
            return .interrupted
        }
        return .line(line)
    }

    /// Adds the line to the history and writes the file at once, so Ctrl-C or a kill loses none.
    public func remember(_ line: String) {
        guard !line.isEmpty else { return }
        add_history(line)
        _ = write_history(historyPath)
    }

    /// SIGINT interrupts the read instead of killing the process; the line typed so far is dropped.
    private static func installInterruptHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptReceived = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked; a person's Ctrl-C must still arrive.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
    }
}
