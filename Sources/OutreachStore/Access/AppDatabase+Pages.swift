import Foundation
import GRDB
import OutreachCore

/// Which page of a listing to read: at most `limit` rows (nil: every row), only rows created on or
/// after `since` (nil: from the start).
public struct PageRequest: Sendable, Equatable {
    /// The rows a listing shows when nothing else is asked for.
    public static let defaultLimit = 50

    public var limit: Int?
    public var since: Date?

    public init(limit: Int? = PageRequest.defaultLimit, since: Date? = nil) {
        self.limit = limit
        self.since = since
    }

    /// Every row.
    public static let all = PageRequest(limit: nil)
}

/// One page of a listing and how many rows match in all (a COUNT query, not the rows).
public struct Page<Element: Sendable>: Sendable {
    public var rows: [Element]
    public var total: Int

    public init(rows: [Element], total: Int) {
        self.rows = rows
        self.total = total
    }

    /// Whether rows that match were left out of the page.
    public var isPartial: Bool { rows.count < total }
}

extension AppDatabase {
    /// Reads `request`'s page of `base` (already filtered): the total from COUNT, the page from
    /// `orderings` and LIMIT. Rows come back in that order.
    static func page<Record: FetchableRecord & TableRecord & Sendable>(
        _ base: QueryInterfaceRequest<Record>, orderedBy orderings: [any SQLOrderingTerm], limit: Int?, in db: Database
    ) throws -> Page<Record> {
        let total = try base.fetchCount(db)
        var request = base.order(orderings)
        if let limit { request = request.limit(max(0, limit)) }
        return Page(rows: try request.fetchAll(db), total: total)
    }

    // MARK: - Notes

    /// The newest notes (by `createdAt`, then insertion) matching the filters, oldest of the page
    /// first, and how many match in all. Reads only the page's rows, on the `note_created` index.
    public func notePage(partnerID: UUID? = nil, sector: String? = nil, tag: String? = nil,
                         _ request: PageRequest = PageRequest()) throws -> Page<Note> {
        try read { db in
            var base = Note.all()
            if let partnerID { base = base.filter(Note.Columns.partnerID == partnerID.uuidString.lowercased()) }
            if let sector { base = base.filter(sql: "note.partnerID IN (SELECT id FROM partner WHERE sector = ?)", arguments: [sector]) }
            if let since = request.since { base = base.filter(Note.Columns.createdAt >= since) }
            if let tag { base = base.filter(AppDatabase.hasTag(Column("text"), tag)) }
            var page = try Self.page(base, orderedBy: [Note.Columns.createdAt.desc, Column.rowID.desc], limit: request.limit, in: db)
            page.rows.reverse()
            return page
        }
    }

    // MARK: - Sessions

    /// The newest sessions (by number) matching the filters, lowest number of the page first, with
    /// their partner and answered count (counted for the page's sessions only), and how many match.
    public func sessionSummaryPage(partnerID: UUID? = nil, _ request: PageRequest = PageRequest()) throws -> Page<SessionSummary> {
        try read { db in
            let partner = partnerID?.uuidString.lowercased()
            let filter = "(? IS NULL OR session.partnerID = ?) AND (? IS NULL OR session.createdAt >= ?)"
            let arguments: StatementArguments = [partner, partner, request.since, request.since]
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session WHERE \(filter)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT page.*, partner.name AS partnerName,
                       (SELECT COUNT(DISTINCT questionID) FROM answer
                         WHERE answer.sessionID = page.id AND answer.value IS NOT NULL) AS answered
                FROM (SELECT * FROM session WHERE \(filter) ORDER BY number DESC LIMIT ?) AS page
                JOIN partner ON partner.id = page.partnerID
                ORDER BY page.number
                """, arguments: arguments + [request.limit ?? -1])
            let summaries = try rows.map { row in
                SessionSummary(session: try Session(row: row), partnerName: row["partnerName"], answered: row["answered"])
            }
            return Page(rows: summaries, total: total)
        }
    }

    // MARK: - Values and actions

    /// The newest values (by `createdAt`, then insertion) matching the filters, oldest of the page first.
    public func valuePage(partnerID: UUID? = nil, _ request: PageRequest = PageRequest()) throws -> Page<ValueItem> {
        try read { db in
            var base = ValueItem.all()
            if let partnerID { base = base.filter(Column("partnerID") == partnerID.uuidString.lowercased()) }
            if let since = request.since { base = base.filter(Column("createdAt") >= since) }
            var page = try Self.page(base, orderedBy: [Column("createdAt").desc, Column.rowID.desc], limit: request.limit, in: db)
            page.rows.reverse()
            return page
        }
    }

    /// The first actions in the action log's order (open ones first, by due day; then done ones)
    /// matching the filters. `overdueBefore` keeps open actions due before that day (`yyyy-MM-dd`).
    public func actionPage(partnerID: UUID? = nil, openOnly: Bool = false, overdueBefore today: String? = nil,
                           _ request: PageRequest = PageRequest()) throws -> Page<ActionItem> {
        try read { db in
            var base = ActionItem.all()
            if let partnerID { base = base.filter(Column("partnerID") == partnerID.uuidString.lowercased()) }
            if openOnly || today != nil { base = base.filter(Column("doneAt") == nil) }
            if let today { base = base.filter(Column("due") != nil && Column("due") < today) }
            if let since = request.since { base = base.filter(Column("createdAt") >= since) }
            return try Self.page(base, orderedBy: [Column("doneAt") != nil, Column("due") == nil, Column("due"), Column.rowID],
                                 limit: request.limit, in: db)
        }
    }

    // MARK: - Terms

    /// The first terms in alphabetical order (any case, then insertion) matching the filters.
    public func termPage(partnerID: UUID? = nil, _ request: PageRequest = PageRequest()) throws -> Page<Term> {
        try read { db in
            var base = Term.all()
            if let partnerID { base = base.filter(Column("partnerID") == partnerID.uuidString.lowercased()) }
            return try Self.page(base, orderedBy: [Column("term").collating(.nocase), Column.rowID], limit: request.limit, in: db)
        }
    }

    /// The terms spelled `word` (any case), in the order they were captured; on the `term_name` index.
    public func terms(named word: String) throws -> [Term] {
        try read { db in
            try Term.filter(Column("term").collating(.nocase) == word).order(Column.rowID).fetchAll(db)
        }
    }

    // MARK: - Partners, parties and partnerships

    /// The first partners by name (as `partners()` orders them) in the sector, if one is given.
    public func partnerPage(sector: String? = nil, _ request: PageRequest = PageRequest()) throws -> Page<Partner> {
        try read { db in
            var base = Partner.all()
            if let sector { base = base.filter(Partner.Columns.sector == sector) }
            return try Self.page(base, orderedBy: [Partner.Columns.name.collating(.localizedCaseInsensitiveCompare), Column.rowID],
                                 limit: request.limit, in: db)
        }
    }

    /// How many sessions each of these partners has (absent: none); one grouped COUNT.
    public func sessionCounts(partnerIDs: [UUID]) throws -> [UUID: Int] {
        let keys = Set(partnerIDs.map { $0.uuidString.lowercased() })
        guard !keys.isEmpty else { return [:] }
        return try read { db in
            let rows = try Row.fetchAll(db, Session.select(Session.Columns.partnerID, count(Column.rowID).forKey("sessions"))
                .filter(keys.contains(Session.Columns.partnerID)).group(Session.Columns.partnerID))
            return Dictionary(rows.compactMap { row in UUID(uuidString: row["partnerID"]).map { ($0, row["sessions"] as Int) } },
                              uniquingKeysWith: { first, _ in first })
        }
    }

    /// The first parties by name (any case).
    public func partyPage(_ request: PageRequest = PageRequest()) throws -> Page<Party> {
        try read { db in
            try Self.page(Party.all(), orderedBy: [Party.Columns.name.collating(.nocase), Column.rowID], limit: request.limit, in: db)
        }
    }

    /// The first partnerships by name (any case).
    public func partnershipPage(_ request: PageRequest = PageRequest()) throws -> Page<Partnership> {
        try read { db in
            try Self.page(Partnership.all(), orderedBy: [Partnership.Columns.name.collating(.nocase), Column.rowID], limit: request.limit, in: db)
        }
    }

    /// How many sessions belong to the partnership (a COUNT, no rows read).
    public func sessionCount(partnershipID: UUID) throws -> Int {
        try read { try Session.filter(Column("partnershipID") == partnershipID.uuidString.lowercased()).fetchCount($0) }
    }

    // MARK: - Names for a page

    /// The names of these parties, by id: one query for the ids a page shows.
    public func partyNames(ids: [UUID]) throws -> [UUID: String] {
        let keys = Set(ids.map { $0.uuidString.lowercased() })
        guard !keys.isEmpty else { return [:] }
        return try read { db in
            let rows = try Row.fetchAll(db, Party.select(Column("id"), Column("name")).filter(keys.contains(Column("id"))))
            return Dictionary(rows.compactMap { row in UUID(uuidString: row["id"]).map { ($0, row["name"] as String) } },
                              uniquingKeysWith: { first, _ in first })
        }
    }

    /// The names of these partners, by id: one query for the ids a page shows.
    public func partnerNames(ids: [UUID]) throws -> [UUID: String] {
        let keys = Set(ids.map { $0.uuidString.lowercased() })
        guard !keys.isEmpty else { return [:] }
        return try read { db in
            let rows = try Row.fetchAll(db, Partner.select(Column("id"), Partner.Columns.name).filter(keys.contains(Column("id"))))
            return Dictionary(rows.compactMap { row in UUID(uuidString: row["id"]).map { ($0, row["name"] as String) } },
                              uniquingKeysWith: { first, _ in first })
        }
    }

    /// The numbers of these sessions, by id: one query for the ids a page shows.
    public func sessionNumbers(ids: [UUID]) throws -> [UUID: Int64] {
        let keys = Set(ids.map { $0.uuidString.lowercased() })
        guard !keys.isEmpty else { return [:] }
        return try read { db in
            let rows = try Row.fetchAll(db, Session.select(Column("id"), Session.Columns.number).filter(keys.contains(Column("id"))))
            return Dictionary(rows.compactMap { row in UUID(uuidString: row["id"]).map { ($0, row["number"] as Int64) } },
                              uniquingKeysWith: { first, _ in first })
        }
    }
}
