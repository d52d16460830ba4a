import Foundation
import GRDB
import OutreachCore

/// SQLite's rows for `PartyMerge`, through GRDB. Foreign keys wait for the commit (the import sets
/// `defer_foreign_keys`), so a merge moves references in any order.
struct PartyRows: PartyMergeStorage {
    let db: Database

    var checksConstraintsAtOnce: Bool { false }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    // MARK: - Partners

    func partner(id: UUID) throws -> Partner? { try Partner.fetchOne(db, key: Self.key(id)) }

    func partner(named name: String) throws -> Partner? {
        try Partner.filter(Partner.Columns.name.collating(.nocase) == name).fetchOne(db)
    }

    func linkParty(for partner: Partner) throws { try AppDatabase.linkParty(for: partner, in: db) }

    // MARK: - Parties

    func party(id: UUID) throws -> Party? { try Party.fetchOne(db, key: Self.key(id)) }

    func party(partnerID: UUID) throws -> Party? { try Party.filter(Party.Columns.partnerID == Self.key(partnerID)).fetchOne(db) }

    func party(named name: String, excluding excluded: UUID?) throws -> Party? {
        let sameName = Party.Columns.name.collating(.nocase) == name
        guard let excluded else { return try Party.filter(sameName).fetchOne(db) }
        return try Party.filter(sameName && Column("id") != Self.key(excluded)).fetchOne(db)
    }

    func insert(_ party: Party) throws { try party.insert(db) }
    func update(_ party: Party) throws { try party.update(db) }

    func repointParty(_ from: UUID, to: UUID) throws {
        let old = Self.key(from), new = Self.key(to)
        try db.execute(sql: "UPDATE partyAlias SET partyID = ? WHERE partyID = ?", arguments: [new, old])
        try db.execute(sql: """
            INSERT INTO partnershipMember (partnershipID, partyID, createdAt)
            SELECT partnershipID, ?, createdAt FROM partnershipMember WHERE partyID = ?
            ON CONFLICT (partnershipID, partyID) DO UPDATE SET createdAt = min(createdAt, excluded.createdAt)
            """, arguments: [new, old])
        try db.execute(sql: "DELETE FROM partnershipMember WHERE partyID = ?", arguments: [old])
        try db.execute(sql: "DELETE FROM party WHERE id = ?", arguments: [old])
    }

    func values(naming party: UUID) throws -> [ValueItem] {
        let pattern = "%\(Self.key(party))%"
        return try ValueItem.filter(sql: "beneficiaryIDs LIKE ? OR payerIDs LIKE ?", arguments: [pattern, pattern]).fetchAll(db)
    }

    func update(_ value: ValueItem) throws { try value.update(db) }

    // MARK: - Aliases

    func alias(named name: String) throws -> PartyAlias? { try PartyAlias.filter(PartyAlias.Columns.alias.collating(.nocase) == name).fetchOne(db) }
    func containsAlias(id: UUID) throws -> Bool { try PartyAlias.exists(db, key: Self.key(id)) }
    func insert(_ alias: PartyAlias) throws { try alias.insert(db) }
    func delete(_ alias: PartyAlias) throws { try alias.delete(db) }

    // MARK: - Partnerships and members

    func partnership(id: UUID) throws -> Partnership? { try Partnership.fetchOne(db, key: Self.key(id)) }

    func partnership(named name: String) throws -> Partnership? {
        try Partnership.filter(Partnership.Columns.name.collating(.nocase) == name).fetchOne(db)
    }

    func insert(_ partnership: Partnership) throws { try partnership.insert(db) }
    func update(_ partnership: Partnership) throws { try partnership.update(db) }

    func repointPartnership(_ from: UUID, to: UUID) throws {
        let old = Self.key(from), new = Self.key(to)
        for statement in ["UPDATE session SET partnershipID = ? WHERE partnershipID = ?", "UPDATE note SET partnershipID = ? WHERE partnershipID = ?",
                          "UPDATE valueItem SET partnershipID = ? WHERE partnershipID = ?", "UPDATE actionItem SET partnershipID = ? WHERE partnershipID = ?"] {
            try db.execute(sql: statement, arguments: [new, old])
        }
        try db.execute(sql: """
            INSERT INTO partnershipMember (partnershipID, partyID, createdAt)
            SELECT ?, partyID, createdAt FROM partnershipMember WHERE partnershipID = ?
            ON CONFLICT (partnershipID, partyID) DO UPDATE SET createdAt = min(createdAt, excluded.createdAt)
            """, arguments: [new, old])
        try db.execute(sql: "DELETE FROM partnershipMember WHERE partnershipID = ?", arguments: [old])
        try db.execute(sql: "DELETE FROM partnership WHERE id = ?", arguments: [old])
    }

    func member(partnershipID: UUID, partyID: UUID) throws -> PartnershipMember? {
        let key: [String: (any DatabaseValueConvertible)?] = ["partnershipID": Self.key(partnershipID), "partyID": Self.key(partyID)]
        return try PartnershipMember.fetchOne(db, key: key)
    }

    func insert(_ member: PartnershipMember) throws { try member.insert(db) }
    func update(_ member: PartnershipMember) throws { try member.update(db) }
}
