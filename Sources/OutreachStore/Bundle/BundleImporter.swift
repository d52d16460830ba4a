import Foundation
import GRDB
import OutreachCore

/// Merges the records of one bundle inside the import's transaction (see `importBundle` for the rule).
struct BundleImporter {
    let db: Database
    let path: String
    var summary = ImportSummary()
    /// Bundle partner id → the id it has here (a partner matched by name keeps the local id).
    private var partnerIDs: [UUID: UUID] = [:]
    /// New answers, notes, terms, values and actions waiting to be written together.
    private var batch = BatchedInserts()
    /// The line of the record being merged.
    private var line = 0

    init(db: Database, path: String) {
        self.db = db
        self.path = path
    }

    /// Refuses the bundle when a record refers to a partner or session that is neither in the
    /// bundle nor in this database, naming the record's line and the reference.
    func checkReferences(_ records: [Bundle.Record]) throws {
        var partners = Set<UUID>(), sessions = Set<UUID>(), known = Set<UUID>()
        for record in records {
            if case .partner(let partner) = record.content { partners.insert(partner.id) }
            if case .session(let session) = record.content { sessions.insert(session.id) }
        }
        func check(_ id: UUID?, _ kind: String, in bundled: Set<UUID>, table: String, line: Int, owner: String) throws {
            guard let id, !bundled.contains(id), !known.contains(id) else { return }
            let statement = try db.cachedStatement(sql: table == "partner"
                ? "SELECT EXISTS (SELECT 1 FROM partner WHERE id = ?)" : "SELECT EXISTS (SELECT 1 FROM session WHERE id = ?)")
            guard try Bool.fetchOne(statement, arguments: [id.uuidString.lowercased()]) == true else {
                throw StoreError.badBundle(path: path, line: line, reason:
                    "the \(owner) refers to \(kind) '\(id.uuidString.lowercased())', which is neither in the bundle nor in this database")
            }
            known.insert(id)
        }
        for record in records {
            let line = record.line, owner = record.content.kind
            switch record.content {
            case .partner: break
            case .session(let session): try check(session.partnerID, "partner", in: partners, table: "partner", line: line, owner: owner)
            case .answer(let answer): try check(answer.sessionID, "session", in: sessions, table: "session", line: line, owner: owner)
            case .note(let note):
                try check(note.partnerID, "partner", in: partners, table: "partner", line: line, owner: owner)
                try check(note.sessionID, "session", in: sessions, table: "session", line: line, owner: owner)
            case .term(let term):
                try check(term.partnerID, "partner", in: partners, table: "partner", line: line, owner: owner)
                try check(term.sessionID, "session", in: sessions, table: "session", line: line, owner: owner)
            case .value(let value):
                try check(value.partnerID, "partner", in: partners, table: "partner", line: line, owner: owner)
                try check(value.sessionID, "session", in: sessions, table: "session", line: line, owner: owner)
            case .action(let action):
                try check(action.partnerID, "partner", in: partners, table: "partner", line: line, owner: owner)
                try check(action.sessionID, "session", in: sessions, table: "session", line: line, owner: owner)
            }
        }
    }

    /// Merges one record; new records may wait in `batch` until `finish()`.
    mutating func merge(_ record: Bundle.Record) throws {
        line = record.line
        switch record.content {
        case .partner(var partner):
            try flush()
            let bundleID = partner.id
            if try !Partner.exists(db, key: partner.id.uuidString.lowercased()),
               let sameName = try Partner.filter(Partner.Columns.name.collating(.nocase) == partner.name).fetchOne(db) {
                partner.id = sameName.id
            }
            partnerIDs[bundleID] = partner.id
            try upsert(partner, updatedAt: \.updatedAt)
        case .session(var session):
            try flush()
            session.partnerID = mapped(session.partnerID)
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
            try upsert(note, updatedAt: \.updatedAt)
        case .term(var term):
            term.partnerID = term.partnerID.map(mapped)
            try upsert(term, updatedAt: \.updatedAt)
        case .value(var value):
            value.partnerID = value.partnerID.map(mapped)
            try upsert(value, updatedAt: \.updatedAt)
        case .action(var action):
            action.partnerID = action.partnerID.map(mapped)
            try upsert(action, updatedAt: \.updatedAt)
        }
    }

    private func mapped(_ partnerID: UUID) -> UUID { partnerIDs[partnerID] ?? partnerID }

    /// Writes the records still waiting in the batch.
    mutating func finish() throws {
        try flush()
    }

    private mutating func flush() throws {
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
    private mutating func replace<T: PersistableRecord & Encodable>(_ existing: T, with incoming: T, updatedAt: KeyPath<T, Date>) throws {
        if try Self.wins(incoming, over: existing, updatedAt: updatedAt) {
            try incoming.update(db)
            summary.updated += 1
        } else {
            summary.unchanged += 1
        }
    }

    static func wins<T: Encodable>(_ incoming: T, over existing: T, updatedAt: KeyPath<T, Date>) throws -> Bool {
        let new = (incoming[keyPath: updatedAt].timeIntervalSince1970 * 1000).rounded()
        let old = (existing[keyPath: updatedAt].timeIntervalSince1970 * 1000).rounded()
        if new != old { return new > old }
        let encoder = Bundle.encoder
        return try encoder.encode(existing).lexicographicallyPrecedes(try encoder.encode(incoming))
    }

    /// A constraint the database refused, in words.
    static func conflict(_ error: DatabaseError, _ line: Bundle.Line) -> String {
        if case .partner(let partner) = line, error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            return "another partner named '\(partner.name)' is already in this database or earlier in the bundle"
        }
        return "the \(line.kind) conflicts with a record already in this database"
    }
}
