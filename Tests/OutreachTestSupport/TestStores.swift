import Foundation
import OutreachPostgres
import OutreachStore

/// The two engines a store can run on, for tests that must hold on both.
public enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// An empty store: SQLite in memory, or a fresh database on the throwaway PostgreSQL server
    /// opened by its owner.
    public func emptyStore() throws -> any Store {
        switch self {
        case .sqlite:
            return try AppDatabase.inMemory()
        case .postgres:
            let database = try TestPostgres.server().freshDatabase()
            return try database.openAsOwner()
        }
    }
}
