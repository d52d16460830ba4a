/// Skip logic: a question is asked only when an earlier answer satisfies its condition.
public struct Condition: Codable, Hashable, Sendable {
    public enum Test: Codable, Hashable, Sendable {
        case equals(String)
        case oneOf([String])
        case answered
    }

    public var question: String
    public var test: Test

    public init(question: String, test: Test) {
        self.question = question
        self.test = test
    }

    /// Whether the condition holds for the given answers (question id to stored answer text).
    /// A `multi` answer is stored one choice per line, so any of its lines can match.
    public func isSatisfied(by answers: [String: String]) -> Bool {
        guard let answer = answers[question], !answer.isEmpty else { return false }
        let picked = Set(answer.split(separator: "\n").map { $0.lowercased() })
        switch test {
        case .answered:
            return true
        case .equals(let value):
            return picked.contains(value.lowercased())
        case .oneOf(let values):
            return values.contains { picked.contains($0.lowercased()) }
        }
    }

    /// The choice texts this condition names (used to validate it against a choice question).
    public var namedValues: [String] {
        switch test {
        case .equals(let value): [value]
        case .oneOf(let values): values
        case .answered: []
        }
    }

    public var summary: String {
        switch test {
        case .equals(let value): "\(question) = \(value)"
        case .oneOf(let values): "\(question) in [\(values.joined(separator: ", "))]"
        case .answered: "\(question) answered"
        }
    }
}
