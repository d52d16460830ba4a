/// The answers that count: those to questions the current answers make reachable.
///
/// Questions are walked in playbook order. A question is reachable when it has no `when:`
/// condition, or when its condition holds for the effective answers to the questions before it.
/// So when an answer changes, a follow-up that only the old answer asked drops out, and so does
/// anything that follow-up gated in turn. Answers to unreachable questions stay stored as history;
/// they are never shown, counted or checked as current.
public struct EffectiveAnswers: Sendable, Equatable {
    /// Reachable questions, in playbook order.
    public let reachable: [Question]
    /// Question id to answer text, for reachable questions only.
    public let answers: [String: String]
    /// Reachable questions that were skipped and have no answer.
    public let skipped: Set<String>
    /// Questions that have a stored answer but are not reachable now.
    public let unreachableAnswered: [Question]
    private let reachableIDs: Set<String>

    public init(playbook: ResolvedPlaybook, answers: [String: String], skipped: Set<String> = []) {
        var reachable: [Question] = []
        var effective: [String: String] = [:]
        var unreachableAnswered: [Question] = []
        for (_, question) in playbook.flattened {
            if question.condition?.isSatisfied(by: effective) ?? true {
                reachable.append(question)
                if let answer = answers[question.id] { effective[question.id] = answer }
            } else if answers[question.id] != nil {
                unreachableAnswered.append(question)
            }
        }
        self.reachable = reachable
        self.answers = effective
        let reachableIDs = Set(reachable.map(\.id))
        self.reachableIDs = reachableIDs
        self.skipped = skipped.filter { effective[$0] == nil && reachableIDs.contains($0) }
        self.unreachableAnswered = unreachableAnswered
    }

    public func isReachable(_ questionID: String) -> Bool { reachableIDs.contains(questionID) }

    /// The one progress rule: answered of the questions reachable now.
    public var progress: AnswerProgress {
        AnswerProgress(answered: reachable.filter { answers[$0.id] != nil }.count, reachable: reachable.count)
    }

    /// Reachable required questions with no answer, in playbook order.
    public var missingRequired: [Question] {
        reachable.filter { $0.required && answers[$0.id] == nil }
    }
}

/// How far a session is: answered of the questions reachable now (see `EffectiveAnswers`).
/// Every place that shows progress (prompt, `/where`, `/finish`, `sessions`, reports) uses it.
public struct AnswerProgress: Sendable, Equatable, CustomStringConvertible {
    public var answered: Int
    public var reachable: Int

    public init(answered: Int, reachable: Int) {
        self.answered = answered
        self.reachable = reachable
    }

    /// `3/23`.
    public var description: String { "\(answered)/\(reachable)" }
}
