import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    // MARK: - Export

    /// Writes everything you may read (or one partner's records and what they need, as SQLite's
    /// `BundleSelection` chooses them) as a bundle in the same format as a SQLite export, to a new
    /// file private to the user (0600) in an existing folder; an existing file is never replaced.
    /// `redact` leaves out every private note and any reference to one.
    @discardableResult
    public func exportBundle(to url: URL, partnerID: UUID?, redact: Bool) throws -> Int {
        let lines = try consistentRead { try TeamBundleSelection(database: self, redact: redact).lines(partnerID: partnerID) }
        let writer = try BundleFileWriter(path: url.path, redacted: redact, partnerID: partnerID)
        do {
            for line in lines { try writer.write(line) }
            return try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// How many private notes `exportBundle` would write without `redact`: every one you may read,
    /// or with a partner, those in what that partner's bundle holds.
    public func privateNotesToExport(partnerID: UUID?) throws -> Int {
        guard let partnerID else {
            return try read { try rows("SELECT COUNT(*) AS total FROM note WHERE isPrivate").first.map { try TeamRow($0)("total", as: Int.self) } ?? 0 }
        }
        return try consistentRead {
            try TeamBundleSelection(database: self, redact: false).lines(partnerID: partnerID).count {
                if case .note(let note) = $0 { note.isPrivate } else { false }
            }
        }
    }

    // MARK: - Import

    /// Merges a bundle in one transaction, with the same checks, messages and merge rule as
    /// `AppDatabase.importBundle`: the file is read and checked whole by the same reader, every
    /// reference to a record neither in the bundle nor here refuses it, and then answers are
    /// matched by id, other records by id with the newer `updatedAt` winning, parties and
    /// partnerships by id or name keeping the smallest id (see `TeamBundleImporter`).
    /// `progress` is told how many of the bundle's records are merged, every 2,000 and at the end.
    public func importBundle(from url: URL, progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> ImportSummary {
        let (version, read) = try StoreBundle.read(url)
        let records = read.inMergeOrder
        return try write {
            var importer = TeamBundleImporter(database: self, path: url.path, version: version)
            try importer.checkReferences(records)
            importer.parties.prepare(records)
            try importer.merge(records, progress: progress)
            progress?(records.count, records.count)
            return importer.summary
        }
    }
}
