import OutreachCore
import OutreachStore

/// The progress rule (`EffectiveAnswers.progress`) for a stored session.
public enum SessionProgress {
    /// Answered of the questions reachable now; nil when the session's snapshot cannot be read.
    public static func of(_ session: Session, database: any Store) throws -> AnswerProgress? {
        guard let playbook = try? SessionEngine.playbook(of: session) else { return nil }
        let state = try database.answerState(sessionID: session.id)
        return EffectiveAnswers(playbook: playbook, answers: state.answers, skipped: state.skipped).progress
    }
}
