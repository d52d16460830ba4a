import Foundation
import OutreachCore
import Testing
@testable import OutreachStore

@Suite struct RecordTests {
    func sampleSession(in database: AppDatabase) throws -> Session {
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        return try database.createSession(Session(
            partnerID: partner.id, playbookID: "dash", playbookVersion: "1.0.0", playbookDigest: "abc", snapshot: Data("{}".utf8)))
    }

    @Test func partnerNamesAreUniqueWhateverTheCase() throws {
        let database = try AppDatabase.inMemory()
        try database.addPartner(Partner(name: "Metro PD", sector: "police"))
        #expect(throws: StoreError.duplicatePartner(name: "metro pd")) {
            try database.addPartner(Partner(name: "metro pd", sector: "police"))
        }
        #expect(try database.partner(named: "METRO PD").name == "Metro PD")
    }

    @Test func anUnknownPartnerSuggestsAClosestName() throws {
        let database = try AppDatabase.inMemory()
        try database.addPartner(Partner(name: "Riverside Housing Authority", sector: "housing"))
        #expect(throws: StoreError.unknownPartner(name: "Riverside", suggestion: "Riverside Housing Authority")) {
            try database.partner(named: "Riverside")
        }
    }

    @Test func sessionsGetShortNumbersInOrder() throws {
        let database = try AppDatabase.inMemory()
        let first = try sampleSession(in: database)
        let second = try database.createSession(Session(
            partnerID: first.partnerID, playbookID: "dash", playbookVersion: "1.0.0", playbookDigest: "abc", snapshot: Data()))
        #expect(first.number == 1)
        #expect(second.number == 2)
        #expect(try database.session(number: 2).id == second.id)
        #expect(throws: StoreError.unknownSession(reference: "9")) { try database.session(number: 9) }
    }

    @Test func answersKeepEveryRevisionAndSkipsAreRecorded() throws {
        let database = try AppDatabase.inMemory()
        let session = try sampleSession(in: database)
        try database.recordAnswer(sessionID: session.id, questionID: "q.one", value: nil, nextPosition: 1)
        try database.recordAnswer(sessionID: session.id, questionID: "q.two", value: "first", nextPosition: 2)
        try database.recordAnswer(sessionID: session.id, questionID: "q.two", value: "second", nextPosition: 2)
        let answers = try database.answers(sessionID: session.id)
        #expect(answers.map(\.revision) == [1, 1, 2])
        let state = try database.answerState(sessionID: session.id)
        #expect(state.answers == ["q.two": "second"])
        #expect(state.skipped == ["q.one"])
        #expect(try database.session(number: 1).position == 2)
    }

    @Test func notesCarryTheirTagsAndPrivacy() throws {
        let database = try AppDatabase.inMemory()
        let session = try sampleSession(in: database)
        try database.addNote(Note(partnerID: session.partnerID, sessionID: session.id, questionID: "q.one", text: "Call back #budget", isPrivate: true))
        let notes = try database.notes(partnerID: session.partnerID)
        #expect(notes.first?.isPrivate == true)
        #expect(notes.first?.tags == ["budget"])
    }
}
