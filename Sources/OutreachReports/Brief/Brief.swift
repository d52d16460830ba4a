import Foundation
import OutreachCore

/// The value case for a partnership or a partner, as a director reads it: page one is a summary
/// (the ask, what is in it for each party, who pays and who gains with every wrong-pocket case,
/// risks, open actions, the next conversation), and the conversations follow as an appendix of
/// effective answers.
///
/// Built once from the store; every renderer reads only this value, so all formats say the same
/// thing. With `redacted`, private notes never enter it. Everything is sorted by stored fields
/// (never by "now"), so a fixed database gives byte-identical briefs.
public struct Brief: Equatable, Sendable {
    /// The JSON schema version (docs/reports.md); raise it when a field changes meaning or is removed.
    public static let schemaVersion = 2

    public enum Scope: Equatable, Sendable {
        case partnership(id: UUID, name: String)
        case partner(id: UUID, name: String)

        public var name: String {
            switch self {
            case .partnership(_, let name), .partner(_, let name): name
            }
        }

        public var kind: String {
            switch self {
            case .partnership: "partnership"
            case .partner: "partner"
            }
        }
    }

    public struct PartyEntry: Equatable, Sendable {
        public var id: UUID
        public var name: String
        public var kind: Party.Kind
        /// A member of the partnership (for a partner's brief: the partner, us, and members of its partnerships).
        public var isMember: Bool
        /// The sector plugin id of a partner; nil for your organisation without one and outside parties.
        public var sector: String?
    }

    public struct NoteEntry: Equatable, Sendable {
        public var id: UUID
        public var text: String
        public var isPrivate: Bool
        public var createdAt: Date
    }

    public struct ValueEntry: Equatable, Sendable {
        public var id: UUID
        public var text: String
        public var lenses: [ValueLens]
        public var horizon: ValueHorizon
        public var way: ValueWay?
        public var perspective: ValuePerspective?
        public var beneficiaryIDs: [UUID]
        public var payerIDs: [UUID]
        public var evidence: [NoteEntry]
        public var isWrongPocket: Bool
        public var createdAt: Date
    }

    /// What one party gains through one lens on one horizon: the values, and how many evidence notes back them.
    public struct Gain: Equatable, Sendable {
        public var partyID: UUID
        public var lens: ValueLens
        public var horizon: ValueHorizon
        public var valueIDs: [UUID]
        public var evidenceCount: Int
    }

    /// A risk or concern raised: the answer to a question tagged `risk`, or a note tagged `#risk`.
    public struct RiskEntry: Equatable, Sendable {
        public enum Source: String, Sendable { case answer, note }
        public var source: Source
        public var text: String
        public var partner: String?
        public var questionID: String?
        public var sessionNumber: Int64?
        public var isPrivate: Bool
        public var createdAt: Date
    }

    public struct ActionEntry: Equatable, Sendable {
        public var id: UUID
        public var text: String
        public var owner: String
        public var due: String?
        public var partner: String?
        public var createdAt: Date
    }

    /// A question with its effective answer (nil when skipped) and the notes written on it.
    public struct AnswerEntry: Equatable, Sendable {
        public var questionID: String
        public var question: String
        public var required: Bool
        public var answer: String?
        public var answeredAt: Date?
        public var notes: [NoteEntry]

        /// `answered`, `skipped`, or `unanswered` (notes only).
        public var status: String { answer != nil ? "answered" : answeredAt != nil ? "skipped" : "unanswered" }
    }

    public struct StepAnswers: Equatable, Sendable {
        public var id: String
        public var title: String
        public var answers: [AnswerEntry]
    }

    public struct SessionAppendix: Equatable, Sendable {
        public var id: UUID
        public var number: Int64
        public var partner: String
        public var status: String
        public var playbookID: String
        public var playbookTitle: String
        public var playbookVersion: String
        public var playbookDigest: String
        public var startedAt: Date
        public var updatedAt: Date
        public var progress: AnswerProgress
        public var steps: [StepAnswers]
    }

    public var scope: Scope
    /// What we are asking for, and where it came from ("the partnership", or the question and session).
    public var ask: String?
    public var askSource: String?
    /// Your organisation first, then members, then outside beneficiaries, each by name.
    public var parties: [PartyEntry]
    public var values: [ValueEntry]
    public var gains: [Gain]
    public var risks: [RiskEntry]
    public var actions: [ActionEntry]
    public var nextConversation: String
    public var sessions: [SessionAppendix]
    public var redacted: Bool

    public func party(_ id: UUID) -> PartyEntry? { parties.first { $0.id == id } }
    public func names(_ ids: [UUID]) -> [String] { ids.compactMap { party($0)?.name } }

    /// Values whose payers gain none of it.
    public var wrongPocket: [ValueEntry] { values.filter(\.isWrongPocket) }

    /// Beneficiaries outside the partnership: downstream value.
    public var downstream: [PartyEntry] {
        let gaining = Set(values.flatMap(\.beneficiaryIDs))
        return parties.filter { !$0.isMember && gaining.contains($0.id) }
    }

    /// Each party that gains or pays, with its gains in lens and horizon order.
    public var gainsByParty: [(party: PartyEntry, gains: [Gain])] {
        parties.compactMap { party in
            let own = gains.filter { $0.partyID == party.id }
            return own.isEmpty ? nil : (party, own)
        }
    }
}
