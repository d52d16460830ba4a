import Foundation
import GRDB
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachStore

/// A database with a damaged page: the damage is named with what to do, and nothing more is written.
@Suite struct CorruptionTests {
    private let temporary = TemporaryFolder("corrupt")
    var folder: URL { temporary.url }

    /// A closed database of a few megabytes whose middle pages are overwritten.
    func damagedDatabase() throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("damaged.sqlite").path
        let database = try AppDatabase.open(path: path)
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        try database.write { db in
            for index in 0..<3000 {
                try Note(partnerID: partner.id, text: "Meeting \(index): " + String(repeating: "waitlist budget board ", count: 20)).insert(db)
            }
        }
        try database.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let middle = bytes.count / 2 / 4096 * 4096
        try #require(bytes.count > middle + 8 * 4096)
        for index in middle..<(middle + 8 * 4096) { bytes[index] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aDamagedPageStopsEveryWriteWithAMessageSayingWhatToDo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try damagedDatabase()
        let database = try AppDatabase.open(path: path)
        let damaged = StoreError.damaged(path: path)

        // Reading the damaged part reports it as a StoreError, never as SQLite's own message.
        #expect(throws: damaged) { try database.notes() }
        #expect(damaged.localizedDescription.contains("restore your latest 'backup' copy"))
        #expect(damaged.localizedDescription.contains("'.recover'"))
        let before = Fixture.bytes(path), logBefore = Fixture.bytes(path + "-wal")
        // From then on nothing is written, even where the pages are sound.
        #expect(throws: damaged) { try database.addPartner(Partner(name: "Metro PD", sector: "police")) }
        #expect(throws: damaged) { try database.addNote(Note(partnerID: nil, text: "one more")) }
        #expect(Fixture.bytes(path) == before)
        #expect(Fixture.bytes(path + "-wal") == logBefore)
    }

    @Test func theCheckReportsTheDamageAndStopsWrites() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try damagedDatabase()
        let database = try AppDatabase.open(path: path)
        do {
            let report = try database.healthReport()
            #expect(!report.isHealthy)
        } catch {
            #expect(error as? StoreError == .damaged(path: path))
        }
        #expect(throws: StoreError.damaged(path: path)) { try database.addNote(Note(partnerID: nil, text: "one more")) }
    }
}
