/// Where a running session stands: which question is current, what has been answered or skipped.
///
/// Pure state over a resolved playbook; the session engine persists each change before it moves on.
/// Which questions apply, and which answers count, follow `EffectiveAnswers`.
public struct PlaybookRun: Sendable {
    public let playbook: ResolvedPlaybook
    public let questions: [(step: Int, question: Question)]
    /// Latest stored answer per question id, reachable or not (see `effective` for those that count).
    public private(set) var answers: [String: String] { didSet { effective = EffectiveAnswers(playbook: playbook, answers: answers, skipped: skipped) } }
    public private(set) var skipped: Set<String> { didSet { effective = EffectiveAnswers(playbook: playbook, answers: answers, skipped: skipped) } }
    /// The answers that count now, reachable questions and progress.
    public private(set) var effective: EffectiveAnswers
    /// Index into `questions`; equal to `questions.count` when every question has been passed.
    public private(set) var position: Int

    public init(playbook: ResolvedPlaybook, answers: [String: String] = [:], skipped: Set<String> = [], position: Int? = nil) {
        self.playbook = playbook
        self.questions = playbook.flattened
        self.answers = answers
        self.skipped = skipped
        self.effective = EffectiveAnswers(playbook: playbook, answers: answers, skipped: skipped)
        self.position = 0
        if let position {
            self.position = min(max(position, 0), questions.count)
        } else {
            self.position = firstApplicable(from: 0)
        }
    }

    public var current: Question? { questions.indices.contains(position) ? questions[position].question : nil }
    public var currentStepIndex: Int? { questions.indices.contains(position) ? questions[position].step : nil }
    public var isAtEnd: Bool { position >= questions.count }

    /// Whether the question is reachable under the effective answers.
    public func isApplicable(_ question: Question) -> Bool {
        effective.isReachable(question.id)
    }

    /// The effective answer to a question (nil when unanswered or no longer reachable).
    public func answer(to questionID: String) -> String? { effective.answers[questionID] }

    public var progress: AnswerProgress { effective.progress }

    /// Records an answer to the current question and moves to the next applicable one.
    public mutating func answer(_ value: String) {
        guard let question = current else { return }
        answers[question.id] = value
        skipped.remove(question.id)
        position = firstApplicable(from: position + 1)
    }

    public mutating func skip() {
        guard let question = current else { return }
        if answers[question.id] == nil { skipped.insert(question.id) }
        position = firstApplicable(from: position + 1)
    }

    /// Moves on without changing anything (an already answered question keeps its answer).
    public mutating func next() {
        guard current != nil else { return }
        position = firstApplicable(from: position + 1)
    }

    /// Moves to the previous applicable question; returns false at the first one.
    @discardableResult
    public mutating func back() -> Bool {
        var index = position - 1
        while index >= 0 {
            if isApplicable(questions[index].question) {
                position = index
                return true
            }
            index -= 1
        }
        return false
    }

    /// Jumps to a question by id; returns false when the playbook has no such question.
    @discardableResult
    public mutating func go(to id: String) -> Bool {
        guard let index = questions.firstIndex(where: { $0.question.id == id }) else { return false }
        position = index
        return true
    }

    public mutating func restore(position: Int) {
        self.position = min(max(position, 0), questions.count)
    }

    /// Required questions that apply but have no answer.
    public var missingRequired: [Question] { effective.missingRequired }

    /// Questions that apply given the answers so far.
    public var applicableQuestions: [Question] { effective.reachable }

    /// The index of a question in `questions`.
    public func index(of questionID: String) -> Int? {
        questions.firstIndex { $0.question.id == questionID }
    }

    /// The 1-based number of the current question within its step, and the step's applicable count.
    public var positionInStep: (number: Int, count: Int)? {
        guard let stepIndex = currentStepIndex else { return nil }
        let inStep = questions.indices.filter { questions[$0].step == stepIndex && isApplicable(questions[$0].question) }
        guard let number = inStep.firstIndex(of: position) else { return nil }
        return (number + 1, inStep.count)
    }

    private func firstApplicable(from start: Int) -> Int {
        var index = start
        while index < questions.count, !isApplicable(questions[index].question) { index += 1 }
        return index
    }
}
