import Foundation
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachPostgres
@testable import OutreachStore

/// A bundle import that merges two partnerships moves every note of the one merged away, other
/// leads' private notes too, which row-level security hides from the lead importing: through
/// `note_relink_partnership` (`pg3-note-partnership-links`), which moves only the link and tells
/// the caller nothing about the notes.
@Suite struct PrivateNoteLinkTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-note-links-\(UUID().uuidString)")

    /// A's partnership sorts after the bundle's, so the merge keeps the bundle's id and merges A's away.
    static let leadAPartnershipID = UUID(uuidString: "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF")!
    static let bundlePartnershipID = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    /// A fresh team database with its owner and two leads, A and B, each with a password.
    struct Team {
        let server: TestPostgres
        let database: TestDatabase
        let owner: TeamDatabase
        let roleA: String, roleB: String

        init() throws {
            server = try TestPostgres.server()
            database = try server.freshDatabase()
            owner = try database.openAsOwner()
            let suffix = String(UUID().uuidString.lowercased().prefix(8))
            roleA = "lead_a_\(suffix)"
            roleB = "lead_b_\(suffix)"
            for (role, password) in [(roleA, "pw-a"), (roleB, "pw-b")] {
                try owner.addLead(role: role)
                try database.setPassword(password, for: role)
            }
        }

        func open(_ role: String) throws -> TeamDatabase {
            try database.open(as: role, password: role == roleA ? "pw-a" : "pw-b")
        }

        @discardableResult
        func psql(_ sql: String, as role: String) throws -> String {
            try server.psql(sql, role: role, password: role == roleA ? "pw-a" : "pw-b", database: database.name)
        }
    }

    /// A bundle from someone else's file that names A's partnership too, under another id.
    func bundle() throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let other = try AppDatabase.inMemory()
        try other.addPartnership(Partnership(id: Self.bundlePartnershipID, name: "homework HELP", ask: "two rooms",
                                             createdAt: Self.start), memberIDs: [])
        let url = folder.appendingPathComponent("\(UUID().uuidString).jsonl")
        _ = try other.exportBundle(to: url, redact: false)
        return url
    }

    @Test func aMergeMovesAnotherLeadsPrivateNoteToTheKeptPartnershipWithoutShowingIt() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let team = try Team()
        defer { team.owner.closeCleanly() }
        let leadA = try team.open(team.roleA)
        defer { leadA.closeCleanly() }
        let homework = try leadA.addPartnership(Partnership(id: Self.leadAPartnershipID, name: "Homework help", createdAt: Self.start),
                                                memberIDs: [])
        let secret = try leadA.addNote(Note(partnerID: nil, text: "Dana may move on", isPrivate: true, partnershipID: homework.id))
        let shared = try leadA.addNote(Note(partnerID: nil, text: "Board meets monthly", partnershipID: homework.id))

        // SQLite, where nothing is hidden, moves both notes: the team database must agree.
        let url = try bundle()
        let sqlite = try AppDatabase.inMemory()
        try sqlite.addPartnership(homework, memberIDs: [])
        try sqlite.addNote(secret)
        try sqlite.addNote(shared)
        _ = try sqlite.importBundle(from: url, progress: nil)
        #expect(try sqlite.notes(partnerID: nil, sessionID: nil).map(\.partnershipID) == [Self.bundlePartnershipID, Self.bundlePartnershipID])

        let leadB = try team.open(team.roleB)
        defer { leadB.closeCleanly() }
        #expect(try leadB.notes(partnerID: nil, sessionID: nil).map(\.id) == [shared.id])
        _ = try leadB.importBundle(from: url, progress: nil)
        #expect(try leadB.partnerships().map(\.id) == [Self.bundlePartnershipID])

        // A's private note links the partnership kept, as in SQLite.
        #expect(try leadA.notes(partnerID: nil, sessionID: nil).map(\.id) == [secret.id, shared.id])
        #expect(try leadA.notes(partnerID: nil, sessionID: nil).map(\.partnershipID) == [Self.bundlePartnershipID, Self.bundlePartnershipID])
        #expect(try leadA.notes(partnershipID: Self.bundlePartnershipID).map(\.id) == [secret.id, shared.id])
        #expect(try leadA.notes(ids: [secret.id]).map(\.text) == ["Dana may move on"])

        // B still cannot see it: not through outreach, not through psql, not by setting the function's switch.
        #expect(try leadB.notes(partnerID: nil, sessionID: nil).map(\.id) == [shared.id])
        #expect(try leadB.notes(partnershipID: Self.bundlePartnershipID).map(\.id) == [shared.id])
        #expect(try leadB.notes(ids: [secret.id]).isEmpty)
        #expect(try leadB.search("dana", filter: SearchFilter()).isEmpty)
        #expect(try team.psql("SELECT count(*) FROM note WHERE isPrivate", as: team.roleB) == "0\n")
        #expect(try team.psql("SET outreach.relink_notes = 'on'; SELECT count(*) FROM note", as: team.roleB) == "1\n")
        #expect(try team.psql("BEGIN; SELECT set_config('outreach.relink_notes', 'on', true); SELECT string_agg(text, ',') FROM note; COMMIT",
                              as: team.roleB).contains("Dana") == false)
        // Nor does the owner, outside the function.
        #expect(try team.database.psqlAsOwner("SELECT count(*) FROM note") == "1\n")
    }

    @Test func theFunctionTellsALeadNothingAndOnlyLeadsMayCallIt() throws {
        let team = try Team()
        defer { team.owner.closeCleanly() }
        let leadA = try team.open(team.roleA)
        defer { leadA.closeCleanly() }
        let homework = try leadA.addPartnership(Partnership(name: "Homework help", createdAt: Self.start), memberIDs: [])
        let secret = try leadA.addNote(Note(partnerID: nil, text: "Dana may move on", isPrivate: true, partnershipID: homework.id))
        let elsewhere = try leadA.addPartnership(Partnership(name: "Summer reading", createdAt: Self.start), memberIDs: [])
        let from = homework.id.uuidString.lowercased(), to = elsewhere.id.uuidString.lowercased()

        // It returns nothing (no count, no row), and moving to a partnership that does not exist is refused.
        #expect(try team.psql("SELECT note_relink_partnership('\(from)', '\(to)')", as: team.roleB) == "\n")
        #expect(try leadA.notes(ids: [secret.id]).map(\.partnershipID) == [elsewhere.id])
        #expect(try team.psql("SELECT count(*) FROM note", as: team.roleB) == "0\n")
        #expect(throws: (any Error).self) {
            try team.psql("SELECT note_relink_partnership('\(to)', '\(UUID().uuidString.lowercased())')", as: team.roleB)
        }
        #expect(throws: (any Error).self) { try team.psql("SELECT note_relink_partnership('\(to)', NULL)", as: team.roleB) }
        #expect(try leadA.notes(ids: [secret.id]).map(\.partnershipID) == [elsewhere.id])

        // SECURITY DEFINER with a fixed search_path, returning void; EXECUTE for its owner and the lead group only.
        let facts = try team.database.psqlAsOwner("""
            SELECT prorettype::regtype::text, prosecdef, array_to_string(proconfig, ';'), pg_get_userbyid(proowner)
            FROM pg_proc WHERE oid = 'note_relink_partnership(uuid, uuid)'::regprocedure
            """)
        #expect(facts == "void|t|search_path=public|outreach_owner\n")
        let grantees = try team.database.psqlAsOwner("""
            SELECT string_agg(grant_, ',' ORDER BY grant_) FROM (
                SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END || ':' || a.privilege_type AS grant_
                FROM pg_proc, aclexplode(proacl) AS a WHERE pg_proc.oid = 'note_relink_partnership(uuid, uuid)'::regprocedure) AS grants
            """)
        #expect(grantees == "outreach_owner:EXECUTE,\(team.database.name)_lead:EXECUTE\n")
        // The owner's policies that open every note to the function apply to the owner's role alone.
        #expect(try team.database.psqlAsOwner("""
            SELECT string_agg(polname || ':' || array_to_string(ARRAY(SELECT pg_get_userbyid(r) FROM unnest(polroles) AS r), '+'), ','
                              ORDER BY polname)
            FROM pg_policy WHERE polname LIKE 'note_relink%'
            """) == "note_relink_read:outreach_owner,note_relink_update:outreach_owner\n")
    }

    @Test func aDatabaseAtPg2GetsPg3WhenItsOwnerOpensItAndOpeningAgainIssuesNoDDL() throws {
        let server = try TestPostgres.server()
        let database = try server.freshDatabase()
        let old = try TeamDatabase.open(address: database.ownerAddress, environment: database.ownerEnvironment,
                                        migratingUpTo: "pg2-leads-security")
        let role = "lead_\(UUID().uuidString.lowercased().prefix(8))"
        try old.addLead(role: role)
        old.closeCleanly()
        try database.setPassword("pw-lead", for: role)
        let function = "SELECT to_regprocedure('note_relink_partnership(uuid, uuid)') IS NOT NULL"
        let migrations = "SELECT string_agg(name, ',' ORDER BY applied_at, name) FROM outreach_migration"
        #expect(try database.psqlAsOwner(migrations) == "pg1-tables,pg2-leads-security\n")
        #expect(try database.psqlAsOwner(function) == "f\n")

        // A lead may not migrate: told to ask the owner, nothing changed.
        let leadAddress = server.address(role: role, database: database.name)
        do {
            _ = try TeamDatabase.open(address: leadAddress, environment: ["PGPASSWORD": "pw-lead"])
            Issue.record("a lead applied pg3")
        } catch let error as StoreError {
            guard case .needsOwner = error else { Issue.record("unexpected \(error)"); return }
        }
        #expect(try database.psqlAsOwner(migrations) == "pg1-tables,pg2-leads-security\n")

        let owner = try database.openAsOwner()
        #expect(try owner.schemaVersion() == ["pg1-tables", "pg2-leads-security", "pg3-note-partnership-links"])
        #expect(try owner.healthReport().latestKnown == "pg3-note-partnership-links")
        owner.closeCleanly()
        #expect(try database.psqlAsOwner(function) == "t\n")

        // From now on any DDL in this database fails: opening again, as the owner or the lead, issues none.
        func asSuperuser(_ sql: String) throws {
            try server.psql(sql, role: "postgres", password: server.superuserPassword, database: database.name)
        }
        try asSuperuser("""
            CREATE FUNCTION public.outreach_test_no_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'DDL in a current database: %', tg_tag; END $$
            """)
        try asSuperuser("CREATE EVENT TRIGGER outreach_test_no_ddl ON ddl_command_start EXECUTE FUNCTION public.outreach_test_no_ddl()")
        defer { try? asSuperuser("DROP EVENT TRIGGER outreach_test_no_ddl; DROP FUNCTION public.outreach_test_no_ddl()") }
        #expect(throws: (any Error).self) { try database.psqlAsOwner("CREATE TABLE outreach_test_probe (id int)") }
        let state = """
            SELECT string_agg(name || '@' || applied_at::text, ',' ORDER BY name) FROM outreach_migration
            UNION ALL SELECT string_agg(proname || ':' || oid::text || ':' || coalesce(proacl::text, ''), ',' ORDER BY proname) FROM pg_proc
                WHERE pronamespace = 'public'::regnamespace
            UNION ALL SELECT string_agg(polname, ',' ORDER BY polname) FROM pg_policy
            """
        let before = try database.psqlAsOwner(state)
        try database.openAsOwner().closeCleanly()
        try TeamDatabase.open(address: leadAddress, environment: ["PGPASSWORD": "pw-lead"]).closeCleanly()
        #expect(try database.psqlAsOwner(state) == before)
    }
}
