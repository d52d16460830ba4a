import Foundation
import GRDB
import OutreachCore

/// The latest state of a session's answers, as a run needs it to continue.
public struct AnswerState: Sendable, Equatable {
    public var answers: [String: String]
    public var skipped: Set<String>

    /// The state that revisions in the merge rule's order (`AppDatabase.answers(sessionID:)`) leave:
    /// the last answer per question, and the questions only ever skipped.
    public init(revisions: [Answer]) {
        answers = [:]
        skipped = []
        for answer in revisions {
            if let value = answer.value {
                answers[answer.questionID] = value
                skipped.remove(answer.questionID)
            } else if answers[answer.questionID] == nil {
                skipped.insert(answer.questionID)
            }
        }
    }
}

extension AppDatabase {
    // MARK: - Answers

    /// Saves a new revision of an answer (nil value: skipped) and the session's new position,
    /// in one transaction committed before this returns.
    ///
    /// The revision becomes the current one under the merge rule (see `answers(sessionID:)`), and
    /// the session's answers stay in the order they were given: it is stamped now, or just after
    /// the session's newest answer when that one is dated the same millisecond or later (answers
    /// given faster than the clock ticks, or another person's clock running ahead).
    @discardableResult
    public func recordAnswer(sessionID: UUID, questionID: String, value: String?, nextPosition: Int) throws -> Answer {
        try write { db in
            let key = sessionID.uuidString.lowercased()
            let session = Answer.filter(Answer.Columns.sessionID == key)
            let last = try Int.fetchOne(db, session.filter(Answer.Columns.questionID == questionID).select(max(Answer.Columns.revision))) ?? 0
            let newest = try Date.fetchOne(db, session.select(max(Answer.Columns.createdAt)))
            // Stored to the millisecond: 1.5 ms later stays later whether the store rounds or truncates.
            let createdAt = newest.map { Swift.max(Date(), $0.addingTimeInterval(0.0015)) } ?? Date()
            let answer = Answer(sessionID: sessionID, questionID: questionID, revision: last + 1, value: value, createdAt: createdAt)
            try answer.insert(db)
            try db.execute(
                sql: "UPDATE session SET position = ?, status = ?, updatedAt = ? WHERE id = ?",
                arguments: [nextPosition, Session.Status.active.rawValue, answer.createdAt, key])
            return answer
        }
    }

    /// Every revision of every answer in a session, in the order of the merge rule: oldest edit
    /// first by `createdAt`, revisions stamped in the same millisecond by id. Every database that
    /// holds the same revisions lists them in the same order, whatever order bundles arrived in.
    public func answers(sessionID: UUID) throws -> [Answer] {
        try read { db in
            try Answer.filter(Answer.Columns.sessionID == sessionID.uuidString.lowercased())
                .order(Answer.Columns.createdAt, Answer.Columns.id).fetchAll(db)
        }
    }

    /// The current answer per question, the last revision in the merge rule's order: answered
    /// ones with their text, skipped ones (never answered) as a set.
    public func answerState(sessionID: UUID) throws -> AnswerState {
        AnswerState(revisions: try answers(sessionID: sessionID))
    }

    // MARK: - Notes

    @discardableResult
    public func addNote(_ note: Note) throws -> Note {
        try write { try note.insert($0) }
        return note
    }

    public func notes(partnerID: UUID? = nil, sessionID: UUID? = nil) throws -> [Note] {
        try read { db in
            var request = Note.order(Note.Columns.createdAt, Column.rowID)
            if let partnerID { request = request.filter(Note.Columns.partnerID == partnerID.uuidString.lowercased()) }
            if let sessionID { request = request.filter(Note.Columns.sessionID == sessionID.uuidString.lowercased()) }
            return try request.fetchAll(db)
        }
    }
}
