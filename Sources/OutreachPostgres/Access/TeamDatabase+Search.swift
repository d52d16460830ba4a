import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    // MARK: - Search

    /// Full-text search over answers, notes, terms and values: every word of the query matched as
    /// a prefix (`word:*`). The ranking rule is SQLite's: take the newest `filter.window` matching
    /// records (by `createdAt`, then id), rank those by `ts_rank`, best first (ties: newest first),
    /// and return the first `filter.limit`. Notes are read through row-level security, so another
    /// lead's private notes are never found. `rank` is the negated `ts_rank`, so that, as with
    /// SQLite's bm25, a lower rank is a better match.
    public func search(_ query: String, filter: SearchFilter) throws -> [SearchHit] {
        try searchPage(query, filter: filter).hits
    }

    public func searchPage(_ query: String, filter: SearchFilter) throws -> SearchResult {
        guard query.contains(where: { $0.isLetter || $0.isNumber }) else { return SearchResult(hits: [], ranked: 0, moreMatch: false) }
        let tag = filter.tag.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#")) }
        let counted = filter.window.map { $0 + 1 }
        let statement: PostgresQuery = """
                WITH q AS (
                    SELECT to_tsquery('simple', string_agg(quote_literal(replace(word, '\\', '')) || ':*', ' & ')) AS query
                    FROM unnest(tsvector_to_array(to_tsvector('simple', \(query)))) AS word
                ), matches AS (
                    SELECT 'answer'::text AS kind, a.id, s.partnerID, a.createdAt AS at, a.value AS body,
                           ts_rank(a.search, q.query) AS rank, a.questionID, a.sessionID
                    FROM answer a JOIN session s ON s.id = a.sessionID, q
                    WHERE a.search @@ q.query AND a.value IS NOT NULL AND \(tag)::text IS NULL
                    UNION ALL
                    SELECT 'note', n.id, n.partnerID, n.createdAt, n.text, ts_rank(n.search, q.query), n.questionID, n.sessionID
                    FROM note n, q
                    WHERE n.search @@ q.query AND (\(tag)::text IS NULL OR EXISTS (
                        SELECT 1 FROM regexp_split_to_table(n.text, '\\s+') AS w(word)
                        WHERE left(w.word, 1) = '#' AND length(w.word) > 1
                          AND lower(regexp_replace(substr(w.word, 2), '^[[:punct:]]+|[[:punct:]]+$', '', 'g')) = \(tag)))
                    UNION ALL
                    SELECT 'term', t.id, t.partnerID, t.createdAt, t.term || ': ' || t.meaning, ts_rank(t.search, q.query),
                           t.questionID, t.sessionID
                    FROM term t, q WHERE t.search @@ q.query AND \(tag)::text IS NULL
                    UNION ALL
                    SELECT 'value', v.id, v.partnerID, v.createdAt, v.value, ts_rank(v.search, q.query), v.questionID, v.sessionID
                    FROM valueItem v, q WHERE v.search @@ q.query AND \(tag)::text IS NULL
                ), recent AS MATERIALIZED (
                    SELECT * FROM matches
                    WHERE (\(filter.partnerID)::uuid IS NULL OR partnerID = \(filter.partnerID))
                      AND (\(filter.sector)::text IS NULL OR partnerID IN (SELECT id FROM partner WHERE sector = \(filter.sector)))
                    ORDER BY at DESC, id DESC
                    LIMIT \(counted)
                ), windowed AS (
                    SELECT * FROM recent ORDER BY at DESC, id DESC LIMIT \(filter.window)
                ), best AS (
                    SELECT * FROM windowed ORDER BY rank DESC, at DESC, id DESC LIMIT \(filter.limit)
                )
                SELECT best.kind, best.id, partner.name AS partnerName, best.rank::float8 AS rank, best.questionID,
                       session.number AS sessionNumber, (SELECT count(*) FROM recent) AS matched,
                       ts_headline('simple', best.body, q.query,
                                   'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=16, MinWords=6, ShortWord=0') AS snippet
                FROM best CROSS JOIN q
                LEFT JOIN partner ON partner.id = best.partnerID
                LEFT JOIN session ON session.id = best.sessionID
                ORDER BY best.rank DESC, best.at DESC, best.id DESC
                """
        let rows = try read { try self.rows(statement) }
        let hits = try rows.compactMap { row -> SearchHit? in
            let c = TeamRow(row)
            guard let kind = SearchHit.Kind(rawValue: try c("kind")) else { return nil }
            let rank: Double = try c("rank")
            return SearchHit(kind: kind, id: try c("id"), partnerName: try c("partnerName"), sessionNumber: try c("sessionNumber"),
                             questionID: try c("questionID"), snippet: try c("snippet"), rank: -rank)
        }
        // Counting stops one past the window: a common word's every match is never counted.
        let matched: Int = try rows.first.map { try TeamRow($0)("matched") } ?? 0
        let ranked = filter.window.map { min($0, matched) } ?? matched
        return SearchResult(hits: hits, ranked: ranked, moreMatch: matched > ranked)
    }
}
