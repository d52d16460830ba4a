import Foundation

/// What reading one line gave.
public enum LineReadResult: Equatable {
    case line(String)
    /// Ctrl-C: the half-typed line was dropped.
    case interrupted
    /// Ctrl-D or the end of the input.
    case end
    /// The input cannot be read further (a script line that is not UTF-8): the message says why.
    case unreadable(String)
}

/// A source of lines: libedit at a terminal, plain reading otherwise, a list in tests.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineReadResult
    /// Keeps a line the shell ran as a command in the history (Up recalls it). The shell calls this
    /// only for commands, never for answers or for commands that carry note or answer text.
    func remember(_ line: String)
}

extension LineReader {
    public func remember(_ line: String) {}
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
    private let lines: [String]
    private var next = 0

    public init(_ lines: [String]) {
        self.lines = lines
    }

    public func readLine(prompt: String) -> LineReadResult {
        guard next < lines.count else { return .end }
        defer { next += 1 }
        return .line(lines[next])
    }
}

/// Reads a script file line by line as it runs (linear in the file's length, whatever its size).
public final class ScriptLineReader: LineReader {
    private let handle: FileHandle
    private let path: String
    /// Bytes read but not yet returned start at `start`; consumed bytes are dropped only when a
    /// new chunk is read, so each byte is copied at most once more and reading stays linear.
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var lineNumber = 0

    public init(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ShellError.cannotReadScript(path, reason: "there is no such file") }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw ShellError.cannotReadScript(path, reason: isDirectory.boolValue ? "it is a folder" : "permission denied")
        }
        self.handle = handle
        self.path = path
    }

    public func readLine(prompt: String) -> LineReadResult {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                defer { start = newline + 1 }
                return decode(buffer[start..<newline])
            }
            if atEnd {
                guard start < buffer.count else { return .end }
                defer { start = buffer.count }
                return decode(buffer[start...])
            }
            readChunk()
        }
    }

    private func readChunk() {
        buffer.removeFirst(start)
        start = 0
        let chunk = handle.readData(ofLength: 1 << 16)
        if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
    }

    /// A line that is not UTF-8 ends the script with an error rather than being run half-read.
    private func decode(_ bytes: ArraySlice<UInt8>) -> LineReadResult {
        lineNumber += 1
        let text = bytes.last == 0x0D ? bytes.dropLast() : bytes
        guard let line = String(validating: text, as: UTF8.self) else {
            return .unreadable(ShellError.cannotReadScript(path, reason: "line \(lineNumber) is not UTF-8 text; save the file as UTF-8").localizedDescription)
        }
        return .line(line)
    }
}
