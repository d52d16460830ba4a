import Foundation
import GRDB
import OutreachCore

/// The outreach database: one writer, the migrator, and every read and write as a named method.
///
/// Each write is its own committed transaction before the method returns, so an answer whose
/// prompt has come back survives a crash, Ctrl-C or a killed process. Once SQLite reports the file
/// damaged, every later write is refused for the rest of the run (see `StoreError.damaged`).
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// The path shown in messages (`:memory:` for an in-memory database).
    public let path: String
    /// What opening changed and the user should know, worded for printing once (for example that
    /// a file readable by other users was made private).
    public let notices: [String]
    /// Background WAL checkpoints for a file database.
    let checkpointer: Checkpointer?
    /// Set when SQLite reports corruption: no write is attempted after that.
    let damage = DamageFlag()

    init(writer: any DatabaseWriter, path: String, checkpointer: Checkpointer? = nil, notices: [String] = []) throws {
        self.writer = writer
        self.path = path
        self.checkpointer = checkpointer
        self.notices = notices
        // A database already at the current schema is opened without a single write.
        let migrator = Migrations.migrator
        if try !writer.read(migrator.hasCompletedMigrations) { try migrator.migrate(writer) }
    }

    /// A throwaway database in memory.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(writer: DatabaseQueue(configuration: configuration(busyTimeout: defaultBusyTimeout)), path: ":memory:")
    }

    /// How long a write waits for another shell's write (a large import, say) before giving up.
    static let defaultBusyTimeout: TimeInterval = 60

    static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in db.add(function: Self.hasTag) }
        return configuration
    }

    /// `hasTag(text, tag)`: whether a note's text carries `#tag` (exactly, any case), as `Note.tags` reads it.
    static let hasTag = DatabaseFunction("hasTag", argumentCount: 2, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]), let tag = String.fromDatabaseValue(values[1]) else { return false }
        return Note(partnerID: nil, text: text).tags.contains(tag.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#")))
    }

    /// Every write goes through here: one committed transaction, then a look at the log size.
    /// A database found damaged earlier in the run is not written to.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        guard !damage.isSet else { throw StoreError.damaged(path: path) }
        do {
            let result = try writer.write(updates)
            checkpointer?.noteWrite()
            return result
        } catch {
            throw translated(error)
        }
    }

    /// Every read goes through here, so SQLite's own errors reach the user as a `StoreError`.
    /// Inside `consistentRead` it joins that read's transaction.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try writer.unsafeReentrantRead(value)
        } catch {
            throw translated(error)
        }
    }

    /// Runs several reads as one read transaction, so a write from another shell in the middle
    /// cannot mix two states (a report is built this way).
    public func consistentRead<T>(_ body: () throws -> T) throws -> T {
        do {
            return try writer.read { _ in try body() }
        } catch {
            throw translated(error)
        }
    }

    /// SQLite errors the user can act on, as a `StoreError`; corruption also stops every later write.
    func translated(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            damage.set()
            return StoreError.damaged(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.busy(path: path)
        case .SQLITE_READONLY:
            return StoreError.readOnly(path: path)
        case .SQLITE_FULL:
            return StoreError.diskFull(path: path)
        case .SQLITE_CONSTRAINT:
            // Callers turn the constraints they expect (a duplicate name) into their own message.
            return error
        default:
            return StoreError.failed(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Closes every connection; the last one to close folds the log into the file and removes
    /// the `-wal` and `-shm` files. For tests and tools: the shell lets the process end instead.
    func close() throws {
        checkpointer?.close()
        try writer.close()
    }

    // MARK: - Schema

    /// The names of the migrations applied to this database, oldest first.
    public func schemaVersion() throws -> [String] {
        try read { try Migrations.migrator.completedMigrations($0) }
    }
}

/// A flag set once, from any thread.
final class DamageFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
