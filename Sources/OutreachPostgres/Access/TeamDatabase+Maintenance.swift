import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    // MARK: - Upkeep

    /// A team database is not copied by outreach: the server's owner backs it up with pg_dump.
    /// The error says exactly what to run.
    public func backup(to path: String) throws {
        let file = path.isEmpty ? "outreach-team.dump" : path
        let host = configuration.host ?? "localhost", port = configuration.port ?? 5432
        let database = configuration.database ?? configuration.username
        let command = "pg_dump --format=custom --host=\(host) --port=\(port) --username=OWNER --file='\(file)' \(database)"
            + " (run by the database's owner; restore with pg_restore)."
        throw StoreError.teamBackup(path: self.path, command: command)
    }

    /// The server answering stands for SQLite's integrity check; then the migrations applied and
    /// the rows this role can see in each table.
    public func healthReport() throws -> HealthReport {
        try consistentRead {
            let answer: Int = try value("SELECT 1::bigint")
            var counts: [(table: String, rows: Int)] = []
            for table in ["partner", "session", "answer", "note", "term", "valueItem", "actionItem"] {
                counts.append((table, try value("SELECT count(*) FROM \(unescaped: table)")))
            }
            return HealthReport(integrity: answer == 1 ? ["ok"] : ["the server did not answer as expected"],
                                migrations: try appliedMigrations() ?? [], latestKnown: TeamMigrations.names.last ?? "", counts: counts)
        }
    }

    // MARK: - Leads

    /// Adds a lead (`db add-lead ROLE`, run by the owner): makes `role` a login role when it does
    /// not exist (without a password: the owner sets one), and a member of this database's lead
    /// group, which holds a lead's rights. Running it again changes nothing. Returns what to tell
    /// the owner, in one line.
    @discardableResult
    public func addLead(role: String) throws -> String {
        guard TeamSecurity.isValidRoleName(role) else { throw StoreError.invalidRoleName(path: path, name: role) }
        let database: String = try read { try value("SELECT current_database()::text") }
        guard let group = TeamSecurity.groupRole(forDatabase: database), group != role else {
            throw StoreError.invalidRoleName(path: path, name: role)
        }
        let created: Bool
        do {
            created = try write {
                let exists = try !rows("SELECT 1 FROM pg_roles WHERE rolname = \(role)").isEmpty
                if !exists { try rows("CREATE ROLE \(unescaped: TeamSecurity.quoted(role)) LOGIN") }
                try rows("GRANT \(unescaped: TeamSecurity.quoted(group)) TO \(unescaped: TeamSecurity.quoted(role))")
                return !exists
            }
        } catch StoreError.notPermitted {
            throw StoreError.onlyOwnerAddsLeads(path: path)
        }
        let address = "postgresql://\(role)@\(server)/\(database)"
        if created {
            return "'\(role)' is a new lead of \(database); it has no password yet: set one in psql with \\password \(role) "
                + "(or ALTER ROLE \(role) PASSWORD '...'), then the lead opens --db \(address)."
        }
        return "'\(role)' is a lead of \(database) (the role existed already; its password is unchanged); the lead opens --db \(address)."
    }
}
