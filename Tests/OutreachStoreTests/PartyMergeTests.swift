import Foundation
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachStore

/// How a bundle's parties meet the parties of the database it is imported into.
@Suite struct PartyMergeTests {
    private let temporary = TemporaryFolder("party-merge")
    var folder: URL { temporary.url }

    func export(_ database: AppDatabase) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("\(UUID().uuidString).jsonl")
        _ = try database.exportBundle(to: url, redact: false)
        return url
    }

    @Test func aPartnersPartyEndsUpLinkedToThePartnerMatchedByName() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try AppDatabase.inMemory()
        let partner = try source.addPartner(Partner(name: "Riverside Housing Authority", sector: "housing"))
        let partnerParty = try #require(try source.party(forPartner: partner.id))
        try source.addAlias("RHA", to: partnerParty.id)
        try source.addValue(ValueItem(partnerID: partner.id, value: "shorter waitlists", benefits: ["tenants"], lenses: [.operational],
                                      horizon: .short, payerIDs: [partnerParty.id]))

        let target = try AppDatabase.inMemory()
        let local = try target.addPartner(Partner(name: "riverside housing authority", sector: "housing"))
        _ = try target.importBundle(from: try export(source))
        #expect(try target.partners().map(\.id) == [local.id])
        let linked = try #require(try target.party(forPartner: local.id))
        #expect(try target.parties().map(\.id) == [linked.id])
        #expect(linked.id == [local.id, partner.id].min { $0.uuidString.lowercased() < $1.uuidString.lowercased() })
        #expect(linked.kind == .partner)
        #expect(try target.party(named: "rha")?.id == linked.id)
        #expect(try target.values().map(\.payerIDs) == [[linked.id]])
    }

    @Test func aPartyThatIsTwoPartnersPartiesHereIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try AppDatabase.inMemory()
        try source.addPartner(Partner(name: "RHA", sector: "housing"))
        let target = try AppDatabase.inMemory()
        let local = try target.addPartner(Partner(name: "Riverside Housing Authority", sector: "housing"))
        try target.addAlias("rha", to: local.id)
        let bundle = try export(source)
        #expect(throws: StoreError.badBundle(path: bundle.path, line: 3, reason: "the party 'RHA' is, by its name or an alias, the party of two "
            + "different partners in this database; rename one of those partners with 'partner edit', here or where the bundle came from, and import again")) {
            try target.importBundle(from: bundle)
        }
        #expect(try target.partners().map(\.name) == ["Riverside Housing Authority"])
    }
}
