import Foundation

/// Where the shell writes. The real one writes to stdout/stderr; tests capture into a buffer.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// Standard output and error. On a terminal, control characters are shown visibly (`^[`) and
/// only the program's own colours reach it as escape sequences; redirected to a file or a pipe,
/// the text is written as stored.
public final class StandardOutput: TextOutput {
    private let outputIsTerminal = isatty(STDOUT_FILENO) == 1
    private let errorIsTerminal = isatty(STDERR_FILENO) == 1

    public init() {}

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.render(text, toTerminal: outputIsTerminal).utf8))
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.render(text, toTerminal: errorIsTerminal).utf8))
    }
}

/// Collects everything written, for tests and for commands that render into a string, as a
/// terminal would be sent it.
public final class BufferOutput: TextOutput {
    public private(set) var text = ""
    public private(set) var errors = ""

    public init() {}

    public func write(_ text: String) { self.text += TerminalText.render(text, toTerminal: true) }
    public func writeError(_ text: String) { errors += TerminalText.render(text, toTerminal: true) }
}

/// The shell's one console: where text goes, how it looks, and whether a person is there to answer.
public final class ShellConsole {
    public let output: TextOutput
    public var style: Style
    /// Whether a person is typing at a terminal (prompts, confirmations, colour).
    public let isInteractive: Bool
    /// Asks the person a yes/no question; scripts, with nobody to answer, get no.
    public let confirm: (String) -> Bool

    public init(output: TextOutput, style: Style, isInteractive: Bool, confirm: @escaping (String) -> Bool = { _ in false }) {
        self.output = output
        self.style = style
        self.isInteractive = isInteractive
        self.confirm = confirm
    }

    public func print(_ text: String = "") { output.write(text + "\n") }
    public func printError(_ message: String) { output.writeError(style.bad("error: ") + message + "\n") }
    public func printWarning(_ message: String) { output.writeError(style.warn("warning: ") + message + "\n") }

    /// Redraws one status line in place on a terminal's standard error (nil clears it). The text is
    /// the program's own (numbers and a bar), so it is written as it is.
    public func redrawStatus(_ text: String?) {
        guard isInteractive else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + (text ?? "")).utf8))
    }
}

/// Colour and width for the output at hand: colour only on a terminal with `NO_COLOR` unset.
public struct Style: Sendable {
    public var colour: Bool
    public var width: Int

    public init(colour: Bool, width: Int) {
        self.colour = colour
        self.width = width
    }

    public static let plain = Style(colour: false, width: 100)

    /// The style for standard output right now.
    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        let terminal = isatty(STDOUT_FILENO) == 1
        var width = 100
        if terminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { width = Int(size.ws_col) }
        } else if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 20 {
            width = columns
        }
        return Style(colour: terminal && environment["NO_COLOR"] == nil, width: width)
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func accent(_ text: String) -> String { wrap(text, "36") }
    public func warn(_ text: String) -> String { wrap(text, "33") }
    public func bad(_ text: String) -> String { wrap(text, "31") }
    public func good(_ text: String) -> String { wrap(text, "32") }

    private func wrap(_ text: String, _ code: String) -> String {
        colour ? TerminalText.colour(code) + text + TerminalText.colour("0") : text
    }
}
