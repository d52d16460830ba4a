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

    /// Levenshtein distance between two strings, by characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// "did you mean 'a' or 'b'?" or nil when nothing is close.
    public static func phrase(for word: String, in candidates: [String]) -> String? {
        let close = closest(to: word, in: candidates)
        guard !close.isEmpty else { return nil }
        return "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }
}
