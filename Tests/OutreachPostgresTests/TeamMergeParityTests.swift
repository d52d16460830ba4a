import Foundation
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachPostgres
@testable import OutreachStore

/// What both stores answer, for comparing a merge on SQLite with the same merge on PostgreSQL.
protocol MergeView {
    func partners() throws -> [Partner]
    func parties() throws -> [Party]
    func aliases(of partyID: UUID) throws -> [String]
    func partnerships() throws -> [Partnership]
    func members(of partnershipID: UUID) throws -> [Party]
    func values(partnerID: UUID?) throws -> [ValueItem]
    func notes(partnerID: UUID?, sessionID: UUID?) throws -> [Note]
    func sessions(partnerID: UUID) throws -> [Session]
    func importBundle(from url: URL, progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> ImportSummary
}

extension AppDatabase: MergeView {}
extension TeamDatabase: MergeView {}

extension MergeView {
    /// Everything a merge decides, in words (ids the merge makes up, such as a new alias's, left out).
    func state() throws -> [String] {
        let parties = try self.parties()
        let partyName = Dictionary(uniqueKeysWithValues: parties.map { ($0.id, $0.name) })
        let partnerName = Dictionary(uniqueKeysWithValues: try partners().map { ($0.id, $0.name) })
        let partnershipName = Dictionary(uniqueKeysWithValues: try partnerships().map { ($0.id, $0.name) })
        func names(_ ids: [UUID]) -> String { ids.map { partyName[$0] ?? "?\($0)" }.joined(separator: "+") }
        var lines: [String] = []
        for partner in try partners() { lines.append("partner \(partner.id) \(partner.name) own=\(partner.isOwn) \(partner.sector)") }
        for party in parties {
            lines.append("party \(party.id) \(party.name) \(party.kind.rawValue) of=\(party.partnerID.flatMap { partnerName[$0] } ?? "-") "
                + "aka \(try aliases(of: party.id).joined(separator: ","))")
        }
        for partnership in try partnerships() {
            lines.append("partnership \(partnership.id) \(partnership.name) ask=\(partnership.ask ?? "-") "
                + "members \(try members(of: partnership.id).map(\.name).joined(separator: ","))")
        }
        for value in try values(partnerID: nil) {
            lines.append("value \(value.id) \(value.value) for \(names(value.beneficiaryIDs)) paid by \(names(value.payerIDs)) "
                + "in \(value.partnershipID.flatMap { partnershipName[$0] } ?? "-")")
        }
        for note in try notes(partnerID: nil, sessionID: nil) {
            lines.append("note \(note.id) \(note.text) in \(note.partnershipID.flatMap { partnershipName[$0] } ?? "-")")
        }
        for partner in try partners() {
            for session in try sessions(partnerID: partner.id) {
                lines.append("session \(session.id) of \(partner.name) in \(session.partnershipID.flatMap { partnershipName[$0] } ?? "-") "
                    + "at \(session.position) \(session.status.rawValue)")
            }
        }
        return lines.sorted()
    }
}

/// The same bundles merged into SQLite and into the team database give the same result.
@Suite struct TeamMergeParityTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-merge-parity-\(UUID().uuidString)")

    func export(_ database: AppDatabase) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("\(UUID().uuidString).jsonl")
        _ = try database.exportBundle(to: url, redact: false)
        return url
    }

    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    /// Two people's databases that name the same organisations differently.
    func bundles() throws -> (URL, URL) {
        let a = try AppDatabase.inMemory()
        try a.addPartner(Partner(name: "Our Library", sector: "", isOwn: true, createdAt: Self.start))
        let rha = try a.addPartner(Partner(name: "Riverside Housing Authority", sector: "housing", createdAt: Self.start))
        let rhaParty = try #require(try a.party(forPartner: rha.id))
        try a.addAlias("RHA", to: rhaParty.id)
        let medicaid = try a.addParty(Party(name: "State Medicaid", kind: .outside, createdAt: Self.start))
        try a.addAlias("Medicaid", to: medicaid.id)
        try a.addAlias("Medicaid Office", to: medicaid.id)
        let homework = try a.addPartnership(Partnership(name: "Homework help", ask: "a room", createdAt: Self.start),
                                            memberIDs: [rhaParty.id, medicaid.id])
        try a.addValue(ValueItem(partnerID: rha.id, partnershipID: homework.id, value: "Fewer evictions", benefits: [], lenses: [.economic],
                                 horizon: .long, beneficiaryIDs: [medicaid.id], payerIDs: [rhaParty.id], createdAt: Self.start))
        try a.addNote(Note(partnerID: rha.id, text: "Board meets monthly", partnershipID: homework.id, createdAt: Self.start))

        let b = try AppDatabase.inMemory()
        try b.addPartner(Partner(name: "our library", sector: "", isOwn: true, createdAt: Self.start.addingTimeInterval(5)))
        let riverside = try b.addPartner(Partner(name: "Riverside housing authority", sector: "housing", stakeholder: "Dana",
                                                 createdAt: Self.start.addingTimeInterval(9)))
        let riversideParty = try #require(try b.party(forPartner: riverside.id))
        let medicaidB = try b.addParty(Party(name: "medicaid", kind: .outside, createdAt: Self.start.addingTimeInterval(3)))
        let tenants = try b.addParty(Party(name: "Tenants union", kind: .outside, createdAt: Self.start.addingTimeInterval(4)))
        try b.addAlias("medicaid office", to: tenants.id)
        let homeworkB = try b.addPartnership(Partnership(name: "homework HELP", ask: "two rooms", createdAt: Self.start.addingTimeInterval(7)),
                                             memberIDs: [riversideParty.id, tenants.id])
        let session = try b.createSession(Session(partnerID: riverside.id, playbookID: "dash", playbookVersion: "1.0.0", playbookDigest: "abc",
                                                  snapshot: TeamBundleTests.snapshot, partnershipID: homeworkB.id, createdAt: Self.start))
        try b.recordAnswer(sessionID: session.id, questionID: "dash.q1", value: "Families", nextPosition: 1)
        try b.addValue(ValueItem(partnerID: riverside.id, partnershipID: homeworkB.id, value: "Warmer homes", benefits: [], lenses: [.financial],
                                 horizon: .short, beneficiaryIDs: [medicaidB.id, tenants.id], payerIDs: [riversideParty.id], createdAt: Self.start))
        try b.addNote(Note(partnerID: riverside.id, text: "Dana may move on", isPrivate: true, partnershipID: homeworkB.id, createdAt: Self.start))
        return (try export(a), try export(b))
    }

    @Test(arguments: [false, true])
    func bundlesMergeAsOnSQLiteInEitherOrderAndTwiceChangesNothing(reversed: Bool) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second) = try bundles()
        let order = reversed ? [second, first, second, first] : [first, second, first, second]
        let sqlite = try AppDatabase.inMemory()
        let team = try TeamRest.database()
        defer { team.closeCleanly() }
        for (step, bundle) in order.enumerated() {
            let expected = try sqlite.importBundle(from: bundle, progress: nil)
            let got = try team.importBundle(from: bundle, progress: nil)
            #expect(got == expected, "import \(step + 1)")
            #expect(try team.state() == sqlite.state(), "after import \(step + 1)")
        }
    }

    @Test(arguments: ["version-1.jsonl", "team.jsonl"])
    func fixtureBundlesImportAsOnSQLite(name: String) throws {
        let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/bundles/\(name)")
        let sqlite = try AppDatabase.inMemory()
        let team = try TeamRest.database()
        defer { team.closeCleanly() }
        for database in [sqlite as any MergeView, team as any MergeView] {
            if let app = database as? AppDatabase { try app.addParty(Party(name: "state medicaid", kind: .outside, createdAt: Self.start)) }
            if let pg = database as? TeamDatabase { try pg.addParty(Party(name: "state medicaid", kind: .outside, createdAt: Self.start)) }
        }
        #expect(try team.importBundle(from: fixture, progress: nil) == sqlite.importBundle(from: fixture, progress: nil))
        // Parties made from free text get new ids in each database: compare them by name.
        func named(_ lines: [String]) -> [String] {
            lines.map { $0.replacingOccurrences(of: #"party [0-9A-F-]{36} "#, with: "party ", options: .regularExpression) }.sorted()
        }
        #expect(named(try team.state()) == named(try sqlite.state()))
        #expect(try team.importBundle(from: fixture, progress: nil) == sqlite.importBundle(from: fixture, progress: nil))
    }
}
