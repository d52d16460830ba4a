import Foundation
import OutreachStore

/// A team database's address, `postgresql://USER@HOST:PORT/DATABASE?sslmode=MODE` (or `postgres://`).
///
/// The port defaults to 5432, the user to `PGUSER` or else `USER`, the database to the user's name
/// (as libpq does). An IPv6 host is written in brackets: `postgresql://ana@[::1]:5432/outreach`.
/// A password in the address is refused: addresses end up in the shell history and in messages,
/// so the password comes from `PGPASSWORD` or a password file (see `PasswordFile`).
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is encrypted.
    public enum SSLMode: String, Sendable, Equatable {
        /// No TLS.
        case disable
        /// TLS, without checking the server's certificate.
        case require
        /// TLS, checking the certificate chain and that it names the host.
        case verifyFull = "verify-full"
    }

    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// Whether `sslmode` was written in the address (else it is the default for the host).
    public var sslModeGiven: Bool

    /// Whether `text` is meant as a server address rather than a file path.
    public static func isAddress(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://")
    }

    /// Parses an address; throws `StoreError.badAddress`, or `.passwordInAddress` (whose message
    /// shows the address with the password left out).
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isAddress(text), let schemeEnd = text.range(of: "://") else {
            throw StoreError.badAddress(path: text, reason: "it does not start with postgresql://")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        // A password is refused before anything else is read, so no message ever shows it, even one
        // holding '/', '?' or '@': the user part is everything before the last '@'.
        if let at = rest.lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
            throw StoreError.passwordInAddress(path: String(text[..<schemeEnd.upperBound]) + String(rest[..<colon]) + String(rest[at...]))
        }
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
        }
        var authority = rest
        var userText: Substring?
        if let at = authority.lastIndex(of: "@") {
            userText = authority[..<at]
            authority = authority[authority.index(after: at)...]
        }
        func decoded(_ part: Substring, _ what: String) throws -> String {
            guard let value = String(part).removingPercentEncoding else {
                throw StoreError.badAddress(path: text, reason: "the \(what) has a bad %-escape")
            }
            return value
        }
        let defaultUser = environment["PGUSER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["USER"] ?? ""
        user = try userText.map { try decoded($0, "user name") } ?? defaultUser
        guard !user.isEmpty else {
            throw StoreError.badAddress(path: text, reason: "it names no user, and neither PGUSER nor USER is set")
        }
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw StoreError.badAddress(path: text, reason: "the IPv6 address has no closing ]")
            }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw StoreError.badAddress(path: text, reason: "unexpected text after the IPv6 address") }
                portText = after.dropFirst()
            }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                portText = authority[authority.index(after: colon)...]
                authority = authority[..<colon]
            }
            host = try decoded(authority, "host")
        }
        if host.isEmpty { host = "localhost" }
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else {
                throw StoreError.badAddress(path: text, reason: "the port '\(portText)' is not a number from 1 to 65535")
            }
            port = number
        } else {
            port = 5432
        }
        database = path.isEmpty ? user : try decoded(Substring(path), "database name")
        guard !database.contains("/") else { throw StoreError.badAddress(path: text, reason: "the database name holds a /") }
        var mode: SSLMode?
        for parameter in query.split(separator: "&") where !parameter.isEmpty {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0] == "sslmode" else {
                throw StoreError.badAddress(path: text, reason: "'\(pair[0])' is not understood; only sslmode is")
            }
            guard let given = SSLMode(rawValue: pair[1]) else {
                throw StoreError.badAddress(path: text, reason: "sslmode '\(pair[1])' is not one of disable, require, verify-full")
            }
            mode = given
        }
        sslModeGiven = mode != nil
        sslMode = mode ?? Self.defaultSSLMode(host: host)
    }

    /// Without `sslmode`, a server on this machine (127.0.0.1, localhost, ::1) is reached without
    /// TLS, since the traffic never leaves the machine; any other is reached with TLS (`require`:
    /// encrypted, certificate not checked, libpq's `prefer` made strict). Write
    /// `?sslmode=verify-full` to have the certificate checked.
    static func defaultSSLMode(host: String) -> SSLMode {
        ["127.0.0.1", "localhost", "::1"].contains(host.lowercased()) ? .disable : .require
    }

    /// `host:port` as shown in messages (an IPv6 host in brackets).
    public var server: String { (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }

    /// The address as shown in messages; it never holds a password.
    public var description: String {
        let name = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/?"))) ?? text }
        return "postgresql://\(name(user))@\(server)/\(name(database))" + (sslModeGiven ? "?sslmode=\(sslMode.rawValue)" : "")
    }
}
