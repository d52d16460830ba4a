import Foundation
import GRDB

/// The result of `check`.
public struct HealthReport: Sendable {
    public var integrity: [String]
    public var migrations: [String]
    public var latestKnown: String
    public var counts: [(table: String, rows: Int)]

    public var isHealthy: Bool { integrity == ["ok"] }
}

extension AppDatabase {
    // MARK: - Maintenance

    /// Copies the whole database to a new private file with SQLite's online backup, which is
    /// safe while another shell is writing.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.backupFailed(path: path, reason: "the file already exists")
        }
        do {
            try FileAccess.preparePrivateFile(at: path)
            let destination = try DatabaseQueue(path: path)
            try writer.backup(to: destination)
            try destination.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw StoreError.backupFailed(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// SQLite's integrity check, the applied migrations and row counts.
    public func healthReport() throws -> HealthReport {
        try writer.read { db in
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
    }
}
