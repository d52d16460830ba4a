import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    // MARK: - Answers

    /// Saves a new revision of an answer (nil value: skipped) and the session's new position, in
    /// one transaction committed before this returns. As with SQLite, the revision is stamped now,
    /// or 1.5 ms after the session's newest answer when that one is as late or later, so the
    /// session's answers stay in the order they were given. The session's row is locked while
    /// the revision is counted, so two leads answering in one session at once get distinct
    /// revisions (the count is a statement of its own, after the lock, so that it sees what the
    /// other lead committed). A retry after a lost connection returns the revision the first try
    /// saved. Five round trips: BEGIN, the lock, the count, the insert with the session's update,
    /// COMMIT (`make bench` times the same statements on a bare connection beside it).
    @discardableResult
    public func recordAnswer(sessionID: UUID, questionID: String, value: String?, nextPosition: Int) throws -> Answer {
        let id = UUID()
        var attempt = 0
        return try write {
            attempt += 1
            try rows("SELECT 1 FROM session WHERE id = \(sessionID) FOR UPDATE")
            // Only a retry can find the revision already there: the first try may have committed.
            if attempt > 1, let saved = try rows("SELECT \(unescaped: TeamColumns.answer) FROM answer WHERE id = \(id)").first {
                return try Answer(row: saved)
            }
            let (last, newest) = try Self.revisionState(try rows("""
                SELECT (SELECT coalesce(max(revision), 0) FROM answer WHERE sessionID = \(sessionID) AND questionID = \(questionID)),
                       (SELECT max(createdAt) FROM answer WHERE sessionID = \(sessionID))
                """))
            let createdAt = (newest.map { Swift.max(Date(), $0.teamStored.addingTimeInterval(0.0015)) } ?? Date()).teamStored
            let answer = Answer(id: id, sessionID: sessionID, questionID: questionID, revision: last + 1, value: value, createdAt: createdAt)
            try rows("""
                WITH saved AS (
                    INSERT INTO answer (id, sessionID, questionID, revision, value, createdAt)
                    VALUES (\(answer.id), \(sessionID), \(questionID), \(answer.revision), \(value), \(createdAt))
                    ON CONFLICT (id) DO NOTHING RETURNING id
                )
                UPDATE session SET position = \(nextPosition), status = \(Session.Status.active.rawValue), updatedAt = \(createdAt)
                WHERE id = \(sessionID)
                """)
            return answer
        }
    }

    /// The newest revision of the question and the session's newest answer time, from one row.
    static func revisionState(_ rows: [PostgresRow]) throws -> (Int, Date?) {
        guard let row = rows.first else { throw TeamDecodingError(column: "revision", reason: "the query returned no row") }
        return try row.decode((Int, Date?).self)
    }

    /// Stores an answer revision exactly as given, leaving its session untouched.
    public func insertAnswer(_ answer: Answer) throws {
        try write { try rows(TeamInserts.answer(answer)) }
    }

    /// Every revision of every answer in a session, in the merge rule's order: oldest first by
    /// `createdAt`, revisions stamped in the same millisecond by id.
    public func answers(sessionID: UUID) throws -> [Answer] {
        try read {
            try rows("SELECT \(unescaped: TeamColumns.answer) FROM answer WHERE sessionID = \(sessionID) ORDER BY createdAt, id")
                .map(Answer.init(row:))
        }
    }

    public func answerState(sessionID: UUID) throws -> AnswerState {
        AnswerState(revisions: try answers(sessionID: sessionID))
    }

    // MARK: - Notes

    /// Saves a note as the connected role (its author); a private note is seen only by its author.
    @discardableResult
    public func addNote(_ note: Note) throws -> Note {
        try write { try rows(TeamInserts.note(note)) }
        return note
    }

    /// The notes (the ones this role may see), oldest first, then in the order they were saved.
    public func notes(partnerID: UUID?, sessionID: UUID?) throws -> [Note] {
        try read {
            try rows("""
                SELECT \(unescaped: TeamColumns.note) FROM note
                WHERE (\(partnerID)::uuid IS NULL OR partnerID = \(partnerID)) AND (\(sessionID)::uuid IS NULL OR sessionID = \(sessionID))
                ORDER BY createdAt, seq
                """).map(Note.init(row:))
        }
    }
}
