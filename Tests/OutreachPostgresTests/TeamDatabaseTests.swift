import Foundation
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachPostgres

/// The team database on the throwaway server `make test` starts: migrations, refusals, round trips
/// and search. Without the server these fail, saying to run `make test`.
@Suite struct TeamDatabaseTests {
    func fresh() throws -> (TestDatabase, TeamDatabase) {
        let database = try TestPostgres.server().freshDatabase()
        let team = try database.openAsOwner()
        return (database, team)
    }

    static func session(partnerID: UUID) -> Session {
        Session(partnerID: partnerID, playbookID: "dash", playbookVersion: "1", playbookDigest: "abc", snapshot: Data("{}".utf8))
    }

    @Test func migratesAnEmptyDatabase() throws {
        let (database, team) = try fresh()
        defer { team.closeCleanly() }
        #expect(try team.schemaVersion() == ["pg1-tables", "pg2-leads-security", "pg3-note-partnership-links"])
        #expect(try database.psqlAsOwner("SELECT count(*) FROM outreach_migration") == "3\n")
        #expect(try database.psqlAsOwner("SELECT count(*) FROM pg_roles WHERE rolname = '\(database.name)_lead'") == "1\n")
        #expect(try database.psqlAsOwner("SELECT relforcerowsecurity FROM pg_class WHERE relname = 'note'") == "t\n")
        let report = try team.healthReport()
        #expect(report.isHealthy)
        #expect(report.latestKnown == "pg3-note-partnership-links")
        #expect(report.counts.allSatisfy { $0.rows == 0 })
    }

    @Test func openingACurrentDatabaseChangesNothing() throws {
        let (database, team) = try fresh()
        team.closeCleanly()
        let state = """
            SELECT string_agg(name || '@' || applied_at::text, ',' ORDER BY name) FROM outreach_migration
            UNION ALL SELECT string_agg(relname || ':' || oid::text, ',' ORDER BY relname) FROM pg_class
                WHERE relnamespace = 'public'::regnamespace
            UNION ALL SELECT string_agg(polname, ',' ORDER BY polname) FROM pg_policy
            """
        let before = try database.psqlAsOwner(state)
        let again = try database.openAsOwner()
        again.closeCleanly()
        #expect(try database.psqlAsOwner(state) == before)
        #expect(try database.psqlAsOwner("SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'outreach_migration'") <= "3\n")
    }

    @Test func refusesAForeignDatabase() throws {
        let database = try TestPostgres.server().freshDatabase()
        try database.psqlAsOwner("CREATE TABLE invoices (id int)")
        #expect(throws: StoreError.notAnOutreachDatabase(path: "postgresql://outreach_owner@127.0.0.1:\(try TestPostgres.server().port)/\(database.name)")) {
            try database.openAsOwner()
        }
        #expect(try database.psqlAsOwner("SELECT string_agg(relname, ',') FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'") == "invoices\n")
    }

    @Test func refusesANewerSchema() throws {
        let (database, team) = try fresh()
        team.closeCleanly()
        try database.psqlAsOwner("INSERT INTO outreach_migration (name, applied_at) VALUES ('pg9-future', now())")
        do {
            _ = try database.openAsOwner()
            Issue.record("a newer schema was opened")
        } catch let error as StoreError {
            guard case .newerSchema(_, let unknown) = error else { Issue.record("unexpected \(error)"); return }
            #expect(unknown == ["pg9-future"])
        }
        #expect(try database.psqlAsOwner("SELECT count(*) FROM outreach_migration") == "4\n")
    }

    @Test func connectionFailuresSayWhatToDo() throws {
        let server = try TestPostgres.server()
        let database = try server.freshDatabase()
        #expect(throws: StoreError.authenticationFailed(path: "postgresql://outreach_owner@127.0.0.1:\(server.port)/\(database.name)", user: "outreach_owner")) {
            try TeamDatabase.open(address: database.ownerAddress, environment: ["PGPASSWORD": "wrong"])
        }
        #expect(throws: StoreError.databaseMissing(path: "postgresql://outreach_owner@127.0.0.1:\(server.port)/no_such_db", database: "no_such_db")) {
            try TeamDatabase.open(address: server.address(role: "outreach_owner", database: "no_such_db"), environment: database.ownerEnvironment)
        }
        do {
            _ = try TeamDatabase.open(address: "postgresql://outreach_owner@127.0.0.1:1/x", environment: database.ownerEnvironment)
            Issue.record("opened a closed port")
        } catch let error as StoreError {
            guard case .serverUnreachable(_, let where_, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(where_ == "127.0.0.1:1")
            #expect(error.localizedDescription.contains("make team-db"))
        }
    }

    @Test func sessionsAndAnswersRoundTrip() throws {
        let (_, team) = try fresh()
        defer { team.closeCleanly() }
        let partner = try team.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        #expect(throws: StoreError.duplicatePartner(name: "riverside ha")) { try team.addPartner(Partner(name: "riverside ha", sector: "x")) }
        let first = try team.createSession(Self.session(partnerID: partner.id))
        let second = try team.createSession(Self.session(partnerID: partner.id))
        #expect(first.number == 1)
        #expect(second.number == 2)
        #expect(try team.sessionNumbers() == [1, 2])
        #expect(try team.session(number: 1) == Session(
            id: first.id, number: 1, partnerID: partner.id, playbookID: "dash", playbookVersion: "1", playbookDigest: "abc",
            snapshot: Data("{}".utf8), createdAt: first.createdAt.teamStored, updatedAt: first.updatedAt.teamStored))
        #expect(throws: StoreError.unknownSession(reference: "9")) { try team.session(number: 9) }

        let a1 = try team.recordAnswer(sessionID: first.id, questionID: "q1", value: "Families on the waitlist", nextPosition: 1)
        let a2 = try team.recordAnswer(sessionID: first.id, questionID: "q2", value: nil, nextPosition: 2)
        let a3 = try team.recordAnswer(sessionID: first.id, questionID: "q1", value: "Families and elders", nextPosition: 2)
        #expect(a3.revision == 2)
        #expect(a2.createdAt > a1.createdAt && a3.createdAt > a2.createdAt)
        #expect(try team.answers(sessionID: first.id) == [a1, a2, a3])
        let state = try team.answerState(sessionID: first.id)
        #expect(state.answers == ["q1": "Families and elders"])
        #expect(state.skipped == ["q2"])
        #expect(try team.session(id: first.id)?.position == 2)
        #expect(try team.latestUnfinishedSession()?.id == first.id)
        try team.updateSession(id: first.id, position: 3, status: .finished)
        #expect(try team.latestUnfinishedSession()?.id == second.id)
        let summaries = try team.sessionSummaries()
        #expect(summaries.map(\.answered) == [1, 0])
        #expect(summaries.map(\.partnerName) == ["Riverside HA", "Riverside HA"])

        let exact = Answer(sessionID: second.id, questionID: "q9", revision: 1, value: "x", createdAt: Date(timeIntervalSince1970: 1_700_000_000.123))
        try team.insertAnswer(exact)
        try team.insertAnswer(exact)
        #expect(try team.answers(sessionID: second.id) == [exact])
    }

    @Test func knowledgeRoundTrips() throws {
        let (_, team) = try fresh()
        defer { team.closeCleanly() }
        let partner = try team.addPartner(Partner(name: "Library", sector: "civic", stakeholder: "Director"))
        try team.addPartner(Partner(name: "alpha trust", sector: "civic"))
        #expect(try team.partners().map(\.name) == ["alpha trust", "Library"])
        #expect(try team.partnerNames() == ["Library", "alpha trust"])
        #expect(try team.partner(named: "LIBRARY").id == partner.id)
        #expect(throws: StoreError.unknownPartner(name: "lib", suggestion: "Library")) { try team.partner(named: "lib") }
        var renamed = partner
        renamed.name = "City Library"
        try team.updatePartner(renamed)
        #expect(try team.partner(id: partner.id)?.name == "City Library")

        let note = try team.addNote(Note(partnerID: partner.id, text: "Board meets monthly #Funding", createdAt: Date(timeIntervalSince1970: 1_700_000_000.5)))
        #expect(try team.notes(partnerID: partner.id, sessionID: nil) == [note])
        #expect(try team.notes(partnerID: nil, sessionID: UUID()).isEmpty)

        let term = try team.addTerm(Term(partnerID: partner.id, term: "ILS", meaning: "integrated library system"))
        try team.addTerm(Term(partnerID: partner.id, term: "acq", meaning: "acquisitions"))
        #expect(try team.terms(partnerID: nil).map(\.term) == ["acq", "ILS"])
        #expect(try team.terms(named: "ils").map(\.id) == [term.id])

        let value = ValueItem(partnerID: partner.id, value: "Fewer missed returns", benefits: ["patrons"], lenses: [.operational, .economic],
                              horizon: .short, way: .outcomes, perspective: .clients, beneficiaryIDs: [partner.id], payerIDs: [UUID()],
                              evidence: [note.id], createdAt: Date(timeIntervalSince1970: 1_700_000_001))
        try team.addValue(value)
        #expect(try team.values(partnerID: partner.id) == [value])

        let late = try team.addAction(ActionItem(partnerID: partner.id, text: "Send deck", owner: "sam", due: "2020-01-01"))
        let open = try team.addAction(ActionItem(partnerID: partner.id, text: "Call back", owner: "sam"))
        let soon = try team.addAction(ActionItem(partnerID: partner.id, text: "Visit", owner: "sam", due: "2999-01-01"))
        #expect(try team.actions(partnerID: nil).map(\.id) == [late.id, soon.id, open.id])
        #expect(try team.overdueActions(today: "2026-01-01").map(\.id) == [late.id])
        let done = try team.completeAction(id: late.id)
        #expect(done.doneAt != nil)
        #expect(try team.actions(partnerID: nil).map(\.id) == [soon.id, open.id, late.id])
        #expect(throws: StoreError.self) { try team.completeAction(id: UUID()) }

        #expect(try team.resolveID(String(note.id.uuidString.lowercased().prefix(6)), in: .note) == note.id)
        #expect(throws: StoreError.unknownRecord(kind: "note", reference: "abc")) { try team.resolveID("abc", in: .note) }
    }

    @Test func searchMatchesPrefixes() throws {
        let (_, team) = try fresh()
        defer { team.closeCleanly() }
        let partner = try team.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let other = try team.addPartner(Partner(name: "Clinic", sector: "health"))
        let session = try team.createSession(Self.session(partnerID: partner.id))
        let answer = try team.recordAnswer(sessionID: session.id, questionID: "q1", value: "Families on the waitlist", nextPosition: 1)
        let note = try team.addNote(Note(partnerID: other.id, text: "Waiting rooms are full #capacity"))
        try team.addTerm(Term(partnerID: partner.id, term: "HCV", meaning: "housing choice voucher"))

        let hits = try team.search("wait", filter: SearchFilter())
        #expect(Set(hits.map(\.id)) == [answer.id, note.id])
        let answerHit = try #require(hits.first { $0.kind == .answer })
        #expect(answerHit.partnerName == "Riverside HA")
        #expect(answerHit.sessionNumber == session.number)
        #expect(answerHit.questionID == "q1")
        #expect(answerHit.snippet.contains(SearchHit.markStart + "waitlist" + SearchHit.markEnd))
        #expect(try team.search("fam wait", filter: SearchFilter()).map(\.id) == [answer.id])
        #expect(try team.search("vouch", filter: SearchFilter()).map(\.kind) == [.term])
        #expect(try team.search("wait", filter: SearchFilter(partnerID: other.id)).map(\.id) == [note.id])
        #expect(try team.search("wait", filter: SearchFilter(sector: "housing")).map(\.id) == [answer.id])
        #expect(try team.search("wait", filter: SearchFilter(tag: "#Capacity")).map(\.id) == [note.id])
        #expect(try team.search("zzz", filter: SearchFilter()).isEmpty)
        #expect(try team.search("  ", filter: SearchFilter()).isEmpty)
        _ = try team.search("it's (wait) & | ! \\ :*", filter: SearchFilter())
        let page = try team.searchPage("wait", filter: SearchFilter(limit: 1, window: 1))
        #expect(page.hits.map(\.id) == [note.id])
        #expect(page.ranked == 1)
        #expect(page.moreMatch)
    }

    @Test func backupSaysToUsePgDump() throws {
        let (_, team) = try fresh()
        defer { team.closeCleanly() }
        do {
            try team.backup(to: "/tmp/x.dump")
            Issue.record("backup did not refuse")
        } catch let error as StoreError {
            #expect(error.localizedDescription.contains("pg_dump"))
        }
    }
}
