import Foundation

/// Where the password comes from, exactly as libpq looks for it: `PGPASSWORD`, else the password
/// file (`PGPASSFILE`, else `~/.pgpass`), whose lines are `host:port:database:user:password`, `*`
/// matching anything in the first four fields, `\:` and `\\` standing for `:` and `\`, and lines
/// starting with `#` ignored. The first matching line wins. Like libpq, a password file that the
/// group or others may read (or that is not a regular file) is ignored, with a notice saying so.
public enum PasswordFile {
    public struct Lookup: Sendable, Equatable {
        public var password: String?
        /// Why a password file was not used, worded for printing once.
        public var notice: String?
    }

    public static func password(for address: PostgresAddress, environment: [String: String]) -> Lookup {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return Lookup(password: password) }
        let path: String
        if let file = environment["PGPASSFILE"], !file.isEmpty {
            path = file
        } else if let home = environment["HOME"], !home.isEmpty {
            path = (home as NSString).appendingPathComponent(".pgpass")
        } else {
            return Lookup()
        }
        var status = stat()
        guard stat(path, &status) == 0 else { return Lookup() }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            return Lookup(notice: "the password file '\(path)' is not a plain file; it was not read.")
        }
        if status.st_mode & (S_IRWXG | S_IRWXO) != 0 {
            return Lookup(notice: "the password file '\(path)' can be read by other users, so it was not used; "
                + "make it private with 'chmod 600 \(path)'.")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return Lookup() }
        return Lookup(password: match(String(decoding: data, as: UTF8.self), address: address))
    }

    /// The password of the first line matching the address, else nil.
    static func match(_ contents: String, address: PostgresAddress) -> String? {
        let wanted = [address.host, String(address.port), address.database, address.user]
        for line in contents.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            guard !line.hasPrefix("#") else { continue }
            let fields = split(line)
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0.field == "*" && !$0.escapedStar || $0.field == $1 }) {
                return fields[4].field
            }
        }
        return nil
    }

    /// A line's fields with `\` escapes undone: the first four end at an unescaped `:`, the
    /// password is the rest of the line. A field written `\*` is a literal star, not a wildcard.
    private static func split(_ line: Substring) -> [(field: String, escapedStar: Bool)] {
        var fields: [(String, Bool)] = []
        var current = "", escaped = false, escapedStar = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if escaped {
                current.append(character)
                if character == "*" && current == "*" { escapedStar = true }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append((current, escapedStar))
                current = ""
                escapedStar = false
            } else {
                current.append(character)
            }
        }
        fields.append((current, escapedStar))
        return fields
    }
}
