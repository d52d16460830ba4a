import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    // MARK: - Parties

    /// Every party, by name (any case).
    public func parties() throws -> [Party] {
        try read {
            try Party.all(rows("SELECT \(unescaped: TeamColumns.party) FROM party ORDER BY lower(name), seq"))
        }
    }

    public func party(id: UUID) throws -> Party? {
        try read {
            try Party.one(rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE id = \(Bound(id))"))
        }
    }

    /// The party whose name or alias is exactly `name` (any case), if there is one.
    public func party(named name: String) throws -> Party? {
        try read {
            if let party = try Party.one(rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE lower(name) = lower(\(Bound(name))) LIMIT 1")) { return party }
            return try Party.one(rows("""
                SELECT \(unescaped: TeamColumns.party) FROM partyAlias JOIN party ON party.id = partyAlias.partyID
                WHERE lower(partyAlias.alias) = lower(\(Bound(name))) LIMIT 1
                """))
        }
    }

    /// The party that stands for a partner record.
    public func party(forPartner partnerID: UUID) throws -> Party? {
        try read {
            try Party.one(rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE partnerID = \(Bound(partnerID)) LIMIT 1"))
        }
    }

    /// Your own organisation's party, if one has been named (the first made, if ever more than one).
    public func ownParty() throws -> Party? {
        try read {
            try Party.one(rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE kind = \(Bound(Party.Kind.own.rawValue)) ORDER BY \(unescaped: Self.insertionOrder) LIMIT 1"))
        }
    }

    /// Every name and alias, for completion and "did you mean".
    public func partyNames() throws -> [String] {
        try read {
            try rows("""
                SELECT name FROM (SELECT name FROM party UNION SELECT alias FROM partyAlias) AS names ORDER BY lower(name), name
                """).map { try TeamRow($0)("name", as: String.self) }
        }
    }

    /// Adds an outside beneficiary (or, with `kind: .own`, your organisation before it is a partner).
    @discardableResult
    public func addParty(_ party: Party) throws -> Party {
        try write {
            guard try insertUnlessConflicting(party) else { throw StoreError.duplicateParty(name: party.name) }
            return party
        }
    }

    /// Another name for a party; refused when the name already belongs to a party.
    @discardableResult
    public func addAlias(_ alias: String, to partyID: UUID) throws -> PartyAlias {
        try write {
            try transaction {
                if let existing = try party(named: alias) { throw StoreError.duplicateParty(name: existing.name) }
                let record = PartyAlias(partyID: partyID, alias: alias)
                guard try insertUnlessConflicting(record) else { throw StoreError.duplicateParty(name: alias) }
                return record
            }
        }
    }

    /// A party's other names. A bundle merge keeps the name of every party merged away as an alias,
    /// even one that differs from the name only in case; those are not other names, and are left out.
    public func aliases(of partyID: UUID) throws -> [String] {
        try read {
            try rows("""
                SELECT alias FROM partyAlias
                WHERE partyID = \(Bound(partyID)) AND lower(alias) <> (SELECT lower(name) FROM party WHERE id = \(Bound(partyID)))
                ORDER BY lower(alias), alias
                """).map { try TeamRow($0)("alias", as: String.self) }
        }
    }
}
