import Foundation
import OutreachCore
import OutreachStore

/// Whether a stored answer is one that counts now, for labelling it where it is found (search).
public enum AnswerStanding: Equatable, Sendable {
    /// The effective answer to a question the session asks.
    case current
    /// An earlier revision: the question has a newer answer or skip.
    case superseded
    /// The question is no longer asked under the current answers.
    case notAsked

    /// The standing of the answer revision `answerID` in session `number`; nil when it is not there.
    public static func of(answerID: UUID, sessionNumber: Int64, database: any Store) throws -> AnswerStanding? {
        let session = try database.session(number: sessionNumber)
        let revisions = try database.answers(sessionID: session.id)
        guard let revision = revisions.first(where: { $0.id == answerID }) else { return nil }
        guard let playbook = try? SessionEngine.playbook(of: session) else { return nil }
        let state = AnswerState(revisions: revisions)
        let effective = EffectiveAnswers(playbook: playbook, answers: state.answers, skipped: state.skipped)
        guard effective.isReachable(revision.questionID) else { return .notAsked }
        let current = revisions.current(of: revision.questionID, effective: effective.answers[revision.questionID])
        return current?.id == answerID ? .current : .superseded
    }
}
