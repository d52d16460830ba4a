import Foundation
import GRDB
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachStore

/// What a database holds about parties and partnerships, in an order that does not depend on how
/// the rows arrived, for comparing databases.
struct PartyPicture: Equatable {
    struct AliasRow: Equatable { var id: UUID; var partyID: UUID; var alias: String }
    struct MemberRow: Equatable { var partnershipID: UUID; var partyID: UUID; var createdAt: Date }
    struct ValueRow: Equatable { var id: UUID; var partnershipID: UUID?; var beneficiaryIDs: [UUID]; var payerIDs: [UUID] }
    var partners: [Partner]
    var parties: [Party]
    var aliases: [AliasRow]
    var partnerships: [Partnership]
    var members: [MemberRow]
    var values: [ValueRow]
    var sessionPartnerships: [UUID?]

    init(_ database: AppDatabase) throws {
        (partners, parties, aliases, partnerships, members, values, sessionPartnerships) = try database.read { db in
            (try Partner.order(Column("id")).fetchAll(db),
             try Party.order(Column("id")).fetchAll(db),
             try PartyAlias.order(Column("id")).fetchAll(db).map { AliasRow(id: $0.id, partyID: $0.partyID, alias: $0.alias) },
             try Partnership.order(Column("id")).fetchAll(db),
             try PartnershipMember.order(Column("partnershipID"), Column("partyID")).fetchAll(db)
                .map { MemberRow(partnershipID: $0.partnershipID, partyID: $0.partyID, createdAt: $0.createdAt) },
             try ValueItem.order(Column("id")).fetchAll(db)
                .map { ValueRow(id: $0.id, partnershipID: $0.partnershipID, beneficiaryIDs: $0.beneficiaryIDs, payerIDs: $0.payerIDs) },
             try Session.order(Column("id")).fetchAll(db).map(\.partnershipID))
        }
    }
}

/// Bundles carry who gains and who pays, partnerships and their members, aliases and your own
/// organisation, and merge them the same way whatever order they arrive in.
@Suite struct PartyBundleTests {
    private let temporary = TemporaryFolder("parties")
    var folder: URL { temporary.url }

    func export(_ database: AppDatabase, _ name: String, partnerID: UUID? = nil) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        _ = try database.exportBundle(to: url, partnerID: partnerID, redact: false)
        return url
    }

    /// Your organisation, a housing authority and a hospital; "state Medicaid" (also "Medicaid")
    /// gains from a partnership of the three, which the housing authority pays for.
    func populated() throws -> (database: AppDatabase, housing: Partner, medicaid: Party, partnership: Partnership) {
        let database = try AppDatabase.inMemory()
        try database.addPartner(Partner(name: "Community Health Collaborative", sector: "", isOwn: true))
        let housing = try database.addPartner(Partner(name: "Riverside Housing Authority", sector: "housing"))
        let hospital = try database.addPartner(Partner(name: "St. Brigid Hospital", sector: "health"))
        let medicaid = try database.addParty(Party(name: "state Medicaid", kind: .outside))
        try database.addAlias("Medicaid", to: medicaid.id)
        let housingParty = try #require(try database.party(forPartner: housing.id))
        let hospitalParty = try #require(try database.party(forPartner: hospital.id))
        let partnership = try database.addPartnership(Partnership(name: "Tenant health data", ask: "Share discharge data monthly."),
                                                      memberIDs: [housingParty.id, hospitalParty.id])
        var session = Fixture.session(partnerID: hospital.id)
        session.partnershipID = partnership.id
        _ = try database.createSession(session)
        try database.addNote(Note(partnerID: hospital.id, text: "Discharge planners are keen", partnershipID: partnership.id))
        try database.addValue(ValueItem(partnerID: housing.id, partnershipID: partnership.id, value: "fewer emergency visits",
                                        benefits: ["state Medicaid"], lenses: [.financial, .altruistic], horizon: .long, way: .fiscal,
                                        perspective: .community, beneficiaryIDs: [medicaid.id], payerIDs: [housingParty.id]))
        return (database, housing, medicaid, partnership)
    }

    @Test func aRoundTripKeepsWhoGainsAndPaysPartnershipsMembersAliasesAndOwnStanding() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (source, _, medicaid, partnership) = try populated()
        let target = try AppDatabase.inMemory()
        let summary = try target.importBundle(from: try export(source, "all.jsonl"))
        #expect(summary.updated == 0 && summary.unchanged == 0)
        #expect(try PartyPicture(target) == (try PartyPicture(source)))
        #expect(try target.ownParty()?.name == "Community Health Collaborative")
        #expect(try target.partners().filter(\.isOwn).map(\.name) == ["Community Health Collaborative"])
        #expect(try target.aliases(of: medicaid.id) == ["Medicaid"])
        #expect(try target.members(of: partnership.id).map(\.name)
            == ["Community Health Collaborative", "Riverside Housing Authority", "St. Brigid Hospital"])
        #expect(try target.values().first?.isWrongPocket == true)
        // Once more: nothing changes.
        let again = try target.importBundle(from: try export(source, "again.jsonl"))
        #expect(again.inserted == 0 && again.updated == 0)
        #expect(try PartyPicture(target) == (try PartyPicture(source)))
    }

    @Test func aPartnersBundleHoldsThePartiesAndPartnershipsItsRecordsNeed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (source, housing, medicaid, partnership) = try populated()
        let target = try AppDatabase.inMemory()
        _ = try target.importBundle(from: try export(source, "housing.jsonl", partnerID: housing.id))
        // The partnership's records and members come too, with the partners they stand for.
        #expect(try target.partners().map(\.name) == ["Community Health Collaborative", "Riverside Housing Authority", "St. Brigid Hospital"])
        #expect(try target.partners().first(where: \.isOwn)?.name == "Community Health Collaborative")
        #expect(try target.members(of: partnership.id).count == 3)
        #expect(try target.party(named: "Medicaid")?.id == medicaid.id)
        #expect(try target.sessions(partnershipID: partnership.id).count == 1)
        #expect(try target.notes(partnershipID: partnership.id).map(\.text) == ["Discharge planners are keen"])
        #expect(try target.values().map(\.beneficiaryIDs) == [[medicaid.id]])

        // --redact leaves the partnership's private notes out too.
        try source.addNote(Note(partnerID: nil, text: "the hospital's CFO is leaving", isPrivate: true, partnershipID: partnership.id))
        #expect(try source.privateNotesToExport(partnerID: housing.id) == 1)
        #expect(try source.privateNotesToExport() == 1)
        let redacted = folder.appendingPathComponent("housing-redacted.jsonl")
        _ = try source.exportBundle(to: redacted, partnerID: housing.id, redact: true)
        let text = try String(contentsOf: redacted, encoding: .utf8)
        #expect(text.contains("Discharge planners are keen") && !text.contains("CFO"))
    }

    /// Three people each add "state Medicaid" (one as "State Medicaid", one with the alias
    /// "Medicaid" while another has "Medicaid" as a party of its own) and the same partnership.
    @Test func threeDatabasesEndIdenticalWhateverOrderBundlesArriveIn() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try AppDatabase.inMemory()
        try base.addPartner(Partner(name: "Community Health Collaborative", sector: "", isOwn: true))
        let housing = try base.addPartner(Partner(name: "Riverside Housing Authority", sector: "housing"))
        let shared = try export(base, "base.jsonl")
        let housingParty = try #require(try base.party(forPartner: housing.id))
        var people: [AppDatabase] = []
        var medicaidIDs: [UUID] = [], partnershipIDs: [UUID] = []
        for (spelling, partnershipName) in [("state Medicaid", "Tenant health data"), ("state Medicaid", "Tenant Health Data"),
                                            ("State Medicaid", "tenant health data")] {
            let person = try AppDatabase.inMemory()
            _ = try person.importBundle(from: shared)
            let medicaid = try person.addParty(Party(name: spelling, kind: .outside))
            let partnership = try person.addPartnership(Partnership(name: partnershipName), memberIDs: [housingParty.id, medicaid.id])
            try person.addValue(ValueItem(partnerID: housing.id, partnershipID: partnership.id, value: "fewer visits (\(people.count))",
                                          benefits: [spelling], lenses: [.financial], horizon: .long,
                                          beneficiaryIDs: [medicaid.id], payerIDs: [housingParty.id]))
            medicaidIDs.append(medicaid.id)
            partnershipIDs.append(partnership.id)
            people.append(person)
        }
        try people[1].addAlias("Medicaid", to: medicaidIDs[1])
        let separate = try people[0].addParty(Party(name: "Medicaid", kind: .outside))
        try people[0].addValue(ValueItem(partnerID: nil, value: "fewer uninsured visits", benefits: ["Medicaid"], lenses: [.economic],
                                         horizon: .short, beneficiaryIDs: [separate.id]))
        medicaidIDs.append(separate.id)
        let bundles = try people.enumerated().map { try export($0.element, "person-\($0.offset).jsonl") }

        var pictures: [PartyPicture] = []
        for order in MergeTests().permutations(bundles) {
            let fresh = try AppDatabase.inMemory()
            for bundle in order { _ = try fresh.importBundle(from: bundle) }
            pictures.append(try PartyPicture(fresh))
        }
        for (index, person) in people.enumerated() {
            for (other, bundle) in bundles.enumerated() where other != index { _ = try person.importBundle(from: bundle) }
            pictures.append(try PartyPicture(person))
        }
        let expected = try #require(pictures.first)
        for picture in pictures { #expect(picture == expected) }

        let keptParty = try #require(medicaidIDs.min { $0.uuidString.lowercased() < $1.uuidString.lowercased() })
        let keptPartnership = try #require(partnershipIDs.min { $0.uuidString.lowercased() < $1.uuidString.lowercased() })
        #expect(expected.parties.count == 3)
        #expect(expected.parties.contains { $0.id == keptParty })
        #expect(expected.partnerships.map(\.id) == [keptPartnership])
        #expect(expected.values.count == 4)
        #expect(expected.values.allSatisfy { $0.beneficiaryIDs == [keptParty] })
        #expect(expected.values.filter { $0.partnershipID != nil }.allSatisfy { $0.partnershipID == keptPartnership })
        #expect(Set(expected.members.map(\.partyID)).count == 3)
        #expect(expected.members.allSatisfy { $0.partnershipID == keptPartnership })
        // Every other spelling is kept as an alias; the one that differs from the name only in case is not shown as another name.
        let keptName = try #require(expected.parties.first { $0.id == keptParty }?.name.lowercased())
        #expect(Set(expected.aliases.filter { $0.partyID == keptParty }.map { $0.alias.lowercased() }) == ["medicaid", "state medicaid"])
        #expect(try people[0].aliases(of: keptParty).map { $0.lowercased() } == [keptName == "medicaid" ? "state medicaid" : "medicaid"])
        #expect(try people[0].party(named: "MEDICAID")?.id == keptParty && (try people[0].party(named: "State medicaid")?.id) == keptParty)
    }

    @Test func aReferenceToAMissingPartyOrPartnershipIsRefusedWithItsLine() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (source, _, _, _) = try populated()
        let lines = try String(contentsOf: try export(source, "all.jsonl"), encoding: .utf8).split(separator: "\n").map(String.init)
        let stranger = UUID().uuidString.lowercased()
        func refusal(kind: String, _ change: (inout [String: Any]) -> Void) throws -> (message: String, line: Int) {
            let index = try #require(lines.firstIndex { $0.hasPrefix(#"{"kind":"\#(kind)""#) })
            var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as? [String: Any])
            var record = try #require(object["record"] as? [String: Any])
            change(&record)
            object["record"] = record
            var edited = lines
            edited[index] = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            let url = folder.appendingPathComponent("\(UUID().uuidString).jsonl")
            try Data((edited.joined(separator: "\n") + "\n").utf8).write(to: url)
            let target = try AppDatabase.inMemory()
            do {
                _ = try target.importBundle(from: url)
                return ("imported", index + 1)
            } catch {
                #expect(try target.parties().isEmpty)
                return (error.localizedDescription.replacingOccurrences(of: url.path, with: "BUNDLE"), index + 1)
            }
        }
        let payer = try refusal(kind: "value") { $0["payerIDs"] = [stranger] }
        #expect(payer.message == "'BUNDLE' line \(payer.line) is not a valid outreach bundle (the value refers to party '\(stranger)', "
            + "which is neither in the bundle nor in this database); nothing was imported.")
        let note = try refusal(kind: "note") { $0["partnershipID"] = stranger }
        #expect(note.message == "'BUNDLE' line \(note.line) is not a valid outreach bundle (the note refers to partnership '\(stranger)', "
            + "which is neither in the bundle nor in this database); nothing was imported.")
        let member = try refusal(kind: "member") { $0["partyID"] = stranger }
        #expect(member.message.contains("line \(member.line) is not a valid outreach bundle (the member refers to party '\(stranger)'"))
        let alias = try refusal(kind: "alias") { $0["partyID"] = stranger }
        #expect(alias.message.contains("line \(alias.line) is not a valid outreach bundle (the alias refers to party '\(stranger)'"))
    }

    @Test func aVersion1BundleImportsAndItsFreeTextBeneficiariesBecomeParties() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/bundles/version-1.jsonl")
        let target = try AppDatabase.inMemory()
        let medicaid = try target.addParty(Party(name: "state medicaid", kind: .outside))
        #expect(try target.importBundle(from: fixture) == ImportSummary(inserted: 4, updated: 0, unchanged: 0))
        let partner = try target.partner(named: "Riverside Housing Authority")
        #expect(!partner.isOwn)
        let partnerParty = try #require(try target.party(forPartner: partner.id))
        #expect(partnerParty.id == partner.id && partnerParty.kind == .partner)
        let tenants = try #require(try target.party(named: "tenants"))
        #expect(tenants.kind == .outside)
        #expect(try target.values().map(\.beneficiaryIDs) == [[tenants.id, medicaid.id], [tenants.id, partner.id]])
        #expect(try target.parties().count == 3)
    }
}
