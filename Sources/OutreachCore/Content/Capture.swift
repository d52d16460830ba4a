import Foundation

/// A record declared by one line of an answer to a question with `captures:`, so the lead does
/// not type it twice. Line forms:
///
/// - terms: `TERM = meaning`
/// - actions: `task; owner; due` (the due day `YYYY-MM-DD` may be left out: `task; owner`)
/// - values: `value; who gains; lens; horizon` and, optionally, `; who pays`: several gainers,
///   payers or lenses are separated by commas (`tenants, the partner; financial, operational; long`)
public enum CapturedItem: Equatable, Sendable {
    case term(term: String, meaning: String)
    case action(text: String, owner: String, due: String?)
    case value(text: String, gains: [String], lenses: [ValueLens], horizon: ValueHorizon, pays: [String])
}

extension Question.Captures {
    /// The line form, as messages and docs show it.
    public var lineForm: String {
        switch self {
        case .terms: "TERM = meaning"
        case .actions: "task; owner; due (YYYY-MM-DD, optional)"
        case .values: "value; who gains; lens; short or long; who pays (optional)"
        }
    }

    public var example: String {
        switch self {
        case .terms: "HCV = Housing Choice Voucher, the rent subsidy"
        case .actions: "Send the draft agreement; Sam; 2026-12-15"
        case .values: "Fewer evictions after a hospital stay; tenants, the partner; altruistic; long; the partner"
        }
    }

    /// Each line of a stored answer as the record it declares, or the first line that does not fit.
    public func items(in answer: String) -> Result<[CapturedItem], AnswerInputError> {
        var items: [CapturedItem] = []
        for (index, raw) in answer.split(whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            switch item(in: line) {
            case .success(let item): items.append(item)
            case .failure(let reason): return .failure(.badCaptureLine(number: index + 1, line: line, reason: reason, form: lineForm, example: example))
            }
        }
        return .success(items)
    }

    private func item(in line: String) -> Result<CapturedItem, CaptureLineProblem> {
        switch self {
        case .terms:
            guard let equals = line.firstIndex(of: "=") else { return .failure(.missing("the '=' between the term and its meaning")) }
            let term = line[..<equals].trimmingCharacters(in: .whitespaces)
            let meaning = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !term.isEmpty else { return .failure(.missing("the term before '='")) }
            guard !meaning.isEmpty else { return .failure(.missing("the meaning after '='")) }
            return .success(.term(term: term, meaning: meaning))
        case .actions:
            let fields = Self.fields(line)
            guard fields.count >= 2, !fields[0].isEmpty else { return .failure(.missing("the task and its owner, separated by ';'")) }
            guard !fields[1].isEmpty else { return .failure(.missing("the owner after the first ';'")) }
            guard fields.count <= 3 else { return .failure(.tooMany(fields.count, allowed: 3)) }
            var due: String?
            if fields.count == 3, !fields[2].isEmpty {
                guard let day = Day.validated(fields[2]) else { return .failure(.notADay(fields[2])) }
                due = day
            }
            return .success(.action(text: fields[0], owner: fields[1], due: due))
        case .values:
            let fields = Self.fields(line)
            guard fields.count >= 4 else { return .failure(.missing("the value, who gains, the lens and the horizon, separated by ';'")) }
            guard fields.count <= 5 else { return .failure(.tooMany(fields.count, allowed: 5)) }
            let gains = Self.names(fields[1])
            guard !fields[0].isEmpty, !gains.isEmpty else { return .failure(.missing("the value and who gains")) }
            var lenses: [ValueLens] = []
            for word in Self.names(fields[2]) {
                guard let lens = ValueLens(rawValue: word.lowercased()) else { return .failure(.notOneOf(word, ValueLens.allCases.map(\.rawValue))) }
                if !lenses.contains(lens) { lenses.append(lens) }
            }
            guard !lenses.isEmpty else { return .failure(.missing("a lens")) }
            guard let horizon = ValueHorizon(rawValue: fields[3].lowercased()) else {
                return .failure(.notOneOf(fields[3], ValueHorizon.allCases.map(\.rawValue)))
            }
            return .success(.value(text: fields[0], gains: gains, lenses: lenses, horizon: horizon, pays: fields.count == 5 ? Self.names(fields[4]) : []))
        }
    }

    static func fields(_ line: String) -> [String] {
        line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func names(_ field: String) -> [String] {
        field.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// What is wrong with one captured line, worded to follow "line N, 'text':".
public enum CaptureLineProblem: Error, Equatable, Sendable {
    case missing(String)
    case tooMany(Int, allowed: Int)
    case notADay(String)
    case notOneOf(String, [String])

    public var message: String {
        switch self {
        case .missing(let what): "it lacks \(what)"
        case .tooMany(let count, let allowed): "it has \(count) parts separated by ';', at most \(allowed)"
        case .notADay(let text): "'\(text)' is not a day; write it as YYYY-MM-DD"
        case .notOneOf(let text, let allowed): "'\(text)' is not one of \(allowed.joined(separator: ", "))"
        }
    }
}
