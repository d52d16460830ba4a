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
        let statement = Self.searchStatement(query, filter: filter)
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

    /// The statement `searchPage` runs (public so that `make bench` can time the same SQL on a bare
    /// connection). Two things keep it fast on a million notes:
    /// - the prefix query is one expression of immutable functions of the bound text, not a
    ///   materialized CTE, so the server plans with the actual `tsquery` and its estimate of how
    ///   many rows match: a common word then walks an index on (createdAt, id) from the newest record and stops
    ///   after the window, instead of matching and sorting every note;
    /// - each kind of record is filtered and cut to the newest `window + 1` on its own, so each
    ///   branch can use its own ordered index; the union of those is cut again;
    /// - public notes are matched in `noteSearch` (no row-level security, so its GIN index serves a
    ///   rare word, and `noteSearch_created` a common one); their text is read from `note` (where the
    ///   policy still applies) only for a `#tag` filter and for the snippets of the hits returned,
    ///   not for the whole window (a thousand lookups by a random uuid cost ~25 ms); the reader's own private notes come straight from `note` through the
    ///   partial index `note_private` (`isPrivate AND author = current_user` are leakproof; the
    ///   `COLLATE "default"` is needed, or the `name`'s collation C keeps the index from serving), and
    ///   only then matched. On `note` itself `@@` could not use an index: it is not leakproof.
    /// The tsvector's text form (`'word':1,3 'other':2`) becomes `'word':* & 'other':*`;
    /// backslashes are dropped, as they always were.
    public static func searchStatement(_ query: String, filter: SearchFilter) -> PostgresQuery {
        let tag = filter.tag.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#")) }
        let counted = filter.window.map { $0 + 1 }
        let partnerID = filter.partnerID, sector = filter.sector
        return """
            WITH q AS NOT MATERIALIZED (
                SELECT to_tsquery('simple', replace(regexp_replace(replace(to_tsvector('simple', \(query))::text, '\\', ''),
                                                                   ''':[0-9,]+', ''':*', 'g'), ''':* ''', ''':* & ''')) AS query
            ), matches AS (
                (SELECT 'answer'::text AS kind, a.id, s.partnerID, a.createdAt AS at, a.value AS body,
                        ts_rank(a.search, q.query) AS rank, a.questionID, a.sessionID
                 FROM answer a JOIN session s ON s.id = a.sessionID, q
                 WHERE a.search @@ q.query AND a.value IS NOT NULL AND \(tag)::text IS NULL
                   AND (\(partnerID)::uuid IS NULL OR s.partnerID = \(partnerID))
                   AND (\(sector)::text IS NULL OR s.partnerID IN (SELECT id FROM partner WHERE sector = \(sector)))
                 ORDER BY a.createdAt DESC, a.id DESC LIMIT \(counted))
                UNION ALL
                (SELECT 'note', ns.noteID, ns.partnerID, ns.createdAt, NULL::text, ts_rank(ns.search, q.query), ns.questionID, ns.sessionID
                 FROM noteSearch ns, q
                 WHERE ns.search @@ q.query AND (\(tag)::text IS NULL OR EXISTS (
                     SELECT 1 FROM note n, regexp_split_to_table(n.text, '\\s+') AS w(word)
                     WHERE n.id = ns.noteID AND left(w.word, 1) = '#' AND length(w.word) > 1
                       AND lower(regexp_replace(substr(w.word, 2), '^[[:punct:]]+|[[:punct:]]+$', '', 'g')) = \(tag)))
                   AND (\(partnerID)::uuid IS NULL OR ns.partnerID = \(partnerID))
                   AND (\(sector)::text IS NULL OR ns.partnerID IN (SELECT id FROM partner WHERE sector = \(sector)))
                 ORDER BY ns.createdAt DESC, ns.noteID DESC LIMIT \(counted))
                UNION ALL
                (SELECT 'note', n.id, n.partnerID, n.createdAt, n.text, ts_rank(n.search, q.query), n.questionID, n.sessionID
                 FROM note n, q
                 WHERE n.isPrivate AND n.author = current_user::text COLLATE "default" AND n.search @@ q.query AND (\(tag)::text IS NULL OR EXISTS (
                     SELECT 1 FROM regexp_split_to_table(n.text, '\\s+') AS w(word)
                     WHERE left(w.word, 1) = '#' AND length(w.word) > 1
                       AND lower(regexp_replace(substr(w.word, 2), '^[[:punct:]]+|[[:punct:]]+$', '', 'g')) = \(tag)))
                   AND (\(partnerID)::uuid IS NULL OR n.partnerID = \(partnerID))
                   AND (\(sector)::text IS NULL OR n.partnerID IN (SELECT id FROM partner WHERE sector = \(sector)))
                 ORDER BY n.createdAt DESC, n.id DESC LIMIT \(counted))
                UNION ALL
                (SELECT 'term', t.id, t.partnerID, t.createdAt, t.term || ': ' || t.meaning, ts_rank(t.search, q.query),
                        t.questionID, t.sessionID
                 FROM term t, q WHERE t.search @@ q.query AND \(tag)::text IS NULL
                   AND (\(partnerID)::uuid IS NULL OR t.partnerID = \(partnerID))
                   AND (\(sector)::text IS NULL OR t.partnerID IN (SELECT id FROM partner WHERE sector = \(sector)))
                 ORDER BY t.createdAt DESC, t.id DESC LIMIT \(counted))
                UNION ALL
                (SELECT 'value', v.id, v.partnerID, v.createdAt, v.value, ts_rank(v.search, q.query), v.questionID, v.sessionID
                 FROM valueItem v, q WHERE v.search @@ q.query AND \(tag)::text IS NULL
                   AND (\(partnerID)::uuid IS NULL OR v.partnerID = \(partnerID))
                   AND (\(sector)::text IS NULL OR v.partnerID IN (SELECT id FROM partner WHERE sector = \(sector)))
                 ORDER BY v.createdAt DESC, v.id DESC LIMIT \(counted))
            ), recent AS MATERIALIZED (
                SELECT * FROM matches ORDER BY at DESC, id DESC LIMIT \(counted)
            ), windowed AS (
                SELECT * FROM recent ORDER BY at DESC, id DESC LIMIT \(filter.window)
            ), best AS (
                SELECT * FROM windowed ORDER BY rank DESC, at DESC, id DESC LIMIT \(filter.limit)
            )
            SELECT best.kind, best.id, partner.name AS partnerName, best.rank::float8 AS rank, best.questionID,
                   session.number AS sessionNumber, (SELECT count(*) FROM recent) AS matched,
                   ts_headline('simple', coalesce(best.body, (SELECT n.text FROM note n WHERE n.id = best.id)), q.query,
                               'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=16, MinWords=6, ShortWord=0') AS snippet
            FROM best CROSS JOIN q
            LEFT JOIN partner ON partner.id = best.partnerID
            LEFT JOIN session ON session.id = best.sessionID
            ORDER BY best.rank DESC, best.at DESC, best.id DESC
            """
    }
}
