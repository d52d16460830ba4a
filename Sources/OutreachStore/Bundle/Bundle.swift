import Foundation
import OutreachCore

/// A self-describing JSON Lines file of partners and everything recorded about them: a header
/// line, one line per record, and an end line with the record count (so a cut-off file is caught).
///
/// Version 2 added parties, aliases, partnerships and memberships; a version 1 bundle has none,
/// and its values name who gains only as free text (`benefits`), which the import turns into parties.
public enum Bundle {
    public static let formatName = "outreach-bundle"
    public static let version = 2

    public struct Header: Codable {
        public var format: String
        public var version: Int
        public var createdAt: Date
        public var redacted: Bool
        public var partner: String?

        public init(format: String, version: Int, createdAt: Date, redacted: Bool, partner: String?) {
            self.format = format
            self.version = version
            self.createdAt = createdAt
            self.redacted = redacted
            self.partner = partner
        }
    }

    public struct End: Codable {
        public var end: Bool
        public var records: Int

        public init(end: Bool, records: Int) {
            self.end = end
            self.records = records
        }
    }

    /// One record line: its kind and the record itself.
    public enum Line: Codable, Sendable {
        case partner(Partner), party(Party), alias(PartyAlias), partnership(Partnership), member(PartnershipMember)
        case session(Session), answer(Answer), note(Note), term(Term), value(ValueItem), action(ActionItem)

        enum CodingKeys: String, CodingKey { case kind, record }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(String.self, forKey: .kind) {
            case "partner": self = .partner(try container.decode(Partner.self, forKey: .record))
            case "party": self = .party(try container.decode(Party.self, forKey: .record))
            case "alias": self = .alias(try container.decode(PartyAlias.self, forKey: .record))
            case "partnership": self = .partnership(try container.decode(Partnership.self, forKey: .record))
            case "member": self = .member(try container.decode(PartnershipMember.self, forKey: .record))
            case "session": self = .session(try container.decode(Session.self, forKey: .record))
            case "answer": self = .answer(try container.decode(Answer.self, forKey: .record))
            case "note": self = .note(try container.decode(Note.self, forKey: .record))
            case "term": self = .term(try container.decode(Term.self, forKey: .record))
            case "value": self = .value(try container.decode(ValueItem.self, forKey: .record))
            case "action": self = .action(try container.decode(ActionItem.self, forKey: .record))
            case let other:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown kind '\(other)'")
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            switch self {
            case .partner(let record): try container.encode(record, forKey: .record)
            case .party(let record): try container.encode(record, forKey: .record)
            case .alias(let record): try container.encode(record, forKey: .record)
            case .partnership(let record): try container.encode(record, forKey: .record)
            case .member(let record): try container.encode(record, forKey: .record)
            case .session(let record): try container.encode(record, forKey: .record)
            case .answer(let record): try container.encode(record, forKey: .record)
            case .note(let record): try container.encode(record, forKey: .record)
            case .term(let record): try container.encode(record, forKey: .record)
            case .value(let record): try container.encode(record, forKey: .record)
            case .action(let record): try container.encode(record, forKey: .record)
            }
        }
    }

    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.bundle(date) ?? timestamp.string(from: date))
        }
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parseBundle(text) ?? timestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a UTC timestamp")
            }
            return date
        }
        return decoder
    }

    /// UTC with milliseconds, the precision the store keeps.
    nonisolated(unsafe) static let timestamp: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0

    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }
}
