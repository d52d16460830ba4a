import Foundation
import OutreachStore
import PostgresNIO

/// The team database's schema as named migrations, recorded in `outreach_migration`. A migration
/// that has shipped is never edited: add a new one.
enum TeamMigrations {
    struct Migration: Sendable {
        let name: String
        let apply: @Sendable (TeamDatabase) throws -> Void
    }

    static let all: [Migration] = [
        Migration(name: "pg1-tables") { db in
            try db.execute(TeamSchema.tables)
            for statement in TeamSchema.noteSearchSync { try db.rows(PostgresQuery(unsafeSQL: statement)) }
        },
        Migration(name: "pg2-leads-security", apply: leadsAndSecurity),
        Migration(name: "pg3-note-partnership-links") { db in
            try db.rows(PostgresQuery(unsafeSQL: TeamSchema.noteRelink))
            for statement in TeamSecurity.noteLinks(group: try leadGroup(db)) { try db.rows(PostgresQuery(unsafeSQL: statement)) }
        },
    ]

    static var names: [String] { all.map(\.name) }

    /// The key of the advisory lock migrations run under: 'OUTR' in ASCII, like SQLite's application id.
    static let lockKey: Int64 = 0x4F55_5452

    /// The name of this database's lead group role.
    static func leadGroup(_ db: TeamDatabase, database known: String? = nil) throws -> String {
        let database: String = try known ?? db.value("SELECT current_database()::text")
        guard let group = TeamSecurity.groupRole(forDatabase: database) else {
            throw StoreError.needsOwner(path: db.path, reason: "the database name is too long for its lead role '\(database)_lead'")
        }
        return group
    }

    /// The lead group role (made when missing), its rights, and row-level security (see `TeamSecurity`).
    static func leadsAndSecurity(_ db: TeamDatabase) throws {
        let database: String = try db.value("SELECT current_database()::text")
        let group = try leadGroup(db, database: database)
        if try db.rows("SELECT 1 FROM pg_roles WHERE rolname = \(group)").isEmpty {
            let mayCreate: Bool = try db.value("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
            guard mayCreate else {
                throw StoreError.needsOwner(path: db.path, reason: "creating the role '\(group)' needs CREATEROLE, which your role lacks")
            }
            try db.rows("CREATE ROLE \(unescaped: TeamSecurity.quoted(group)) NOLOGIN")
        }
        for statement in TeamSecurity.statements(database: database, group: group) {
            try db.rows(PostgresQuery(unsafeSQL: statement))
        }
    }
}

extension TeamDatabase {
    /// Runs several statements separated by `;` (fixed SQL without values), one at a time.
    func execute(_ script: String) throws {
        for statement in script.components(separatedBy: ";\n") {
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { try rows(PostgresQuery(unsafeSQL: trimmed)) }
        }
    }

    /// The first column of the first row.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T {
        guard let row = try rows(query).first else { throw TeamDecodingError(column: "?", reason: "the query returned no row") }
        return try row.decode(T.self)
    }

    /// The migrations applied, oldest first; nil when there is no `outreach_migration` table.
    func appliedMigrations() throws -> [String]? {
        let exists: Bool = try value("SELECT to_regclass('outreach_migration') IS NOT NULL")
        guard exists else { return nil }
        let rows = try rows("SELECT name FROM outreach_migration ORDER BY applied_at, name")
        let names = try rows.map { try $0.decode(String.self) }
        let known = TeamMigrations.names
        // Known ones in their order (several may share a time), then any unknown ones.
        return known.filter(names.contains) + names.filter { !known.contains($0) }
    }

    /// Refuses a database that is not ours or comes from a newer outreach, without changing it,
    /// then applies each missing migration in its own transaction under an advisory lock, so two
    /// leads opening a new database at once do not both migrate it. A database already current
    /// is only read. `last` stops after that migration (tests make a database as an older outreach left it).
    func migrate(upTo last: String? = nil) throws {
        let applied = try appliedMigrations()
        if applied == nil, try isAnotherApplicationsDatabase() { throw StoreError.notAnOutreachDatabase(path: path) }
        let known = TeamMigrations.names
        let unknown = (applied ?? []).filter { !known.contains($0) }
        if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown.sorted()) }
        let end = last.flatMap { name in TeamMigrations.all.firstIndex { $0.name == name } } ?? TeamMigrations.all.count - 1
        for migration in TeamMigrations.all[...end] where !(applied ?? []).contains(migration.name) {
            do {
                try transaction {
                    try rows("SELECT pg_advisory_xact_lock(\(TeamMigrations.lockKey))")
                    try rows("CREATE TABLE IF NOT EXISTS outreach_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
                    // Another lead may have migrated while this one waited for the lock.
                    let now = try appliedMigrations() ?? []
                    let unknown = now.filter { !known.contains($0) }
                    if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown.sorted()) }
                    guard !now.contains(migration.name) else { return }
                    try migration.apply(self)
                    try rows("INSERT INTO outreach_migration (name, applied_at) VALUES (\(migration.name), clock_timestamp())")
                }
            } catch where Self.sqlState(error) == "42501" {
                throw StoreError.needsOwner(path: path, reason: Self.serverMessage(error))
            }
        }
    }

    /// Whether the database holds tables, views or foreign tables but no record of our migrations:
    /// another application's. Asked in one query, so in one snapshot: asked in two, another lead's
    /// first migration could commit between them, and its new tables looked like another
    /// application's (about one full test run in ten).
    private func isAnotherApplicationsDatabase() throws -> Bool {
        try value("""
            SELECT count(*) > 0 AND NOT coalesce(bool_or(c.relname = 'outreach_migration' AND n.nspname = current_schema()), false)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
            """)
    }
}
