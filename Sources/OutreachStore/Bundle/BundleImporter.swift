import Foundation
import GRDB
import OutreachCore

/// Merges the records of one bundle inside the import's transaction (see `importBundle` for the rule).
struct BundleImporter {
    let db: Database
    let path: String
    /// The bundle's format version: version 1 has no parties, and its values name who gains as text.
    let version: Int
    var summary = ImportSummary()
    /// Partners' ids, parties, aliases, partnerships and members, merged by the rule both engines share.
    var parties: PartyMerge<PartyRows>
    /// Lowercased party names and aliases → ids, for a version 1 bundle's free-text beneficiaries.
    private var beneficiaryNames: [String: String]?
    /// New answers, notes, terms, values and actions waiting to be written together.
    private var batch = BatchedInserts()
    /// The line of the record being merged.
    var line = 0

    init(db: Database, path: String, version: Int) {
        self.db = db
        self.path = path
        self.version = version
        parties = PartyMerge(storage: PartyRows(db: db), path: path)
    }

    /// Merges one record; new records may wait in `batch` until `finish()`.
    mutating func merge(_ record: Bundle.Record) throws {
        line = record.line
        if record.content.rank > 2 { try linkPartners() }
        switch record.content {
        case .partner(let partner):
            try flush()
            try upsert(try parties.match(partner).partner, updatedAt: \.updatedAt)
        case .party(var party):
            try flush()
            party.partnerID = party.partnerID.map(mapped)
            summary.count(try parties.merge(party, line: line))
        case .alias(var alias):
            try flush()
            alias.partyID = mappedParty(alias.partyID)
            summary.count(try parties.merge(alias, line: line))
        case .partnership(let partnership):
            try flush()
            summary.count(try parties.merge(partnership))
        case .member(var member):
            try flush()
            member.partyID = mappedParty(member.partyID)
            member.partnershipID = mappedPartnership(member.partnershipID)
            summary.count(try parties.merge(member))
        case .session(var session):
            try flush()
            session.partnerID = mapped(session.partnerID)
            session.partnershipID = session.partnershipID.map(mappedPartnership)
            if let existing = try Session.fetchOne(db, key: session.id.uuidString.lowercased()) {
                session.number = existing.number
                try replace(existing, with: session, updatedAt: \.updatedAt)
            } else {
                session.number = (try Int64.fetchOne(db, Session.select(max(Session.Columns.number))) ?? 0) + 1
                try session.insert(db)
                summary.inserted += 1
            }
        case .answer(let answer):
            // Revisions are never changed: one already here (by id) is the same revision.
            try insert(answer, id: answer.id.uuidString.lowercased(), ignoringExisting: true)
        case .note(var note):
            note.partnerID = note.partnerID.map(mapped)
            note.partnershipID = note.partnershipID.map(mappedPartnership)
            try upsert(note, updatedAt: \.updatedAt)
        case .term(var term):
            term.partnerID = term.partnerID.map(mapped)
            try upsert(term, updatedAt: \.updatedAt)
        case .value(var value):
            value.partnerID = value.partnerID.map(mapped)
            value.partnershipID = value.partnershipID.map(mappedPartnership)
            value.beneficiaryIDs = MergeRule.unique(value.beneficiaryIDs.map(mappedParty))
            value.payerIDs = MergeRule.unique(value.payerIDs.map(mappedParty))
            if version < 2, value.beneficiaryIDs.isEmpty, !value.benefits.isEmpty {
                value.beneficiaryIDs = try beneficiaries(named: value.benefits, createdAt: value.createdAt)
            }
            try upsert(value, updatedAt: \.updatedAt)
        case .action(var action):
            action.partnerID = action.partnerID.map(mapped)
            action.partnershipID = action.partnershipID.map(mappedPartnership)
            try upsert(action, updatedAt: \.updatedAt)
        }
    }

    /// Links the partners merged so far to their parties (`PartyMerge.linkPartners()`), after
    /// writing the batch, so the partners waiting in it are there to link.
    private mutating func linkPartners() throws {
        guard !parties.partnersToLink.isEmpty else { return }
        try flush()
        try parties.linkPartners()
    }

    /// A version 1 value's free-text beneficiaries as parties, the way `v5-parties-partnerships-values`
    /// made them: an existing party's name or alias (any case), else a new outside party.
    private mutating func beneficiaries(named names: [String], createdAt: Date) throws -> [UUID] {
        try flush()
        var known = try beneficiaryNames ?? Dictionary(
            try Row.fetchAll(db, sql: "SELECT name, id FROM party UNION ALL SELECT alias, partyID FROM partyAlias")
                .map { (($0[0] as String).lowercased(), $0[1] as String) },
            uniquingKeysWith: { first, _ in first })
        let stamp = Timestamp.storage(createdAt)?.databaseValue ?? createdAt.databaseValue
        let ids = try Migrations.beneficiaryParties(names, createdAt: stamp, known: &known, in: db)
        beneficiaryNames = known
        return ids.compactMap(UUID.init(uuidString:))
    }

    private func mapped(_ partnerID: UUID) -> UUID { parties.partnerID(for: partnerID) }
    private func mappedParty(_ id: UUID) -> UUID { parties.partyID(for: id) }
    private func mappedPartnership(_ id: UUID) -> UUID { parties.partnershipID(for: id) }

    /// Writes the records still waiting in the batch.
    mutating func finish() throws {
        try linkPartners()
        try flush()
    }

    mutating func flush() throws {
        let firstLine = batch.lines.first ?? line
        do {
            let (inserted, count) = try batch.flush(db)
            summary.inserted += inserted
            summary.unchanged += count - inserted
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.badBundle(path: path, line: firstLine, reason: "a record from this line on conflicts with one already in this database")
        }
    }

    private mutating func insert<T: PersistableRecord>(_ record: T, id: String, ignoringExisting: Bool) throws {
        if try batch.add(record, id: id, line: line, ignoringExisting: ignoringExisting) { return }
        try flush()
        guard try batch.add(record, id: id, line: line, ignoringExisting: ignoringExisting) else {
            try record.insert(db)
            summary.inserted += 1
            return
        }
    }

    private mutating func upsert<T: FetchableRecord & PersistableRecord & Identifiable & Encodable>(
        _ record: T, updatedAt: KeyPath<T, Date>
    ) throws where T.ID == UUID {
        let key = record.id.uuidString.lowercased()
        if batch.ids.contains(key) { try flush() }
        let lookup = try db.cachedStatement(sql: "SELECT * FROM \(T.databaseTableName.quotedDatabaseIdentifier) WHERE id = ?")
        if let existing = try T.fetchOne(lookup, arguments: [key]) {
            try replace(existing, with: record, updatedAt: updatedAt)
        } else {
            try insert(record, id: key, ignoringExisting: false)
        }
    }

    /// Keeps the winner of the merge rule: the newer `updatedAt` (to the store's millisecond), and
    /// for equal times the copy whose bundle encoding sorts last.
    mutating func replace<T: PersistableRecord & Encodable>(_ existing: T, with incoming: T, updatedAt: KeyPath<T, Date>) throws {
        if try MergeRule.wins(incoming, over: existing, updatedAt: updatedAt) {
            try incoming.update(db)
            summary.updated += 1
        } else {
            summary.unchanged += 1
        }
    }

    /// A constraint the database refused, in words.
    static func conflict(_ error: DatabaseError, _ line: Bundle.Line) -> String {
        if case .partner(let partner) = line, error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            return "another partner named '\(partner.name)' is already in this database or earlier in the bundle"
        }
        return "the \(line.kind) conflicts with a record already in this database"
    }
}
