import Foundation
import OutreachCore
import Testing
@testable import OutreachStore

@Suite struct TagFilterTests {
    @Test func aTagFilterMatchesTheWholeTagOnly() throws {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Metro PD", sector: "police"))
        let board = try database.addNote(Note(partnerID: partner.id, text: "Budget talk\n#board approval needed"))
        try database.addNote(Note(partnerID: partner.id, text: "Budget talk in the #boardroom"))
        #expect(try database.search("budget", filter: SearchFilter(tag: "board")).map(\.id) == [board.id])
        #expect(try database.search("budget", filter: SearchFilter(tag: "#Board")).map(\.id) == [board.id])
    }
}
