import Foundation
import GRDB
import OutreachCore

/// A record whose row the import writes from a hand-made list of values. GRDB's encoding of a
/// record (through `Encodable`) took a tenth of a large import, and answers are most of one; other
/// records keep GRDB's encoding. `ImportRowTests` checks each list against GRDB's own
/// `databaseDictionary`, so a column added to the record and forgotten here fails a test.
protocol ImportRow: PersistableRecord {
    static var importColumns: [String] { get }
    var importValues: [DatabaseValue] { get }
}

extension ImportRow {
    static func text(_ id: UUID) -> DatabaseValue { id.uuidString.lowercased().databaseValue }
    static func text(_ date: Date) -> DatabaseValue { Timestamp.storage(date)?.databaseValue ?? date.databaseValue }
}

extension Answer: ImportRow {
    static let importColumns = ["id", "sessionID", "questionID", "revision", "value", "createdAt"]
    var importValues: [DatabaseValue] {
        [Self.text(id), Self.text(sessionID), questionID.databaseValue, revision.databaseValue, value.databaseValue, Self.text(createdAt)]
    }
}
