import Foundation
import Logging
import NIOPosix
import OutreachCore
import PostgresNIO
import Testing
@testable import OutreachPostgres
@testable import OutreachStore

/// Fresh team databases on the throwaway server `make test` starts (`.ci/postgres-server`), whose
/// variables are in the file `OUTREACH_TEST_PG` names.
enum TeamRest {
    struct MissingServer: Error, CustomStringConvertible {
        var description: String
    }

    /// The server's variables; a test without them fails, it is never skipped.
    static func environment() throws -> [String: String] {
        guard let path = ProcessInfo.processInfo.environment["OUTREACH_TEST_PG"], !path.isEmpty else {
            throw MissingServer(description: "OUTREACH_TEST_PG is not set: run 'make test', which starts a PostgreSQL server for these tests "
                + "(or run '.ci/postgres-server start .build/pg' and set OUTREACH_TEST_PG=.build/pg/env)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw MissingServer(description: "cannot read '\(path)' (OUTREACH_TEST_PG): run 'make test', which starts a PostgreSQL server for these tests")
        }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    static let logger = Logger(label: "outreach.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    static func configuration(database: String, environment: [String: String]) throws -> PostgresConnection.Configuration {
        guard let port = environment["OUTREACH_PG_PORT"].flatMap(Int.init), let password = environment["OUTREACH_PG_OWNER_PASSWORD"] else {
            throw MissingServer(description: "the server's variables lack OUTREACH_PG_PORT or OUTREACH_PG_OWNER_PASSWORD: run 'make test'")
        }
        return PostgresConnection.Configuration(host: "127.0.0.1", port: port, username: "outreach_owner", password: password,
                                                database: database, tls: .disable)
    }

    /// A new, empty database on the server, with the team schema.
    static func database() throws -> TeamDatabase {
        let environment = try environment()
        let name = "rest_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                   configuration: configuration(database: "postgres", environment: environment),
                                                   id: 9, logger: logger).wait()
        defer { try? admin.close().wait() }
        _ = try admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger).wait()
        let database = TeamDatabase(path: "postgresql://outreach_owner@127.0.0.1/\(name)",
                                    configuration: try configuration(database: name, environment: environment))
        try ProvisionalSchema.apply(to: database)
        return database
    }
}

extension TeamRest {
    /// Every value, read directly (the value listing is core's).
    static func values(_ database: TeamDatabase) throws -> [ValueItem] {
        try ValueItem.all(database.rows("SELECT * FROM valueItem ORDER BY createdAt, id"))
    }
}

enum Fixture {
    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int
    }
}
