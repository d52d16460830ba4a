import Foundation
import GRDB
import OutreachCore
import Testing
@testable import OutreachStore

/// The import's hand-made rows hold exactly what GRDB would write for the same record.
@Suite struct ImportRowTests {
    func expectSameRow<T: ImportRow>(_ record: T) throws {
        let mine = Dictionary(uniqueKeysWithValues: zip(T.importColumns, record.importValues))
        #expect(T.importColumns.count == record.importValues.count)
        #expect(mine == (try record.databaseDictionary))
    }

    @Test func answersAndNotesMatchGRDBsEncoding() throws {
        let sessionID = UUID(), at = Date(timeIntervalSince1970: 1_760_000_000.123)
        try expectSameRow(Answer(sessionID: sessionID, questionID: "dash.q1", revision: 2, value: "Families", createdAt: at))
        try expectSameRow(Answer(sessionID: sessionID, questionID: "dash.q1", revision: 3, value: nil, createdAt: at))
        try expectSameRow(Note(partnerID: UUID(), sessionID: sessionID, questionID: "dash.q1", text: "Board #board", isPrivate: true,
                               createdAt: at, updatedAt: at.addingTimeInterval(60)))
        try expectSameRow(Note(partnerID: nil, text: "Loose note", createdAt: at))
    }
}

/// A record whose hand-made list forgot a column, as a list left behind by a schema change would.
private struct Widget: Codable, PersistableRecord, ImportRow {
    static let databaseTableName = "widget"
    var id: String
    var name: String
    var size: Int
    static let importColumns = ["id", "name"]
    var importValues: [DatabaseValue] { [id.databaseValue, name.databaseValue] }
}

@Suite struct ImportRowFallbackTests {
    @Test func aListThatForgotAColumnCostsSpeedNotTheColumn() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE widget (id TEXT PRIMARY KEY, name TEXT NOT NULL, size INTEGER NOT NULL)")
            var batch = BatchedInserts()
            for (index, name) in ["a", "b", "c"].enumerated() {
                #expect(try batch.add(Widget(id: name, name: name.uppercased(), size: index + 1), id: name, line: index + 1, ignoringExisting: false))
            }
            #expect(try batch.flush(db) == (inserted: 3, count: 3))
            #expect(try Int.fetchAll(db, sql: "SELECT size FROM widget ORDER BY id") == [1, 2, 3])
        }
    }
}
