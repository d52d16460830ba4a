import Foundation
import OutreachPostgres

/// The throwaway PostgreSQL server `make test` starts (`.ci/postgres-server`), for the tests that
/// need one. Its settings come from the file named by `OUTREACH_TEST_PG`. A test that needs the
/// server and finds none fails with a message saying how to start one; it is never skipped.
public struct TestPostgres: Sendable {
    public let port: Int
    public let binaries: String
    public let socketFolder: String
    public let superuserPassword: String
    public let ownerPassword: String

    public enum Problem: Error, CustomStringConvertible {
        case notStarted
        case unreadable(path: String)
        case command(String, status: Int32, output: String)

        public var description: String {
            switch self {
            case .notStarted:
                "no PostgreSQL server for this test: run 'make test', which starts a throwaway one, or "
                    + "'.ci/postgres-server start .build/pg' and set OUTREACH_TEST_PG=.build/pg/env"
            case .unreadable(let path): "cannot read the PostgreSQL settings in '\(path)'"
            case .command(let command, let status, let output): "'\(command)' ended with status \(status): \(output)"
            }
        }
    }

    /// The server `make test` started.
    public static func server(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TestPostgres {
        guard let path = environment["OUTREACH_TEST_PG"], !path.isEmpty else { throw Problem.notStarted }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw Problem.unreadable(path: path) }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let port = values["OUTREACH_PG_PORT"].flatMap(Int.init), let binaries = values["OUTREACH_PG_BIN"],
              let socket = values["OUTREACH_PG_SOCKET"], let superuser = values["OUTREACH_PG_SUPERUSER_PASSWORD"],
              let owner = values["OUTREACH_PG_OWNER_PASSWORD"] else { throw Problem.unreadable(path: path) }
        return TestPostgres(port: port, binaries: binaries, socketFolder: socket, superuserPassword: superuser, ownerPassword: owner)
    }

    /// A server of the test's own (for a test that stops and starts it), made with the same
    /// script as the shared one, in `folder`. Call `shutDown(folder:)` when done.
    public static func privateServer(in folder: URL) throws -> TestPostgres {
        try run("/bin/bash", [script, "start", folder.path])
        return try server(environment: ["OUTREACH_TEST_PG": folder.appendingPathComponent("env").path])
    }

    /// Stops a server from `privateServer(in:)`.
    public static func shutDown(folder: URL) {
        _ = try? run("/bin/bash", [script, "stop", folder.path])
    }

    /// The script that starts and stops throwaway servers; the server it starts keeps none of our
    /// descriptors, so reading its output to the end does not wait for the server.
    static let script = repositoryRoot.appendingPathComponent(".ci/postgres-server").path

    /// A new, empty database owned by `outreach_owner`, for one test.
    public func freshDatabase() throws -> TestDatabase {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try psql("CREATE DATABASE \(name) OWNER outreach_owner", role: "postgres", password: superuserPassword, database: "postgres")
        return TestDatabase(server: self, name: String(name))
    }

    /// The address a role uses for a database, as a lead types it after `--db`.
    public func address(role: String, database: String) -> String {
        "postgresql://\(role)@127.0.0.1:\(port)/\(database)"
    }

    /// Runs SQL through `psql` as `role` over TCP (so the role's own password and rights apply);
    /// returns the rows, unaligned, one per line.
    @discardableResult
    public func psql(_ sql: String, role: String, password: String, database: String) throws -> String {
        try Self.run(binaries + "/psql", ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)",
                                     "-U", role, "-d", database, "-c", sql],
                environment: ["PGPASSWORD": password, "PGCONNECT_TIMEOUT": "10"])
    }

    /// Stops the server at once, as a crash or a pulled cable would (`pg_ctl stop -m immediate`).
    public func stop() throws {
        try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", binaries + "/pg_ctl", "-D", socketFolder, "-m", "immediate", "-w", "stop"])
    }

    /// Starts the server again, on the same port, with the same script that made it.
    public func start() throws {
        _ = try Self.privateServer(in: URL(fileURLWithPath: socketFolder).deletingLastPathComponent())
    }

    @discardableResult
    private static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Problem.command(([executable] + arguments).joined(separator: " "), status: process.terminationStatus, output: text)
        }
        return text
    }
}

/// One test's database on the throwaway server.
public struct TestDatabase: Sendable {
    public let server: TestPostgres
    public let name: String

    /// The owner's address (it runs migrations and adds leads).
    public var ownerAddress: String { server.address(role: "outreach_owner", database: name) }
    /// The environment that lets the owner connect: the password comes from `PGPASSWORD`, never the URL.
    public var ownerEnvironment: [String: String] { ["PGPASSWORD": server.ownerPassword] }

    /// SQL as the owner.
    @discardableResult
    public func psqlAsOwner(_ sql: String) throws -> String {
        try server.psql(sql, role: "outreach_owner", password: server.ownerPassword, database: name)
    }

    /// The store as its owner (which migrates it on the first open).
    public func openAsOwner() throws -> TeamDatabase {
        try TeamDatabase.open(address: ownerAddress, environment: ownerEnvironment)
    }

    /// Gives a lead added with `db add-lead` a password, as a person would with `\password` in psql.
    public func setPassword(_ password: String, for role: String) throws {
        try psqlAsOwner("ALTER ROLE \(role) PASSWORD '\(password)'")
    }

    /// The store as a lead, the password from `PGPASSWORD`.
    public func open(as role: String, password: String) throws -> TeamDatabase {
        try TeamDatabase.open(address: server.address(role: role, database: name), environment: ["PGPASSWORD": password])
    }
}
