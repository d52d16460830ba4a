import Foundation
import GRDB
import OutreachCore

extension AppDatabase {
    // MARK: - Export

    /// Writes everything (or one partner's records and what they need, see `BundleSelection`) as a
    /// bundle to a new file private to the user (0600) in an existing folder; an existing file is
    /// never replaced. `redact` leaves out every private note and any reference to one.
    /// The whole database is read table by table with cursors and written as it is read, so an
    /// export of years of notes takes little memory.
    public func exportBundle(to url: URL, partnerID: UUID? = nil, redact: Bool) throws -> Int {
        let writer = try BundleFileWriter(path: url.path, redacted: redact, partnerID: partnerID)
        do {
            try read { db in
                let selection = BundleSelection(db: db, redact: redact)
                if let partnerID {
                    for line in try selection.lines(partnerID: partnerID) { try writer.write(line) }
                } else {
                    try selection.forEachLine(writer.write)
                }
            }
            return try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// How many private notes `exportBundle` would write without `redact`: every one, or with a
    /// partner, those in what that partner's bundle holds (their partnerships' notes among them).
    public func privateNotesToExport(partnerID: UUID? = nil) throws -> Int {
        try read { db in
            guard let partnerID else { return try Note.filter(Column("isPrivate") == true).fetchCount(db) }
            return try BundleSelection(db: db, redact: false).lines(partnerID: partnerID).count {
                if case .note(let note) = $0 { note.isPrivate } else { false }
            }
        }
    }

    // MARK: - Import

    /// Merges a bundle in one transaction. Every record is checked first, and so is every
    /// reference to a partner, session, party or partnership that is neither in the bundle nor in
    /// this database: a file that is not a complete, valid bundle changes nothing and the message
    /// names its line.
    ///
    /// The merge rule, the same for every database whatever order bundles arrive in:
    /// - answer revisions are matched by id; each one is kept, and the current answer to a question
    ///   is the revision with the newest `createdAt`, the greater id breaking a tie;
    /// - partners, sessions (position, status), notes, terms, values and actions are matched by id
    ///   (a partner also by name): the copy with the newer `updatedAt` wins, and for equal times the
    ///   copy whose bundle encoding sorts last, so two databases never keep different winners;
    /// - parties are matched by id, else by name or alias (any case), partnerships by id, else by
    ///   name; rows that are one keep the smallest id, and the others' ids are rewritten wherever
    ///   they are used (see `PartyMerge`); memberships and aliases are unions; a
    ///   partner's party ends up linked to the partner here;
    /// - a version 1 bundle's values name who gains as text: those names become parties as the
    ///   `v5-parties-partnerships-values` migration made them.
    /// `progress` is told how many of the bundle's records are merged, every 2,000 and at the end.
    public func importBundle(from url: URL, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ImportSummary {
        let (version, read) = try Bundle.read(url)
        let records = read.inMergeOrder
        return try write { db in
            // A large import touches far more index pages than SQLite's default 2 MB cache holds;
            // without room it spills to the log again and again. The cache is given back afterwards.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -131072")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            // Merging two parties or partnerships moves what refers to one before its row goes;
            // foreign keys are checked when the transaction commits (SQLite resets this then).
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            var importer = BundleImporter(db: db, path: url.path, version: version)
            try importer.checkReferences(records)
            importer.parties.prepare(records)
            for (index, record) in records.enumerated() {
                if let progress, index % 2_000 == 0 { progress(index, records.count) }
                do {
                    try importer.merge(record)
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    throw StoreError.badBundle(path: url.path, line: record.line, reason: BundleImporter.conflict(error, record.content))
                }
            }
            try importer.finish()
            progress?(records.count, records.count)
            return importer.summary
        }
    }
}
