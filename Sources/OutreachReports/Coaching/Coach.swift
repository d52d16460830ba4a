import Foundation
import OutreachCore
import OutreachStore

/// One line of the coaching checklist: what is missing, and what to do about it.
public struct CoachingFinding: Equatable, Sendable {
    public var rule: String
    public var problem: String
    public var next: String

    public var text: String { problem + " " + next }
}

/// What the coaching rules look at for one session.
public struct CoachingFacts: Sendable {
    public var session: Session
    public var partner: Partner
    public var playbook: ResolvedPlaybook
    public var state: AnswerState
    /// The partner's terms, values and actions, from every session.
    public var terms: [Term]
    public var values: [ValueItem]
    public var actions: [ActionItem]
    /// Sessions of the `self-assessment` playbook, with any partner.
    public var selfAssessments: [Session]
    /// Names of the partners that stand for your own organisation (those with a self-assessment session).
    public var ownNames: [String]

    public var isSelfAssessment: Bool { session.playbookID == Coach.selfAssessmentPlaybook }

    /// The answers that count: those to questions the current answers make reachable.
    public var effective: EffectiveAnswers { EffectiveAnswers(playbook: playbook, answers: state.answers, skipped: state.skipped) }

    public static func load(session: Session, database: AppDatabase) throws -> CoachingFacts {
        let playbook: ResolvedPlaybook
        do { playbook = try JSONDecoder().decode(ResolvedPlaybook.self, from: session.snapshot) } catch {
            throw ReportError.unreadableSnapshot(number: session.number ?? 0)
        }
        guard let partner = try database.partner(id: session.partnerID) else {
            throw StoreError.unknownSession(reference: String(session.number ?? 0))
        }
        let selfAssessments = try database.sessions(playbookID: Coach.selfAssessmentPlaybook)
        var ownNames: [String] = []
        for id in Set(selfAssessments.map(\.partnerID)) {
            if let own = try database.partner(id: id) { ownNames.append(own.name) }
        }
        return CoachingFacts(
            session: session, partner: partner, playbook: playbook, state: try database.answerState(sessionID: session.id),
            terms: try database.terms(partnerID: partner.id), values: try database.values(partnerID: partner.id),
            actions: try database.actions(partnerID: partner.id), selfAssessments: selfAssessments, ownNames: ownNames.sorted())
    }
}

/// A check from the method's advice. Rules about the partner relationship do not apply to a
/// self-assessment, where the "partner" is your own organisation.
public struct CoachingRule: Sendable {
    public let id: String
    public let appliesToSelfAssessment: Bool
    let check: @Sendable (CoachingFacts) -> CoachingFinding?

    public func evaluate(_ facts: CoachingFacts) -> CoachingFinding? {
        if facts.isSelfAssessment, !appliesToSelfAssessment { return nil }
        return check(facts)
    }
}

extension CoachingRule {
    public static let jargon = CoachingRule(id: "jargon", appliesToSelfAssessment: false, check: Coach.checkJargon)
    public static let longTermValue = CoachingRule(id: "long-term-value", appliesToSelfAssessment: true, check: Coach.checkLongTermValue)
    public static let sharedBenefit = CoachingRule(id: "shared-benefit", appliesToSelfAssessment: false, check: Coach.checkSharedBenefit)
    public static let failureAngle = CoachingRule(id: "failure-angle", appliesToSelfAssessment: true, check: Coach.checkFailureAngle)
    public static let selfAssessment = CoachingRule(id: "self-assessment", appliesToSelfAssessment: false, check: Coach.checkSelfAssessment)
    public static let requiredAnswers = CoachingRule(id: "required-answers", appliesToSelfAssessment: true, check: Coach.checkRequiredAnswers)
    public static let followUp = CoachingRule(id: "follow-up", appliesToSelfAssessment: false, check: Coach.checkFollowUp)
}

/// The coaching checklist: a session held against DASH's own advice. Each rule is a small function
/// of `CoachingFacts`; docs/reports.md lists them.
public enum Coach {
    public static let selfAssessmentPlaybook = "self-assessment"
    /// The dash plugin's failure-angle question.
    public static let failureQuestion = "dash.listen.failure"

    public static let rules: [CoachingRule] = [
        .jargon, .longTermValue, .sharedBenefit, .failureAngle, .selfAssessment, .requiredAnswers, .followUp,
    ]

    public static func findings(for facts: CoachingFacts) -> [CoachingFinding] {
        rules.compactMap { $0.evaluate(facts) }
    }

    // MARK: Rules

    static func checkJargon(_ facts: CoachingFacts) -> CoachingFinding? {
        guard facts.terms.isEmpty else { return nil }
        return CoachingFinding(
            rule: "jargon", problem: "None of \(facts.partner.name)'s own terms are captured.",
            next: "Ask what their key words and acronyms mean to them and save each one: term \"WORD\" \"WHAT THEY MEAN\" --partner \(Tokenizer.quote(facts.partner.name)).")
    }

    static func checkLongTermValue(_ facts: CoachingFacts) -> CoachingFinding? {
        if facts.values.isEmpty {
            return CoachingFinding(
                rule: "long-term-value", problem: "No value is recorded for this partnership yet.",
                next: "Name what each side would gain, including one benefit that takes years: value add \"...\" --benefits WHO --lens LENS --horizon long.")
        }
        guard !facts.values.contains(where: { $0.horizon == .long }) else { return nil }
        return CoachingFinding(
            rule: "long-term-value", problem: "Every value recorded is short term.",
            next: "Ask what would be different in three to five years and add it with --horizon long.")
    }

    static func checkSharedBenefit(_ facts: CoachingFacts) -> CoachingFinding? {
        let beneficiaries = facts.values.flatMap(\.benefits).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !beneficiaries.isEmpty, beneficiaries.allSatisfy({ Beneficiary.isOwn($0, ownNames: facts.ownNames) }) else { return nil }
        return CoachingFinding(
            rule: "shared-benefit", problem: "Every value recorded benefits only your own organisation.",
            next: "Ask what is in it for \(facts.partner.name) and for the people you both serve, and record those values with --benefits naming them.")
    }

    static func checkFailureAngle(_ facts: CoachingFacts) -> CoachingFinding? {
        let asked = facts.playbook.flattened.map(\.question.id).filter(isFailureAngle)
        guard !facts.effective.answers.keys.contains(where: isFailureAngle) else { return nil }
        let number = facts.session.number ?? 0
        let next = asked.first.map { "Type 'resume \(number)', then '/goto \($0)' and answer it." }
            ?? "At the next meeting, ask how their staff and clients would feel it if the project failed, and note the answer."
        return CoachingFinding(rule: "failure-angle", problem: "No one has asked what failure would cost them.", next: next)
    }

    static func checkSelfAssessment(_ facts: CoachingFacts) -> CoachingFinding? {
        guard facts.selfAssessments.isEmpty else { return nil }
        return CoachingFinding(
            rule: "self-assessment", problem: "Your own organisation has not answered these questions yet.",
            next: "Add it as a partner and run: start self-assessment --partner \"YOUR ORGANISATION\".")
    }

    static func checkRequiredAnswers(_ facts: CoachingFacts) -> CoachingFinding? {
        let missing = skippedRequired(facts)
        guard !missing.isEmpty else { return nil }
        let number = facts.session.number ?? 0
        return CoachingFinding(
            rule: "required-answers",
            problem: "\(Plural.count(missing.count, "required question")) unanswered: \(missing.joined(separator: ", ")).",
            next: "Type 'resume \(number)' and answer \(missing.count == 1 ? "it" : "them").")
    }

    static func checkFollowUp(_ facts: CoachingFacts) -> CoachingFinding? {
        guard !facts.actions.contains(where: \.isOpen) else { return nil }
        return CoachingFinding(
            rule: "follow-up", problem: "No open follow-up action for \(facts.partner.name).",
            next: "Set one with an owner and a date: action add \"...\" --owner NAME --due YYYY-MM-DD --partner \(Tokenizer.quote(facts.partner.name)).")
    }

    // MARK: Helpers

    /// A question on the failure angle: its id contains `failure` or `unsuccessful`.
    static func isFailureAngle(_ questionID: String) -> Bool {
        let id = questionID.lowercased()
        return id == failureQuestion || id.contains("failure") || id.contains("unsuccessful")
    }

    /// Required questions that apply and have no answer, but only those already passed: skipped,
    /// before the session's current question, or anywhere once the session is finished.
    static func skippedRequired(_ facts: CoachingFacts) -> [String] {
        let run = PlaybookRun(playbook: facts.playbook, answers: facts.state.answers, skipped: facts.state.skipped, position: facts.session.position)
        let finished = facts.session.status == .finished
        return run.questions.enumerated().compactMap { index, entry in
            let question = entry.question
            guard question.required, run.isApplicable(question), run.answer(to: question.id) == nil else { return nil }
            return finished || run.effective.skipped.contains(question.id) || index < run.position ? question.id : nil
        }
    }
}
