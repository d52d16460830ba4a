import Foundation
import OutreachCatalog
import OutreachCore
@testable import OutreachReports
import OutreachShell
import OutreachStore
import OutreachTestSupport
import Testing

@Suite struct CoverageTests {
    /// 2026-03-01 00:00 UTC.
    static let today = Date(timeIntervalSince1970: 1_772_323_200)

    static func day(_ offset: Int) -> Date { today.addingTimeInterval(Double(offset) * 86_400) }

    /// Housing reached to 'listen' and stalled; hospitals added but not started; your own organisation
    /// (self-assessment only) in public health; police, food banks and public health otherwise unreached.
    static func network() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        let housing = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        try database.addPartner(Partner(name: "County Hospital", sector: "hospitals"))
        let own = try database.addPartner(Partner(name: "Northside Collaborative", sector: "public-health"))
        let library = try database.addPartner(Partner(name: "City Library", sector: "libraries"))
        let snapshot = PlaybookResolver.snapshot(of: ReportFixture.playbook)

        let stalled = try database.createSession(Session(
            partnerID: housing.id, playbookID: "dash", playbookVersion: "1.0.0", playbookDigest: ReportFixture.digest,
            snapshot: snapshot, status: .paused, position: 4, createdAt: day(-60), updatedAt: day(-45)))
        try database.insertAnswer(Answer(sessionID: stalled.id, questionID: "dash.homework.shared-population", revision: 1, value: "Families", createdAt: day(-50)))
        try database.insertAnswer(Answer(sessionID: stalled.id, questionID: "dash.listen.failure", revision: 1, value: "Lost trust", createdAt: day(-31)))
        // A skip in the value step does not count as reaching it.
        try database.insertAnswer(Answer(sessionID: stalled.id, questionID: "dash.value.beneficiaries", revision: 1, value: nil, createdAt: day(-31)))

        // Quiet for 40 days by its own timestamp, but a note 3 days ago keeps it alive.
        let noted = try database.createSession(Session(
            partnerID: library.id, playbookID: "dash", playbookVersion: "1.0.0", playbookDigest: ReportFixture.digest,
            snapshot: snapshot, status: .active, position: 0, createdAt: day(-40), updatedAt: day(-40)))
        try database.addNote(Note(partnerID: library.id, sessionID: noted.id, text: "Called back", createdAt: day(-3)))

        // Finished sessions never stall.
        _ = try database.createSession(Session(
            partnerID: own.id, playbookID: "self-assessment", playbookVersion: "1.0.0", playbookDigest: ReportFixture.digest,
            snapshot: snapshot, status: .finished, position: 7, createdAt: day(-90), updatedAt: day(-90)))
        return database
    }

    @Test func sectorsStepsAndWhoIsMissing() throws {
        let report = try CoverageReport.build(database: try Self.network(), sectors: builtinCatalog.sectors, today: Self.today)
        let housing = try #require(report.sectors.first { $0.id == "housing" })
        #expect(housing.partners(at: .listen) == ["Riverside HA"])
        #expect(housing.partners(at: .value).isEmpty)
        let hospitals = try #require(report.sectors.first { $0.id == "hospitals" })
        #expect(hospitals.partners(at: nil) == ["County Hospital"])
        #expect(report.unreached.map(\.id) == ["food-banks", "police", "public-health"])
        #expect(report.ownOrganisations == ["Northside Collaborative"])
        let libraries = try #require(report.sectors.first { $0.id == "libraries" })
        #expect(!libraries.installed)
    }

    @Test func aQuietUnfinishedSessionIsStalled() throws {
        let report = try CoverageReport.build(database: try Self.network(), sectors: builtinCatalog.sectors, today: Self.today)
        #expect(report.stalled.map(\.partner) == ["Riverside HA"])
        let stalled = try #require(report.stalled.first)
        #expect(stalled.idleDays == 31)
        #expect(stalled.step == "listen")
        let earlier = try CoverageReport.build(database: try Self.network(), sectors: builtinCatalog.sectors, today: Self.day(-2))
        #expect(earlier.stalled.isEmpty, "29 days idle is not yet stalled")
    }

    @Test func theTableShowsItAllAndFitsTheWidth() throws {
        let report = try CoverageReport.build(database: try Self.network(), sectors: builtinCatalog.sectors, today: Self.today)
        let text = report.render(style: Style(colour: false, width: 60))
        #expect(text.contains("Sectors with a partner: 2 of 5."))
        #expect(text.contains("Who else should we talk to? No partner yet in:\n  - food-banks"))
        #expect(text.contains("  - police ("))
        #expect(text.contains("Stalled (no activity for 30 days or more):"))
        #expect(text.contains("Riverside HA"))
        #expect(text.contains("31 days"))
        #expect(text.contains("\nlibraries      City\n(not           Library\ninstalled)\n"))
        #expect(text.contains("\npublic-health\n"), "a sector id is not cut when the table can fit it")
        #expect(!text.contains("\u{1B}["), "no colour codes when not asked for")
        for line in text.split(separator: "\n") where !line.hasPrefix("  - ") && !line.hasPrefix("Who else") && !line.hasPrefix("Add one") && !line.hasPrefix("Type ") && !line.hasPrefix("Not counted") && !line.hasPrefix("Stalled") {
            #expect(line.count <= 60, "too wide: \(line)")
        }
    }

    @Test func theCommandListsUnreachedSectors() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["partner add \"Riverside HA\" --sector housing", "coverage"]) == 0)
        #expect(harness.text.contains("Sectors with a partner: 1 of 5."))
        #expect(harness.text.contains("  - public-health"))
        #expect(harness.text.contains("No stalled sessions"))
    }
}
