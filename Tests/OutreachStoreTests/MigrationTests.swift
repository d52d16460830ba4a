import Foundation
import GRDB
import OutreachCore
import Testing
@testable import OutreachStore

/// Every earlier schema version migrates to the latest with its data intact.
@Suite struct MigrationTests {
    static let versions = Migrations.migrator.migrations

    @Test func migrationsAreNamedAndOrdered() {
        #expect(Self.versions.first == "v1-partners-sessions-answers-notes")
        #expect(Set(Self.versions).count == Self.versions.count)
    }

    @Test(arguments: Migrations.migrator.migrations.dropLast())
    func anEarlierSchemaMigratesToTheLatestKeepingItsData(_ version: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-migrate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("old.sqlite").path
        let partnerID = UUID(), sessionID = UUID()
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: version)
        try queue.write { db in
            // Written with plain SQL, as the schema of that version stood.
            try db.execute(sql: "INSERT INTO partner (id, name, sector, doNotContact, createdAt, updatedAt) VALUES (?, 'Metro PD', 'police', 0, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')",
                           arguments: [partnerID.uuidString.lowercased()])
            try db.execute(sql: "INSERT INTO session (id, number, partnerID, playbookID, playbookVersion, playbookDigest, snapshot, status, position, createdAt, updatedAt) VALUES (?, 1, ?, 'dash', '1.0.0', 'x', X'7B7D', 'paused', 1, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')",
                           arguments: [sessionID.uuidString.lowercased(), partnerID.uuidString.lowercased()])
            try db.execute(sql: "INSERT INTO answer (id, sessionID, questionID, revision, value, createdAt) VALUES (?, ?, 'dash.listen.funding', 1, 'Byrne grant and the city budget', '2026-01-01 00:00:00.000')",
                           arguments: [UUID().uuidString.lowercased(), sessionID.uuidString.lowercased()])
            try db.execute(sql: "INSERT INTO note (id, partnerID, text, isPrivate, createdAt, updatedAt) VALUES (?, ?, 'Chief retires in spring #leadership', 0, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')",
                           arguments: [UUID().uuidString.lowercased(), partnerID.uuidString.lowercased()])
        }
        try queue.close()

        let database = try AppDatabase.open(path: path)
        #expect(try database.schemaVersion() == Self.versions)
        #expect(try database.partners().map(\.name) == ["Metro PD"])
        #expect(try database.answerState(sessionID: sessionID).answers["dash.listen.funding"] == "Byrne grant and the city budget")
        // Rows written before the search index existed are found too.
        #expect(try database.search("byrne").map(\.kind) == [.answer])
        #expect(try database.search("retir").map(\.kind) == [.note])
    }
}
