import Foundation

/// Why a typed answer does not fit its question, worded for the person typing it.
public enum AnswerInputError: Error, Equatable, Sendable {
    case notAChoice(input: String, choices: [String])
    case notOnScale(input: String, scale: Question.Scale)
    case empty

    public var message: String {
        switch self {
        case .notAChoice(let input, let choices):
            let numbered = choices.enumerated().map { "\($0.offset + 1)) \($0.element)" }.joined(separator: "  ")
            return "'\(input)' is not one of the choices. Type a number or the text of a choice: \(numbered)"
        case .notOnScale(let input, let scale):
            return "'\(input)' is not on the scale. Type a whole number from \(scale.min) to \(scale.max)."
        case .empty:
            return "The answer is empty. Type an answer, or /skip to leave the question for now."
        }
    }
}

extension Question {
    /// Turns what was typed into the stored form of an answer, or explains what is allowed.
    ///
    /// Choice answers accept the number or the text of a choice (case-insensitive) and store the
    /// choice's own text. Multiple-choice answers accept several, separated by commas, and store
    /// one per line. List answers store one item per line.
    public func normalizedAnswer(_ input: String) -> Result<String, AnswerInputError> {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        switch kind {
        case .text:
            return .success(trimmed)
        case .choice:
            guard let choice = matchChoice(trimmed) else { return .failure(.notAChoice(input: trimmed, choices: choices)) }
            return .success(choice)
        case .multi:
            var picked: [String] = []
            for part in trimmed.split(whereSeparator: { $0 == "," || $0.isNewline }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                guard let choice = matchChoice(part) else { return .failure(.notAChoice(input: part, choices: choices)) }
                if !picked.contains(choice) { picked.append(choice) }
            }
            return picked.isEmpty ? .failure(.empty) : .success(picked.joined(separator: "\n"))
        case .scale:
            let scale = effectiveScale
            guard let value = Int(trimmed), (scale.min...scale.max).contains(value) else {
                return .failure(.notOnScale(input: trimmed, scale: scale))
            }
            return .success(String(value))
        case .list:
            let items = trimmed.split(whereSeparator: { $0.isNewline || $0 == ";" })
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
                .filter { !$0.isEmpty }
            return .success(items.joined(separator: "\n"))
        }
    }

    private func matchChoice(_ input: String) -> String? {
        if let number = Int(input), choices.indices.contains(number - 1) { return choices[number - 1] }
        return choices.first { $0.caseInsensitiveCompare(input) == .orderedSame }
    }
}
