import Foundation
import NIOCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    /// `host:port` of the server, as messages show it.
    var server: String {
        let host = configuration.host ?? "localhost"
        return (host.contains(":") ? "[\(host)]" : host) + ":\(configuration.port ?? 5432)"
    }

    // MARK: - Reads and writes that survive a lost connection

    /// A write: one transaction, committed before this returns. When the connection turns out to
    /// be gone, it connects again and runs the whole transaction once more (the writes insert
    /// client-made ids with `ON CONFLICT (id) DO NOTHING`, so nothing is saved twice); if the server
    /// still cannot be reached, `StoreError.lostConnection`. Server errors become `StoreError`s,
    /// except a unique violation (SQLSTATE 23505), which callers turn into their own message.
    @discardableResult
    func write<T>(_ body: () throws -> T) throws -> T {
        try reconnecting { try transaction(body) }
    }

    /// A read, connecting again once like `write` when the connection was lost. Inside
    /// `consistentRead` it joins that transaction.
    @discardableResult
    func read<T>(_ body: () throws -> T) throws -> T {
        try reconnecting(body)
    }

    /// Runs `body`, and once more on a fresh connection when the first try lost the connection.
    /// Inside a transaction there is nothing to retry (the server rolled it back): the outermost
    /// call retries the whole of it.
    @discardableResult
    func reconnecting<T>(_ body: () throws -> T) throws -> T {
        try lock.withLock {
            guard transactionDepth == 0 else {
                do { return try body() } catch { throw Self.isConnectionLost(error) ? error : translated(error) }
            }
            do {
                return try body()
            } catch where Self.isConnectionLost(error) {
                dropConnection()
                do {
                    return try body()
                } catch where Self.isConnectionLost(error) {
                    dropConnection()
                    throw StoreError.lostConnection(path: path, server: server)
                } catch {
                    throw translated(error)
                }
            } catch {
                throw translated(error)
            }
        }
    }

    // MARK: - Errors

    /// The server's SQLSTATE code of an error, if the server sent one.
    static func sqlState(_ error: any Error) -> String? {
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] }
        if case .server(let message)? = error as? PostgresError { return message.fields[.sqlState] }
        return nil
    }

    /// The server's message of an error, else a description without any query text or values.
    static func serverMessage(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        if case .server(let message)? = error as? PostgresError { return message.fields[.message] ?? "server error" }
        return String(describing: type(of: error))
    }

    /// Whether a unique constraint refused the write (SQLSTATE 23505).
    static func isUniqueViolation(_ error: any Error) -> Bool { sqlState(error) == "23505" }

    /// Whether the connection is gone (closed, reset, refused, or the server shutting down), so the
    /// statement may be tried again on a new connection.
    static func isConnectionLost(_ error: any Error) -> Bool {
        if case StoreError.serverUnreachable? = error as? StoreError { return true }
        if case StoreError.lostConnection? = error as? StoreError { return true }
        if let error = error as? PSQLError {
            switch error.code {
            case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return true
            default: break
            }
        }
        if case .connectionClosed? = error as? PostgresError { return true }
        if error is ChannelError || error is IOError || error is NIOConnectionError { return true }
        if let state = sqlState(error) {
            // 08: connection exceptions; 57P01–57P03: the server is shutting down or starting up.
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        }
        return false
    }

    /// A failure of a statement, as the user should read it.
    func translated(_ error: any Error) -> any Error {
        if error is StoreError || Self.isUniqueViolation(error) { return error }
        if Self.isConnectionLost(error) { return StoreError.lostConnection(path: path, server: server) }
        switch Self.sqlState(error) {
        case "42501"?: return StoreError.notPermitted(path: path, reason: Self.serverMessage(error))
        default: return StoreError.failed(path: path, reason: Self.serverMessage(error))
        }
    }

    /// A failure to connect, as the user should read it; no password is ever part of it.
    func connectionFailure(_ error: any Error) -> any Error {
        switch Self.sqlState(error) {
        case "28P01"?, "28000"?:
            return StoreError.authenticationFailed(path: path, user: configuration.username)
        case "3D000"?:
            return StoreError.databaseMissing(path: path, database: configuration.database ?? configuration.username)
        case "42501"?:
            return StoreError.notPermitted(path: path, reason: Self.serverMessage(error))
        case .some(let state) where !state.hasPrefix("08") && !state.hasPrefix("57P"):
            return StoreError.failed(path: path, reason: Self.serverMessage(error))
        default:
            break
        }
        if let error = error as? PSQLError {
            switch error.code {
            case .authMechanismRequiresPassword, .saslError:
                return StoreError.authenticationFailed(path: path, user: configuration.username)
            case .sslUnsupported:
                return StoreError.tlsFailed(path: path, reason: "the server does not accept encrypted connections")
            case .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
                return StoreError.tlsFailed(path: path, reason: error.underlying.map { "\($0)" } ?? "\(error.code)")
            default:
                if let underlying = error.underlying, underlying is NIOSSLError || underlying is BoringSSLError {
                    return StoreError.tlsFailed(path: path, reason: tlsReason(underlying))
                }
            }
        }
        if error is NIOSSLError || error is BoringSSLError { return StoreError.tlsFailed(path: path, reason: tlsReason(error)) }
        return StoreError.serverUnreachable(path: path, server: server, reason: Self.unreachableReason(error))
    }

    /// Why TLS failed, in words; a certificate that does not verify is the usual case.
    func tlsReason(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "the server's certificate is not signed by an authority this machine trusts, or does not name "
                + (configuration.host ?? "the host")
        }
        return text
    }

    /// Why a connection could not be made, in a few words.
    static func unreachableReason(_ error: any Error) -> String {
        let underlying = (error as? PSQLError)?.underlying ?? error
        if let connection = underlying as? NIOConnectionError, let first = connection.connectionErrors.first {
            return reason(first.error)
        }
        return reason(underlying)
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ETIMEDOUT: return "timed out"
            case EHOSTUNREACH, ENETUNREACH: return "no route to the host"
            default: return "\(error)"
            }
        }
        if case ChannelError.connectTimeout? = error as? ChannelError { return "timed out" }
        if error is NIOConnectionError { return "no address could be reached" }
        if let error = error as? PSQLError { return "\(error.code)" }
        return "\(error)"
    }
}
