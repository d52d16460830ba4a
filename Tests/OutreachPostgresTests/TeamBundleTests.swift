import Foundation
import OutreachCore
import Testing
@testable import OutreachPostgres
@testable import OutreachStore

/// Bundles between SQLite and the team database: the same format, checks and merge rule.
@Suite struct TeamBundleTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-team-bundle-\(UUID().uuidString)")

    /// A playbook snapshot a session can run: three text questions, `dash.q1` to `dash.q3`.
    static let snapshot: Data = {
        let questions = (1...3).map { Question(id: "dash.q\($0)", text: "Question \($0)?") }
        let playbook = ResolvedPlaybook(id: "dash", title: "Dashboard", version: "1.0.0", sector: nil,
                                        steps: [.init(id: "listen", title: "Listen", intro: nil, questions: questions)])
        return (try? JSONEncoder().encode(playbook)) ?? Data()
    }()

    func newFile() throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("\(UUID().uuidString).jsonl")
    }

    /// The record lines of a bundle (without its header and end line), sorted.
    func records(_ url: URL) throws -> [String] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        return Array(lines.dropFirst().dropLast()).sorted()
    }

    /// A SQLite database with one of everything a bundle holds.
    func populated() throws -> AppDatabase {
        let source = try AppDatabase.inMemory()
        let own = try source.addPartner(Partner(name: "Our Library", sector: "", isOwn: true))
        let partner = try source.addPartner(Partner(name: "Riverside Housing Authority", sector: "housing", stakeholder: "Dana"))
        let partnerParty = try #require(try source.party(forPartner: partner.id))
        try source.addAlias("RHA", to: partnerParty.id)
        let tenants = try source.addParty(Party(name: "Tenants' union", kind: .outside))
        let partnership = try source.addPartnership(Partnership(name: "Homework help", ask: "a room"), memberIDs: [partnerParty.id, tenants.id])
        let session = try source.createSession(Session(partnerID: partner.id, playbookID: "dash", playbookVersion: "1.0.0",
                                                       playbookDigest: "abc", snapshot: Self.snapshot, partnershipID: partnership.id))
        try source.recordAnswer(sessionID: session.id, questionID: "dash.q1", value: "Families on the waitlist", nextPosition: 1)
        try source.recordAnswer(sessionID: session.id, questionID: "dash.q1", value: "Families waiting two years", nextPosition: 1)
        try source.recordAnswer(sessionID: session.id, questionID: "dash.q2", value: nil, nextPosition: 2)
        let evidence = try source.addNote(Note(partnerID: partner.id, sessionID: session.id, questionID: "dash.q1", text: "Waitlist is 2 years #housing"))
        try source.addNote(Note(partnerID: partner.id, text: "Dana may move on", isPrivate: true, partnershipID: partnership.id))
        try source.addTerm(Term(partnerID: partner.id, sessionID: session.id, term: "HCV", meaning: "housing choice voucher"))
        try source.addValue(ValueItem(partnerID: partner.id, partnershipID: partnership.id, sessionID: session.id, value: "Fewer evictions",
                                      benefits: ["tenants"], lenses: [.altruistic, .economic], horizon: .long, way: ValueWay.allCases.first,
                                      beneficiaryIDs: [tenants.id], payerIDs: [partnerParty.id], evidence: [evidence.id]))
        try source.addAction(ActionItem(partnerID: partner.id, sessionID: session.id, text: "Send the flyer", owner: "ana", due: "2026-12-01",
                                        partnershipID: partnership.id))
        _ = own
        return source
    }

    @Test func aSQLiteBundleImportsAndExportsAgainAsTheSameRecordsAndASecondImportChangesNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try populated()
        let bundle = try newFile()
        let count = try source.exportBundle(to: bundle, redact: false)
        let team = try TeamRest.database()
        defer { team.closeCleanly() }
        var reports: [Int] = []
        let first = try team.importBundle(from: bundle) { done, _ in reports.append(done) }
        #expect(first == ImportSummary(inserted: count, updated: 0, unchanged: 0))
        #expect(reports.first == 0 && reports.last == count)
        let again = try newFile()
        #expect(try team.exportBundle(to: again, partnerID: nil, redact: false) == count)
        #expect(try records(again) == records(bundle))
        #expect(TeamRest.mode(again.path) == 0o600)

        let second = try team.importBundle(from: bundle, progress: nil)
        #expect(second == ImportSummary(inserted: 0, updated: 0, unchanged: count))
        let third = try newFile()
        try team.exportBundle(to: third, partnerID: nil, redact: false)
        #expect(try records(third) == records(bundle))

        // One partner's bundle holds what SQLite's holds for that partner.
        let partner = try #require(try source.partners().first { $0.name == "Riverside Housing Authority" })
        let sqlitePartner = try newFile(), teamPartner = try newFile()
        _ = try source.exportBundle(to: sqlitePartner, partnerID: partner.id, redact: true)
        try team.exportBundle(to: teamPartner, partnerID: partner.id, redact: true)
        #expect(try records(teamPartner) == records(sqlitePartner))
        #expect(try team.privateNotesToExport(partnerID: partner.id) == 1)
        #expect(try team.privateNotesToExport(partnerID: nil) == 1)
        #expect(throws: StoreError.self) { try team.exportBundle(to: teamPartner, partnerID: nil, redact: false) }
    }

    @Test func aPartyArrivingUnderAnAliasBecomesTheSamePartyAndKeepsTheSmallestID() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let team = try TeamRest.database()
        defer { team.closeCleanly() }
        let local = try team.addParty(Party(name: "State Medicaid", kind: .outside))
        try team.addAlias("Medicaid", to: local.id)

        let source = try AppDatabase.inMemory()
        let partner = try source.addPartner(Partner(name: "County Clinic", sector: "health"))
        let incoming = try source.addParty(Party(name: "MEDICAID", kind: .outside))
        try source.addValue(ValueItem(partnerID: partner.id, value: "Covered visits", benefits: [], lenses: [.economic], horizon: .short,
                                      beneficiaryIDs: [incoming.id], payerIDs: [incoming.id]))
        let bundle = try newFile()
        _ = try source.exportBundle(to: bundle, redact: false)
        _ = try team.importBundle(from: bundle, progress: nil)

        let kept = [local.id, incoming.id].min { $0.uuidString.lowercased() < $1.uuidString.lowercased() }
        let medicaid = try #require(try team.party(named: "medicaid"))
        #expect(medicaid.id == kept)
        #expect(try team.party(named: "state medicaid")?.id == kept)
        #expect(try team.parties().count == 2)
        #expect(try team.values(partnershipID: UUID()).isEmpty)
        let value = try #require(try TeamRest.values(team).first)
        #expect(value.beneficiaryIDs == [kept] && value.payerIDs == [kept])
        let before = try team.parties(), aliasesBefore = try team.partyNames()
        let second = try team.importBundle(from: bundle, progress: nil)
        #expect(second.inserted == 0 && second.updated == 0)
        #expect(try team.parties() == before && team.partyNames() == aliasesBefore)
    }

    @Test func aBundleWithAMissingReferenceIsRefusedWithSQLitesMessage() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try AppDatabase.inMemory()
        let partner = try source.addPartner(Partner(name: "Metro", sector: "police"))
        try source.addNote(Note(partnerID: partner.id, text: "hello"))
        let bundle = try newFile()
        _ = try source.exportBundle(to: bundle, redact: false)
        // Leave the partner and its party out: the note then refers to a partner in neither place.
        let lines = try String(contentsOf: bundle, encoding: .utf8).split(separator: "\n")
        let kept = lines.filter { !$0.contains("\"kind\":\"partner\"") && !$0.contains("\"kind\":\"party\"") && !$0.contains("\"end\"") }
        let broken = try newFile()
        try (kept.joined(separator: "\n") + "\n{\"end\":true,\"records\":\(kept.count - 1)}\n").write(to: broken, atomically: true, encoding: .utf8)
        let team = try TeamRest.database()
        defer { team.closeCleanly() }
        let sqliteError = #expect(throws: StoreError.self) { try AppDatabase.inMemory().importBundle(from: broken) }
        let teamError = #expect(throws: StoreError.self) { try team.importBundle(from: broken, progress: nil) }
        #expect(sqliteError != nil && sqliteError == teamError)
    }

    @Test func aLargeBundleImportsWholeAndASecondTimeChangesNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try AppDatabase.inMemory()
        let partner = try source.addPartner(Partner(name: "Metro", sector: "police"))
        let session = try source.createSession(Session(partnerID: partner.id, playbookID: "dash", playbookVersion: "1.0.0",
                                                       playbookDigest: "abc", snapshot: Self.snapshot))
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        for index in 0..<10_000 {
            try source.insertAnswer(Answer(sessionID: session.id, questionID: "dash.q1", revision: index, value: "answer \(index)",
                                           createdAt: start.addingTimeInterval(Double(index))))
            try source.addNote(Note(partnerID: partner.id, sessionID: session.id, text: "note \(index) about the waitlist",
                                    createdAt: start.addingTimeInterval(Double(index))))
        }
        let bundle = try newFile()
        let count = try source.exportBundle(to: bundle, redact: false)
        let team = try TeamRest.database()
        defer { team.closeCleanly() }
        // In batches (about 1.5 s in a debug build on two busy cores); its speed is measured in `make bench`, not here.
        let summary = try team.importBundle(from: bundle, progress: nil)
        #expect(summary.inserted == count)
        let again = try team.importBundle(from: bundle, progress: nil)
        #expect(again == ImportSummary(inserted: 0, updated: 0, unchanged: count))
    }
}
