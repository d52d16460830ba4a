import Foundation
import OutreachCore
import Testing
@testable import OutreachPostgres
@testable import OutreachStore

/// Parties, partnerships and pages on the team database.
@Suite struct PartyStoreTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01 00:00 UTC

    @Test func partiesAreFoundByNameOrAliasInAnyCaseAndNamesAreNotTakenTwice() throws {
        let database = try TeamRest.database()
        defer { database.closeCleanly() }
        let medicaid = try database.addParty(Party(name: "State Medicaid", kind: .outside, createdAt: Self.start))
        try database.addAlias("Medicaid", to: medicaid.id)
        try database.addAlias("MEDICAID office", to: medicaid.id)
        #expect(try database.party(named: "state medicaid")?.id == medicaid.id)
        #expect(try database.party(named: "medicaid")?.id == medicaid.id)
        #expect(try database.party(named: "nobody") == nil)
        #expect(try database.aliases(of: medicaid.id) == ["Medicaid", "MEDICAID office"])
        #expect(try database.partyNames() == ["Medicaid", "MEDICAID office", "State Medicaid"])
        #expect(throws: StoreError.duplicateParty(name: "State Medicaid")) { try database.addAlias("state MEDICAID", to: medicaid.id) }
        #expect(throws: StoreError.duplicateParty(name: "STATE MEDICAID")) { try database.addParty(Party(name: "STATE MEDICAID", kind: .outside)) }
        #expect(try database.party(id: medicaid.id) == medicaid)
        #expect(try database.ownParty() == nil)
        let own = try database.addParty(Party(name: "Our Library", kind: .own, createdAt: Self.start))
        #expect(try database.ownParty() == own)
        #expect(try database.parties().map(\.name) == ["Our Library", "State Medicaid"])
    }

    @Test func partnershipsKeepYourOwnOrganisationFirstAndSuggestCloseNames() throws {
        let database = try TeamRest.database()
        defer { database.closeCleanly() }
        let own = try database.addParty(Party(name: "Our Library", kind: .own, createdAt: Self.start))
        let county = try database.addParty(Party(name: "County Health", kind: .outside, createdAt: Self.start))
        let partnership = try database.addPartnership(Partnership(name: "Reading Together", ask: "space", createdAt: Self.start), memberIDs: [county.id])
        #expect(try database.members(of: partnership.id).map(\.id) == [own.id, county.id])
        #expect(try database.partnerships(ofParty: county.id) == [partnership])
        #expect(try database.partnership(named: "reading TOGETHER") == partnership)
        #expect(throws: StoreError.unknownPartnership(name: "reading", suggestion: "Reading Together")) { try database.partnership(named: "reading") }
        #expect(throws: StoreError.duplicatePartnership(name: "reading together")) {
            try database.addPartnership(Partnership(name: "reading together"), memberIDs: [])
        }
        let school = try database.addParty(Party(name: "Ada School", kind: .outside))
        try database.addMember(partyID: school.id, to: partnership.id)
        try database.addMember(partyID: school.id, to: partnership.id)
        #expect(try database.members(of: partnership.id).map(\.name) == ["Our Library", "Ada School", "County Health"])
        var renamed = partnership
        renamed.ask = "a room on Tuesdays"
        try database.updatePartnership(renamed)
        #expect(try database.partnership(id: partnership.id)?.ask == "a room on Tuesdays")
        #expect(try database.partnershipNames() == ["Reading Together"])
        #expect(try database.partnershipPage(PageRequest()).total == 1)
        #expect(try database.partyNames(ids: [own.id, school.id]) == [own.id: "Our Library", school.id: "Ada School"])
    }

    @Test func notePagesHoldTheNewestNotesOldestFirstWithTheTotal() throws {
        let database = try TeamRest.database()
        defer { database.closeCleanly() }
        let partner = Partner(name: "Metro", sector: "police", createdAt: Self.start)
        try database.addPartner(partner)
        let notes = (0..<60).shuffled().map { day in
            Note(partnerID: partner.id, text: "day \(day)\(day % 7 == 0 ? " #weekly," : "")",
                 createdAt: Self.start.addingTimeInterval(Double(day) * 86_400))
        }
        for note in notes { try database.insert([note]) }
        let page = try database.notePage(partnerID: nil, sector: nil, tag: nil, PageRequest())
        #expect(page.total == 60)
        #expect(page.rows.map(\.createdAt) == (10..<60).map { Self.start.addingTimeInterval(Double($0) * 86_400) })
        let three = try database.notePage(partnerID: partner.id, sector: "police", tag: nil, PageRequest(limit: 3))
        #expect(three.rows.map(\.text) == ["day 57", "day 58", "day 59"] && three.total == 60)
        let since = try database.notePage(partnerID: nil, sector: nil, tag: nil,
                                          PageRequest(limit: 2, since: Self.start.addingTimeInterval(50 * 86_400)))
        #expect(since.total == 10 && since.rows.map(\.text) == ["day 58", "day 59"])
        let tagged = try database.notePage(partnerID: nil, sector: nil, tag: "#WEEKLY", .all)
        #expect(tagged.total == 9 && tagged.rows.allSatisfy { $0.tags.contains("weekly") })
        #expect(try database.notePage(partnerID: nil, sector: "housing", tag: nil, .all).total == 0)
        #expect(try database.partnerNames(ids: [partner.id]) == [partner.id: "Metro"])
        #expect(try database.partnerPage(sector: "police", PageRequest()).rows == [partner])
    }

    @Test func valueActionTermAndSessionPagesCountEveryMatch() throws {
        let database = try TeamRest.database()
        defer { database.closeCleanly() }
        let partner = Partner(name: "Metro", sector: "police", createdAt: Self.start)
        try database.addPartner(partner)
        let sessions = (0..<4).map { index in
            Session(partnerID: partner.id, playbookID: "dash", playbookVersion: "1", playbookDigest: "abc", snapshot: Data("{}".utf8),
                    createdAt: Self.start.addingTimeInterval(Double(index)))
        }
        for session in sessions { try database.insert([session]) }
        try database.insert([Answer(sessionID: sessions[3].id, questionID: "q1", revision: 1, value: "yes"),
                             Answer(sessionID: sessions[3].id, questionID: "q1", revision: 2, value: "no"),
                             Answer(sessionID: sessions[3].id, questionID: "q2", revision: 1, value: nil)])
        let summaries = try database.sessionSummaryPage(partnerID: partner.id, PageRequest(limit: 2))
        #expect(summaries.total == 4)
        #expect(summaries.rows.map(\.session.id) == [sessions[2].id, sessions[3].id])
        #expect(summaries.rows.map(\.answered) == [0, 1] && summaries.rows.allSatisfy { $0.partnerName == "Metro" })
        #expect(try database.sessionCounts(partnerIDs: [partner.id, UUID()]) == [partner.id: 4])
        let numbers = try database.sessionNumbers(ids: sessions.map(\.id))
        #expect(Set(numbers.values).count == 4)
        #expect(try database.sessions(partnerID: partner.id).map(\.id) == sessions.map(\.id))
        #expect(try database.answeredQuestionIDs() == [sessions[3].id: ["q1"]])
        #expect(try database.sessionActivity().count == 4)

        try database.insert((0..<30).map { day in
            ValueItem(partnerID: partner.id, value: "value \(day)", benefits: [], lenses: [.altruistic, .economic], horizon: .short,
                      createdAt: Self.start.addingTimeInterval(Double(day) * 86_400))
        })
        let values = try database.valuePage(partnerID: partner.id, PageRequest(limit: 5))
        #expect(values.total == 30 && values.rows.map(\.value) == (25..<30).map { "value \($0)" })
        #expect(values.rows.first?.lenses == [.altruistic, .economic])

        try database.insert([
            ActionItem(partnerID: partner.id, text: "done", owner: "ana", due: "2026-01-01", doneAt: Self.start),
            ActionItem(partnerID: partner.id, text: "no day", owner: "ana"),
            ActionItem(partnerID: partner.id, text: "late", owner: "ana", due: "2026-01-02"),
            ActionItem(partnerID: partner.id, text: "soon", owner: "ana", due: "2026-03-01"),
        ])
        #expect(try database.actionPage(partnerID: nil, openOnly: false, overdueBefore: nil, .all).rows.map(\.text) == ["late", "soon", "no day", "done"])
        #expect(try database.actionPage(partnerID: nil, openOnly: true, overdueBefore: nil, PageRequest(limit: 1)).total == 3)
        #expect(try database.actionPage(partnerID: nil, openOnly: false, overdueBefore: "2026-02-01", .all).rows.map(\.text) == ["late"])

        try database.insert(["beta", "Alpha", "gamma"].map { Term(partnerID: partner.id, term: $0, meaning: "m") })
        let terms = try database.termPage(partnerID: partner.id, PageRequest(limit: 2))
        #expect(terms.total == 3 && terms.rows.map(\.term) == ["Alpha", "beta"])
    }
}
