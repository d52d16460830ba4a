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

/// What the coaching rules look at for one session: the session and its partner, and the values,
/// terms and actions of that partner and of every partnership it is in.
public struct CoachingFacts: Sendable {
    public var session: Session
    public var partner: Partner
    public var playbook: ResolvedPlaybook
    public var state: AnswerState
    public var terms: [Term]
    public var values: [ValueItem]
    public var actions: [ActionItem]
    /// Sessions of the `self-assessment` playbook, with any partner.
    public var selfAssessments: [Session]
    /// Names that stand for your own organisation: the party named with `--own`, and partners with
    /// only self-assessment sessions.
    public var ownNames: [String]
    /// Your own organisation's party, when it has been named.
    public var ownPartyID: UUID?
    /// Every party the values name or the partnerships hold, by id.
    public var parties: [UUID: Party]
    /// The partner's own party and the other members of its partnerships, not counting us.
    public var memberPartners: [Party]

    public init(session: Session, partner: Partner, playbook: ResolvedPlaybook, state: AnswerState, terms: [Term], values: [ValueItem],
                actions: [ActionItem], selfAssessments: [Session], ownNames: [String], ownPartyID: UUID? = nil,
                parties: [UUID: Party] = [:], memberPartners: [Party] = []) {
        self.session = session
        self.partner = partner
        self.playbook = playbook
        self.state = state
        self.terms = terms
        self.values = values
        self.actions = actions
        self.selfAssessments = selfAssessments
        self.ownNames = ownNames
        self.ownPartyID = ownPartyID
        self.parties = parties
        self.memberPartners = memberPartners
    }

    /// A self-assessment, or any session with your own organisation: the partner is "us".
    public var isSelfAssessment: Bool { session.playbookID == Coach.selfAssessmentPlaybook || partner.isOwn }

    /// The answers that count: those to questions the current answers make reachable.
    public var effective: EffectiveAnswers { EffectiveAnswers(playbook: playbook, answers: state.answers, skipped: state.skipped) }

    public static func load(session: Session, database: any Store) throws -> CoachingFacts {
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
        let ownParty = try database.ownParty()
        if let ownParty, !ownNames.contains(ownParty.name) { ownNames.append(ownParty.name) }

        var values = try database.values(partnerID: partner.id)
        var actions = try database.actions(partnerID: partner.id)
        var members: [Party] = []
        let partnerParty = try database.party(forPartner: partner.id)
        var partnerships = try partnerParty.map { try database.partnerships(ofParty: $0.id) } ?? []
        if let id = session.partnershipID, !partnerships.contains(where: { $0.id == id }), let own = try database.partnership(id: id) {
            partnerships.append(own)
        }
        for partnership in partnerships {
            values += try database.values(partnershipID: partnership.id).filter { value in !values.contains { $0.id == value.id } }
            actions += try database.actions(partnershipID: partnership.id).filter { action in !actions.contains { $0.id == action.id } }
            members += try database.members(of: partnership.id)
        }
        if let partnerParty { members.append(partnerParty) }
        var seen: Set<UUID> = []
        let memberPartners = members.filter { $0.kind == .partner && seen.insert($0.id).inserted }
        var parties: [UUID: Party] = [:]
        for party in members { parties[party.id] = party }
        if let ownParty { parties[ownParty.id] = ownParty }
        for id in Set(values.flatMap { $0.beneficiaryIDs + $0.payerIDs }) where parties[id] == nil {
            parties[id] = try database.party(id: id)
        }
        return CoachingFacts(
            session: session, partner: partner, playbook: playbook, state: try database.answerState(sessionID: session.id),
            terms: try database.terms(partnerID: partner.id), values: values, actions: actions, selfAssessments: selfAssessments,
            ownNames: ownNames.sorted(), ownPartyID: ownParty?.id, parties: parties, memberPartners: memberPartners)
    }

    /// Whether a value benefits only your own organisation: by party when it names parties, by
    /// the words of `--benefits` for values recorded before parties existed.
    func benefitsOnlyUs(_ value: ValueItem) -> Bool {
        if !value.beneficiaryIDs.isEmpty {
            return value.beneficiaryIDs.allSatisfy { id in id == ownPartyID || parties[id].map { Beneficiary.isOwn($0.name, ownNames: ownNames) } == true }
        }
        let named = value.benefits.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return !named.isEmpty && named.allSatisfy { Beneficiary.isOwn($0, ownNames: ownNames) }
    }

    func name(_ id: UUID) -> String { parties[id]?.name ?? "someone" }
}
