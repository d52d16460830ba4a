import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

/// Merges the records of one bundle inside the import's transaction, by the rule of SQLite's
/// `BundleImporter` (see `AppDatabase.importBundle`), with the same messages.
///
/// Partners, parties, aliases, partnerships and members are merged one at a time, as there. The
/// many records (sessions, answers, notes, terms, values, actions) are merged in runs of one kind:
/// a run's stored copies are read in one query, new rows written thousands to a statement (a row
/// whose id is already here is left as it is), and only copies that win the merge are updated
/// one by one, so an import costs a few round trips per thousand records rather than one each.
struct TeamBundleImporter {
    let database: TeamDatabase
    let path: String
    /// The bundle's format version: version 1 has no parties, and its values name who gains as text.
    let version: Int
    var summary = ImportSummary()
    /// Partners' ids, parties, aliases, partnerships and members, merged by the rule both engines share.
    var parties: PartyMerge<TeamPartyRows>
    /// Lowercased party names and aliases → ids, for a version 1 bundle's free-text beneficiaries.
    var beneficiaryNames: [String: UUID]?
    /// The line of the record being merged.
    var line = 0

    /// The most records of one kind merged together.
    static let runLength = 5_000

    init(database: TeamDatabase, path: String, version: Int) {
        self.database = database
        self.path = path
        self.version = version
        parties = PartyMerge(storage: TeamPartyRows(database: database), path: path)
    }

    /// Merges every record, in order.
    mutating func merge(_ records: [StoreBundle.Record], progress: ((_ done: Int, _ total: Int) -> Void)?) throws {
        var index = 0
        while index < records.count {
            let record = records[index]
            line = record.line
            if record.content.rank > 2 { try linkPartners(before: record) }
            var end = index + 1
            if record.content.rank >= 5 {
                while end < records.count, end - index < Self.runLength, records[end].content.kind == record.content.kind { end += 1 }
            }
            if let progress {
                for done in stride(from: (index + 1_999) / 2_000 * 2_000, to: end, by: 2_000) { progress(done, records.count) }
            }
            if record.content.rank < 5 {
                try mergeOne(record)
            } else {
                try mergeRun(records[index..<end])
            }
            index = end
        }
        if let last = records.last { try linkPartners(before: last) }
    }

    /// Links the partners merged so far to their parties; a party that cannot be linked (its name
    /// taken by another party here) refuses the bundle at `record`'s line, as SQLite's import does.
    private mutating func linkPartners(before record: StoreBundle.Record) throws {
        do {
            try parties.linkPartners()
        } catch where Self.isConstraintViolation(error) {
            throw StoreError.badBundle(path: path, line: record.line, reason: Self.conflict(error, record.content))
        }
    }

    /// Merges a partner, party, alias, partnership or member.
    private mutating func mergeOne(_ record: StoreBundle.Record) throws {
        do {
            switch record.content {
            case .partner(let partner):
                let (matched, stored) = try parties.match(partner)
                try upsert(matched, existing: stored)
            case .party(var party):
                party.partnerID = party.partnerID.map(mapped)
                summary.count(try parties.merge(party, line: line))
            case .alias(var alias):
                alias.partyID = mappedParty(alias.partyID)
                summary.count(try parties.merge(alias, line: line))
            case .partnership(let partnership):
                summary.count(try parties.merge(partnership))
            case .member(var member):
                member.partyID = mappedParty(member.partyID)
                member.partnershipID = mappedPartnership(member.partnershipID)
                summary.count(try parties.merge(member))
            case .session, .answer, .note, .term, .value, .action:
                try mergeRun([record][...])
            }
        } catch where Self.isConstraintViolation(error) {
            throw StoreError.badBundle(path: path, line: record.line, reason: Self.conflict(error, record.content))
        }
    }

    /// Merges records of one kind (sessions, answers, notes, terms, values or actions).
    private mutating func mergeRun(_ run: ArraySlice<StoreBundle.Record>) throws {
        let firstLine = run.first?.line ?? line
        do {
            switch run.first?.content {
            case .session?:
                let sessions = run.compactMap { record -> (Int, Session)? in
                    guard case .session(var session) = record.content else { return nil }
                    session.partnerID = mapped(session.partnerID)
                    session.partnershipID = session.partnershipID.map(mappedPartnership)
                    return (record.line, session)
                }
                // A session's short number stays local: a stored copy keeps its own, a new one gets the next.
                try upsertRun(sessions) { incoming, stored in incoming.number = stored.number }
            case .answer?:
                // Revisions are never changed: one already here (by id) is the same revision.
                let answers = run.compactMap { record -> Answer? in
                    guard case .answer(let answer) = record.content else { return nil }
                    return answer
                }
                let written = try database.insert(answers, ignoringConflicts: true)
                summary.inserted += written
                summary.unchanged += answers.count - written
            case .note?:
                try upsertRun(run.compactMap { record -> (Int, Note)? in
                    guard case .note(var note) = record.content else { return nil }
                    note.partnerID = note.partnerID.map(mapped)
                    note.partnershipID = note.partnershipID.map(mappedPartnership)
                    return (record.line, note)
                })
            case .term?:
                try upsertRun(run.compactMap { record -> (Int, Term)? in
                    guard case .term(var term) = record.content else { return nil }
                    term.partnerID = term.partnerID.map(mapped)
                    return (record.line, term)
                })
            case .value?:
                var values: [(Int, ValueItem)] = []
                for record in run {
                    guard case .value(var value) = record.content else { continue }
                    line = record.line
                    value.partnerID = value.partnerID.map(mapped)
                    value.partnershipID = value.partnershipID.map(mappedPartnership)
                    value.beneficiaryIDs = MergeRule.unique(value.beneficiaryIDs.map(mappedParty))
                    value.payerIDs = MergeRule.unique(value.payerIDs.map(mappedParty))
                    if version < 2, value.beneficiaryIDs.isEmpty, !value.benefits.isEmpty {
                        value.beneficiaryIDs = try beneficiaries(named: value.benefits, createdAt: value.createdAt)
                    }
                    values.append((record.line, value))
                }
                try upsertRun(values)
            case .action?:
                try upsertRun(run.compactMap { record -> (Int, ActionItem)? in
                    guard case .action(var action) = record.content else { return nil }
                    action.partnerID = action.partnerID.map(mapped)
                    action.partnershipID = action.partnershipID.map(mappedPartnership)
                    return (record.line, action)
                })
            default:
                for record in run { try mergeOne(record) }
            }
        } catch where Self.isConstraintViolation(error) {
            throw StoreError.badBundle(path: path, line: firstLine, reason: "a record from this line on conflicts with one already in this database")
        }
    }

    /// Merges records matched by id: a stored copy is replaced when the incoming one wins the merge
    /// rule, new ones are written together. `adjust` fits an incoming copy to its stored one first.
    private mutating func upsertRun<R: RecordRow & Identifiable & Encodable>(
        _ items: [(line: Int, record: R)], adjust: ((inout R, R) -> Void)? = nil
    ) throws where R.ID == UUID, R: HasUpdatedAt {
        guard !items.isEmpty else { return }
        let stored = try R.all(database.rows(
            "SELECT \(unescaped: R.selected) FROM \(unescaped: R.table) WHERE id = ANY(\(Bound(ids: Set(items.map(\.record.id)))))"))
        var existing = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var inserts: [R] = [], waiting: [UUID: Int] = [:]
        for item in items {
            line = item.line
            var record = item.record
            if let index = waiting[record.id] {
                if let adjust { adjust(&record, inserts[index]) }
                if try Self.wins(record, over: inserts[index]) {
                    inserts[index] = record
                    summary.updated += 1
                } else {
                    summary.unchanged += 1
                }
            } else if let old = existing[record.id] {
                if let adjust { adjust(&record, old) }
                if try Self.wins(record, over: old) {
                    try database.update(record)
                    existing[record.id] = record
                    summary.updated += 1
                } else {
                    summary.unchanged += 1
                }
            } else {
                waiting[record.id] = inserts.count
                inserts.append(record)
            }
        }
        // A row whose id is here but not visible (another person's private note) is left as it is.
        let written = try database.insert(inserts, ignoringConflicts: true)
        summary.inserted += written
        summary.unchanged += inserts.count - written
    }

    /// One record matched by id: stored when new, replaced when it wins the merge rule.
    mutating func upsert<R: RecordRow & Encodable & HasUpdatedAt>(_ record: R, existing: R?) throws {
        guard let existing else {
            try database.insert([record])
            summary.inserted += 1
            return
        }
        if try Self.wins(record, over: existing) {
            try database.update(record)
            summary.updated += 1
        } else {
            summary.unchanged += 1
        }
    }

    /// The winner of the merge rule (`MergeRule.wins`). Identical copies, the common case when a
    /// bundle comes in again, are told apart without encoding either.
    static func wins<T: Encodable & HasUpdatedAt>(_ incoming: T, over existing: T) throws -> Bool {
        try incoming != existing && MergeRule.wins(incoming, over: existing, updatedAt: \.updatedAt)
    }

    func mapped(_ partnerID: UUID) -> UUID { parties.partnerID(for: partnerID) }
    func mappedParty(_ id: UUID) -> UUID { parties.partyID(for: id) }
    func mappedPartnership(_ id: UUID) -> UUID { parties.partnershipID(for: id) }

    /// A version 1 value's free-text beneficiaries as parties, the way SQLite's
    /// `v5-parties-partnerships-values` made them: an existing party's name or alias (any case),
    /// else a new outside party stamped with the value's `createdAt`.
    private mutating func beneficiaries(named names: [String], createdAt: Date) throws -> [UUID] {
        var known: [String: UUID]
        if let beneficiaryNames {
            known = beneficiaryNames
        } else {
            known = [:]
            for row in try database.rows("SELECT name, id FROM party UNION ALL SELECT alias, partyID FROM partyAlias") {
                let fields = TeamRow(row)
                let name = try fields("name", as: String.self).lowercased()
                if known[name] == nil { known[name] = try fields("id", as: UUID.self) }
            }
        }
        var ids: [UUID] = []
        for name in names.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !name.isEmpty {
            let key = name.lowercased()
            if known[key] == nil {
                let party = Party(name: name, kind: .outside, createdAt: createdAt, updatedAt: createdAt)
                try database.insert([party])
                known[key] = party.id
            }
            if let id = known[key], !ids.contains(id) { ids.append(id) }
        }
        beneficiaryNames = known
        return ids
    }

    /// Whether the server refused a statement for breaking a constraint (SQLSTATE class 23).
    static func isConstraintViolation(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState]?.hasPrefix("23") == true
    }

    /// A constraint the database refused, in words.
    static func conflict(_ error: any Error, _ line: StoreBundle.Line) -> String {
        if case .partner(let partner) = line, (error as? PSQLError)?.serverInfo?[.sqlState] == "23505" {
            return "another partner named '\(partner.name)' is already in this database or earlier in the bundle"
        }
        return "the \(line.kind) conflicts with a record already in this database"
    }
}

/// A record the merge rule dates by its last change.
protocol HasUpdatedAt: Equatable {
    var updatedAt: Date { get }
}

extension Partner: HasUpdatedAt {}
extension Party: HasUpdatedAt {}
extension Partnership: HasUpdatedAt {}
extension Session: HasUpdatedAt {}
extension Note: HasUpdatedAt {}
extension Term: HasUpdatedAt {}
extension ValueItem: HasUpdatedAt {}
extension ActionItem: HasUpdatedAt {}
