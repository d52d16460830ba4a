import Foundation
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachStore

@Suite struct SearchTests {
    @Test func aWordPrefixFindsANoteWithItsMatchMarked() throws {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let note = try database.addNote(Note(partnerID: partner.id, text: "Tenant privacy worries the director"))
        let hits = try database.search("priv")
        #expect(hits.map(\.id) == [note.id])
        #expect(hits.first?.kind == .note)
        #expect(hits.first?.partnerName == "Riverside HA")
        #expect(hits.first?.snippet == "Tenant \(SearchHit.markStart)privacy\(SearchHit.markEnd) worries the director")
        #expect(try database.search("rivacy").isEmpty)
    }

    @Test func everyWordMustMatch() throws {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let both = try database.addNote(Note(partnerID: partner.id, text: "waitlist data from the clinic"))
        try database.addNote(Note(partnerID: partner.id, text: "waitlist is long"))
        #expect(try database.search("wait clin").map(\.id) == [both.id])
    }

    @Test func betterMatchesComeFirst() throws {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let weak = try database.addNote(Note(partnerID: partner.id,
            text: "A long meeting about budgets, staffing, elections, the board, new hires, the audit and, once, the waitlist"))
        let strong = try database.addNote(Note(partnerID: partner.id, text: "Waitlist, waitlist, waitlist"))
        let hits = try database.search("waitlist")
        #expect(hits.map(\.id) == [strong.id, weak.id])
        #expect(hits[0].rank < hits[1].rank)
    }

    @Test func answersTermsAndValuesAreFoundWithWhereTheyCameFrom() throws {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let session = try database.createSession(Session(
            partnerID: partner.id, playbookID: "dash", playbookVersion: "1.0.0", playbookDigest: "abc", snapshot: Data("{}".utf8)))
        let answer = try database.recordAnswer(sessionID: session.id, questionID: "dash.listen.data", value: "eviction filings by month", nextPosition: 1)
        let term = try database.addTerm(Term(partnerID: partner.id, sessionID: session.id, questionID: "dash.listen.words",
                                             term: "UD", meaning: "unlawful detainer, an eviction case"))
        let value = try database.addValue(ValueItem(partnerID: partner.id, value: "fewer evictions", benefits: ["tenants"],
                                                    lens: .altruistic, horizon: .long))
        let hits = try database.search("evict")
        #expect(Set(hits.map(\.id)) == [answer.id, term.id, value.id])
        let answerHit = try #require(hits.first { $0.id == answer.id })
        #expect(answerHit.kind == .answer)
        #expect(answerHit.sessionNumber == session.number)
        #expect(answerHit.questionID == "dash.listen.data")
        let termHit = try #require(hits.first { $0.id == term.id })
        #expect(termHit.kind == .term)
        #expect(termHit.sessionNumber == session.number)
        #expect(termHit.questionID == "dash.listen.words")
        #expect(hits.first { $0.id == value.id }?.sessionNumber == nil)
    }

    @Test func partnerSectorAndTagFiltersNarrowTheResults() throws {
        let database = try AppDatabase.inMemory()
        let housing = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let police = try database.addPartner(Partner(name: "Metro PD", sector: "police"))
        let evictions = try database.addNote(Note(partnerID: housing.id, text: "shared data on evictions #board"))
        let calls = try database.addNote(Note(partnerID: police.id, text: "shared data on calls #privacy"))
        let dashboard = try database.addValue(ValueItem(partnerID: police.id, value: "shared data dashboard", benefits: ["officers"],
                                                        lens: .operational, horizon: .short))
        #expect(Set(try database.search("shared").map(\.id)) == [evictions.id, calls.id, dashboard.id])
        #expect(try database.search("shared", filter: SearchFilter(partnerID: housing.id)).map(\.id) == [evictions.id])
        #expect(Set(try database.search("shared", filter: SearchFilter(sector: "police")).map(\.id)) == [calls.id, dashboard.id])
        #expect(try database.search("shared", filter: SearchFilter(tag: "privacy")).map(\.id) == [calls.id])
        #expect(try database.search("shared", filter: SearchFilter(partnerID: housing.id, tag: "privacy")).isEmpty)
        #expect(try database.search("shared", filter: SearchFilter(limit: 2)).count == 2)
    }

    @Test func queriesAreTextNotSyntax() throws {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        try database.addNote(Note(partnerID: partner.id, text: "data OR nothing"))
        #expect(try database.search("\"unclosed OR NEAR(").isEmpty)
        #expect(try database.search("--- ***").isEmpty)
        #expect(try database.search("nothing OR").count == 1)
    }
}

@Suite struct BundleTests {
    let start = Date(timeIntervalSince1970: 1_760_000_000)

    private let scratch = TemporaryFolder("bundle")

    /// A file of this name in a folder removed after the test (made here, since writers expect it).
    func scratchFile(_ name: String) -> URL {
        try? FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        return scratch.url.appendingPathComponent(name)
    }

    func counts(_ database: AppDatabase) throws -> [Int] {
        try database.healthReport().counts.map(\.rows)
    }

    /// A database with one of every kind of record, one note private.
    func populated() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let session = try database.createSession(Fixture.session(partnerID: partner.id))
        try database.recordAnswer(sessionID: session.id, questionID: "dash.q1", value: "first", nextPosition: 1)
        try database.recordAnswer(sessionID: session.id, questionID: "dash.q1", value: "second", nextPosition: 1)
        let open = try database.addNote(Note(partnerID: partner.id, sessionID: session.id, questionID: "dash.q1", text: "board meets monthly"))
        let secret = try database.addNote(Note(partnerID: partner.id, text: "director distrusts the county", isPrivate: true))
        try database.addTerm(Term(partnerID: partner.id, term: "PHA", meaning: "public housing authority"))
        try database.addValue(ValueItem(partnerID: partner.id, value: "shorter waitlists", benefits: ["tenants"],
                                        lens: .operational, horizon: .short, evidence: [open.id, secret.id]))
        try database.addAction(ActionItem(partnerID: partner.id, text: "send template", owner: "Maria", due: "2026-12-15"))
        return database
    }

    @Test func importingABundleTwiceChangesNothingTheSecondTime() throws {
        let source = try populated()
        let file = scratchFile("team.jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let records = try source.exportBundle(to: file, redact: false)
        #expect(records == 10)

        let target = try AppDatabase.inMemory()
        #expect(try target.importBundle(from: file) == ImportSummary(inserted: 10, updated: 0, unchanged: 0))
        #expect(try counts(target) == (try counts(source)))
        #expect(try target.importBundle(from: file) == ImportSummary(inserted: 0, updated: 0, unchanged: 10))
        #expect(try counts(target) == (try counts(source)))
        #expect(try target.notes().map(\.text) == (try source.notes().map(\.text)))
        #expect(try target.search("monthly").first?.sessionNumber == 1)
    }

    @Test func aNewerRevisionWinsAndAnOlderOneIsIgnored() throws {
        let partnerID = UUID(), noteID = UUID()
        func database(noteText: String, updatedAt: Date) throws -> AppDatabase {
            let database = try AppDatabase.inMemory()
            try database.addPartner(Partner(id: partnerID, name: "Metro PD", sector: "police", createdAt: start))
            try database.addNote(Note(id: noteID, partnerID: partnerID, text: noteText, createdAt: start, updatedAt: updatedAt))
            return database
        }
        let older = try database(noteText: "chief is cautious", updatedAt: start)
        let newer = try database(noteText: "chief is on board since the March meeting", updatedAt: start.addingTimeInterval(60))
        let olderFile = scratchFile("older.jsonl"), newerFile = scratchFile("newer.jsonl")
        defer {
            try? FileManager.default.removeItem(at: olderFile)
            try? FileManager.default.removeItem(at: newerFile)
        }
        _ = try older.exportBundle(to: olderFile, redact: false)
        _ = try newer.exportBundle(to: newerFile, redact: false)

        #expect(try older.importBundle(from: newerFile) == ImportSummary(inserted: 0, updated: 1, unchanged: 2))
        #expect(try older.notes().map(\.text) == ["chief is on board since the March meeting"])
        #expect(try older.search("march").map(\.id) == [noteID])
        #expect(try older.search("cautious").isEmpty)

        #expect(try newer.importBundle(from: olderFile) == ImportSummary(inserted: 0, updated: 0, unchanged: 3))
        #expect(try newer.notes().map(\.text) == ["chief is on board since the March meeting"])
    }

    @Test func aPartnerWithTheSameNameIsMatchedNotDuplicated() throws {
        let source = try populated()
        let file = scratchFile("team.jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try source.exportBundle(to: file, redact: false)
        let target = try AppDatabase.inMemory()
        let local = try target.addPartner(Partner(name: "riverside ha", sector: "housing"))
        _ = try target.importBundle(from: file)
        #expect(try target.partners().map(\.id) == [local.id])
        #expect(try target.notes().allSatisfy { $0.partnerID == local.id })
    }

    @Test func aRedactedBundleHoldsNoPrivateNoteNorAReferenceToOne() throws {
        let source = try populated()
        let secret = try #require(try source.notes().first(where: \.isPrivate))
        let file = scratchFile("redacted.jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try source.exportBundle(to: file, redact: true) == 9)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(!text.contains(secret.text))
        #expect(!text.contains(secret.id.uuidString.lowercased()))
        #expect(text.contains("board meets monthly"))

        let target = try AppDatabase.inMemory()
        _ = try target.importBundle(from: file)
        #expect(try target.notes().map(\.isPrivate) == [false])
        #expect(try target.values().first?.evidence.count == 1)
    }

    @Test func aTruncatedOrDamagedBundleChangesNothing() throws {
        let source = try populated()
        let file = scratchFile("team.jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try source.exportBundle(to: file, redact: false)
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)

        let target = try AppDatabase.inMemory()
        try target.addPartner(Partner(name: "Library", sector: "housing"))
        let before = try counts(target)
        let damagedRecord = "{\"kind\":\"note\",\"record\":{}}"
        var broken: [String: String] = [:]
        broken["without its end line"] = lines.dropLast().joined(separator: "\n") + "\n"
        broken["cut inside a record"] = String(text.prefix(text.count / 2))
        broken["missing a record"] = Array(lines.prefix(3) + lines.dropFirst(4)).joined(separator: "\n") + "\n"
        broken["a damaged record"] = Array(lines.prefix(5) + [damagedRecord] + lines.dropFirst(6)).joined(separator: "\n") + "\n"
        broken["no header"] = lines.dropFirst().joined(separator: "\n") + "\n"
        broken["empty"] = ""
        for (problem, content) in broken {
            let damaged = scratchFile("damaged.jsonl")
            defer { try? FileManager.default.removeItem(at: damaged) }
            try content.write(to: damaged, atomically: true, encoding: .utf8)
            #expect(throws: StoreError.self, "\(problem)") { try target.importBundle(from: damaged) }
            #expect(try counts(target) == before, "\(problem)")
        }
        #expect(throws: StoreError.self) { try target.importBundle(from: scratchFile("absent.jsonl")) }
    }
}
