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

    @Test func answersMatchGRDBsEncoding() throws {
        let sessionID = UUID(), at = Date(timeIntervalSince1970: 1_760_000_000.123)
        try expectSameRow(Answer(sessionID: sessionID, questionID: "dash.q1", revision: 2, value: "Families", createdAt: at))
        try expectSameRow(Answer(sessionID: sessionID, questionID: "dash.q1", revision: 3, value: nil, createdAt: at))
    }
}
