import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    /// Reads `request`'s page of `table` under `conditions`: the total from COUNT, the page from
    /// `order` and LIMIT. Rows come back in that order.
    func page<R: RecordRow>(_ type: R.Type, where conditions: Conditions, orderedBy order: String, limit: Int?) throws -> Page<R> {
        try transaction {
            var count = StatementBuilder("SELECT COUNT(*) AS total FROM \(R.table)")
            conditions.append(to: &count)
            let total = try rows(count.query).first.map { try TeamRow($0)("total", as: Int.self) } ?? 0
            var page = StatementBuilder("SELECT \(R.selected) FROM \(R.table)")
            conditions.append(to: &page)
            page.append(" ORDER BY \(order)")
            if let limit { page.append(" LIMIT ", Bound(max(0, limit))) }
            return Page(rows: try R.all(rows(page.query)), total: total)
        }
    }

    // MARK: - Notes

    /// The newest notes (by `createdAt`, then id) matching the filters, oldest of the page first,
    /// and how many match in all.
    public func notePage(partnerID: UUID?, sector: String?, tag: String?, _ request: PageRequest) throws -> Page<Note> {
        try consistentRead {
            var conditions = Conditions()
            if let partnerID { conditions.add("partnerID = ", Bound(partnerID)) }
            if let sector { conditions.add("partnerID IN (SELECT id FROM partner WHERE sector = ", Bound(sector), suffix: ")") }
            if let since = request.since { conditions.add("createdAt >= ", Bound(since)) }
            if let tag { conditions.add("text ~* ", Bound(Self.tagPattern(tag))) }
            var page = try page(Note.self, where: conditions, orderedBy: "createdAt DESC, seq DESC", limit: request.limit)
            page.rows.reverse()
            return page
        }
    }

    /// A regular expression for a note text carrying `#tag` as `Note.tags` reads it: a word (between
    /// white space) starting with `#`, whose rest, without punctuation at either end, is the tag (any case).
    static func tagPattern(_ tag: String) -> String {
        let wanted = tag.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#"))
        let escaped = wanted.unicodeScalars.map { scalar -> String in
            CharacterSet.alphanumerics.contains(scalar) || scalar.value > 0x7F ? String(scalar) : "\\" + String(scalar)
        }.joined()
        return "(^|[[:space:]])#[[:punct:]]*" + escaped + "[[:punct:]]*([[:space:]]|$)"
    }

    // MARK: - Sessions

    /// The newest sessions (by number) matching the filters, lowest number of the page first, with
    /// their partner and answered count (counted for the page's sessions only), and how many match.
    public func sessionSummaryPage(partnerID: UUID?, _ request: PageRequest) throws -> Page<SessionSummary> {
        try consistentRead {
            var conditions = Conditions()
            if let partnerID { conditions.add("session.partnerID = ", Bound(partnerID)) }
            if let since = request.since { conditions.add("session.createdAt >= ", Bound(since)) }
            return try transaction {
                var count = StatementBuilder("SELECT COUNT(*) AS total FROM session")
                conditions.append(to: &count)
                let total = try rows(count.query).first.map { try TeamRow($0)("total", as: Int.self) } ?? 0
                var page = StatementBuilder("""
                    SELECT page.*, partner.name AS partnerName,
                           (SELECT COUNT(DISTINCT questionID) FROM answer
                             WHERE answer.sessionID = page.id AND answer.value IS NOT NULL) AS answered
                    FROM (SELECT \(TeamColumns.session) FROM session
                    """)
                conditions.append(to: &page)
                page.append(" ORDER BY number DESC")
                if let limit = request.limit { page.append(" LIMIT ", Bound(max(0, limit))) }
                page.append(") AS page JOIN partner ON partner.id = page.partnerID ORDER BY page.number")
                let summaries = try rows(page.query).map { row in
                    let fields = TeamRow(row)
                    return SessionSummary(session: try Session(row: row), partnerName: try fields("partnerName", as: String.self),
                                          answered: try fields("answered", as: Int.self))
                }
                return Page(rows: summaries, total: total)
            }
        }
    }

    // MARK: - Values and actions

    /// The newest values (by `createdAt`, then id) matching the filters, oldest of the page first.
    public func valuePage(partnerID: UUID?, _ request: PageRequest) throws -> Page<ValueItem> {
        try consistentRead {
            var conditions = Conditions()
            if let partnerID { conditions.add("partnerID = ", Bound(partnerID)) }
            if let since = request.since { conditions.add("createdAt >= ", Bound(since)) }
            var page = try page(ValueItem.self, where: conditions, orderedBy: "createdAt DESC, seq DESC", limit: request.limit)
            page.rows.reverse()
            return page
        }
    }

    /// The first actions in the action log's order (open ones first, by due day; then done ones)
    /// matching the filters. `overdueBefore` keeps open actions due before that day (`yyyy-MM-dd`).
    public func actionPage(partnerID: UUID?, openOnly: Bool, overdueBefore today: String?, _ request: PageRequest) throws -> Page<ActionItem> {
        try consistentRead {
            var conditions = Conditions()
            if let partnerID { conditions.add("partnerID = ", Bound(partnerID)) }
            if openOnly || today != nil { conditions.add("doneAt IS NULL") }
            if let today { conditions.add("due IS NOT NULL AND due < ", Bound(today)) }
            if let since = request.since { conditions.add("createdAt >= ", Bound(since)) }
            return try page(ActionItem.self, where: conditions, orderedBy: Self.actionOrder, limit: request.limit)
        }
    }

    // MARK: - Terms

    /// The first terms in alphabetical order (any case, then when they were captured) matching the filters.
    public func termPage(partnerID: UUID?, _ request: PageRequest) throws -> Page<Term> {
        try consistentRead {
            var conditions = Conditions()
            if let partnerID { conditions.add("partnerID = ", Bound(partnerID)) }
            return try page(Term.self, where: conditions, orderedBy: "lower(term), seq", limit: request.limit)
        }
    }

    // MARK: - Partners, parties and partnerships

    /// The first partners by name (any case) in the sector, if one is given.
    public func partnerPage(sector: String?, _ request: PageRequest) throws -> Page<Partner> {
        try consistentRead {
            var conditions = Conditions()
            if let sector { conditions.add("sector = ", Bound(sector)) }
            return try page(Partner.self, where: conditions, orderedBy: "lower(name), seq", limit: request.limit)
        }
    }

    /// The first parties by name (any case).
    public func partyPage(_ request: PageRequest) throws -> Page<Party> {
        try consistentRead {
            try page(Party.self, where: Conditions(), orderedBy: "lower(name), seq", limit: request.limit)
        }
    }

    /// The first partnerships by name (any case).
    public func partnershipPage(_ request: PageRequest) throws -> Page<Partnership> {
        try consistentRead {
            try page(Partnership.self, where: Conditions(), orderedBy: "lower(name), seq", limit: request.limit)
        }
    }
}
