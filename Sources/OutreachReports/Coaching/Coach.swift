import Foundation
import OutreachCore

/// The coaching checklist: a session held against DASH's own advice. Each rule is a small function
/// of `CoachingFacts`; docs/reports.md lists them. Questions are found by their tags, never by id.
public enum Coach {
    public static let selfAssessmentPlaybook = "self-assessment"

    public static let rules: [CoachingRule] = [
        .jargon, .longTermValue, .sharedBenefit, .memberValue, .payer, .wrongPocket, .failureAngle, .selfAssessment,
        .requiredAnswers, .followUp,
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
                next: "Name what each side would gain, including one benefit that takes years: value add \"...\" --benefits WHO --pays WHO --lens LENS --horizon long.")
        }
        guard !facts.values.contains(where: { $0.horizon == .long }) else { return nil }
        return CoachingFinding(
            rule: "long-term-value", problem: "Every value recorded is short term.",
            next: "Ask what would be different in three to five years and add it with --horizon long.")
    }

    static func checkSharedBenefit(_ facts: CoachingFacts) -> CoachingFinding? {
        guard !facts.values.isEmpty, facts.values.allSatisfy(facts.benefitsOnlyUs) else { return nil }
        return CoachingFinding(
            rule: "shared-benefit", problem: "Every value recorded benefits only your own organisation.",
            next: "Ask what is in it for \(facts.partner.name) and for the people you both serve, and record those values with --benefits naming them.")
    }

    static func checkMemberValue(_ facts: CoachingFacts) -> CoachingFinding? {
        let gaining = Set(facts.values.flatMap(\.beneficiaryIDs))
        let quiet = facts.memberPartners.filter { !gaining.contains($0.id) }.map(\.name).sorted()
        guard let first = quiet.first, !facts.values.isEmpty else { return nil }
        let who = quiet.joined(separator: " or ")
        return CoachingFinding(
            rule: "member-value",
            problem: "No recorded value is for \(who), though \(quiet.count == 1 ? "it is a partner" : "they are partners") in this work.",
            next: "Ask what would be in it for \(quiet.count == 1 ? "them" : "each of them") and record it: value add \"...\" --benefits \(Tokenizer.quote(first)) --lens LENS --horizon short|long.")
    }

    static func checkPayer(_ facts: CoachingFacts) -> CoachingFinding? {
        guard !facts.values.isEmpty, facts.values.allSatisfy({ $0.payerIDs.isEmpty }) else { return nil }
        return CoachingFinding(
            rule: "payer", problem: "No value says who pays for it: money, staff time or data.",
            next: "Ask who would carry the cost and add it with --pays, so a benefit landing in someone else's pocket shows.")
    }

    /// A wrong-pocket value counts as addressed when an open action names one of its payers.
    static func checkWrongPocket(_ facts: CoachingFacts) -> CoachingFinding? {
        let open = facts.actions.filter(\.isOpen)
        let unaddressed = facts.values.filter { value in
            value.isWrongPocket && !value.payerIDs.contains { payer in
                let name = facts.name(payer).lowercased()
                return open.contains { $0.text.lowercased().contains(name) }
            }
        }
        guard let first = unaddressed.first, let payer = first.payerIDs.first else { return nil }
        let payers = first.payerIDs.map(facts.name).joined(separator: " and ")
        let one = first.payerIDs.count == 1
        let more = unaddressed.count > 1 ? " (and \(Plural.count(unaddressed.count - 1, "more value")))" : ""
        return CoachingFinding(
            rule: "wrong-pocket",
            problem: "'\(first.value)' lands in the wrong pocket: \(payers) \(one ? "pays" : "pay") and \(one ? "gains" : "gain") none of it\(more).",
            next: "Agree with \(payers) what is in it for them, or who else should share the cost, and record it: action add \"...\" --owner NAME --partner \(Tokenizer.quote(facts.name(payer))).")
    }

    static func checkFailureAngle(_ facts: CoachingFacts) -> CoachingFinding? {
        let tagged = facts.playbook.flattened.map(\.question).filter { $0.hasTag("failure") }
        guard !tagged.contains(where: { facts.effective.answers[$0.id] != nil }) else { return nil }
        let number = facts.session.number ?? 0
        let next = tagged.first { facts.effective.isReachable($0.id) }.map { "Type 'resume \(number)', then '/goto \($0.id)' and answer it." }
            ?? "At the next meeting, ask how their staff and clients would feel it if the project failed, and note the answer."
        return CoachingFinding(rule: "failure-angle", problem: "No one has asked what failure would cost them.", next: next)
    }

    static func checkSelfAssessment(_ facts: CoachingFacts) -> CoachingFinding? {
        guard facts.selfAssessments.isEmpty else { return nil }
        let own = facts.ownPartyID.flatMap { facts.parties[$0]?.name }
        return CoachingFinding(
            rule: "self-assessment", problem: "Your own organisation has not answered these questions yet.",
            next: own.map { "Run: start self-assessment --partner \(Tokenizer.quote($0))." }
                ?? "Name it once with partner add \"YOUR ORGANISATION\" --own, then run: start self-assessment --partner \"YOUR ORGANISATION\".")
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
