import Foundation
import GRDB
import OutreachCore

/// The latest state of a session's answers, as a run needs it to continue.
public struct AnswerState: Sendable, Equatable {
    public var answers: [String: String]
    public var skipped: Set<String>
}

extension AppDatabase {
    // MARK: - Answers

    /// Saves a new revision of an answer (nil value: skipped) and the session's new position,
    /// in one transaction committed before this returns.
    @discardableResult
    public func recordAnswer(sessionID: UUID, questionID: String, value: String?, nextPosition: Int) throws -> Answer {
        try write { db in
            let key = sessionID.uuidString.lowercased()
            let last = try Int.fetchOne(
                db, sql: "SELECT MAX(revision) FROM answer WHERE sessionID = ? AND questionID = ?",
                arguments: [key, questionID]) ?? 0
            let answer = Answer(sessionID: sessionID, questionID: questionID, revision: last + 1, value: value)
            try answer.insert(db)
            try db.execute(
                sql: "UPDATE session SET position = ?, status = ?, updatedAt = ? WHERE id = ?",
                arguments: [nextPosition, Session.Status.active.rawValue, answer.createdAt, key])
            return answer
        }
    }

    /// Every revision of every answer in a session, oldest first.
    public func answers(sessionID: UUID) throws -> [Answer] {
        try writer.read { db in
            try Answer.filter(Answer.Columns.sessionID == sessionID.uuidString.lowercased())
                .order(Column.rowID).fetchAll(db)
        }
    }

    /// The latest revision per question: answered ones with their text, skipped ones as a set.
    public func answerState(sessionID: UUID) throws -> AnswerState {
        var state = AnswerState(answers: [:], skipped: [])
        for answer in try answers(sessionID: sessionID).sorted(by: { $0.revision < $1.revision }) {
            if let value = answer.value {
                state.answers[answer.questionID] = value
                state.skipped.remove(answer.questionID)
            } else if state.answers[answer.questionID] == nil {
                state.skipped.insert(answer.questionID)
            }
        }
        return state
    }

    // MARK: - Notes

    @discardableResult
    public func addNote(_ note: Note) throws -> Note {
        try write { try note.insert($0) }
        return note
    }

    public func notes(partnerID: UUID? = nil, sessionID: UUID? = nil) throws -> [Note] {
        try writer.read { db in
            var request = Note.order(Note.Columns.createdAt, Column.rowID)
            if let partnerID { request = request.filter(Note.Columns.partnerID == partnerID.uuidString.lowercased()) }
            if let sessionID { request = request.filter(Note.Columns.sessionID == sessionID.uuidString.lowercased()) }
            return try request.fetchAll(db)
        }
    }
}
