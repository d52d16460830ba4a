import Foundation
import OutreachCore
import OutreachStore

extension Brief {
    /// Reads what a partnership's brief needs: its members, values, risks, open actions and every
    /// session held under it.
    public static func build(database: any Store, partnership: Partnership, redact: Bool = false) throws -> Brief {
        let members = try database.members(of: partnership.id)
        var reader = BriefReader(database: database, redact: redact, memberIDs: Set(members.map(\.id)))
        reader.add(values: try database.values(partnershipID: partnership.id))
        reader.add(actions: try database.actions(partnershipID: partnership.id))
        reader.add(notes: try database.notes(partnershipID: partnership.id))
        let sessions = try database.sessions(partnershipID: partnership.id)
        for session in sessions { reader.add(notes: try database.notes(sessionID: session.id)) }
        return try reader.brief(
            scope: .partnership(id: partnership.id, name: partnership.name), sessions: sessions,
            ask: partnership.ask.flatMap { $0.isEmpty ? nil : $0 }.map { ($0, "the partnership") }, extraParties: members)
    }

    /// Reads what a partner's brief needs: the partner's own values and actions and those of every
    /// partnership it is in, and one session (the one numbered, else the partner's latest).
    public static func build(database: any Store, partner: Partner, sessionNumber: Int64? = nil, redact: Bool = false) throws -> Brief {
        let session: Session?
        if let sessionNumber {
            let found = try database.session(number: sessionNumber)
            guard found.partnerID == partner.id else {
                let owner = try database.partner(id: found.partnerID)?.name ?? "another partner"
                throw ReportError.sessionOfAnotherPartner(number: sessionNumber, partner: partner.name, owner: owner)
            }
            session = found
        } else {
            session = try database.sessions(partnerID: partner.id).last
        }
        let party = try database.party(forPartner: partner.id)
        let partnerships = try party.map { try database.partnerships(ofParty: $0.id) } ?? []
        var extra = [party, try database.ownParty()].compactMap { $0 }
        for partnership in partnerships { extra += try database.members(of: partnership.id) }
        var reader = BriefReader(database: database, redact: redact, memberIDs: Set(extra.map(\.id)))
        reader.add(values: try database.values(partnerID: partner.id))
        reader.add(actions: try database.actions(partnerID: partner.id))
        reader.add(notes: try database.notes(partnerID: partner.id))
        for partnership in partnerships {
            reader.add(values: try database.values(partnershipID: partnership.id))
            reader.add(actions: try database.actions(partnershipID: partnership.id))
            reader.add(notes: try database.notes(partnershipID: partnership.id))
        }
        let ask = partnerships.compactMap { partnership in partnership.ask.flatMap { $0.isEmpty ? nil : ($0, "the partnership '\(partnership.name)'") } }.first
        return try reader.brief(scope: .partner(id: partner.id, name: partner.name), sessions: session.map { [$0] } ?? [],
                                ask: ask, extraParties: extra)
    }
}

/// Collects records for a brief (each once), then lays them out in a fixed order.
struct BriefReader {
    let database: any Store
    let redact: Bool
    let memberIDs: Set<UUID>
    private var values: [UUID: ValueItem] = [:]
    private var actions: [UUID: ActionItem] = [:]
    private var notes: [UUID: Note] = [:]

    init(database: any Store, redact: Bool, memberIDs: Set<UUID>) {
        self.database = database
        self.redact = redact
        self.memberIDs = memberIDs
    }

    mutating func add(values: [ValueItem]) { for value in values { self.values[value.id] = value } }
    mutating func add(actions: [ActionItem]) { for action in actions where action.isOpen { self.actions[action.id] = action } }
    mutating func add(notes: [Note]) { for note in notes where !redact || !note.isPrivate { self.notes[note.id] = note } }

    func brief(scope: Brief.Scope, sessions: [Session], ask: (String, String)?, extraParties: [Party]) throws -> Brief {
        let partnersByID = Dictionary(try database.partners().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let orderedValues = values.values.sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
        let evidenceNotes = Dictionary(
            try database.notes(ids: Array(Set(orderedValues.flatMap(\.evidence)))).filter { !redact || !$0.isPrivate }.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first })
        let valueEntries = orderedValues.map { item in
            Brief.ValueEntry(
                id: item.id, text: item.value, lenses: item.lenses, horizon: item.horizon, way: item.way, perspective: item.perspective,
                beneficiaryIDs: item.beneficiaryIDs, payerIDs: item.payerIDs,
                evidence: item.evidence.compactMap { evidenceNotes[$0] }.sorted(by: Self.noteOrder).map(Brief.NoteEntry.init),
                isWrongPocket: item.isWrongPocket, createdAt: item.createdAt)
        }

        var partyIDs = Set(extraParties.map(\.id))
        for value in valueEntries { partyIDs.formUnion(value.beneficiaryIDs + value.payerIDs) }
        let parties = try partyIDs.compactMap { try database.party(id: $0) }.map { party in
            Brief.PartyEntry(id: party.id, name: party.name, kind: party.kind, isMember: memberIDs.contains(party.id) || party.kind == .own,
                             sector: party.partnerID.flatMap { partnersByID[$0]?.sector }.flatMap { $0.isEmpty ? nil : $0 })
        }.sorted { (Self.kindOrder($0), $0.name.lowercased(), $0.id.uuidString) < (Self.kindOrder($1), $1.name.lowercased(), $1.id.uuidString) }

        var appendix: [Brief.SessionAppendix] = []
        var risks: [Brief.RiskEntry] = []
        var taggedAsk: (String, String)?
        var nextSteps: [String] = []
        for session in sessions.sorted(by: { ($0.number ?? 0) < ($1.number ?? 0) }) {
            let built = try sessionAppendix(session, partner: partnersByID[session.partnerID]?.name ?? "")
            appendix.append(built.appendix)
            risks += built.risks
            if let found = built.ask { taggedAsk = found }
            nextSteps += built.nextSteps
        }
        for note in notes.values where note.tags.contains("risk") {
            risks.append(Brief.RiskEntry(source: .note, text: note.text, partner: note.partnerID.flatMap { partnersByID[$0]?.name },
                                         questionID: note.questionID, sessionNumber: nil, isPrivate: note.isPrivate, createdAt: note.createdAt))
        }
        risks.sort { ($0.createdAt, $0.text) < ($1.createdAt, $1.text) }

        let actionEntries = actions.values
            .sorted { ($0.due ?? "~", $0.createdAt, $0.id.uuidString) < ($1.due ?? "~", $1.createdAt, $1.id.uuidString) }
            .map { Brief.ActionEntry(id: $0.id, text: $0.text, owner: $0.owner, due: $0.due,
                                     partner: $0.partnerID.flatMap { partnersByID[$0]?.name }, createdAt: $0.createdAt) }
        let chosenAsk = ask ?? taggedAsk
        var brief = Brief(
            scope: scope, ask: chosenAsk?.0, askSource: chosenAsk?.1, parties: parties, values: valueEntries,
            gains: Self.gains(of: valueEntries, parties: parties), risks: risks, actions: actionEntries, nextConversation: "",
            sessions: appendix, redacted: redact)
        brief.nextConversation = NextConversation.advice(for: brief, agreedNextSteps: nextSteps)
        return brief
    }

    /// One session's effective answers by step, and what the summary takes from tagged questions.
    private func sessionAppendix(_ session: Session, partner: String)
        throws -> (appendix: Brief.SessionAppendix, risks: [Brief.RiskEntry], ask: (String, String)?, nextSteps: [String]) {
        let playbook: ResolvedPlaybook
        do { playbook = try JSONDecoder().decode(ResolvedPlaybook.self, from: session.snapshot) } catch {
            throw ReportError.unreadableSnapshot(number: session.number ?? 0)
        }
        let revisions = try database.answers(sessionID: session.id)
        let state = AnswerState(revisions: revisions)
        let effective = EffectiveAnswers(playbook: playbook, answers: state.answers, skipped: state.skipped)
        let sessionNotes = try database.notes(sessionID: session.id).filter { !redact || !$0.isPrivate }.sorted(by: Self.noteOrder)
        var risks: [Brief.RiskEntry] = []
        var ask: (String, String)?
        var nextSteps: [String] = []
        let number = session.number ?? 0
        let steps = playbook.steps.map { step in
            Brief.StepAnswers(id: step.id, title: step.title, answers: step.questions.compactMap { question in
                let answer = effective.answers[question.id]
                let revision = effective.isReachable(question.id) ? revisions.current(of: question.id, effective: answer) : nil
                let notes = sessionNotes.filter { $0.questionID == question.id }.map(Brief.NoteEntry.init)
                guard revision != nil || !notes.isEmpty else { return nil }
                if let answer {
                    if question.hasTag("risk") {
                        risks.append(Brief.RiskEntry(source: .answer, text: answer, partner: partner, questionID: question.id,
                                                     sessionNumber: number, isPrivate: false, createdAt: revision?.createdAt ?? session.createdAt))
                    }
                    if question.hasTag("ask") { ask = (answer, "the answer to \(question.id) in session \(number)") }
                    if question.hasTag("next-steps") { nextSteps.append(answer) }
                }
                return Brief.AnswerEntry(questionID: question.id, question: question.text, required: question.required,
                                         answer: answer, answeredAt: revision?.createdAt, notes: notes)
            })
        }
        let appendix = Brief.SessionAppendix(
            id: session.id, number: number, partner: partner, status: session.status.rawValue, playbookID: session.playbookID,
            playbookTitle: playbook.title, playbookVersion: session.playbookVersion, playbookDigest: session.playbookDigest,
            startedAt: session.createdAt, updatedAt: session.updatedAt, progress: effective.progress, steps: steps)
        return (appendix, risks, ask, nextSteps)
    }

    /// Gains by party, lens and horizon, in party, lens and horizon order.
    static func gains(of values: [Brief.ValueEntry], parties: [Brief.PartyEntry]) -> [Brief.Gain] {
        var result: [Brief.Gain] = []
        for party in parties {
            for lens in ValueLens.allCases {
                for horizon in ValueHorizon.allCases {
                    let matching = values.filter { $0.beneficiaryIDs.contains(party.id) && $0.lenses.contains(lens) && $0.horizon == horizon }
                    guard !matching.isEmpty else { continue }
                    result.append(Brief.Gain(partyID: party.id, lens: lens, horizon: horizon, valueIDs: matching.map(\.id),
                                             evidenceCount: matching.reduce(0) { $0 + $1.evidence.count }))
                }
            }
        }
        return result
    }

    static func kindOrder(_ party: Brief.PartyEntry) -> Int {
        switch party.kind {
        case .own: 0
        case .partner: party.isMember ? 1 : 2
        case .outside: party.isMember ? 1 : 3
        }
    }

    static func noteOrder(_ a: Note, _ b: Note) -> Bool {
        (a.createdAt, a.id.uuidString) < (b.createdAt, b.id.uuidString)
    }
}

extension Brief.NoteEntry {
    init(_ note: Note) {
        self.init(id: note.id, text: note.text, isPrivate: note.isPrivate, createdAt: note.createdAt)
    }
}
