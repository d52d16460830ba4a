import Foundation
import GRDB

/// The result of `check`.
public struct HealthReport: Sendable {
    public var integrity: [String]
    public var migrations: [String]
    public var latestKnown: String
    public var counts: [(table: String, rows: Int)]

    public var isHealthy: Bool { integrity == ["ok"] }

    public init(integrity: [String], migrations: [String], latestKnown: String, counts: [(table: String, rows: Int)]) {
        self.integrity = integrity
        self.migrations = migrations
        self.latestKnown = latestKnown
        self.counts = counts
    }
}

extension AppDatabase {
    // MARK: - Maintenance

    /// Copies the whole database to a new private file (0600) with SQLite's online backup, which
    /// is safe while another shell is writing. The folder must exist; nothing is overwritten, and
    /// a copy that fails half-way is removed.
    public func backup(to path: String) throws {
        guard !path.isEmpty else { throw StoreError.missingFileName(option: "backup", example: "backup ~/outreach-backup.sqlite") }
        try FileAccess.createNewPrivateFile(at: path) { StoreError.backupFailed(path: path, reason: $0) }
        do {
            let destination = try DatabaseQueue(path: path)
            defer { try? destination.close() }
            try writer.backup(to: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: path + "-journal")
            guard let error = error as? DatabaseError else { throw error }
            // A damaged source is this database's problem (and stops its writes); anything else
            // went wrong with the copy.
            if error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB { throw translated(error) }
            throw StoreError.backupFailed(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// SQLite's integrity check, the applied migrations and row counts. A database that fails the
    /// integrity check is not written to again in this run.
    public func healthReport() throws -> HealthReport {
        let report = try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let tables = ["partner", "session", "answer", "note", "term", "valueItem", "actionItem"]
            var counts: [(String, Int)] = []
            for table in tables {
                counts.append((table, try Table(table).fetchCount(db)))
            }
            return HealthReport(
                integrity: integrity, migrations: try Migrations.migrator.completedMigrations(db),
                latestKnown: Migrations.migrator.migrations.last ?? "", counts: counts)
        }
        if !report.isHealthy { damage.set() }
        return report
    }
}
