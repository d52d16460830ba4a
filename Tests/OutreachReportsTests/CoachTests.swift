import Foundation
import OutreachCatalog
import OutreachCore
@testable import OutreachReports
import OutreachShell
import OutreachStore
import OutreachTestSupport
import Testing

/// A session with a partner, built up record by record; by default everything the coach looks for is in place.
final class CoachScenario {
    let database: AppDatabase
    let partner: Partner
    private(set) var session: Session

    init(status: Session.Status = .finished, position: Int = 7, playbookID: String = "dash", complete: Bool = true) throws {
        database = try AppDatabase.inMemory()
        partner = try database.addPartner(Partner(name: "Metro PD", sector: "police"))
        session = try Self.addSession(to: database, partner: partner, playbookID: playbookID, status: status, position: position)
        guard complete else { return }
        try answer("dash.pb.shared-before", "no")
        try answer("dash.listen.failure", "Officers would stop using the referral list")
        try answer("dash.pb.next-steps", "Send the template")
        try database.addTerm(Term(partnerID: partner.id, term: "CAD", meaning: "computer-aided dispatch"))
        try database.addValue(ValueItem(partnerID: partner.id, value: "Fewer repeat calls", benefits: ["Metro PD"], lenses: [.operational],
                                        horizon: .long, beneficiaryIDs: [partner.id], payerIDs: [partner.id]))
        try database.addAction(ActionItem(partnerID: partner.id, text: "Send the template", owner: "Maria", due: "2026-02-01"))
        let own = try database.addPartner(Partner(name: "Northside Collaborative", sector: "public-health"))
        _ = try Self.addSession(to: database, partner: own, playbookID: "self-assessment", status: .finished, position: 0)
    }

    static func addSession(to database: AppDatabase, partner: Partner, playbookID: String, status: Session.Status, position: Int) throws -> Session {
        let snapshot = PlaybookResolver.snapshot(of: ReportFixture.playbook)
        return try database.createSession(Session(
            partnerID: partner.id, playbookID: playbookID, playbookVersion: "1.0.0", playbookDigest: ReportFixture.digest,
            snapshot: snapshot, status: status, position: position))
    }

    func answer(_ question: String, _ value: String?) throws {
        let revision = try database.answers(sessionID: session.id).filter { $0.questionID == question }.count + 1
        try database.insertAnswer(Answer(sessionID: session.id, questionID: question, revision: revision, value: value))
    }

    func value(_ benefits: [String], horizon: ValueHorizon = .long) throws {
        try database.addValue(ValueItem(partnerID: partner.id, value: "A value", benefits: benefits, lens: .financial, horizon: horizon))
    }

    func facts() throws -> CoachingFacts {
        try CoachingFacts.load(session: try #require(try database.session(id: session.id)), database: database)
    }

    func finding(_ rule: CoachingRule) throws -> CoachingFinding? {
        rule.evaluate(try facts())
    }
}

@Suite struct CoachTests {
    @Test func aCompleteSessionHasNoFindingsAndOnePositiveLine() throws {
        let scenario = try CoachScenario()
        #expect(Coach.findings(for: try scenario.facts()).isEmpty)
        let harness = try ShellHarness(database: scenario.database)
        harness.run(["coach 1"])
        #expect(harness.text == "Coaching: every check passes for session 1. Keep the follow-up you agreed.\n")
    }

    @Test func jargon() throws {
        #expect(try CoachScenario().finding(.jargon) == nil)
        let bare = try CoachScenario(complete: false)
        let finding = try #require(try bare.finding(.jargon))
        #expect(finding.text.contains("term \"WORD\" \"WHAT THEY MEAN\" --partner \"Metro PD\""))
    }

    @Test func longTermValue() throws {
        #expect(try CoachScenario().finding(.longTermValue) == nil)
        let none = try CoachScenario(complete: false)
        #expect(try none.finding(.longTermValue)?.problem == "No value is recorded for this partnership yet.")
        try none.value(["the partner"], horizon: .short)
        #expect(try none.finding(.longTermValue)?.problem == "Every value recorded is short term.")
        try none.value(["the partner"], horizon: .long)
        #expect(try none.finding(.longTermValue) == nil)
    }

    @Test func sharedBenefit() throws {
        #expect(try CoachScenario().finding(.sharedBenefit) == nil)
        let ownOnly = try CoachScenario(complete: false)
        #expect(try ownOnly.finding(.sharedBenefit) == nil, "no values at all is the long-term rule's finding")
        try ownOnly.value(["us", "Our Organization"])
        #expect(try ownOnly.finding(.sharedBenefit)?.rule == "shared-benefit")
        try ownOnly.value(["the people we both serve"])
        #expect(try ownOnly.finding(.sharedBenefit) == nil)
    }

    /// The partnership of three: us, Metro PD and a clinic; a value that names parties.
    func partnership(_ scenario: CoachScenario) throws -> (us: Partner, clinic: Partner, partnership: Partnership) {
        let us = try scenario.database.addPartner(Partner(name: "Eastside Data Collaborative", sector: "", isOwn: true))
        let clinic = try scenario.database.addPartner(Partner(name: "Harbor Clinic", sector: "hospitals"))
        let partnership = try scenario.database.addPartnership(Partnership(name: "Safer streets data"), memberIDs: [scenario.partner.id, clinic.id])
        return (us, clinic, partnership)
    }

    @Test func memberValue() throws {
        let scenario = try CoachScenario()
        let (_, clinic, partnership) = try partnership(scenario)
        let finding = try #require(try scenario.finding(.memberValue))
        #expect(finding.problem == "No recorded value is for Harbor Clinic, though it is a partner in this work.")
        #expect(finding.next.contains("--benefits \"Harbor Clinic\""))
        try scenario.database.addValue(ValueItem(partnerID: nil, partnershipID: partnership.id, value: "Fewer repeat visits", benefits: ["Harbor Clinic"],
                                                 lenses: [.financial], horizon: .long, beneficiaryIDs: [clinic.id], payerIDs: [clinic.id]))
        #expect(try scenario.finding(.memberValue) == nil)
    }

    @Test func payer() throws {
        #expect(try CoachScenario().finding(.payer) == nil)
        let scenario = try CoachScenario(complete: false)
        #expect(try scenario.finding(.payer) == nil, "no values at all is the long-term rule's finding")
        try scenario.value(["the partner"])
        #expect(try scenario.finding(.payer)?.problem == "No value says who pays for it: money, staff time or data.")
    }

    @Test func wrongPocket() throws {
        let scenario = try CoachScenario()
        let (_, clinic, partnership) = try partnership(scenario)
        #expect(try scenario.finding(.wrongPocket) == nil)
        for action in try scenario.database.actions() { _ = try scenario.database.completeAction(id: action.id) }
        try scenario.database.addValue(ValueItem(
            partnerID: nil, partnershipID: partnership.id, value: "Fewer ER visits after overdoses", benefits: ["Harbor Clinic"],
            lenses: [.financial], horizon: .long, beneficiaryIDs: [clinic.id], payerIDs: [scenario.partner.id]))
        let finding = try #require(try scenario.finding(.wrongPocket))
        #expect(finding.problem == "'Fewer ER visits after overdoses' lands in the wrong pocket: Metro PD pays and gains none of it.")
        #expect(finding.next.contains("--partner \"Metro PD\""))
        // An open action that names the payer addresses it.
        try scenario.database.addAction(ActionItem(partnerID: nil, text: "Ask the clinic to fund Metro PD's overtime", owner: "Ana",
                                                   partnershipID: partnership.id))
        #expect(try scenario.finding(.wrongPocket) == nil)
    }

    @Test func sharedBenefitByParty() throws {
        let scenario = try CoachScenario(complete: false)
        let us = try scenario.database.addPartner(Partner(name: "Eastside Data Collaborative", sector: "", isOwn: true))
        try scenario.database.addValue(ValueItem(partnerID: scenario.partner.id, value: "A reusable agreement", benefits: [us.name],
                                                 lenses: [.economic], horizon: .short, beneficiaryIDs: [us.id], payerIDs: [us.id]))
        #expect(try scenario.finding(.sharedBenefit)?.rule == "shared-benefit")
        try scenario.database.addValue(ValueItem(partnerID: scenario.partner.id, value: "Fewer calls", benefits: ["Metro PD"],
                                                 lenses: [.operational], horizon: .long, beneficiaryIDs: [scenario.partner.id]))
        #expect(try scenario.finding(.sharedBenefit) == nil)
    }

    @Test func yourOwnOrganisationNamedWithOwnIsUsEverywhere() throws {
        let scenario = try CoachScenario(complete: false)
        let us = try scenario.database.addPartner(Partner(name: "Eastside Data Collaborative", sector: "", isOwn: true))
        #expect(try scenario.finding(.selfAssessment)?.next == "Run: start self-assessment --partner \"Eastside Data Collaborative\".")
        let ownSession = try CoachScenario.addSession(to: scenario.database, partner: us, playbookID: "dash", status: .finished, position: 0)
        let facts = try CoachingFacts.load(session: ownSession, database: scenario.database)
        #expect(facts.isSelfAssessment, "a session with your own organisation is a self-assessment")
        #expect(CoachingRule.jargon.evaluate(facts) == nil)
        let coverage = try CoverageReport.build(database: scenario.database, sectors: builtinCatalog.sectors, today: Date())
        #expect(coverage.ownOrganisations == ["Eastside Data Collaborative"])
        #expect(!coverage.sectors.flatMap(\.partners).map(\.name).contains("Eastside Data Collaborative"))
    }

    @Test func aSelfAssessedPartnerCountsAsYourOwnOrganisation() throws {
        let scenario = try CoachScenario(complete: false)
        let own = try scenario.database.addPartner(Partner(name: "Northside Collaborative", sector: "public-health"))
        _ = try CoachScenario.addSession(to: scenario.database, partner: own, playbookID: "self-assessment", status: .finished, position: 0)
        try scenario.value(["the Northside Collaborative", "we"])
        #expect(try scenario.finding(.sharedBenefit) != nil)
    }

    @Test(arguments: [
        ("us", true), ("We", true), ("our organisation", true), ("Our Organization.", true), ("  our   team ", true),
        ("the partner", false), ("the people we both serve", false), ("tenants", false), ("our clients", false), ("", false),
    ])
    func beneficiaryWords(text: String, own: Bool) {
        #expect(Beneficiary.isOwn(text) == own)
    }

    @Test func failureAngle() throws {
        #expect(try CoachScenario().finding(.failureAngle) == nil)
        let bare = try CoachScenario(complete: false)
        let finding = try #require(try bare.finding(.failureAngle))
        #expect(finding.next == "Type 'resume 1', then '/goto dash.listen.failure' and answer it.")
        try bare.answer("housing.value.if-failure", "They would lose a grant")
        #expect(try bare.finding(.failureAngle) != nil, "an answer to a question the session never asks does not count")
        try bare.answer("dash.listen.failure", "Tenants would lose trust in the programme")
        #expect(try bare.finding(.failureAngle) == nil)
        let skipped = try CoachScenario(complete: false)
        try skipped.answer("dash.listen.failure", nil)
        #expect(try skipped.finding(.failureAngle) != nil, "a skip is not an answer")
    }

    @Test func selfAssessment() throws {
        #expect(try CoachScenario().finding(.selfAssessment) == nil)
        let bare = try CoachScenario(complete: false)
        #expect(try bare.finding(.selfAssessment)?.next.contains("start self-assessment") == true)
    }

    @Test func requiredAnswers() throws {
        #expect(try CoachScenario().finding(.requiredAnswers) == nil)
        let finished = try CoachScenario(complete: false)
        let finding = try #require(try finished.finding(.requiredAnswers))
        #expect(finding.problem == "2 required questions unanswered: dash.pb.shared-before, dash.pb.next-steps.")
        #expect(finding.next == "Type 'resume 1' and answer them.")

        // Mid-session, only the required questions already passed count.
        let running = try CoachScenario(status: .active, position: 2, complete: false)
        #expect(try running.finding(.requiredAnswers)?.problem == "1 required question unanswered: dash.pb.shared-before.")
        try running.answer("dash.pb.shared-before", "yes")
        #expect(try running.finding(.requiredAnswers) == nil)
    }

    @Test func followUp() throws {
        #expect(try CoachScenario().finding(.followUp) == nil)
        let bare = try CoachScenario(complete: false)
        #expect(try bare.finding(.followUp) != nil)
        let done = try bare.database.addAction(ActionItem(partnerID: bare.partner.id, text: "Call", owner: "Sam"))
        #expect(try bare.finding(.followUp) == nil)
        _ = try bare.database.completeAction(id: done.id)
        #expect(try bare.finding(.followUp) != nil, "a done action is no follow-up")
    }

    @Test func partnerRulesDoNotApplyToASelfAssessment() throws {
        let scenario = try CoachScenario(playbookID: "self-assessment", complete: false)
        let rules = Set(Coach.findings(for: try scenario.facts()).map(\.rule))
        #expect(rules == ["long-term-value", "failure-angle", "required-answers"])
    }

    @Test func theSummaryFollowsTheFinishMessage() throws {
        let harness = try ShellHarness()
        harness.run(["partner add \"Riverside HA\" --sector housing", "start dash --partner \"Riverside HA\"", "Families on the waitlist", "/finish"])
        let text = harness.text
        let finished = try #require(text.range(of: "Finished session 1"))
        let coaching = try #require(text.range(of: "Coaching for session 1 with Riverside HA:"))
        #expect(finished.upperBound <= coaching.lowerBound)
        #expect(text.contains("  - None of Riverside HA's own terms are captured."))
        #expect(text.contains("self-assessment"))
    }

    @Test func coachDefaultsToTheCurrentPartnersLatestSession() throws {
        let scenario = try CoachScenario(complete: false)
        let harness = try ShellHarness(database: scenario.database)
        harness.run(["partner add Other --sector housing", "partner use \"Metro PD\"", "coach"])
        #expect(harness.text.contains("Coaching for session 1 with Metro PD:"))
        let empty = try ShellHarness()
        #expect(empty.run(["coach"]) == 1)
        #expect(empty.errors.contains("there are no sessions yet. Start one with"))
    }
}
