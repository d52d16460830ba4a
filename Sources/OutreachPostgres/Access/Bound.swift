import Foundation
import NIOCore
import OutreachStore
import PostgresNIO

/// A value bound to a statement as text with no declared type, so the server reads it as the type
/// of the column it is compared with or written to (a `uuid` or `text` id, a `timestamptz`, a
/// `jsonb` list, a `bytea` snapshot). Every value reaches the server this way, as a parameter, never
/// spliced into the SQL.
struct Bound: PostgresDynamicTypeEncodable, Sendable {
    let text: String

    init(text: String) { self.text = text }
    init(_ text: String) { self.text = text }
    init(_ id: UUID) { text = id.uuidString.lowercased() }
    init(_ date: Date) { text = (Timestamp.storage(date) ?? Bound.fallback(date)) + "+00" }
    init(_ flag: Bool) { text = flag ? "true" : "false" }
    init(_ number: Int) { text = String(number) }
    init(_ number: Int64) { text = String(number) }
    /// Bytes as `bytea`'s hex input form.
    init(bytes: Data) {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = [0x5C, 0x78]
        hex.reserveCapacity(2 + bytes.count * 2)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        text = String(decoding: hex, as: UTF8.self)
    }
    /// A value as JSON text (lists of lenses or ids are stored as JSON, as in SQLite).
    init<T: Encodable>(json value: T) throws {
        text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
    /// An array literal (`{"a","b"}`) for `= ANY($1)`; the server reads it as an array of the column's type.
    init(array: [String]) {
        text = "{" + array.map { element in
            "\"" + element.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }.joined(separator: ",") + "}"
    }
    init(ids: some Sequence<UUID>) { self.init(array: ids.map { $0.uuidString.lowercased() }) }

    private static func fallback(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date).replacingOccurrences(of: "Z", with: "")
    }

    var psqlType: PostgresDataType { .null }
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }
}

extension Optional where Wrapped == UUID {
    /// An optional id bound as text, or NULL.
    var bound: Bound? { map { Bound($0) } }
}

extension Optional where Wrapped == String {
    var bound: Bound? { map { Bound($0) } }
}

extension Optional where Wrapped == Date {
    var bound: Bound? { map { Bound($0) } }
}
