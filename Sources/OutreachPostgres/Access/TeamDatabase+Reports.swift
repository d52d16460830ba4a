import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    // MARK: - Reports

    /// The notes with these ids, whoever they belong to, oldest first (unknown ids, and other
    /// people's private notes, are left out).
    public func notes(ids: [UUID]) throws -> [Note] {
        try read {
            guard !ids.isEmpty else { return [] }
            return try Note.all(rows("SELECT \(unescaped: TeamColumns.note) FROM note WHERE id = ANY(\(Bound(ids: Set(ids)))) ORDER BY createdAt, id"))
        }
    }

    /// For every session, the ids of the questions that have an answer (skips left out).
    public func answeredQuestionIDs() throws -> [UUID: Set<String>] {
        try read {
            var result: [UUID: Set<String>] = [:]
            for row in try rows("SELECT DISTINCT sessionID, questionID FROM answer WHERE value IS NOT NULL") {
                let fields = TeamRow(row)
                result[try fields("sessionID", as: UUID.self), default: []].insert(try fields("questionID", as: String.self))
            }
            return result
        }
    }

    /// For every session, the last time anything was written for it: the session itself, its
    /// answers, and the notes, terms, values and actions recorded during it.
    public func sessionActivity() throws -> [UUID: Date] {
        try read {
            var result: [UUID: Date] = [:]
            for row in try rows(PostgresQuery(unsafeSQL: AppDatabase.sessionActivitySQL)) {
                let fields = TeamRow(row)
                guard let at = try fields.optionalDate("at") else { continue }
                result[try fields("sessionID", as: UUID.self)] = at
            }
            return result
        }
    }

    /// The sessions that ran a playbook, oldest number first.
    public func sessions(playbookID: String) throws -> [Session] {
        try read {
            try Session.all(rows("SELECT \(unescaped: TeamColumns.session) FROM session WHERE playbookID = \(Bound(playbookID)) ORDER BY number"))
        }
    }

    /// A partner's sessions, oldest number first.
    public func sessions(partnerID: UUID) throws -> [Session] {
        try read {
            try Session.all(rows("SELECT \(unescaped: TeamColumns.session) FROM session WHERE partnerID = \(Bound(partnerID)) ORDER BY number"))
        }
    }
}
