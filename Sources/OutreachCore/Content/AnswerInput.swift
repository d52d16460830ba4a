import Foundation

/// Why a typed answer does not fit its question, worded for the person typing it.
public enum AnswerInputError: Error, Equatable, Sendable {
    case notAChoice(input: String, choices: [String])
    case notOnScale(input: String, scale: Question.Scale)
    case empty
    case badCaptureLine(number: Int, line: String, reason: CaptureLineProblem, form: String, example: String)

    public var message: String {
        switch self {
        case .notAChoice(let input, let choices):
            let numbered = choices.enumerated().map { "\($0.offset + 1)) \($0.element)" }.joined(separator: "  ")
            return "'\(input)' is not one of the choices. Type a number or the text of a choice: \(numbered)"
        case .notOnScale(let input, let scale):
            return "'\(input)' is not on the scale. Type a whole number from \(scale.min) to \(scale.max)."
        case .empty:
            return "The answer is empty. Type an answer, or /skip to leave the question for now."
        case .badCaptureLine(let number, let line, let reason, let form, let example):
            return "Line \(number), '\(line)': \(reason.message). Each line of this answer is saved as a record, written as \(form), for example: \(example). Type the answer again."
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
            for line in trimmed.split(whereSeparator: \.isNewline) {
                switch matchChoices(in: String(line)) {
                case .success(let choices): for choice in choices where !picked.contains(choice) { picked.append(choice) }
                case .failure(let problem): return .failure(problem)
                }
            }
            return picked.isEmpty ? .failure(.empty) : .success(picked.joined(separator: "\n"))
        case .scale:
            let scale = effectiveScale
            guard let value = Int(trimmed), (scale.min...scale.max).contains(value) else {
                return .failure(.notOnScale(input: trimmed, scale: scale))
            }
            return .success(String(value))
        case .list:
            // A question that captures records keeps each line whole: its parts are separated by ';'.
            let items = trimmed.split(whereSeparator: { $0.isNewline || ($0 == ";" && captures == nil) })
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
                .filter { !$0.isEmpty }
            let answer = items.joined(separator: "\n")
            if let captures, case .failure(let problem) = captures.items(in: answer) { return .failure(problem) }
            return .success(answer)
        }
    }

    /// Splits one line of a multiple-choice answer at commas, keeping together the pieces of a
    /// choice whose own text has commas ("housing, shelter and outreach").
    private func matchChoices(in line: String) -> Result<[String], AnswerInputError> {
        let pieces = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var picked: [String] = []
        var start = 0
        while start < pieces.count {
            if pieces[start].isEmpty { start += 1; continue }
            var matched: (choice: String, end: Int)?
            for end in stride(from: pieces.count - 1, through: start, by: -1) {
                if let choice = matchChoice(pieces[start...end].joined(separator: ", ")) {
                    matched = (choice, end)
                    break
                }
            }
            guard let matched else { return .failure(.notAChoice(input: pieces[start], choices: choices)) }
            picked.append(matched.choice)
            start = matched.end + 1
        }
        return .success(picked)
    }

    private func matchChoice(_ input: String) -> String? {
        if let number = Int(input), choices.indices.contains(number - 1) { return choices[number - 1] }
        return choices.first { $0.caseInsensitiveCompare(input) == .orderedSame }
    }
}
