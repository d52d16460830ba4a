import Foundation
import GRDB
import OutreachCore

/// A session with what a list of sessions shows about it.
public struct SessionSummary: Sendable {
    public var session: Session
    public var partnerName: String
    public var answered: Int

    public init(session: Session, partnerName: String, answered: Int) {
        self.session = session
        self.partnerName = partnerName
        self.answered = answered
    }
}

extension AppDatabase {
    // MARK: - Sessions

    /// Stores a new session and gives it the next short number.
    public func createSession(_ session: Session) throws -> Session {
        try write { db in
            var session = session
            session.number = (try Int64.fetchOne(db, sql: "SELECT MAX(number) FROM session") ?? 0) + 1
            try session.insert(db)
            return session
        }
    }

    public func session(number: Int64) throws -> Session {
        guard let session = try read({ try Session.filter(Session.Columns.number == number).fetchOne($0) }) else {
            throw StoreError.unknownSession(reference: String(number))
        }
        return session
    }

    public func session(id: UUID) throws -> Session? {
        try read { try Session.fetchOne($0, key: id.uuidString.lowercased()) }
    }

    /// The most recently touched session that is not finished.
    public func latestUnfinishedSession() throws -> Session? {
        try read { db in
            try Session.filter(Column("status") != Session.Status.finished.rawValue)
                .order(Session.Columns.updatedAt.desc, Session.Columns.number.desc).fetchOne(db)
        }
    }

    public func sessionNumbers() throws -> [Int64] {
        try read { try Int64.fetchAll($0, sql: "SELECT number FROM session ORDER BY number") }
    }

    public func sessionSummaries() throws -> [SessionSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT session.*, partner.name AS partnerName,
                       (SELECT COUNT(DISTINCT questionID) FROM answer
                         WHERE answer.sessionID = session.id AND answer.value IS NOT NULL) AS answered
                FROM session JOIN partner ON partner.id = session.partnerID
                ORDER BY session.number
                """)
            return try rows.map { row in
                SessionSummary(session: try Session(row: row), partnerName: row["partnerName"], answered: row["answered"])
            }
        }
    }

    /// Moves a session to another question or status; committed before returning.
    public func updateSession(id: UUID, position: Int, status: Session.Status) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE session SET position = ?, status = ?, updatedAt = ? WHERE id = ?",
                arguments: [position, status.rawValue, Date(), id.uuidString.lowercased()])
        }
    }
}
