import Foundation
import OutreachCore
import OutreachStore

/// Saves the records an answer declares, one per line (`captures: terms | actions | values`),
/// filed under the session's partner, partnership and question. A line already saved from an
/// earlier revision of the same answer is not saved twice.
struct CaptureRecorder {
    let database: any Store
    let active: ActiveSession
    let questionID: String
    let items: [CapturedItem]
    /// Each value's gainers and payers, resolved before anything is saved (empty for other lines).
    private let parties: [(gainers: [Party], payers: [Party])]
    private let created: [String]

    init(database: any Store, active: ActiveSession, question: Question, answer: String) throws {
        self.database = database
        self.active = active
        questionID = question.id
        guard let captures = question.captures else {
            items = []
            parties = []
            created = []
            return
        }
        switch captures.items(in: answer) {
        case .success(let found): items = found
        case .failure(let problem): throw SessionError.invalidAnswer(problem.message)
        }
        let resolver = PartyResolver(database: database, partner: active.partner)
        var parties: [(gainers: [Party], payers: [Party])] = []
        var created: [String] = []
        for item in items {
            guard case .value(_, let gains, _, _, let pays) = item else { parties.append(([], [])); continue }
            let gainers = try resolver.resolve(all: gains)
            let payers = try resolver.resolve(all: pays)
            created += gainers.created + payers.created
            parties.append((gainers.parties, payers.parties))
        }
        self.parties = parties
        self.created = created
    }

    /// Saves each new record; returns what was saved, worded to show back.
    func save() throws -> [String] {
        let session = active.session
        let partnerID = active.partner.id
        var lines = created.map { "\($0) is a new outside beneficiary (see 'parties')." }
        let existingTerms = try database.terms(partnerID: partnerID).filter { $0.sessionID == session.id && $0.questionID == questionID }
        let existingActions = try database.actions(partnerID: partnerID).filter { $0.sessionID == session.id && $0.questionID == questionID }
        let existingValues = try database.values(partnerID: partnerID).filter { $0.sessionID == session.id && $0.questionID == questionID }
        for (index, item) in items.enumerated() {
            switch item {
            case .term(let term, let meaning):
                guard !existingTerms.contains(where: { $0.term == term && $0.meaning == meaning }) else { continue }
                try database.addTerm(Term(partnerID: partnerID, sessionID: session.id, questionID: questionID, term: term, meaning: meaning))
                lines.append("Saved the term \(term) = \(meaning).")
            case .action(let text, let owner, let due):
                guard !existingActions.contains(where: { $0.text == text && $0.owner == owner && $0.due == due }) else { continue }
                try database.addAction(ActionItem(partnerID: partnerID, sessionID: session.id, questionID: questionID, text: text, owner: owner,
                                                  due: due, partnershipID: session.partnershipID))
                lines.append("Saved the action \(text) (\(owner), \(due.map { "due \($0)" } ?? "no date")).")
            case .value(let text, _, let lenses, let horizon, _):
                guard !existingValues.contains(where: { $0.value == text }) else { continue }
                let (gainers, payers) = parties[index]
                let value = try database.addValue(ValueItem(
                    partnerID: partnerID, partnershipID: session.partnershipID, sessionID: session.id, questionID: questionID, value: text,
                    benefits: gainers.map(\.name), lenses: lenses, horizon: horizon, beneficiaryIDs: gainers.map(\.id),
                    payerIDs: payers.map(\.id)))
                lines.append("Saved the value \(text) (for \(gainers.map(\.name).joined(separator: ", "))"
                    + (payers.isEmpty ? "" : "; paid by \(payers.map(\.name).joined(separator: ", "))") + ")"
                    + (value.isWrongPocket ? ": wrong pocket, the payers gain none of it." : "."))
            }
        }
        return lines
    }

}
