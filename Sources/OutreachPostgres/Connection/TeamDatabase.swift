import Foundation
import Logging
import NIOCore
import NIOPosix
import OutreachCore
import OutreachStore
import PostgresNIO

/// The outreach store on a PostgreSQL server: one connection, used from one thread at a time, with
/// every call waiting for the server's reply, so each write is committed before the method returns
/// exactly as with SQLite. The engine, reports and commands see only `Store`.
public final class TeamDatabase: @unchecked Sendable {
    /// The server address without any password, as shown in messages.
    public let path: String
    /// What opening changed and the user should know, worded for printing once.
    public internal(set) var notices: [String] = []
    let configuration: PostgresConnection.Configuration
    let lock = NSRecursiveLock()
    private var connection: PostgresConnection?
    private(set) var transactionDepth = 0

    /// postgres-nio logs nothing to the user's terminal: every failure reaches them as a `StoreError`.
    static let logger = Logger(label: "outreach.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    init(path: String, configuration: PostgresConnection.Configuration) {
        self.path = path
        self.configuration = configuration
    }

    /// The open connection, connecting first when there is none (or the last one was lost).
    func connected() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        connection = nil
        let fresh: PostgresConnection
        do {
            fresh = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: Self.logger
            ).wait()
        } catch {
            throw connectionFailure(error)
        }
        connection = fresh
        return fresh
    }

    /// Forgets the connection after it was lost, so the next statement connects again.
    func dropConnection() {
        lock.withLock {
            if let connection { try? connection.close().wait() }
            connection = nil
        }
    }

    /// Runs one statement and returns every row it produced.
    @discardableResult
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        try lock.withLock {
            let connection = try connected()
            return try connection.query(query, logger: Self.logger).wait().rows
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// A transaction inside another joins it. `begin` may ask for another isolation level.
    func transaction<T>(begin: PostgresQuery = "BEGIN", _ body: () throws -> T) throws -> T {
        try lock.withLock {
            if transactionDepth > 0 {
                transactionDepth += 1
                defer { transactionDepth -= 1 }
                return try body()
            }
            try rows(begin)
            transactionDepth = 1
            defer { transactionDepth = 0 }
            do {
                let result = try body()
                try rows("COMMIT")
                return result
            } catch {
                _ = try? rows("ROLLBACK")
                throw error
            }
        }
    }

    /// Closes the connection; the server keeps everything already committed.
    public func closeCleanly() {
        lock.withLock {
            if let connection { try? connection.close().wait() }
            connection = nil
        }
    }
}
