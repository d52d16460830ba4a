import Foundation
import GRDB
import OutreachCore

/// One search hit: what it is, whose, where it came from, and the matching words marked.
public struct SearchHit: Sendable, Equatable {
    public enum Kind: String, Sendable { case answer, note, term, value }

    public var kind: Kind
    public var id: UUID
    public var partnerName: String?
    public var sessionNumber: Int64?
    public var questionID: String?
    /// The matching text with each matched word between `SearchHit.markStart` and `SearchHit.markEnd`.
    public var snippet: String
    public var rank: Double

    public static let markStart = "\u{1}"
    public static let markEnd = "\u{2}"
}

/// What to narrow a search to.
public struct SearchFilter: Sendable {
    public var partnerID: UUID?
    public var sector: String?
    public var tag: String?
    public var limit: Int

    public init(partnerID: UUID? = nil, sector: String? = nil, tag: String? = nil, limit: Int = 20) {
        self.partnerID = partnerID
        self.sector = sector
        self.tag = tag
        self.limit = limit
    }
}

extension AppDatabase {
    // MARK: - Search

    /// Full-text search over answers, notes, terms and values: every word matched as a prefix,
    /// best matches (bm25) first.
    public func search(_ query: String, filter: SearchFilter = SearchFilter()) throws -> [SearchHit] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query) else { return [] }
        let partner = filter.partnerID?.uuidString.lowercased()
        let arguments: StatementArguments = [pattern, partner, partner, filter.sector, filter.sector, filter.tag, filter.tag, filter.limit]
        return try read { db in
            try Row.fetchAll(db, sql: Self.searchSQL, arguments: arguments).compactMap { row in
                guard let kind = SearchHit.Kind(rawValue: row["kind"]), let id = UUID(uuidString: row["ref"]) else { return nil }
                return SearchHit(
                    kind: kind, id: id, partnerName: row["partnerName"], sessionNumber: row["sessionNumber"],
                    questionID: row["questionID"], snippet: row["snippet"], rank: row["rank"])
            }
        }
    }

    /// Fixed SQL: each filter is a parameter that is NULL when unused. The full-text match,
    /// its filters, ranking and limit run first; only the hits kept are joined to their sources.
    static let searchSQL = """
        WITH hits AS (
            SELECT kind, ref, partnerID, snippet(searchIndex, 0, char(1), char(2), '…', 16) AS snippet, rank
            FROM searchIndex
            WHERE searchIndex MATCH ?
              AND (? IS NULL OR partnerID = ?)
              AND (? IS NULL OR partnerID IN (SELECT id FROM partner WHERE sector = ?))
              AND (? IS NULL OR (kind = 'note' AND hasTag((SELECT text FROM note WHERE note.id = ref), ?)))
            ORDER BY rank
            LIMIT ?
        )
        SELECT hits.kind, hits.ref, partner.name AS partnerName, hits.snippet, hits.rank,
               COALESCE(answer.questionID, note.questionID, term.questionID, valueItem.questionID) AS questionID,
               session.number AS sessionNumber
        FROM hits
        LEFT JOIN partner ON partner.id = hits.partnerID
        LEFT JOIN answer ON hits.kind = 'answer' AND answer.id = hits.ref
        LEFT JOIN note ON hits.kind = 'note' AND note.id = hits.ref
        LEFT JOIN term ON hits.kind = 'term' AND term.id = hits.ref
        LEFT JOIN valueItem ON hits.kind = 'value' AND valueItem.id = hits.ref
        LEFT JOIN session ON session.id = COALESCE(answer.sessionID, note.sessionID, term.sessionID, valueItem.sessionID)
        ORDER BY hits.rank
        """
}
