import Foundation
import NIOCore
import OutreachStore
import PostgresNIO

/// One result row read by column name (PostgreSQL folds unquoted names to lower case), for the
/// single columns and computed values (counts, names, ids) the listings read; records are read
/// with core's `init(row:)`. Each value is read whichever of the usual types its column has.
struct Fields {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    private func cell(_ name: String) throws -> PostgresCell {
        let key = name.lowercased()
        guard row.contains(key) else { throw FieldError.missing(name) }
        return row[key]
    }

    func string(_ name: String) throws -> String {
        guard let value = try optionalString(name) else { throw FieldError.null(name) }
        return value
    }

    func optionalString(_ name: String) throws -> String? {
        let cell = try cell(name)
        guard cell.bytes != nil else { return nil }
        return try cell.decode(String.self)
    }

    func uuid(_ name: String) throws -> UUID {
        guard let value = try optionalUUID(name) else { throw FieldError.null(name) }
        return value
    }

    func optionalUUID(_ name: String) throws -> UUID? {
        let cell = try cell(name)
        guard cell.bytes != nil else { return nil }
        if cell.dataType == .uuid { return try cell.decode(UUID.self) }
        guard let id = UUID(uuidString: try cell.decode(String.self)) else { throw FieldError.invalid(name) }
        return id
    }

    func date(_ name: String) throws -> Date {
        guard let value = try optionalDate(name) else { throw FieldError.null(name) }
        return value
    }

    func optionalDate(_ name: String) throws -> Date? {
        let cell = try cell(name)
        guard cell.bytes != nil else { return nil }
        switch cell.dataType {
        case .timestamptz, .timestamp, .date: return try cell.decode(Date.self)
        default:
            let text = try cell.decode(String.self)
            let bundleForm = text.replacingOccurrences(of: " ", with: "T") + (text.hasSuffix("Z") ? "" : "Z")
            guard let date = Timestamp.parseBundle(bundleForm) else {
                throw FieldError.invalid(name)
            }
            return date
        }
    }

    func int(_ name: String) throws -> Int {
        let cell = try cell(name)
        guard cell.bytes != nil else { throw FieldError.null(name) }
        switch cell.dataType {
        case .int2, .int4, .int8: return try cell.decode(Int.self)
        default:
            guard let value = Int(try cell.decode(String.self)) else { throw FieldError.invalid(name) }
            return value
        }
    }
}

/// A column a record needs that a row lacks or holds in a form outreach does not write.
enum FieldError: Error, CustomStringConvertible {
    case missing(String), null(String), invalid(String)

    var description: String {
        switch self {
        case .missing(let name): "the column '\(name)' is missing"
        case .null(let name): "the column '\(name)' is empty"
        case .invalid(let name): "the column '\(name)' holds a value outreach does not write"
        }
    }
}
