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

    public init(kind: Kind, id: UUID, partnerName: String?, sessionNumber: Int64?, questionID: String?, snippet: String, rank: Double) {
        self.kind = kind
        self.id = id
        self.partnerName = partnerName
        self.sessionNumber = sessionNumber
        self.questionID = questionID
        self.snippet = snippet
        self.rank = rank
    }
}

/// What to narrow a search to, and how many hits to return.
public struct SearchFilter: Sendable {
    /// How many of the newest matches `search` ranks by default. Ranking every match of a common
    /// word costs time in proportion to the database (a word in 74% of a million notes took
    /// hundreds of milliseconds); ranking the newest 1,000 costs the same at any size.
    public static let defaultWindow = 1_000

    public var partnerID: UUID?
    public var sector: String?
    public var tag: String?
    /// At most this many hits (nil: every match).
    public var limit: Int?
    /// bm25 ranks only the newest this many matches (nil: every match); see `AppDatabase.search`.
    public var window: Int?

    public init(partnerID: UUID? = nil, sector: String? = nil, tag: String? = nil, limit: Int? = 20,
                window: Int? = SearchFilter.defaultWindow) {
        self.partnerID = partnerID
        self.sector = sector
        self.tag = tag
        self.limit = limit
        self.window = window
    }
}

/// A page of search hits: the best of the ranked matches, how many were ranked, and whether
/// more (older) records matched than the ranking window holds.
public struct SearchResult: Sendable {
    public var hits: [SearchHit]
    /// The matches ranked: every match, or the newest `window` of them.
    public var ranked: Int
    /// Whether older matches were left out of the ranking.
    public var moreMatch: Bool

    public init(hits: [SearchHit], ranked: Int, moreMatch: Bool) {
        self.hits = hits
        self.ranked = ranked
        self.moreMatch = moreMatch
    }
}

extension AppDatabase {
    // MARK: - Search

    /// How many of the newest matches `search` ranks by default (`SearchFilter.defaultWindow`).
    public static let searchWindow = SearchFilter.defaultWindow

    /// Full-text search over answers, notes, terms and values: every word matched as a prefix.
    /// The ranking rule: take the newest `filter.window` matching records (by when they were
    /// indexed), rank those by bm25, best first (ties: newest first), and return the first
    /// `filter.limit`. With no window, every match is ranked.
    public func search(_ query: String, filter: SearchFilter = SearchFilter()) throws -> [SearchHit] {
        try searchPage(query, filter: filter).hits
    }

    /// `search`'s hits together with how many matches were ranked and whether more matched.
    public func searchPage(_ query: String, filter: SearchFilter = SearchFilter()) throws -> SearchResult {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query) else { return SearchResult(hits: [], ranked: 0, moreMatch: false) }
        let arguments: StatementArguments = [
            "pattern": pattern, "partner": filter.partnerID?.uuidString.lowercased(), "sector": filter.sector, "tag": filter.tag,
            "window": filter.window ?? -1, "limit": filter.limit ?? -1, "counted": filter.window.map { $0 + 1 } ?? -1,
        ]
        return try read { db in
            let rows = try Row.fetchAll(db, sql: Self.searchSQL, arguments: arguments)
            let hits = rows.compactMap { row -> SearchHit? in
                guard let kind = SearchHit.Kind(rawValue: row["kind"]), let id = UUID(uuidString: row["ref"]) else { return nil }
                return SearchHit(
                    kind: kind, id: id, partnerName: row["partnerName"], sessionNumber: row["sessionNumber"],
                    questionID: row["questionID"], snippet: row["snippet"], rank: row["rank"])
            }
            // Counting stops one past the window: a common word's every match is never counted.
            let counted: Int = rows.first?["matched"] ?? 0
            let ranked = filter.window.map { min($0, counted) } ?? counted
            return SearchResult(hits: hits, ranked: ranked, moreMatch: counted > ranked)
        }
    }

    /// The match and its filters; each filter is a parameter that is NULL when unused.
    static let searchMatch = """
        searchIndex MATCH :pattern
              AND (:partner IS NULL OR partnerID = :partner)
              AND (:sector IS NULL OR partnerID IN (SELECT id FROM partner WHERE sector = :sector))
              AND (:tag IS NULL OR (kind = 'note' AND hasTag((SELECT text FROM note WHERE note.id = ref), :tag)))
        """

    /// Fixed SQL. The newest `window` matches (and one more, to know whether more match) are read
    /// in rowid order, FTS5's own order, so the scan stops there, with their bm25 score; the best
    /// `limit` of them are kept; only those get a snippet, read in one more pass over the rowid
    /// range they span (a prefix's postings are gathered once a pass, so never once a hit), and
    /// are joined to their sources.
    static let searchSQL = """
        WITH recent AS MATERIALIZED (
            SELECT rowid AS at, kind, ref, partnerID, bm25(searchIndex) AS rank
            FROM searchIndex
            WHERE \(searchMatch)
            ORDER BY rowid DESC
            LIMIT :counted
        ), windowed AS (
            SELECT * FROM recent ORDER BY at DESC LIMIT :window
        ), best AS MATERIALIZED (
            SELECT * FROM windowed ORDER BY rank, at DESC LIMIT :limit
        ), hits AS (
            SELECT best.*, snippet(searchIndex, 0, char(1), char(2), '…', 16) AS snippet
            FROM searchIndex CROSS JOIN best
            WHERE searchIndex MATCH :pattern
              AND searchIndex.rowid BETWEEN (SELECT min(at) FROM best) AND (SELECT max(at) FROM best)
              AND best.at = searchIndex.rowid
        )
        SELECT hits.kind, hits.ref, partner.name AS partnerName, hits.snippet, hits.rank, (SELECT COUNT(*) FROM recent) AS matched,
               COALESCE(answer.questionID, note.questionID, term.questionID, valueItem.questionID) AS questionID,
               session.number AS sessionNumber
        FROM hits
        LEFT JOIN partner ON partner.id = hits.partnerID
        LEFT JOIN answer ON hits.kind = 'answer' AND answer.id = hits.ref
        LEFT JOIN note ON hits.kind = 'note' AND note.id = hits.ref
        LEFT JOIN term ON hits.kind = 'term' AND term.id = hits.ref
        LEFT JOIN valueItem ON hits.kind = 'value' AND valueItem.id = hits.ref
        LEFT JOIN session ON session.id = COALESCE(answer.sessionID, note.sessionID, term.sessionID, valueItem.sessionID)
        ORDER BY hits.rank, hits.at DESC
        """
}
