import Foundation
import OutreachCore
import Testing
@testable import OutreachStore

/// The ranking rule: bm25 ranks only the newest `window` matches; the count stops past the window.
@Suite struct SearchWindowTests {
    /// Three notes matching "waitlist": the oldest is the best match by far.
    static func database() throws -> (AppDatabase, [Note]) {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Metro", sector: "police"))
        let notes = try [
            "Waitlist, waitlist: the waitlist",
            "A long meeting about budgets, staffing, elections and, once, the waitlist",
            "Another long meeting about budgets, hiring, parking and, once, the waitlist",
        ].map { try database.addNote(Note(partnerID: partner.id, text: $0)) }
        return (database, notes)
    }

    @Test func theBestOfTheNewestMatchesComeFirstAndOlderOnesAreLeftOut() throws {
        let (database, notes) = try Self.database()
        let all = try database.searchPage("waitl", filter: SearchFilter(window: nil))
        #expect(all.hits.first?.id == notes[0].id)
        #expect(all.ranked == 3 && !all.moreMatch)
        let windowed = try database.searchPage("waitl", filter: SearchFilter(window: 2))
        #expect(Set(windowed.hits.map(\.id)) == [notes[1].id, notes[2].id])
        #expect(windowed.ranked == 2 && windowed.moreMatch)
    }

    @Test func theLimitKeepsTheBestAndTheWindowStillCountsWhatWasRanked() throws {
        let (database, notes) = try Self.database()
        let page = try database.searchPage("waitl", filter: SearchFilter(limit: 1))
        #expect(page.hits.map(\.id) == [notes[0].id])
        #expect(page.hits.first?.snippet.contains("\u{1}Waitlist\u{2}") == true)
        #expect(page.ranked == 3 && !page.moreMatch)
    }
}
