import Foundation
import OutreachCore

/// The merge rule for partners' ids, parties, aliases, partnerships and memberships, one for both
/// engines (see `importBundle`); each importer gives it a storage with its own SQL.
///
/// A partner is matched by id, else by name (any case), and keeps the id it has here; once the
/// bundle's parties are in, each partner merged has its party linked to it. A party is matched by
/// id, else by its name or one of its aliases against the names and aliases here (any case), and a
/// partner's party also by the partner it stands for. A partnership is matched by id, else by name
/// (any case). Rows found to be one become the row with the smallest id (compared as stored,
/// lowercase text), so every database keeps the same one whatever order bundles arrive in: the
/// other ids are rewritten wherever they are used (values' beneficiaries and payers, memberships,
/// aliases; sessions', notes', values' and actions' partnership) and their rows removed. The name
/// of each party merged away stays as an alias with that party's id (one alias per name without
/// regard to case, the smaller id kept), even when only its case differs, so no spelling is lost
/// and the aliases do not depend on the order either. Copies with the same id merge field by field
/// as other records do: the newer `updatedAt` wins. Memberships are a union, each keeping its
/// earliest `createdAt`.
package struct PartyMerge<Storage: PartyMergeStorage> {
    let storage: Storage
    let path: String
    /// Bundle partner ids → the ids they have here (a partner matched by name keeps the local id).
    var partnerIDs: [UUID: UUID] = [:]
    /// Bundle party and partnership ids → the ids they have here after matching and merging.
    var partyIDs: [UUID: UUID] = [:]
    var partnershipIDs: [UUID: UUID] = [:]
    /// The aliases the bundle gives each party (by bundle party id), matched along with its name.
    var bundleAliases: [UUID: [String]] = [:]
    /// Local partners merged so far whose party is checked once the parties are in
    /// (`linkPartners()`): the partners the bundle names, and the partners of the parties kept.
    package internal(set) var partnersToLink: [UUID] = []

    package init(storage: Storage, path: String) {
        self.storage = storage
        self.path = path
    }

    /// The bundle's aliases by the party they name, so a party is matched by its aliases too.
    package mutating func prepare(_ records: [Bundle.Record]) {
        for record in records {
            if case .alias(let alias) = record.content { bundleAliases[alias.partyID, default: []].append(alias.alias) }
        }
    }

    /// The id a bundle's partner has here.
    package func partnerID(for bundleID: UUID) -> UUID { partnerIDs[bundleID] ?? bundleID }
    /// The id a bundle's party has here.
    package func partyID(for bundleID: UUID) -> UUID { partyIDs[bundleID] ?? bundleID }
    /// The id a bundle's partnership has here.
    package func partnershipID(for bundleID: UUID) -> UUID { partnershipIDs[bundleID] ?? bundleID }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    // MARK: - Parties

    /// Merges a bundle's party (its partner already mapped), read at `line` of the bundle.
    package mutating func merge(_ incoming: Party, line: Int) throws -> MergeOutcome {
        let (kept, outcome) = try merge(incoming, alsoNamed: bundleAliases[incoming.id] ?? [], line: line)
        partyIDs[incoming.id] = kept
        return outcome
    }

    /// Makes everything that names party `from` name party `to` instead, then removes `from`. A
    /// value that named both names `to` once, where `from` stood first.
    private func repoint(_ from: UUID, to: UUID) throws {
        for var value in try storage.values(naming: from) {
            value.beneficiaryIDs = MergeRule.unique(value.beneficiaryIDs.map { $0 == from ? to : $0 })
            value.payerIDs = MergeRule.unique(value.payerIDs.map { $0 == from ? to : $0 })
            try storage.update(value)
        }
        try storage.repointParty(from, to: to)
    }

    /// Merges a party with every party here that is the same one; returns the id they keep.
    private mutating func merge(_ incoming: Party, alsoNamed aliases: [String], line: Int) throws -> (UUID, MergeOutcome) {
        var copies: [UUID: (content: Party, stored: Party?)] = [:]
        for row in try partiesMatching(incoming, names: [incoming.name] + aliases) { copies[row.id] = (row, row) }
        if let copy = copies[incoming.id] {
            if try MergeRule.wins(incoming, over: copy.content, updatedAt: \.updatedAt) { copies[incoming.id]?.content = incoming }
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
        let standIn = storage.checksConstraintsAtOnce && kept.stored == nil && dropped.contains { $0.stored != nil }
        if standIn {
            try storage.insert(Party(id: keptID, name: "merging \(Self.key(keptID))", kind: .outside,
                                     createdAt: kept.content.createdAt, updatedAt: kept.content.updatedAt))
        }
        for copy in dropped where copy.stored != nil { try repoint(copy.content.id, to: keptID) }
        if kept.stored == nil, !standIn {
            try storage.insert(kept.content)
        } else if standIn || kept.stored != kept.content {
            try storage.update(kept.content)
        }
        var aliasesChanged = false
        for copy in dropped {
            let name = PartyAlias(id: copy.content.id, partyID: keptID, alias: copy.content.name, createdAt: copy.content.createdAt)
            if try place(name, line: line) != .unchanged { aliasesChanged = true }
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
        func add(_ row: Party?) { if let row { found[row.id] = row } }
        add(try storage.party(id: party.id))
        if let partnerID = party.partnerID { add(try storage.party(partnerID: partnerID)) }
        for name in names {
            add(try storage.party(named: name, excluding: nil))
            if let alias = try storage.alias(named: name) { add(try storage.party(id: alias.partyID)) }
        }
        return Array(found.values)
    }

    // MARK: - Aliases

    /// Merges a bundle's alias (its party already mapped), read at `line` of the bundle.
    package mutating func merge(_ alias: PartyAlias, line: Int) throws -> MergeOutcome {
        try place(alias, line: line)
    }

    /// Adds an alias (its party already mapped): aliases are a union, one per name without regard
    /// to case, the smaller id kept. An alias that is another party's name, or another party's
    /// alias, makes the two parties one.
    private mutating func place(_ alias: PartyAlias, line: Int) throws -> MergeOutcome {
        var alias = alias
        let namesake = try storage.party(named: alias.alias, excluding: alias.partyID)
        let same = try storage.alias(named: alias.alias)
        if namesake != nil || same.map({ $0.partyID != alias.partyID }) == true, let party = try storage.party(id: alias.partyID) {
            // Two parties here are one: merge them as if this one had arrived with the alias.
            alias.partyID = try merge(party, alsoNamed: [alias.alias], line: line).0
        }
        if let same = try storage.alias(named: alias.alias) {
            guard Self.key(alias.id) < Self.key(same.id) else { return .unchanged }
            try storage.delete(same)
            try storage.insert(alias)
            return .updated
        }
        // An alias is never edited: one already here with this id stays as it is.
        if try storage.containsAlias(id: alias.id) { return .unchanged }
        try storage.insert(alias)
        return .inserted
    }
}
