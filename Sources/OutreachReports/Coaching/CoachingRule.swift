import OutreachCore

/// A check from the method's advice: an id, what it looks for (as docs/reports.md lists it), and
/// whether it applies when the "partner" is your own organisation.
public struct CoachingRule: Sendable {
    public let id: String
    public let summary: String
    public let appliesToSelfAssessment: Bool
    let check: @Sendable (CoachingFacts) -> CoachingFinding?

    public func evaluate(_ facts: CoachingFacts) -> CoachingFinding? {
        if facts.isSelfAssessment, !appliesToSelfAssessment { return nil }
        return check(facts)
    }
}

extension CoachingRule {
    public static let jargon = CoachingRule(
        id: "jargon", summary: "none of the partner's own terms is captured", appliesToSelfAssessment: false, check: Coach.checkJargon)
    public static let longTermValue = CoachingRule(
        id: "long-term-value", summary: "no value is recorded, or every value is short term", appliesToSelfAssessment: true,
        check: Coach.checkLongTermValue)
    public static let sharedBenefit = CoachingRule(
        id: "shared-benefit", summary: "every value recorded benefits only your own organisation", appliesToSelfAssessment: false,
        check: Coach.checkSharedBenefit)
    public static let memberValue = CoachingRule(
        id: "member-value", summary: "a partner in the partnership gains from no recorded value", appliesToSelfAssessment: false,
        check: Coach.checkMemberValue)
    public static let payer = CoachingRule(
        id: "payer", summary: "no value names who pays for it", appliesToSelfAssessment: false, check: Coach.checkPayer)
    public static let wrongPocket = CoachingRule(
        id: "wrong-pocket", summary: "a value lands in the wrong pocket and no open action names its payer", appliesToSelfAssessment: false,
        check: Coach.checkWrongPocket)
    public static let failureAngle = CoachingRule(
        id: "failure-angle", summary: "no question tagged failure is answered", appliesToSelfAssessment: true, check: Coach.checkFailureAngle)
    public static let selfAssessment = CoachingRule(
        id: "self-assessment", summary: "your own organisation has not run the self-assessment", appliesToSelfAssessment: false,
        check: Coach.checkSelfAssessment)
    public static let requiredAnswers = CoachingRule(
        id: "required-answers", summary: "a required question that applies was passed without an answer", appliesToSelfAssessment: true,
        check: Coach.checkRequiredAnswers)
    public static let followUp = CoachingRule(
        id: "follow-up", summary: "no open follow-up action", appliesToSelfAssessment: false, check: Coach.checkFollowUp)
}
