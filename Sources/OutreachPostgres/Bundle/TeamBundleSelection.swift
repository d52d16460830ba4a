import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

/// The records an export writes, in the order an import needs them, chosen exactly as SQLite's
/// `BundleSelection` chooses them (see it for what a partner's bundle holds). Rows are read in the
/// order they were made. Other people's private notes are not visible here, so they are never written.
struct TeamBundleSelection {
    let database: TeamDatabase
    let redact: Bool

    func lines(partnerID: UUID?) throws -> [StoreBundle.Line] {
        guard let partnerID else { return try everything() }
        return try partnerLines(partnerID)
    }

    private func all<R: RecordRow>(_ type: R.Type) throws -> [R] {
        try R.all(database.rows(PostgresQuery(unsafeSQL: "SELECT \(R.selected) FROM \(R.table) ORDER BY \(order(R.self))")))
    }

    /// Rows of `R` where `column` is one of `ids`, in the order they were made.
    private func rows<R: RecordRow>(_ type: R.Type, _ column: String, in ids: Set<UUID>) throws -> [R] {
        guard !ids.isEmpty else { return [] }
        return try R.all(database.rows(
            "SELECT \(unescaped: R.selected) FROM \(unescaped: R.table) WHERE \(unescaped: column) = ANY(\(Bound(ids: ids))) ORDER BY \(unescaped: order(R.self))"))
    }

    /// Sessions by number (as they were made here), every other table by its `seq`.
    private func order<R: RecordRow>(_ type: R.Type) -> String {
        R.self == Session.self ? "number" : TeamDatabase.insertionOrder
    }

    private func everything() throws -> [StoreBundle.Line] {
        try StoreBundle.lines(partners: all(Partner.self), parties: all(Party.self), aliases: all(PartyAlias.self),
                              partnerships: all(Partnership.self), members: all(PartnershipMember.self), sessions: all(Session.self),
                              answers: all(Answer.self), notes: all(Note.self), terms: all(Term.self), values: all(ValueItem.self),
                              actions: all(ActionItem.self), redacted: redact)
    }

    private func ids(_ query: PostgresQuery, _ column: String = "id") throws -> Set<UUID> {
        Set(try database.rows(query).compactMap { try TeamRow($0)(column, as: UUID?.self) })
    }

    private func partnerLines(_ partnerID: UUID) throws -> [StoreBundle.Line] {
        let key = Bound(partnerID)
        var inPartnerships = try ids("""
            SELECT partnershipID FROM partnershipMember WHERE partyID IN (SELECT id FROM party WHERE partnerID = \(key))
            """, "partnershipID")
        for table in ["session", "note", "valueItem", "actionItem"] {
            inPartnerships.formUnion(try ids(
                "SELECT partnershipID FROM \(unescaped: table) WHERE partnerID = \(key) AND partnershipID IS NOT NULL", "partnershipID"))
        }
        func scoped<R: RecordRow>(_ type: R.Type) throws -> [R] {
            try R.all(database.rows("""
                SELECT \(unescaped: R.selected) FROM \(unescaped: R.table) WHERE partnerID = \(key) OR partnershipID = ANY(\(Bound(ids: inPartnerships)))
                ORDER BY \(unescaped: order(R.self))
                """))
        }
        let notes = try scoped(Note.self), values = try scoped(ValueItem.self), actions = try scoped(ActionItem.self)
        let terms = try Term.all(database.rows("SELECT \(unescaped: TeamColumns.term) FROM term WHERE partnerID = \(key) ORDER BY \(unescaped: TeamDatabase.insertionOrder)"))
        var sessionKeys = Set(try scoped(Session.self).map(\.id))
        sessionKeys.formUnion((notes.map(\.sessionID) + terms.map(\.sessionID) + values.map(\.sessionID) + actions.map(\.sessionID)).compactMap { $0 })
        let sessions = try rows(Session.self, "id", in: sessionKeys)
        let answers = try rows(Answer.self, "sessionID", in: sessionKeys)

        let partnershipKeys = inPartnerships.union(
            (sessions.map(\.partnershipID) + notes.map(\.partnershipID) + values.map(\.partnershipID) + actions.map(\.partnershipID))
                .compactMap { $0 })
        let partnerships = try rows(Partnership.self, "id", in: partnershipKeys)
        let members = try rows(PartnershipMember.self, "partnershipID", in: partnershipKeys)
        var partyKeys = Set(members.map(\.partyID) + values.flatMap { $0.beneficiaryIDs + $0.payerIDs })
        partyKeys.formUnion(try ids("SELECT id FROM party WHERE partnerID = \(key)"))
        let parties = try rows(Party.self, "id", in: partyKeys)
        let aliases = try rows(PartyAlias.self, "partyID", in: partyKeys)

        var partnerKeys: Set<UUID> = [partnerID]
        partnerKeys.formUnion(sessions.map(\.partnerID))
        partnerKeys.formUnion((notes.map(\.partnerID) + terms.map(\.partnerID) + values.map(\.partnerID) + actions.map(\.partnerID)
                               + parties.map(\.partnerID)).compactMap { $0 })
        let partners = try rows(Partner.self, "id", in: partnerKeys)
        return StoreBundle.lines(partners: partners, parties: parties, aliases: aliases, partnerships: partnerships, members: members,
                                 sessions: sessions, answers: answers, notes: notes, terms: terms, values: values, actions: actions,
                                 redacted: redact)
    }
}

/// OutreachStore's bundle format (Foundation has a `Bundle` too).
typealias StoreBundle = OutreachStore.Bundle
