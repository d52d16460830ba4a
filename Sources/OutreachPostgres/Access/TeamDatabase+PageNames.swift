import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    // MARK: - Counts for a page

    /// How many sessions each of these partners has (absent: none); one grouped COUNT.
    public func sessionCounts(partnerIDs: [UUID]) throws -> [UUID: Int] {
        try read {
            guard !partnerIDs.isEmpty else { return [:] }
            let rows = try rows("""
                SELECT partnerID, COUNT(*) AS sessions FROM session WHERE partnerID = ANY(\(Bound(ids: Set(partnerIDs)))) GROUP BY partnerID
                """)
            return Dictionary(try rows.map { row in
                let fields = TeamRow(row)
                return (try fields("partnerID", as: UUID.self), try fields("sessions", as: Int.self))
            }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// How many sessions belong to the partnership (a COUNT, no rows read).
    public func sessionCount(partnershipID: UUID) throws -> Int {
        try read {
            try rows("SELECT COUNT(*) AS total FROM session WHERE partnershipID = \(Bound(partnershipID))")
                .first.map { try TeamRow($0)("total", as: Int.self) } ?? 0
        }
    }

    // MARK: - Names for a page

    /// The names of these parties, by id: one query for the ids a page shows.
    public func partyNames(ids: [UUID]) throws -> [UUID: String] {
        try read {
            try names(table: "party", column: "name", ids: ids)
        }
    }

    /// The names of these partners, by id: one query for the ids a page shows.
    public func partnerNames(ids: [UUID]) throws -> [UUID: String] {
        try read {
            try names(table: "partner", column: "name", ids: ids)
        }
    }

    /// The numbers of these sessions, by id: one query for the ids a page shows.
    public func sessionNumbers(ids: [UUID]) throws -> [UUID: Int64] {
        try read {
            guard !ids.isEmpty else { return [:] }
            let rows = try rows("SELECT id, number FROM session WHERE id = ANY(\(Bound(ids: Set(ids))))")
            return Dictionary(try rows.map { row in
                let fields = TeamRow(row)
                return (try fields("id", as: UUID.self), Int64(try fields("number", as: Int.self)))
            }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// `column` of the rows of `table` (fixed names) with these ids.
    private func names(table: String, column: String, ids: [UUID]) throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try rows("SELECT id, \(unescaped: column) AS label FROM \(unescaped: table) WHERE id = ANY(\(Bound(ids: Set(ids))))")
        return Dictionary(try rows.map { row in
            let fields = TeamRow(row)
            return (try fields("id", as: UUID.self), try fields("label", as: String.self))
        }, uniquingKeysWith: { first, _ in first })
    }
}
