import Foundation
import GRDB
import OutreachCore
import Testing
@testable import OutreachStore

/// Listings read one page: the newest rows by a stable order, and the total from a COUNT.
@Suite struct PageTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01 00:00 UTC

    /// `count` notes, one a day from 2026-01-01, written in a shuffled order.
    static func database(notes count: Int) throws -> (AppDatabase, Partner) {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Metro", sector: "police"))
        for day in (0..<count).shuffled() {
            try database.addNote(Note(partnerID: partner.id, text: "day \(day)", createdAt: start.addingTimeInterval(Double(day) * 86_400)))
        }
        return (database, partner)
    }

    @Test func thePageHoldsTheNewestNotesOldestFirstAndTheTotalCountsTheRest() throws {
        let (database, _) = try Self.database(notes: 60)
        let page = try database.notePage()
        #expect(page.total == 60)
        #expect(page.rows.map(\.text) == (10..<60).map { "day \($0)" })
        #expect(page.isPartial)
        #expect(try database.notePage(PageRequest(limit: 3)).rows.map(\.text) == ["day 57", "day 58", "day 59"])
        let all = try database.notePage(.all)
        #expect(all.rows.count == 60 && !all.isPartial)
    }

    @Test func notesWrittenInTheSameMillisecondKeepTheOrderTheyWereWritten() throws {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Metro", sector: "police"))
        for index in 0..<5 { try database.addNote(Note(partnerID: partner.id, text: "same \(index)", createdAt: Self.start)) }
        #expect(try database.notePage(PageRequest(limit: 2)).rows.map(\.text) == ["same 3", "same 4"])
        #expect(try database.notePage(PageRequest(limit: 2)).rows.map(\.text) == ["same 3", "same 4"])
    }

    @Test func sinceKeepsNotesFromThatMomentOnAndTheTotalFollowsIt() throws {
        let (database, partner) = try Self.database(notes: 60)
        let page = try database.notePage(partnerID: partner.id, PageRequest(limit: 5, since: Self.start.addingTimeInterval(57 * 86_400)))
        #expect(page.total == 3)
        #expect(page.rows.map(\.text) == ["day 57", "day 58", "day 59"])
    }

    @Test func aTagAndAPartnerNarrowThePageAndItsTotal() throws {
        let (database, partner) = try Self.database(notes: 3)
        let other = try database.addPartner(Partner(name: "Riverside", sector: "housing"))
        try database.addNote(Note(partnerID: partner.id, text: "Budget talk #Board", createdAt: Self.start))
        try database.addNote(Note(partnerID: other.id, text: "Their #board meets", createdAt: Self.start))
        let tagged = try database.notePage(partnerID: partner.id, tag: "board")
        #expect(tagged.total == 1 && tagged.rows.map(\.text) == ["Budget talk #Board"])
        #expect(try database.notePage(sector: "housing", tag: "board").rows.map(\.text) == ["Their #board meets"])
    }

    @Test func theNotePageReadsTheCreatedIndexInsteadOfSortingEveryNote() throws {
        let (database, _) = try Self.database(notes: 1)
        let plan = try database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM note ORDER BY createdAt DESC, rowid DESC LIMIT 50")
                .map { $0["detail"] as String }
        }.joined(separator: "\n")
        #expect(plan.contains("note_created"))
        #expect(!plan.contains("TEMP B-TREE"))
    }

    @Test func theSessionPageCountsAnswersForItsOwnSessionsAndTotalsTheRest() throws {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Metro", sector: "police"))
        try database.write { db in
            for number in 1...4 {
                try db.execute(sql: """
                    INSERT INTO session (id, number, partnerID, playbookID, playbookVersion, playbookDigest, snapshot, status, position, createdAt, updatedAt)
                    VALUES (?, ?, ?, 'dash', '1.0.0', 'x', X'7B7D', 'paused', 0, '2026-01-0\(number) 00:00:00.000', '2026-01-0\(number) 00:00:00.000')
                    """, arguments: [UUID().uuidString.lowercased(), number, partner.id.uuidString.lowercased()])
            }
        }
        let page = try database.sessionSummaryPage(PageRequest(limit: 2))
        #expect(page.total == 4)
        #expect(page.rows.map(\.session.number) == [3, 4])
        #expect(page.rows.allSatisfy { $0.partnerName == "Metro" && $0.answered == 0 })
        let since = try database.sessionSummaryPage(PageRequest(limit: 10, since: Self.start.addingTimeInterval(2 * 86_400)))
        #expect(since.total == 2 && since.rows.map(\.session.number) == [3, 4])
    }
}

/// `v7-search-prefix-index` replaces the search index with one that keeps word prefixes; the
/// triggers that keep it current still work, and what was indexed before is still found.
@Suite struct SearchPrefixIndexTests {
    @Test func aMigratedDatabaseKeepsItsMatchesAndIndexesNewRecords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-prefix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v6-listing-order")
        let partnerID = UUID().uuidString.lowercased()
        try queue.write { db in
            try db.execute(sql: "INSERT INTO partner (id, name, sector, doNotContact, isOwn, createdAt, updatedAt) VALUES (?, 'Metro PD', 'police', 0, 0, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')",
                           arguments: [partnerID])
            try db.execute(sql: "INSERT INTO note (id, partnerID, text, isPrivate, createdAt, updatedAt) VALUES (?, ?, 'Waitlist grows every winter', 0, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')",
                           arguments: [UUID().uuidString.lowercased(), partnerID])
        }
        try queue.close()

        let database = try AppDatabase.open(path: path)
        let definition = try database.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'searchIndex'") }
        #expect(definition?.contains("prefix = '2 3 4 5 6 7 8'") == true)
        #expect(try database.search("wai").map(\.snippet) == ["\u{1}Waitlist\u{2} grows every winter"])
        let metro = try database.partner(named: "Metro PD")
        let note = try database.addNote(Note(partnerID: metro.id, text: "Voucher backlog"))
        #expect(try database.search("vouch").map(\.id) == [note.id])
        try database.write { db in try db.execute(sql: "DELETE FROM note WHERE id = ?", arguments: [note.id.uuidString.lowercased()]) }
        #expect(try database.search("vouch").isEmpty)
    }
}
