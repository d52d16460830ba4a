import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    // MARK: - Reading as one snapshot, the schema

    /// Several reads as one snapshot (REPEATABLE READ, READ ONLY), so another lead's write in the
    /// middle cannot mix two states. A call inside another joins it.
    public func consistentRead<T>(_ body: () throws -> T) throws -> T {
        try reconnecting { try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body) }
    }

    /// The names of the migrations applied, oldest first.
    public func schemaVersion() throws -> [String] {
        try read { try appliedMigrations() ?? [] }
    }

    // MARK: - Sessions

    /// Stores a new session; the server gives it the next number (an identity, so leads creating
    /// sessions at the same moment get different numbers).
    @discardableResult
    public func createSession(_ session: Session) throws -> Session {
        var session = session
        let number: Int64 = try write {
            if let row = try rows(try TeamInserts.session(session)).first { return try TeamRow(row)("number") }
            // Saved by the first try, whose reply was lost with the connection.
            return try value("SELECT number FROM session WHERE id = \(session.id)")
        }
        session.number = number
        return session
    }

    public func session(number: Int64) throws -> Session {
        guard let row = try read({ try rows("SELECT \(unescaped: TeamColumns.session) FROM session WHERE number = \(number)").first }) else {
            throw StoreError.unknownSession(reference: String(number))
        }
        return try Session(row: row)
    }

    public func session(id: UUID) throws -> Session? {
        try read { try rows("SELECT \(unescaped: TeamColumns.session) FROM session WHERE id = \(id)").first.map(Session.init(row:)) }
    }

    /// The most recently touched session that is not finished.
    public func latestUnfinishedSession() throws -> Session? {
        try read {
            try rows("""
                SELECT \(unescaped: TeamColumns.session) FROM session WHERE status <> \(Session.Status.finished.rawValue)
                ORDER BY updatedAt DESC, number DESC LIMIT 1
                """).first.map(Session.init(row:))
        }
    }

    public func sessionNumbers() throws -> [Int64] {
        try read { try rows("SELECT number FROM session ORDER BY number").map { try $0.decode(Int64.self) } }
    }

    public func sessionSummaries() throws -> [SessionSummary] {
        try read {
            try rows("""
                SELECT \(unescaped: TeamColumns.session), partner.name AS partnerName,
                       (SELECT count(DISTINCT questionID) FROM answer
                         WHERE answer.sessionID = session.id AND answer.value IS NOT NULL) AS answered
                FROM session JOIN partner ON partner.id = session.partnerID
                ORDER BY session.number
                """).map { row in
                let c = TeamRow(row)
                return SessionSummary(session: try Session(row: row), partnerName: try c("partnerName"), answered: try c("answered"))
            }
        }
    }

    /// Moves a session to another question or status; committed before returning.
    public func updateSession(id: UUID, position: Int, status: Session.Status) throws {
        try write {
            try rows("""
                UPDATE session SET position = \(position), status = \(status.rawValue), updatedAt = \(Date().teamStored)
                WHERE id = \(id)
                """)
        }
    }
}
