/// Lines a person typed that the team database could not take because its server went away.
/// They are kept in order and sent again, oldest first, with the next line typed; pressing Enter
/// on an empty line just sends them.
struct KeptLines {
    private(set) var pending: [String] = []

    var isEmpty: Bool { pending.isEmpty }
    var count: Int { pending.count }

    /// The lines to run now: the kept ones, then the new one (an empty new line only sends the
    /// kept ones). Empties the queue; `keep` refills it when the server is still away.
    mutating func take(with typed: String) -> [String] {
        let lines = pending + (typed.allSatisfy(\.isWhitespace) && !pending.isEmpty ? [] : [typed])
        pending = []
        return lines
    }

    /// Keeps these lines, the first of which the server could not take, for the next try.
    mutating func keep(_ lines: ArraySlice<String>) {
        pending = Array(lines)
    }
}
