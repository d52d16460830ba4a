import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

/// The merge rule for parties, aliases, partnerships and memberships, as SQLite's
/// `BundleImporter+Parties` applies it: matched by id, else by name or alias (any case); rows found
/// to be one keep the smallest id, the others' ids are rewritten wherever they are used and their
/// rows removed, each party's name merged away staying as an alias.
///
/// PostgreSQL checks foreign keys and unique names at every statement, where SQLite waits for the
/// commit: when the row kept is new and rows here merge into it, it is first written under a
/// stand-in name, so what refers to the others can move to it before they go, and then given its
/// own name and partner.
extension TeamBundleImporter {
    enum Outcome { case inserted, updated, unchanged }

    mutating func count(_ outcome: Outcome) {
        switch outcome {
        case .inserted: summary.inserted += 1
        case .updated: summary.updated += 1
        case .unchanged: summary.unchanged += 1
        }
    }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    // MARK: - Parties

    mutating func mergeParty(_ incoming: Party) throws {
        let (kept, outcome) = try mergeParty(incoming, alsoNamed: bundleAliases[incoming.id] ?? [])
        partyIDs[incoming.id] = kept
        count(outcome)
    }

    /// Merges a party with every party here that is the same one; returns the id they keep.
    private mutating func mergeParty(_ incoming: Party, alsoNamed aliases: [String]) throws -> (UUID, Outcome) {
        var copies: [UUID: (content: Party, stored: Party?)] = [:]
        for row in try partiesMatching(incoming, names: [incoming.name] + aliases) { copies[row.id] = (row, row) }
        if let copy = copies[incoming.id] {
            if try Self.wins(incoming, over: copy.content) { copies[incoming.id]?.content = incoming }
        } else {
            copies[incoming.id] = (incoming, nil)
        }
        let keptID = copies.keys.min { Self.key($0) < Self.key($1) } ?? incoming.id
        guard var kept = copies[keptID] else { return (incoming.id, .unchanged) }
        let linked = copies.values.map(\.content).filter { $0.partnerID != nil }
        if Set(linked.compactMap(\.partnerID)).count > 1 {
            throw StoreError.badBundle(path: path, line: line, reason: "the party '\(incoming.name)' is, by its name or an alias, the party of two "
                + "different partners in this database; rename one of those partners with 'partner edit', here or where the bundle came from, and import again")
        }
        if let link = linked.first {
            kept.content.partnerID = link.partnerID
            kept.content.kind = link.kind
        } else if copies.values.contains(where: { $0.content.kind == .own }) {
            kept.content.kind = .own
        }
        let dropped = copies.filter { $0.key != keptID }.values.sorted { Self.key($0.content.id) < Self.key($1.content.id) }
        let standIn = kept.stored == nil && dropped.contains { $0.stored != nil }
        if standIn {
            try database.insert([Party(id: keptID, name: "merging \(Self.key(keptID))", kind: .outside,
                                       createdAt: kept.content.createdAt, updatedAt: kept.content.updatedAt)])
        }
        for copy in dropped where copy.stored != nil { try repointParty(copy.content.id, to: keptID) }
        if kept.stored == nil, !standIn {
            try database.insert([kept.content])
        } else if standIn || kept.stored != kept.content {
            try database.update(kept.content)
        }
        var aliasesChanged = false
        for copy in dropped {
            let name = PartyAlias(id: copy.content.id, partyID: keptID, alias: copy.content.name, createdAt: copy.content.createdAt)
            if try placeAlias(name) != .unchanged { aliasesChanged = true }
        }
        // Bundle ids already mapped to a row merged away now mean the row kept.
        let droppedIDs = Set(dropped.map(\.content.id))
        for (bundleID, localID) in partyIDs where droppedIDs.contains(localID) { partyIDs[bundleID] = keptID }
        if let partnerID = kept.content.partnerID { partnersToLink.append(partnerID) }
        let incomingStored = copies[incoming.id]?.stored
        if incomingStored == nil, keptID == incoming.id { return (keptID, .inserted) }
        let changed = aliasesChanged || dropped.contains { $0.stored != nil } || kept.stored != kept.content
        return (keptID, changed ? .updated : .unchanged)
    }

    /// Parties here with the party's id, one of its names or aliases (as a name or an alias, any
    /// case), or its partner.
    private func partiesMatching(_ party: Party, names: [String]) throws -> [Party] {
        var found: [UUID: Party] = [:]
        func add(_ rows: [PostgresRow]) throws { for row in try Party.all(rows) { found[row.id] = row } }
        try add(database.rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE id = \(Bound(party.id))"))
        if let partnerID = party.partnerID { try add(database.rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE partnerID = \(Bound(partnerID)) LIMIT 1")) }
        for name in names {
            try add(database.rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE lower(name) = lower(\(Bound(name))) LIMIT 1"))
            try add(database.rows("""
                SELECT \(unescaped: TeamColumns.party) FROM party WHERE id = (SELECT partyID FROM partyAlias WHERE lower(alias) = lower(\(Bound(name))) LIMIT 1)
                """))
        }
        return Array(found.values)
    }

    /// Moves everything that names party `from` to party `to`, then removes `from`.
    private func repointParty(_ from: UUID, to: UUID) throws {
        let old = Bound(from), new = Bound(to)
        try database.rows("UPDATE partyAlias SET partyID = \(new) WHERE partyID = \(old)")
        try database.rows("""
            INSERT INTO partnershipMember (partnershipID, partyID, createdAt)
            SELECT member.partnershipID, party.id, member.createdAt FROM partnershipMember AS member, party
            WHERE member.partyID = \(old) AND party.id = \(new)
            ON CONFLICT (partnershipID, partyID) DO UPDATE SET createdAt = LEAST(partnershipMember.createdAt, excluded.createdAt)
            """)
        try database.rows("DELETE FROM partnershipMember WHERE partyID = \(old)")
        let values = try ValueItem.all(database.rows(
            "SELECT \(unescaped: TeamColumns.value) FROM valueItem WHERE \(old) = ANY(beneficiaryIDs) OR \(old) = ANY(payerIDs)"))
        for var value in values {
            value.beneficiaryIDs = Self.unique(value.beneficiaryIDs.map { $0 == from ? to : $0 })
            value.payerIDs = Self.unique(value.payerIDs.map { $0 == from ? to : $0 })
            try database.update(value)
        }
        try database.rows("DELETE FROM party WHERE id = \(old)")
    }

    // MARK: - Aliases

    mutating func mergeAlias(_ alias: PartyAlias) throws {
        count(try placeAlias(alias))
    }

    private func alias(named name: String) throws -> PartyAlias? {
        try PartyAlias.one(database.rows("SELECT \(unescaped: TeamColumns.alias) FROM partyAlias WHERE lower(alias) = lower(\(Bound(name))) LIMIT 1"))
    }

    /// Adds an alias (its party already mapped): aliases are a union, one per name without regard
    /// to case, the smaller id kept. An alias that is another party's name, or another party's
    /// alias, makes the two parties one.
    private mutating func placeAlias(_ alias: PartyAlias) throws -> Outcome {
        var alias = alias
        let namesake = try Party.one(database.rows("""
            SELECT \(unescaped: TeamColumns.party) FROM party WHERE lower(name) = lower(\(Bound(alias.alias))) AND id <> \(Bound(alias.partyID)) LIMIT 1
            """))
        let same = try self.alias(named: alias.alias)
        if namesake != nil || same.map({ $0.partyID != alias.partyID }) == true,
           let party = try Party.one(database.rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE id = \(Bound(alias.partyID))")) {
            // Two parties here are one: merge them as if this one had arrived with the alias.
            alias.partyID = try mergeParty(party, alsoNamed: [alias.alias]).0
        }
        if let same = try self.alias(named: alias.alias) {
            guard Self.key(alias.id) < Self.key(same.id) else { return .unchanged }
            try database.rows("DELETE FROM partyAlias WHERE id = \(Bound(same.id))")
            try database.insert([alias])
            return .updated
        }
        // An alias is never edited: one already here with this id stays as it is.
        if try !database.rows("SELECT 1 FROM partyAlias WHERE id = \(Bound(alias.id))").isEmpty { return .unchanged }
        try database.insert([alias])
        return .inserted
    }

    // MARK: - Partnerships and members

    mutating func mergePartnership(_ incoming: Partnership) throws {
        var copies: [UUID: (content: Partnership, stored: Partnership?)] = [:]
        let stored = try Partnership.all(database.rows("SELECT \(unescaped: TeamColumns.partnership) FROM partnership WHERE id = \(Bound(incoming.id))"))
            + Partnership.all(database.rows("SELECT \(unescaped: TeamColumns.partnership) FROM partnership WHERE lower(name) = lower(\(Bound(incoming.name))) LIMIT 1"))
        for row in stored { copies[row.id] = (row, row) }
        if let copy = copies[incoming.id] {
            if try Self.wins(incoming, over: copy.content) { copies[incoming.id]?.content = incoming }
        } else {
            copies[incoming.id] = (incoming, nil)
        }
        let keptID = copies.keys.min { Self.key($0) < Self.key($1) } ?? incoming.id
        guard let kept = copies[keptID] else { return }
        let dropped = copies.filter { $0.key != keptID && $0.value.stored != nil }.keys.sorted { Self.key($0) < Self.key($1) }
        let standIn = kept.stored == nil && !dropped.isEmpty
        if standIn {
            try database.insert([Partnership(id: keptID, name: "merging \(Self.key(keptID))", ask: nil,
                                             createdAt: kept.content.createdAt, updatedAt: kept.content.updatedAt)])
        }
        for id in dropped { try repointPartnership(id, to: keptID) }
        if kept.stored == nil, !standIn {
            try database.insert([kept.content])
        } else if standIn || kept.stored != kept.content {
            try database.update(kept.content)
        }
        for (bundleID, localID) in partnershipIDs where localID != keptID && copies[localID] != nil { partnershipIDs[bundleID] = keptID }
        partnershipIDs[incoming.id] = keptID
        if copies[incoming.id]?.stored == nil, keptID == incoming.id {
            count(.inserted)
        } else {
            count(!dropped.isEmpty || kept.stored != kept.content ? .updated : .unchanged)
        }
    }

    /// Moves every record and membership of partnership `from` to `to`, then removes `from`.
    private func repointPartnership(_ from: UUID, to: UUID) throws {
        let old = Bound(from), new = Bound(to)
        try database.rows("UPDATE session SET partnershipID = \(new) WHERE partnershipID = \(old)")
        try database.rows("UPDATE note SET partnershipID = \(new) WHERE partnershipID = \(old)")
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

    /// Memberships are a union; a membership known twice keeps its earliest `createdAt`.
    mutating func mergeMember(_ member: PartnershipMember) throws {
        let existing = try PartnershipMember.one(database.rows("""
            SELECT \(unescaped: TeamColumns.member) FROM partnershipMember WHERE partnershipID = \(Bound(member.partnershipID)) AND partyID = \(Bound(member.partyID))
            """))
        guard let existing else {
            try database.insert([member])
            return count(.inserted)
        }
        guard Self.milliseconds(member.createdAt) < Self.milliseconds(existing.createdAt) else { return count(.unchanged) }
        try database.update(member, key: ["partnershipID", "partyID"])
        count(.updated)
    }

    // MARK: - Partners' parties

    /// Makes sure every partner merged so far has its party, linked to it here, once the bundle's
    /// parties are in (a version 1 bundle has none: they are made as `partner add` makes them).
    mutating func linkPartners() throws {
        guard !partnersToLink.isEmpty else { return }
        for id in partnersToLink {
            guard let partner = try Partner.one(database.rows("SELECT \(unescaped: TeamColumns.partner) FROM partner WHERE id = \(Bound(id))")) else { continue }
            let party = try Party.one(database.rows("SELECT \(unescaped: TeamColumns.party) FROM party WHERE partnerID = \(Bound(id)) LIMIT 1"))
            if let party, party.name == partner.name, party.kind == (partner.isOwn ? .own : .partner) { continue }
            try database.linkParty(for: partner)
        }
        partnersToLink.removeAll()
    }
}
