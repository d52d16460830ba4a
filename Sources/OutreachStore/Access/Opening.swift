import Foundation
import GRDB

extension AppDatabase {
    // MARK: - Opening

    /// Opens (or creates, private to the user) the database at `path`. Anything that is not a
    /// regular file, a file that is not an outreach database (another application's, even an empty
    /// one), a damaged one, or one from a newer schema is refused before SQLite creates or changes
    /// anything. An existing file that other users could read is made private (0600), and
    /// `notices` says so.
    public static func open(path: String) throws -> AppDatabase {
        try open(path: path, busyTimeout: defaultBusyTimeout)
    }

    static func open(path: String, busyTimeout: TimeInterval) throws -> AppDatabase {
        if path == ":memory:" { return try inMemory() }
        guard !path.isEmpty else { throw StoreError.missingFileName(option: "--db", example: "--db outreach.sqlite") }
        var notices: [String] = []
        switch try DatabaseFile.examine(path) {
        case .absent:
            try FileAccess.preparePrivateFile(at: path)
        case .existing(let size):
            if size > 0 { try inspect(path: path) }
            if let mode = DatabaseFile.sharedMode(path) {
                try DatabaseFile.makePrivate(path)
                notices.append(StoreNotice.madePrivate(path: path, mode: Int(mode)).description)
            }
        }
        do {
            var configuration = configuration(busyTimeout: busyTimeout)
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
                                   checkpointer: Checkpointer(path: path), notices: notices)
        } catch let error as DatabaseError {
            throw openingFailure(error, path: path)
        }
    }

    /// Reads an existing file without writing to it or creating anything beside it, and decides
    /// whether it may be opened.
    static func inspect(path: String) throws {
        let header = try DatabaseFile.header(path, count: 100)
        guard header.count == 100, header.prefix(16).elementsEqual(Array("SQLite format 3\0".utf8)) else {
            throw StoreError.notAnOutreachDatabase(path: path)
        }
        // The application id, big-endian at offset 68: another application's mark is refused at once.
        let applicationID = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard applicationID == 0 || applicationID == UInt32(bitPattern: Migrations.applicationID) else {
            throw StoreError.notAnOutreachDatabase(path: path)
        }
        do {
            let connection = try ReadOnlyConnection(uri: inspectionURI(path))
            let objects = try connection.strings("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
            guard !objects.isEmpty else { return }
            let applicationID = try connection.integer("PRAGMA application_id") ?? 0
            guard applicationID == Migrations.applicationID, objects.contains("grdb_migrations") else {
                throw StoreError.notAnOutreachDatabase(path: path)
            }
            // The table GRDB's migrator keeps, read here without a GRDB connection.
            let known = Set(Migrations.migrator.migrations)
            let unknown = try Set(connection.strings("SELECT identifier FROM grdb_migrations")).subtracting(known)
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown.sorted()) }
            guard Set(objects).isSubset(of: Migrations.schemaObjects) else {
                throw StoreError.notAnOutreachDatabase(path: path)
            }
        } catch let error as DatabaseError {
            throw openingFailure(error, path: path)
        }
    }

    /// The file as a read-only URI. Without a write-ahead log beside it the file is the whole
    /// database, and `immutable=1` reads it without creating `-wal` or `-shm` files; with one, a
    /// plain read-only connection reads the log too (and finds its companions already there).
    private static func inspectionURI(_ path: String) -> String {
        var log = stat()
        let hasLog = stat(path + "-wal", &log) == 0 && log.st_size > 0
        let uri = URL(fileURLWithPath: path).absoluteString
        return hasLog ? uri + "?mode=ro" : uri + "?immutable=1"
    }

    /// A failure to open, worded for the user; nothing was written.
    static func openingFailure(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            .unreadable(path: path, reason: "the file is damaged")
        case .SQLITE_READONLY:
            .readOnly(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            .busy(path: path)
        case .SQLITE_CANTOPEN:
            .unreadable(path: path, reason: "SQLite cannot open it or create its journal beside it")
        default:
            .unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
