import Foundation
import GRDB
import OutreachCore

extension AppDatabase {
    // MARK: - Reports

    /// The notes with these ids, whoever they belong to, oldest first (unknown ids are left out).
    public func notes(ids: [UUID]) throws -> [Note] {
        guard !ids.isEmpty else { return [] }
        let keys = ids.map { $0.uuidString.lowercased() }
        return try read { db in
            try Note.filter(keys: keys).order(Note.Columns.createdAt, Column("id")).fetchAll(db)
        }
    }

    /// For every session, the ids of the questions that have an answer (skips left out).
    public func answeredQuestionIDs() throws -> [UUID: Set<String>] {
        try read { db in
            var result: [UUID: Set<String>] = [:]
            let rows = try Row.fetchAll(db, sql: "SELECT DISTINCT sessionID, questionID FROM answer WHERE value IS NOT NULL")
            for row in rows {
                guard let id = UUID(uuidString: row["sessionID"]) else { continue }
                result[id, default: []].insert(row["questionID"])
            }
            return result
        }
    }

    /// For every session, the last time anything was written for it: the session itself, its
    /// answers, and the notes, terms, values and actions recorded during it.
    public func sessionActivity() throws -> [UUID: Date] {
        try read { db in
            var result: [UUID: Date] = [:]
            for row in try Row.fetchAll(db, sql: Self.sessionActivitySQL) {
                guard let id = UUID(uuidString: row["sessionID"]), let at: Date = row["at"] else { continue }
                result[id] = at
            }
            return result
        }
    }

    /// Fixed SQL, the same for both stores: for each session, the newest date of its own row and
    /// of everything recorded during it. (In SQLite every table's dates are stored in the same UTC
    /// text form, so MAX compares them correctly; in PostgreSQL they are `timestamptz`.)
    public static let sessionActivitySQL = """
        SELECT sessionID, MAX(at) AS at FROM (
            SELECT id AS sessionID, updatedAt AS at FROM session
            UNION ALL SELECT sessionID, createdAt FROM answer
            UNION ALL SELECT sessionID, updatedAt FROM note WHERE sessionID IS NOT NULL
            UNION ALL SELECT sessionID, updatedAt FROM term WHERE sessionID IS NOT NULL
            UNION ALL SELECT sessionID, updatedAt FROM valueItem WHERE sessionID IS NOT NULL
            UNION ALL SELECT sessionID, updatedAt FROM actionItem WHERE sessionID IS NOT NULL
        ) AS activity
        GROUP BY sessionID
        """

    /// The sessions that ran a playbook, oldest number first.
    public func sessions(playbookID: String) throws -> [Session] {
        try read { db in
            try Session.filter(Column("playbookID") == playbookID).order(Session.Columns.number).fetchAll(db)
        }
    }

    /// Stores an answer revision exactly as given, leaving its session untouched (unlike
    /// `recordAnswer`, which also moves the session on and stamps it with the current time).
    /// For fixed test databases and tools that replay recorded answers.
    public func insertAnswer(_ answer: Answer) throws {
        try write { try answer.insert($0) }
    }

    /// A partner's sessions, oldest number first.
    public func sessions(partnerID: UUID) throws -> [Session] {
        try read { db in
            try Session.filter(Session.Columns.partnerID == partnerID.uuidString.lowercased())
                .order(Session.Columns.number).fetchAll(db)
        }
    }
}
