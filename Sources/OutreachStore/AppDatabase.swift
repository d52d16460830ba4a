import Foundation
import GRDB
import OutreachCore

/// The outreach database: one writer, the migrator, and every read and write as a named method.
///
/// Each write is its own committed transaction before the method returns, so an answer whose
/// prompt has come back survives a crash, Ctrl-C or a killed process.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// The path shown in messages (`:memory:` for an in-memory database).
    public let path: String
    /// Background WAL checkpoints for a file database.
    let checkpointer: Checkpointer?

    init(writer: any DatabaseWriter, path: String, checkpointer: Checkpointer? = nil) throws {
        self.writer = writer
        self.path = path
        self.checkpointer = checkpointer
        // A database already at the current schema is opened without a single write.
        let migrator = Migrations.migrator
        if try !writer.read(migrator.hasCompletedMigrations) { try migrator.migrate(writer) }
    }

    /// A throwaway database in memory.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(writer: DatabaseQueue(configuration: configuration()), path: ":memory:")
    }

    /// Opens (or creates, private to the user) the database at `path`. A file that is not an
    /// outreach database, a corrupt one, or one from a newer schema is refused untouched.
    public static func open(path: String) throws -> AppDatabase {
        if path == ":memory:" { return try inMemory() }
        try FileAccess.preparePrivateFile(at: path)
        try inspect(path: path)
        do {
            var configuration = configuration()
            configuration.prepareDatabase { db in
                // WAL mode, set here rather than by a DatabasePool, which writes to the file at
                // every open; on a file already in WAL mode this writes nothing, so a read-only
                // command leaves the file's bytes as they were.
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Checkpoints run in the background (see Checkpointer), never inside a commit.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            }
            return try AppDatabase(writer: DatabaseQueue(path: path, configuration: configuration), path: path,
                                   checkpointer: Checkpointer(path: path))
        } catch let error as DatabaseError {
            throw StoreError.unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in db.add(function: Self.hasTag) }
        return configuration
    }

    /// Reads an existing file without writing to it, and decides whether it may be opened.
    private static func inspect(path: String) throws {
        guard let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 else { return }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unreadable(path: path, reason: "permission denied")
        }
        let header = handle.readData(ofLength: 16)
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else { throw StoreError.notAnOutreachDatabase(path: path) }

        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                guard !tables.isEmpty else { return }
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard applicationID == Migrations.applicationID, tables.contains("grdb_migrations") else {
                    throw StoreError.notAnOutreachDatabase(path: path)
                }
                let known = Set(Migrations.migrator.migrations)
                let unknown = try Migrations.migrator.appliedIdentifiers(db).subtracting(known)
                if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown.sorted()) }
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw StoreError.unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// `hasTag(text, tag)`: whether a note's text carries `#tag` (exactly, any case), as `Note.tags` reads it.
    static let hasTag = DatabaseFunction("hasTag", argumentCount: 2, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]), let tag = String.fromDatabaseValue(values[1]) else { return false }
        return Note(partnerID: nil, text: text).tags.contains(tag.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#")))
    }

    /// Every write goes through here: one committed transaction, then a look at the log size.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        let result = try writer.write(updates)
        checkpointer?.noteWrite()
        return result
    }

    // MARK: - Schema

    /// The names of the migrations applied to this database, oldest first.
    public func schemaVersion() throws -> [String] {
        try writer.read { try Migrations.migrator.completedMigrations($0) }
    }
}
