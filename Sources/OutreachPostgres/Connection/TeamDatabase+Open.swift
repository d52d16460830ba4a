import Foundation
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    /// Opens the team database at `address` (`postgresql://USER@HOST:PORT/DATABASE?sslmode=...`):
    /// parses it (a password in it is refused), finds the password as libpq does (`PGPASSWORD`,
    /// else `PGPASSFILE` or `~/.pgpass`), connects, refuses a database that is not ours or comes
    /// from a newer outreach without changing it, and applies any missing migration. Every failure
    /// is a `StoreError` that says what to do next and never shows a password.
    public static func open(address: String, environment: [String: String]) throws -> TeamDatabase {
        try open(address: address, environment: environment, migratingUpTo: nil)
    }

    /// `open`, applying the migrations only up to `last` (nil: all of them).
    static func open(address: String, environment: [String: String], migratingUpTo last: String?) throws -> TeamDatabase {
        let parsed = try PostgresAddress(address, environment: environment)
        let lookup = PasswordFile.password(for: parsed, environment: environment)
        let database = TeamDatabase(path: parsed.description, configuration: try configuration(for: parsed, password: lookup.password))
        if let notice = lookup.notice { database.notices.append(notice) }
        do {
            _ = try database.connected()
            try database.migrate(upTo: last)
        } catch {
            database.closeCleanly()
            if error is StoreError { throw error }
            throw Self.isConnectionLost(error)
                ? StoreError.serverUnreachable(path: database.path, server: database.server, reason: unreachableReason(error))
                : database.translated(error)
        }
        return database
    }

    /// The connection settings for an address: TLS as its `sslmode` says (see `PostgresAddress`).
    static func configuration(for address: PostgresAddress, password: String?) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        // verify-full checks that the certificate names the host; TLS sends that name (SNI),
        // which may not be an IP address, so the check needs the server's name.
        if address.sslMode == .verifyFull, address.host.contains(":") || address.host.allSatisfy({ $0.isNumber || $0 == "." }) {
            throw StoreError.badAddress(path: address.description, reason: "sslmode=verify-full checks the server's name on its "
                + "certificate, so write the host as that name, not as an IP address")
        }
        do {
            switch address.sslMode {
            case .disable:
                tls = .disable
            case .require:
                var settings = TLSConfiguration.makeClientConfiguration()
                settings.certificateVerification = .none
                tls = .require(try NIOSSLContext(configuration: settings))
            case .verifyFull:
                tls = .require(try NIOSSLContext(configuration: TLSConfiguration.makeClientConfiguration()))
            }
        } catch {
            throw StoreError.tlsFailed(path: address.description, reason: "\(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: password, database: address.database, tls: tls)
        if address.sslMode == .verifyFull { configuration.options.tlsServerName = address.host }
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [("application_name", "outreach")]
        return configuration
    }
}
