/// What reading one line gave.
public enum LineReadResult: Equatable {
    case line(String)
    /// Ctrl-C: the half-typed line was dropped.
    case interrupted
    /// Ctrl-D or the end of the input.
    case end
}

/// A source of lines: libedit at a terminal, plain reading otherwise, a list in tests.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineReadResult
}

/// Reads standard input without a prompt or history (pipes, scripts).
public final class PlainLineReader: LineReader {
    public init() {}

    public func readLine(prompt: String) -> LineReadResult {
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line)
    }
}

/// Lines given up front: `-c` commands, a script file's lines, test input.
public final class ListLineReader: LineReader {
    private var lines: [String]

    public init(_ lines: [String]) {
        self.lines = lines
    }

    public func readLine(prompt: String) -> LineReadResult {
        lines.isEmpty ? .end : .line(lines.removeFirst())
    }
}
