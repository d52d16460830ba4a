import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    // MARK: - Partners

    /// Adds a partner and its party; names are unique regardless of case.
    @discardableResult
    public func addPartner(_ partner: Partner) throws -> Partner {
        do {
            try write {
                try rows(TeamInserts.partner(partner))
                try linkParty(for: partner)
            }
            return partner
        } catch where Self.isUniqueViolation(error) {
            throw StoreError.duplicatePartner(name: partner.name)
        }
    }

    public func updatePartner(_ partner: Partner) throws {
        var partner = partner
        partner.updatedAt = Date()
        do {
            try write { [partner] in
                try rows("""
                    UPDATE partner SET name = \(partner.name), sector = \(partner.sector), stakeholder = \(partner.stakeholder),
                        profile = \(partner.profile), doNotContact = \(partner.doNotContact), isOwn = \(partner.isOwn),
                        createdAt = \(partner.createdAt.teamStored), updatedAt = \(partner.updatedAt.teamStored)
                    WHERE id = \(partner.id)
                    """)
                try linkParty(for: partner)
            }
        } catch where Self.isUniqueViolation(error) {
            throw StoreError.duplicatePartner(name: partner.name)
        }
    }

    /// Every partner by name as Foundation compares names for people (case and accents aside).
    public func partners() throws -> [Partner] {
        let saved = try read { try rows("SELECT \(unescaped: TeamColumns.partner) FROM partner ORDER BY seq").map(Partner.init(row:)) }
        return saved.enumerated().sorted { left, right in
            let order = left.element.name.localizedCaseInsensitiveCompare(right.element.name)
            return order == .orderedSame ? left.offset < right.offset : order == .orderedAscending
        }.map(\.element)
    }

    public func partnerNames() throws -> [String] {
        try read { try rows("SELECT name FROM partner ORDER BY name COLLATE \"C\"").map { try $0.decode(String.self) } }
    }

    public func partner(id: UUID) throws -> Partner? {
        try read { try rows("SELECT \(unescaped: TeamColumns.partner) FROM partner WHERE id = \(id)").first.map(Partner.init(row:)) }
    }

    /// The partner with this name (any case), or an error suggesting the closest name.
    public func partner(named name: String) throws -> Partner {
        let found = try read {
            try rows("SELECT \(unescaped: TeamColumns.partner) FROM partner WHERE lower(name) = lower(\(name)) ORDER BY seq LIMIT 1").first
        }
        if let found { return try Partner(row: found) }
        let names = try partnerNames()
        let lowered = name.lowercased()
        let suggestion = names.first { $0.lowercased().hasPrefix(lowered) || $0.lowercased().contains(lowered) }
        throw StoreError.unknownPartner(name: name, suggestion: suggestion)
    }

    /// Makes the party row for a partner, inside the partner's own transaction, as SQLite does:
    /// an existing party of that name (an outside beneficiary, or your organisation named before
    /// it was added) becomes the partner's, so values already recorded for it stay with it.
    func linkParty(for partner: Partner) throws {
        let kind = partner.isOwn ? Party.Kind.own : .partner
        let updated = partner.updatedAt.teamStored
        if let existing = try rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE partnerID = \(partner.id)").first {
            let party = try Party(row: existing)
            try rows("UPDATE party SET name = \(partner.name), kind = \(kind.rawValue), updatedAt = \(updated) WHERE id = \(party.id)")
            return
        }
        var named = try rows("""
            SELECT \(unescaped: TeamColumns.party) FROM party WHERE lower(name) = lower(\(partner.name)) AND partnerID IS NULL
            ORDER BY seq LIMIT 1
            """).first
        if named == nil, partner.isOwn {
            named = try rows("""
                SELECT \(unescaped: TeamColumns.party) FROM party WHERE kind = \(Party.Kind.own.rawValue) AND partnerID IS NULL
                ORDER BY seq LIMIT 1
                """).first
        }
        if let named {
            let party = try Party(row: named)
            if party.name.caseInsensitiveCompare(partner.name) != .orderedSame {
                try rows(TeamInserts.alias(PartyAlias(partyID: party.id, alias: party.name)))
            }
            try rows("""
                UPDATE party SET name = \(partner.name), kind = \(kind.rawValue), partnerID = \(partner.id), updatedAt = \(updated)
                WHERE id = \(party.id)
                """)
            return
        }
        try rows("DELETE FROM partyAlias WHERE lower(alias) = lower(\(partner.name))")
        try rows(TeamInserts.party(Party(id: partner.id, name: partner.name, kind: kind, partnerID: partner.id, createdAt: partner.createdAt)))
    }
}
