import Foundation
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing

/// One set of expectations for every store: the SQLite file and the PostgreSQL team database give
/// the same answers to the same calls, so the engine, reports and commands need not know which
/// one they talk to.
@Suite struct StoreContractTests {
    static let snapshot = Fixture.snapshot

    func session(_ store: any Store, partner: Partner, at date: Date = Date()) throws -> Session {
        try store.createSession(Session(partnerID: partner.id, playbookID: "dash", playbookVersion: "1.0.0",
                                        playbookDigest: "abc", snapshot: Self.snapshot, createdAt: date))
    }

    @Test(arguments: Backend.allCases) func partnersAreUniqueWhateverTheCaseAndSuggestNames(_ backend: Backend) throws {
        let store = try backend.emptyStore()
        defer { store.closeCleanly() }
        try store.addPartner(Partner(name: "Riverside Housing Authority", sector: "housing"))
        #expect(throws: StoreError.duplicatePartner(name: "riverside housing authority")) {
            try store.addPartner(Partner(name: "riverside housing authority", sector: "housing"))
        }
        #expect(try store.partner(named: "RIVERSIDE HOUSING AUTHORITY").sector == "housing")
        #expect(throws: StoreError.unknownPartner(name: "Riverside", suggestion: "Riverside Housing Authority")) {
            try store.partner(named: "Riverside")
        }
        var edited = try store.partner(named: "Riverside Housing Authority")
        edited.profile = "Runs 4,000 units"
        try store.updatePartner(edited)
        #expect(try store.partner(id: edited.id)?.profile == "Runs 4,000 units")
        #expect(try store.partnerNames() == ["Riverside Housing Authority"])
    }

    @Test(arguments: Backend.allCases) func sessionsAreNumberedAndAnswersKeepEveryRevision(_ backend: Backend) throws {
        let store = try backend.emptyStore()
        defer { store.closeCleanly() }
        let partner = try store.addPartner(Partner(name: "Metro PD", sector: "police"))
        let first = try session(store, partner: partner)
        let second = try session(store, partner: partner)
        #expect(first.number == 1)
        #expect(second.number == 2)
        #expect(try store.session(number: 2).id == second.id)
        #expect(throws: StoreError.unknownSession(reference: "9")) { try store.session(number: 9) }

        try store.recordAnswer(sessionID: first.id, questionID: "dash.q1", value: "Waitlists", nextPosition: 1)
        try store.recordAnswer(sessionID: first.id, questionID: "dash.q1", value: "Waitlists and evictions", nextPosition: 1)
        try store.recordAnswer(sessionID: first.id, questionID: "dash.q2", value: nil, nextPosition: 2)
        let answers = try store.answers(sessionID: first.id)
        #expect(answers.map(\.value) == ["Waitlists", "Waitlists and evictions", nil])
        let state = try store.answerState(sessionID: first.id)
        #expect(state.answers == ["dash.q1": "Waitlists and evictions"])
        #expect(state.skipped == ["dash.q2"])
        #expect(try store.session(id: first.id)?.position == 2)

        try store.updateSession(id: first.id, position: 3, status: .finished)
        #expect(try store.session(id: first.id)?.status == .finished)
        #expect(try store.latestUnfinishedSession()?.id == second.id)
        #expect(try store.sessionNumbers() == [1, 2])
        let summaries = try store.sessionSummaries()
        #expect(summaries.map(\.partnerName) == ["Metro PD", "Metro PD"])
        #expect(try store.sessionSummaryPage(partnerID: partner.id, PageRequest(limit: 1)).total == 2)
        #expect(try store.answeredQuestionIDs()[first.id] == ["dash.q1"])
        let activity = try store.sessionActivity()
        #expect(Set(activity.keys) == [first.id, second.id])
    }

    @Test(arguments: Backend.allCases) func privateNotesAreKeptAndFoundBySearchAndTag(_ backend: Backend) throws {
        let store = try backend.emptyStore()
        defer { store.closeCleanly() }
        let partner = try store.addPartner(Partner(name: "County Food Bank", sector: "food-banks"))
        try store.addNote(Note(partnerID: partner.id, text: "Pantry referrals double in winter #referrals"))
        try store.addNote(Note(partnerID: partner.id, text: "Director worries about eviction data", isPrivate: true))
        #expect(try store.notes(partnerID: partner.id).count == 2)
        #expect(try store.privateNotesToExport(partnerID: nil) == 1)

        let hits = try store.search("refer")
        #expect(hits.map(\.kind) == [.note])
        #expect(hits.first?.partnerName == "County Food Bank")
        #expect(try store.search("evic").count == 1)
        let page = try store.notePage(partnerID: nil, sector: nil, tag: "referrals", PageRequest())
        #expect(page.rows.map(\.text) == ["Pantry referrals double in winter #referrals"])
        #expect(page.total == 1)
    }

    @Test(arguments: Backend.allCases) func valuesNameWhoGainsAndWhoPays(_ backend: Backend) throws {
        let store = try backend.emptyStore()
        defer { store.closeCleanly() }
        let housing = try store.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let partnerParty = try #require(try store.party(forPartner: housing.id))
        let medicaid = try store.addParty(Party(name: "State Medicaid", kind: .outside))
        try store.addAlias("Medicaid", to: medicaid.id)
        #expect(try store.party(named: "medicaid")?.id == medicaid.id)
        #expect(try store.aliases(of: medicaid.id) == ["Medicaid"])

        let value = try store.addValue(ValueItem(partnerID: housing.id, value: "Fewer emergency visits", benefits: ["State Medicaid"],
                                                 lenses: [.economic, .altruistic], horizon: .long,
                                                 beneficiaryIDs: [medicaid.id], payerIDs: [partnerParty.id]))
        let stored = try #require(try store.values(partnerID: housing.id).first)
        #expect(stored.id == value.id)
        #expect(stored.lenses == [.economic, .altruistic])
        #expect(stored.beneficiaryIDs == [medicaid.id])
        #expect(stored.payerIDs == [partnerParty.id])
        #expect(try store.partyNames(ids: [medicaid.id]) == [medicaid.id: "State Medicaid"])
        #expect(try store.resolveID(String(value.id.uuidString.lowercased().prefix(8)), in: .value) == value.id)
    }

    @Test(arguments: Backend.allCases) func actionsAreOpenUntilDoneAndOverdueAfterTheirDate(_ backend: Backend) throws {
        let store = try backend.emptyStore()
        defer { store.closeCleanly() }
        let partner = try store.addPartner(Partner(name: "Metro PD", sector: "police"))
        let late = try store.addAction(ActionItem(partnerID: partner.id, text: "Send the MOU draft", owner: "Maria", due: "2020-01-01"))
        try store.addAction(ActionItem(partnerID: partner.id, text: "Call the chief", owner: "Sam", due: "2999-01-01"))
        #expect(try store.overdueActions(today: "2026-11-25").map(\.id) == [late.id])
        let done = try store.completeAction(id: late.id)
        #expect(done.doneAt != nil)
        #expect(try store.overdueActions(today: "2026-11-25").isEmpty)
        #expect(try store.actionPage(partnerID: nil, openOnly: true, overdueBefore: nil, PageRequest()).total == 1)
    }

    @Test(arguments: Backend.allCases) func partnershipsHoldTheirMembersAndRecords(_ backend: Backend) throws {
        let store = try backend.emptyStore()
        defer { store.closeCleanly() }
        let own = try store.addParty(Party(name: "Riverside Collaborative", kind: .own))
        let housing = try store.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let housingParty = try #require(try store.party(forPartner: housing.id))
        let partnership = try store.addPartnership(Partnership(name: "Housing first", ask: "Share eviction filings weekly"),
                                                   memberIDs: [own.id, housingParty.id])
        #expect(try store.ownParty()?.id == own.id)
        #expect(try Set(store.members(of: partnership.id).map(\.id)) == [own.id, housingParty.id])
        #expect(try store.partnership(named: "housing FIRST").id == partnership.id)
        #expect(try store.partnerships(ofParty: housingParty.id).map(\.name) == ["Housing first"])
        #expect(try store.partnershipNames() == ["Housing first"])
        try store.addNote(Note(partnerID: housing.id, text: "Board meets monthly", partnershipID: partnership.id))
        #expect(try store.notes(partnershipID: partnership.id).count == 1)
        #expect(try store.partnershipPage(PageRequest()).total == 1)
    }

    @Test(arguments: Backend.allCases) func aBundleRoundTripsAndImportingItAgainChangesNothing(_ backend: Backend) throws {
        let source = try AppDatabase.inMemory()
        let partner = try source.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let started = try source.createSession(Session(partnerID: partner.id, playbookID: "dash", playbookVersion: "1.0.0",
                                                       playbookDigest: "abc", snapshot: Self.snapshot))
        try source.recordAnswer(sessionID: started.id, questionID: "dash.q1", value: "Waitlists", nextPosition: 1)
        try source.addNote(Note(partnerID: partner.id, text: "Keeps a list #board"))
        try source.addTerm(Term(partnerID: partner.id, term: "PHA", meaning: "public housing authority"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("all.jsonl")
        _ = try source.exportBundle(to: bundle, redact: false)

        let store = try backend.emptyStore()
        defer { store.closeCleanly() }
        let first = try store.importBundle(from: bundle)
        #expect(first.inserted > 0)
        #expect(first.updated == 0)
        let again = try store.importBundle(from: bundle)
        #expect(again.inserted == 0)
        #expect(again.updated == 0)
        #expect(again.unchanged == first.inserted)
        #expect(try store.partners().map(\.name) == ["Riverside HA"])
        #expect(try store.answerState(sessionID: started.id).answers == ["dash.q1": "Waitlists"])
        #expect(try store.terms(named: "pha").map(\.meaning) == ["public housing authority"])

        let back = folder.appendingPathComponent("back.jsonl")
        let count = try store.exportBundle(to: back, redact: false)
        let returned = try AppDatabase.inMemory()
        #expect(try returned.importBundle(from: back).inserted == count)
        #expect(try returned.notes().map(\.text) == ["Keeps a list #board"])
    }

    @Test(arguments: Backend.allCases) func theHealthReportCountsEveryKindOfRecord(_ backend: Backend) throws {
        let store = try backend.emptyStore()
        defer { store.closeCleanly() }
        let partner = try store.addPartner(Partner(name: "Metro PD", sector: "police"))
        try store.addNote(Note(partnerID: partner.id, text: "One"))
        let report = try store.healthReport()
        #expect(report.isHealthy)
        #expect(report.migrations.last == report.latestKnown)
        let counts = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.table, $0.rows) })
        #expect(counts["partner"] == 1)
        #expect(counts["note"] == 1)
        #expect(try store.schemaVersion() == report.migrations)
    }
}
