/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
    /// The closest candidates within a small edit distance, best first.
    public static func closest(to word: String, in candidates: [String], limit: Int = 2) -> [String] {
        let lowered = word.lowercased()
        let threshold = max(2, lowered.count / 3)
        let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }
            .filter { $0.1 <= threshold || ($0.0.hasPrefix(lowered) && lowered.count >= 2) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return Array(scored.prefix(limit).map(\.0))
    }

    /// Edit distance between two strings, by characters, counting a swap of two neighbours as one
    /// edit (optimal string alignment), so "partnres" is one edit from "partners".
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// "did you mean 'a' or 'b'?" or nil when nothing is close.
    public static func phrase(for word: String, in candidates: [String]) -> String? {
        let close = closest(to: word, in: candidates)
        guard !close.isEmpty else { return nil }
        return "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }
}
