import Foundation
import GRDB
import OutreachCore

/// The merge rule for parties, aliases, partnerships and memberships (see `importBundle`).
///
/// A party is matched by id, else by its name or one of its aliases against the names and aliases
/// here (any case), and a partner's party also by the partner it stands for. A partnership is
/// matched by id, else by name (any case). Rows found to be one become the row with the smallest
/// id (compared as stored, lowercase text), so every database keeps the same one whatever order
/// bundles arrive in: the other ids are rewritten wherever they are used (values' beneficiaries and
/// payers, memberships, aliases; sessions', notes', values' and actions' partnership) and their rows
/// removed. The name of each party merged away stays as an alias with that party's id (one alias per
/// name without regard to case, the smaller id kept), even when only its case differs, so no
/// spelling is lost and the aliases do not depend on the order either. Copies with the same id merge
/// field by field as other records do: the newer `updatedAt` wins. Memberships are a union, each
/// keeping its earliest `createdAt`.
extension BundleImporter {
    enum Outcome { case inserted, updated, unchanged }

    func mappedParty(_ id: UUID) -> UUID { partyIDs[id] ?? id }
    func mappedPartnership(_ id: UUID) -> UUID { partnershipIDs[id] ?? id }

    /// The bundle's aliases by the party they name, so a party is matched by its aliases too.
    mutating func prepare(_ records: [Bundle.Record]) {
        for record in records {
            if case .alias(let alias) = record.content { bundleAliases[alias.partyID, default: []].append(alias.alias) }
        }
    }

    mutating func count(_ outcome: Outcome) {
        switch outcome {
        case .inserted: summary.inserted += 1
        case .updated: summary.updated += 1
        case .unchanged: summary.unchanged += 1
        }
    }

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
            if try Self.wins(incoming, over: copy.content, updatedAt: \.updatedAt) { copies[incoming.id]?.content = incoming }
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
        for copy in dropped where copy.stored != nil { try repointParty(copy.content.id, to: keptID) }
        if kept.stored == nil {
            try kept.content.insert(db)
        } else if kept.stored != kept.content {
            try kept.content.update(db)
        }
        var aliasesChanged = false
        for copy in dropped {
            let name = PartyAlias(id: copy.content.id, partyID: keptID, alias: copy.content.name, createdAt: copy.content.createdAt)
            if try placeAlias(name) != .unchanged { aliasesChanged = true }
        }
        // Bundle ids already mapped to a row merged away now mean the row kept.
        let droppedIDs = Set(dropped.map(\.content.id))
        for (bundleID, localID) in partyIDs where droppedIDs.contains(localID) { partyIDs[bundleID] = keptID }
        if let partnerID = kept.content.partnerID { queueLink(partnerID) }
        let incomingStored = copies[incoming.id]?.stored
        if incomingStored == nil, keptID == incoming.id { return (keptID, .inserted) }
        let changed = aliasesChanged || dropped.contains { $0.stored != nil } || kept.stored != kept.content
        return (keptID, changed ? .updated : .unchanged)
    }

    /// Parties here with the party's id, one of its names or aliases (as a name or an alias, any
    /// case), or its partner.
    private func partiesMatching(_ party: Party, names: [String]) throws -> [Party] {
        var found: [String: Party] = [:]
        func add(_ row: Party?) { if let row { found[Self.key(row.id)] = row } }
        add(try Party.fetchOne(db, key: Self.key(party.id)))
        if let partnerID = party.partnerID { add(try Party.filter(Party.Columns.partnerID == Self.key(partnerID)).fetchOne(db)) }
        for name in names {
            add(try Party.filter(Party.Columns.name.collating(.nocase) == name).fetchOne(db))
            if let alias = try PartyAlias.filter(PartyAlias.Columns.alias.collating(.nocase) == name).fetchOne(db) {
                add(try Party.fetchOne(db, key: Self.key(alias.partyID)))
            }
        }
        return Array(found.values)
    }

    /// Moves everything that names party `from` to party `to`, then removes `from`.
    private func repointParty(_ from: UUID, to: UUID) throws {
        let old = Self.key(from), new = Self.key(to)
        try db.execute(sql: "UPDATE partyAlias SET partyID = ? WHERE partyID = ?", arguments: [new, old])
        try db.execute(sql: """
            INSERT INTO partnershipMember (partnershipID, partyID, createdAt)
            SELECT partnershipID, ?, createdAt FROM partnershipMember WHERE partyID = ?
            ON CONFLICT (partnershipID, partyID) DO UPDATE SET createdAt = min(createdAt, excluded.createdAt)
            """, arguments: [new, old])
        try db.execute(sql: "DELETE FROM partnershipMember WHERE partyID = ?", arguments: [old])
        let pattern = "%\(old)%"
        for var value in try ValueItem.filter(sql: "beneficiaryIDs LIKE ? OR payerIDs LIKE ?", arguments: [pattern, pattern]).fetchAll(db) {
            value.beneficiaryIDs = Self.unique(value.beneficiaryIDs.map { $0 == from ? to : $0 })
            value.payerIDs = Self.unique(value.payerIDs.map { $0 == from ? to : $0 })
            try value.update(db)
        }
        try db.execute(sql: "DELETE FROM party WHERE id = ?", arguments: [old])
    }

    // MARK: - Aliases

    mutating func mergeAlias(_ alias: PartyAlias) throws {
        count(try placeAlias(alias))
    }

    /// Adds an alias (its party already mapped): aliases are a union, one per name without regard
    /// to case, the smaller id kept. An alias that is another party's name, or another party's
    /// alias, makes the two parties one.
    private mutating func placeAlias(_ alias: PartyAlias) throws -> Outcome {
        var alias = alias
        let namesake = try Party.filter(Party.Columns.name.collating(.nocase) == alias.alias && Column("id") != Self.key(alias.partyID)).fetchOne(db)
        let same = try PartyAlias.filter(PartyAlias.Columns.alias.collating(.nocase) == alias.alias).fetchOne(db)
        if namesake != nil || same.map({ $0.partyID != alias.partyID }) == true,
           let party = try Party.fetchOne(db, key: Self.key(alias.partyID)) {
            // Two parties here are one: merge them as if this one had arrived with the alias.
            alias.partyID = try mergeParty(party, alsoNamed: [alias.alias]).0
        }
        if let same = try PartyAlias.filter(PartyAlias.Columns.alias.collating(.nocase) == alias.alias).fetchOne(db) {
            guard Self.key(alias.id) < Self.key(same.id) else { return .unchanged }
            try same.delete(db)
            try alias.insert(db)
            return .updated
        }
        // An alias is never edited: one already here with this id stays as it is.
        if try PartyAlias.exists(db, key: Self.key(alias.id)) { return .unchanged }
        try alias.insert(db)
        return .inserted
    }

    // MARK: - Partnerships and members

    mutating func mergePartnership(_ incoming: Partnership) throws {
        var copies: [UUID: (content: Partnership, stored: Partnership?)] = [:]
        for row in [try Partnership.fetchOne(db, key: Self.key(incoming.id)),
                    try Partnership.filter(Partnership.Columns.name.collating(.nocase) == incoming.name).fetchOne(db)].compactMap({ $0 }) {
            copies[row.id] = (row, row)
        }
        if let copy = copies[incoming.id] {
            if try Self.wins(incoming, over: copy.content, updatedAt: \.updatedAt) { copies[incoming.id]?.content = incoming }
        } else {
            copies[incoming.id] = (incoming, nil)
        }
        let keptID = copies.keys.min { Self.key($0) < Self.key($1) } ?? incoming.id
        guard let kept = copies[keptID] else { return }
        let dropped = copies.filter { $0.key != keptID && $0.value.stored != nil }.keys
        for id in dropped { try repointPartnership(id, to: keptID) }
        if kept.stored == nil {
            try kept.content.insert(db)
        } else if kept.stored != kept.content {
            try kept.content.update(db)
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

    /// Memberships are a union; a membership known twice keeps its earliest `createdAt`.
    mutating func mergeMember(_ member: PartnershipMember) throws {
        let key: [String: (any DatabaseValueConvertible)?] = ["partnershipID": Self.key(member.partnershipID), "partyID": Self.key(member.partyID)]
        guard let existing = try PartnershipMember.fetchOne(db, key: key) else {
            try member.insert(db)
            return count(.inserted)
        }
        guard Self.milliseconds(member.createdAt) < Self.milliseconds(existing.createdAt) else { return count(.unchanged) }
        try member.update(db)
        count(.updated)
    }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }
    static func milliseconds(_ date: Date) -> Double { (date.timeIntervalSince1970 * 1000).rounded() }
}
