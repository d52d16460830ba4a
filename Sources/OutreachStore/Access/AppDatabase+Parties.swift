import Foundation
import GRDB
import OutreachCore

extension AppDatabase {
    // MARK: - Parties

    /// Every party, by name.
    public func parties() throws -> [Party] {
        try read { try Party.order(Party.Columns.name.collating(.nocase)).fetchAll($0) }
    }

    public func party(id: UUID) throws -> Party? {
        try read { try Party.fetchOne($0, key: id.uuidString.lowercased()) }
    }

    /// The party whose name or alias is exactly `name` (any case), if there is one.
    public func party(named name: String) throws -> Party? {
        try read { db in
            if let party = try Party.filter(Party.Columns.name.collating(.nocase) == name).fetchOne(db) { return party }
            guard let alias = try PartyAlias.filter(PartyAlias.Columns.alias.collating(.nocase) == name).fetchOne(db) else { return nil }
            return try Party.fetchOne(db, key: alias.partyID.uuidString.lowercased())
        }
    }

    /// The party that stands for a partner record.
    public func party(forPartner partnerID: UUID) throws -> Party? {
        try read { try Party.filter(Party.Columns.partnerID == partnerID.uuidString.lowercased()).fetchOne($0) }
    }

    /// Your own organisation's party, if one has been named.
    public func ownParty() throws -> Party? {
        try read { try Party.filter(Party.Columns.kind == Party.Kind.own.rawValue).order(Column.rowID).fetchOne($0) }
    }

    /// Every name and alias, for completion and "did you mean".
    public func partyNames() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT name FROM party UNION SELECT alias FROM partyAlias ORDER BY 1 COLLATE NOCASE")
        }
    }

    /// Adds an outside beneficiary (or, with `kind: .own`, your organisation before it is a partner).
    @discardableResult
    public func addParty(_ party: Party) throws -> Party {
        do {
            try write { try party.insert($0) }
            return party
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError.duplicateParty(name: party.name)
        }
    }

    /// Another name for a party; refused when the name already belongs to a party.
    @discardableResult
    public func addAlias(_ alias: String, to partyID: UUID) throws -> PartyAlias {
        if let existing = try party(named: alias) { throw StoreError.duplicateParty(name: existing.name) }
        let record = PartyAlias(partyID: partyID, alias: alias)
        try write { try record.insert($0) }
        return record
    }

    /// A party's other names. A bundle merge keeps the name of every party merged away as an alias,
    /// even one that differs from the name only in case; those are not other names, and are left out.
    public func aliases(of partyID: UUID) throws -> [String] {
        let key = partyID.uuidString.lowercased()
        return try read {
            try String.fetchAll($0, PartyAlias.select(PartyAlias.Columns.alias).filter(PartyAlias.Columns.partyID == key)
                .filter(sql: "alias <> (SELECT name FROM party WHERE id = ?)", arguments: [key]).order(PartyAlias.Columns.alias))
        }
    }

    /// Makes the party row for a partner, inside the partner's own transaction: an existing party
    /// of that name (an outside beneficiary, or your organisation named before it was added)
    /// becomes the partner's, so values already recorded for it stay with it.
    static func linkParty(for partner: Partner, in db: Database) throws {
        let partnerKey = partner.id.uuidString.lowercased()
        let kind = partner.isOwn ? Party.Kind.own : .partner
        if var existing = try Party.filter(Party.Columns.partnerID == partnerKey).fetchOne(db) {
            existing.name = partner.name
            existing.kind = kind
            existing.updatedAt = partner.updatedAt
            try existing.update(db)
            return
        }
        if var named = try Party.filter(Party.Columns.name.collating(.nocase) == partner.name && Party.Columns.partnerID == nil).fetchOne(db)
            ?? (partner.isOwn ? try Party.filter(Party.Columns.kind == Party.Kind.own.rawValue && Party.Columns.partnerID == nil).fetchOne(db) : nil) {
            if named.name.caseInsensitiveCompare(partner.name) != .orderedSame {
                try PartyAlias(partyID: named.id, alias: named.name).insert(db)
            }
            named.name = partner.name
            named.kind = kind
            named.partnerID = partner.id
            named.updatedAt = partner.updatedAt
            try named.update(db)
            return
        }
        try PartyAlias.filter(PartyAlias.Columns.alias.collating(.nocase) == partner.name).deleteAll(db)
        try Party(id: partner.id, name: partner.name, kind: kind, partnerID: partner.id, createdAt: partner.createdAt).insert(db)
    }

    // MARK: - Partnerships

    /// Adds a partnership with its members; your own organisation is always one of them.
    @discardableResult
    public func addPartnership(_ partnership: Partnership, memberIDs: [UUID]) throws -> Partnership {
        do {
            try write { db in
                try partnership.insert(db)
                var members = memberIDs
                if let own = try Party.filter(Party.Columns.kind == Party.Kind.own.rawValue).order(Column.rowID).fetchOne(db), !members.contains(own.id) {
                    members.insert(own.id, at: 0)
                }
                for id in members {
                    try PartnershipMember(partnershipID: partnership.id, partyID: id, createdAt: partnership.createdAt).insert(db, onConflict: .ignore)
                }
            }
            return partnership
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError.duplicatePartnership(name: partnership.name)
        }
    }

    public func updatePartnership(_ partnership: Partnership) throws {
        var partnership = partnership
        partnership.updatedAt = Date()
        try write { [partnership] in try partnership.update($0) }
    }

    public func addMember(partyID: UUID, to partnershipID: UUID) throws {
        try write { try PartnershipMember(partnershipID: partnershipID, partyID: partyID).insert($0, onConflict: .ignore) }
    }

    public func partnerships() throws -> [Partnership] {
        try read { try Partnership.order(Partnership.Columns.name.collating(.nocase)).fetchAll($0) }
    }

    public func partnershipNames() throws -> [String] {
        try read { try String.fetchAll($0, Partnership.select(Partnership.Columns.name).order(Partnership.Columns.name.collating(.nocase))) }
    }

    public func partnership(id: UUID) throws -> Partnership? {
        try read { try Partnership.fetchOne($0, key: id.uuidString.lowercased()) }
    }

    /// The partnership with this name (any case), or an error with the closest name.
    public func partnership(named name: String) throws -> Partnership {
        if let found = try read({ try Partnership.filter(Partnership.Columns.name.collating(.nocase) == name).fetchOne($0) }) { return found }
        let names = try partnershipNames()
        let lowered = name.lowercased()
        let suggestion = names.first { $0.lowercased().hasPrefix(lowered) || $0.lowercased().contains(lowered) }
        throw StoreError.unknownPartnership(name: name, suggestion: suggestion)
    }

    /// The partnership's members, your own organisation first, then by name.
    public func members(of partnershipID: UUID) throws -> [Party] {
        try read { db in
            try Party.fetchAll(db, sql: """
                SELECT party.* FROM party JOIN partnershipMember ON partnershipMember.partyID = party.id
                WHERE partnershipMember.partnershipID = ?
                ORDER BY party.kind != 'own', party.name COLLATE NOCASE
                """, arguments: [partnershipID.uuidString.lowercased()])
        }
    }

    /// The partnerships a party belongs to.
    public func partnerships(ofParty partyID: UUID) throws -> [Partnership] {
        try read { db in
            try Partnership.fetchAll(db, sql: """
                SELECT partnership.* FROM partnership JOIN partnershipMember ON partnershipMember.partnershipID = partnership.id
                WHERE partnershipMember.partyID = ? ORDER BY partnership.name COLLATE NOCASE
                """, arguments: [partyID.uuidString.lowercased()])
        }
    }

    // MARK: - What belongs to a partnership

    public func sessions(partnershipID: UUID) throws -> [Session] {
        try read { try Session.filter(Column("partnershipID") == partnershipID.uuidString.lowercased()).order(Session.Columns.number).fetchAll($0) }
    }

    public func values(partnershipID: UUID) throws -> [ValueItem] {
        try read { try ValueItem.filter(Column("partnershipID") == partnershipID.uuidString.lowercased()).order(Column("createdAt"), Column.rowID).fetchAll($0) }
    }

    public func actions(partnershipID: UUID) throws -> [ActionItem] {
        try read { try ActionItem.filter(Column("partnershipID") == partnershipID.uuidString.lowercased()).order(Column("doneAt") != nil, Column("due") == nil, Column("due"), Column.rowID).fetchAll($0) }
    }

    public func notes(partnershipID: UUID) throws -> [Note] {
        try read { try Note.filter(Column("partnershipID") == partnershipID.uuidString.lowercased()).order(Note.Columns.createdAt, Column.rowID).fetchAll($0) }
    }
}
