import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

/// PostgreSQL's rows for `PartyMerge`, the merge rule SQLite's import applies too.
///
/// PostgreSQL checks foreign keys and unique names at every statement, where SQLite waits for the
/// commit: when the row kept is new and rows here merge into it, the merge first writes it under a
/// stand-in name, so what refers to the others can move to it before they go.
struct TeamPartyRows: PartyMergeStorage {
    let database: TeamDatabase

    var checksConstraintsAtOnce: Bool { true }

    // MARK: - Partners

    func partner(id: UUID) throws -> Partner? {
        try Partner.one(database.rows("SELECT \(unescaped: TeamColumns.partner) FROM partner WHERE id = \(Bound(id))"))
    }

    func partner(named name: String) throws -> Partner? {
        try Partner.one(database.rows("SELECT \(unescaped: TeamColumns.partner) FROM partner WHERE lower(name) = lower(\(Bound(name))) LIMIT 1"))
    }

    func linkParty(for partner: Partner) throws { try database.linkParty(for: partner) }

    // MARK: - Parties

    func party(id: UUID) throws -> Party? {
        try Party.one(database.rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE id = \(Bound(id))"))
    }

    func party(partnerID: UUID) throws -> Party? {
        try Party.one(database.rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE partnerID = \(Bound(partnerID)) LIMIT 1"))
    }

    func party(named name: String, excluding excluded: UUID?) throws -> Party? {
        guard let excluded else {
            return try Party.one(database.rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE lower(name) = lower(\(Bound(name))) LIMIT 1"))
        }
        return try Party.one(database.rows("""
            SELECT \(unescaped: TeamColumns.party) FROM party WHERE lower(name) = lower(\(Bound(name))) AND id <> \(Bound(excluded)) LIMIT 1
            """))
    }

    func insert(_ party: Party) throws { try database.insert([party]) }
    func update(_ party: Party) throws { try database.update(party) }

    func repointParty(_ from: UUID, to: UUID) throws {
        let old = Bound(from), new = Bound(to)
        try database.rows("UPDATE partyAlias SET partyID = \(new) WHERE partyID = \(old)")
        try database.rows("""
            INSERT INTO partnershipMember (partnershipID, partyID, createdAt)
            SELECT member.partnershipID, party.id, member.createdAt FROM partnershipMember AS member, party
            WHERE member.partyID = \(old) AND party.id = \(new)
            ON CONFLICT (partnershipID, partyID) DO UPDATE SET createdAt = LEAST(partnershipMember.createdAt, excluded.createdAt)
            """)
        try database.rows("DELETE FROM partnershipMember WHERE partyID = \(old)")
        try database.rows("DELETE FROM party WHERE id = \(old)")
    }

    func values(naming party: UUID) throws -> [ValueItem] {
        let id = Bound(party)
        return try ValueItem.all(database.rows(
            "SELECT \(unescaped: TeamColumns.value) FROM valueItem WHERE \(id) = ANY(beneficiaryIDs) OR \(id) = ANY(payerIDs)"))
    }

    func update(_ value: ValueItem) throws { try database.update(value) }

    // MARK: - Aliases

    func alias(named name: String) throws -> PartyAlias? {
        try PartyAlias.one(database.rows("SELECT \(unescaped: TeamColumns.alias) FROM partyAlias WHERE lower(alias) = lower(\(Bound(name))) LIMIT 1"))
    }

    func containsAlias(id: UUID) throws -> Bool { try !database.rows("SELECT 1 FROM partyAlias WHERE id = \(Bound(id))").isEmpty }
    func insert(_ alias: PartyAlias) throws { try database.insert([alias]) }
    func delete(_ alias: PartyAlias) throws { try database.rows("DELETE FROM partyAlias WHERE id = \(Bound(alias.id))") }

    // MARK: - Partnerships and members

    func partnership(id: UUID) throws -> Partnership? {
        try Partnership.one(database.rows("SELECT \(unescaped: TeamColumns.partnership) FROM partnership WHERE id = \(Bound(id))"))
    }

    func partnership(named name: String) throws -> Partnership? {
        try Partnership.one(database.rows("SELECT \(unescaped: TeamColumns.partnership) FROM partnership WHERE lower(name) = lower(\(Bound(name))) LIMIT 1"))
    }

    func insert(_ partnership: Partnership) throws { try database.insert([partnership]) }
    func update(_ partnership: Partnership) throws { try database.update(partnership) }

    func repointPartnership(_ from: UUID, to: UUID) throws {
        let old = Bound(from), new = Bound(to)
        try database.rows("UPDATE session SET partnershipID = \(new) WHERE partnershipID = \(old)")
        // Every note, other leads' private ones too, which row-level security hides from this role:
        // the function moves only their link, and says nothing about them (`TeamSchema.noteRelink`).
        try database.rows("SELECT note_relink_partnership(\(old), \(new))")
        try database.rows("UPDATE valueItem SET partnershipID = \(new) WHERE partnershipID = \(old)")
        try database.rows("UPDATE actionItem SET partnershipID = \(new) WHERE partnershipID = \(old)")
        try database.rows("""
            INSERT INTO partnershipMember (partnershipID, partyID, createdAt)
            SELECT partnership.id, member.partyID, member.createdAt FROM partnershipMember AS member, partnership
            WHERE member.partnershipID = \(old) AND partnership.id = \(new)
            ON CONFLICT (partnershipID, partyID) DO UPDATE SET createdAt = LEAST(partnershipMember.createdAt, excluded.createdAt)
            """)
        try database.rows("DELETE FROM partnershipMember WHERE partnershipID = \(old)")
        try database.rows("DELETE FROM partnership WHERE id = \(old)")
    }

    func member(partnershipID: UUID, partyID: UUID) throws -> PartnershipMember? {
        try PartnershipMember.one(database.rows("""
            SELECT \(unescaped: TeamColumns.member) FROM partnershipMember WHERE partnershipID = \(Bound(partnershipID)) AND partyID = \(Bound(partyID))
            """))
    }

    func insert(_ member: PartnershipMember) throws { try database.insert([member]) }
    func update(_ member: PartnershipMember) throws { try database.update(member, key: ["partnershipID", "partyID"]) }
}
