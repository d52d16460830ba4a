import Foundation
import GRDB
import OutreachCore

/// A record whose row the import writes from a hand-made list of values. GRDB's encoding of a
/// record (through `Encodable`) took a tenth of a large import, and answers and notes are most of
/// one. Each import checks a list against GRDB's own row for the first record of its kind and uses
/// GRDB's encoding instead when they differ (see `BatchedInserts`); `ImportRowTests` checks them
/// too, so a column added to the record and not here is noticed.
protocol ImportRow: PersistableRecord {
    static var importColumns: [String] { get }
    var importValues: [DatabaseValue] { get }
}

extension ImportRow {
    static func text(_ id: UUID) -> DatabaseValue { id.uuidString.lowercased().databaseValue }
    static func text(_ id: UUID?) -> DatabaseValue { id.map(text) ?? .null }
    static func text(_ date: Date) -> DatabaseValue { Timestamp.storage(date)?.databaseValue ?? date.databaseValue }
}

extension Answer: ImportRow {
    static let importColumns = ["id", "sessionID", "questionID", "revision", "value", "createdAt"]
    var importValues: [DatabaseValue] {
        [Self.text(id), Self.text(sessionID), questionID.databaseValue, revision.databaseValue, value.databaseValue, Self.text(createdAt)]
    }
}

extension Note: ImportRow {
    static let importColumns = ["id", "partnerID", "partnershipID", "sessionID", "questionID", "text", "isPrivate", "createdAt", "updatedAt"]
    var importValues: [DatabaseValue] {
        [Self.text(id), Self.text(partnerID), Self.text(partnershipID), Self.text(sessionID), questionID.databaseValue, text.databaseValue,
         isPrivate.databaseValue, Self.text(createdAt), Self.text(updatedAt)]
    }
}
