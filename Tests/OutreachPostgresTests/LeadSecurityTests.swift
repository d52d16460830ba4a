import Foundation
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachPostgres

/// Leads and row-level security: a private note is private to its author, through outreach and
/// through psql alike, even for the owner.
@Suite struct LeadSecurityTests {
    @Test func privateNotesStayWithTheirAuthor() throws {
        let server = try TestPostgres.server()
        let database = try server.freshDatabase()
        let owner = try database.openAsOwner()
        defer { owner.closeCleanly() }
        let suffix = String(UUID().uuidString.lowercased().prefix(8))
        let roleA = "lead_a_\(suffix)", roleB = "lead_b_\(suffix)"
        let added = try owner.addLead(role: roleA)
        #expect(added.contains("\\password \(roleA)"))
        try owner.addLead(role: roleB)
        #expect(try owner.addLead(role: roleA).contains("existed already"))
        #expect(throws: StoreError.invalidRoleName(path: owner.path, name: "Bad-Name")) { try owner.addLead(role: "Bad-Name") }
        #expect(throws: StoreError.self) { try owner.addLead(role: "x\"; DROP TABLE note; --") }
        try database.setPassword("pw-a", for: roleA)
        try database.setPassword("pw-b", for: roleB)

        let leadA = try database.open(as: roleA, password: "pw-a")
        defer { leadA.closeCleanly() }
        let partner = try leadA.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let secret = try leadA.addNote(Note(partnerID: partner.id, text: "Confidential budget shortfall", isPrivate: true))
        let shared = try leadA.addNote(Note(partnerID: partner.id, text: "Budget meeting in March"))
        #expect(try leadA.notes(partnerID: nil, sessionID: nil).map(\.id) == [secret.id, shared.id])
        #expect(try leadA.search("confid", filter: SearchFilter()).map(\.id) == [secret.id])

        let leadB = try database.open(as: roleB, password: "pw-b")
        defer { leadB.closeCleanly() }
        #expect(try leadB.notes(partnerID: nil, sessionID: nil).map(\.id) == [shared.id])
        #expect(try leadB.search("confid", filter: SearchFilter()).isEmpty)
        #expect(try leadB.search("budget", filter: SearchFilter()).map(\.id) == [shared.id])
        #expect(throws: StoreError.onlyOwnerAddsLeads(path: leadB.path)) { try leadB.addLead(role: "intruder_\(suffix)") }
        #expect(try server.psql("SELECT text FROM note ORDER BY text", role: roleB, password: "pw-b", database: database.name)
            == "Budget meeting in March\n")
        // The owner obeys the rule too (FORCE ROW LEVEL SECURITY).
        #expect(try owner.notes(partnerID: nil, sessionID: nil).map(\.id) == [shared.id])
        #expect(try database.psqlAsOwner("SELECT count(*) FROM note") == "1\n")

        // A lead writes only as itself and cannot change the schema.
        #expect(throws: (any Error).self) {
            try server.psql("INSERT INTO note (id, text, createdAt, updatedAt, author) VALUES (gen_random_uuid(), 'x', now(), now(), '\(roleA)')",
                            role: roleB, password: "pw-b", database: database.name)
        }
        #expect(throws: (any Error).self) {
            try server.psql("DROP TABLE note", role: roleB, password: "pw-b", database: database.name)
        }
        #expect(throws: (any Error).self) {
            try server.psql("DELETE FROM answer", role: roleB, password: "pw-b", database: database.name)
        }
        #expect(try server.psql("SELECT author FROM note WHERE id = '\(shared.id.uuidString.lowercased())'",
                                role: roleB, password: "pw-b", database: database.name) == "\(roleA)\n")
        let session = try leadB.createSession(Session(partnerID: partner.id, playbookID: "dash", playbookVersion: "1",
                                                      playbookDigest: "d", snapshot: Data("{}".utf8)))
        try leadB.recordAnswer(sessionID: session.id, questionID: "q1", value: "Yes", nextPosition: 1)
        #expect(try leadA.answers(sessionID: session.id).map(\.value) == ["Yes"])

        // Search finds public notes through noteSearch, which holds only public notes' words, is
        // kept by a trigger as a note turns public or private, and which a lead may only read.
        func psqlB(_ sql: String) throws -> String { try server.psql(sql, role: roleB, password: "pw-b", database: database.name) }
        let secretID = secret.id.uuidString.lowercased()
        #expect(try psqlB("SELECT noteID FROM noteSearch") == "\(shared.id.uuidString.lowercased())\n")
        #expect(throws: (any Error).self) { try psqlB("INSERT INTO noteSearch VALUES ('\(secretID)', now(), 'x')") }
        #expect(throws: (any Error).self) { try psqlB("DELETE FROM noteSearch") }
        #expect(throws: (any Error).self) { try psqlB("SELECT noteSearch_sync()") }
        try server.psql("UPDATE note SET isPrivate = false WHERE id = '\(secretID)'", role: roleA, password: "pw-a", database: database.name)
        #expect(try leadB.search("confid", filter: SearchFilter()).map(\.id) == [secret.id])
        #expect(try psqlB("SELECT count(*) FROM noteSearch") == "2\n")
        try server.psql("UPDATE note SET isPrivate = true, text = 'Confidential: shortfall halved' WHERE id = '\(secretID)'",
                        role: roleA, password: "pw-a", database: database.name)
        #expect(try leadB.search("confid", filter: SearchFilter()).isEmpty)
        #expect(try leadB.search("halved", filter: SearchFilter()).isEmpty)
        #expect(try leadA.search("halved", filter: SearchFilter()).map(\.id) == [secret.id])
        #expect(try psqlB("SELECT noteID FROM noteSearch") == "\(shared.id.uuidString.lowercased())\n")
    }

    @Test func aLeadCannotSetUpANewDatabase() throws {
        let server = try TestPostgres.server()
        let first = try server.freshDatabase()
        let owner = try first.openAsOwner()
        defer { owner.closeCleanly() }
        let role = "lead_c_\(UUID().uuidString.lowercased().prefix(8))"
        try owner.addLead(role: role)
        try first.setPassword("pw-c", for: role)
        // A second, empty database the lead may connect to but not create tables in.
        let second = try server.freshDatabase()
        try second.psqlAsOwner("GRANT CONNECT ON DATABASE \(second.name) TO \(role)")
        do {
            _ = try second.open(as: role, password: "pw-c")
            Issue.record("a lead migrated a new database")
        } catch let error as StoreError {
            guard case .needsOwner = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.localizedDescription.contains("owner"))
        }
    }
}
