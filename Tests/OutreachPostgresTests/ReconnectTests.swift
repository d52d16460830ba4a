import Foundation
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachPostgres

/// A lost connection: the next write connects again and saves once; with the server down, the
/// error says nothing was saved and to press Enter again.
@Suite struct ReconnectTests {
    @Test func aDroppedConnectionIsMadeAgain() throws {
        let server = try TestPostgres.server()
        let database = try server.freshDatabase()
        let team = try database.openAsOwner()
        defer { team.closeCleanly() }
        let partner = try team.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        try server.psql("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = '\(database.name)' AND application_name = 'outreach'
            """, role: "postgres", password: server.superuserPassword, database: "postgres")
        let note = try team.addNote(Note(partnerID: partner.id, text: "Saved after a reconnect"))
        #expect(try team.notes(partnerID: nil, sessionID: nil).map(\.id) == [note.id])
        try server.psql("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = '\(database.name)' AND application_name = 'outreach'
            """, role: "postgres", password: server.superuserPassword, database: "postgres")
        #expect(try team.partner(named: "riverside ha").id == partner.id)
    }

    /// Repeated on several new databases: an opener that looked for the migrations table just
    /// before another's first migration committed once took the new tables for another
    /// application's (about one full test run in ten).
    @Test func leadsOpeningANewDatabaseAtOnceMigrateItOnce() throws {
        for _ in 0..<5 {
            let database = try TestPostgres.server().freshDatabase()
            let failures = ErrorBox()
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do {
                    try database.openAsOwner().closeCleanly()
                } catch {
                    failures.append(error)
                }
            }
            #expect(failures.values.isEmpty, "\(failures.values)")
            #expect(try database.psqlAsOwner("SELECT string_agg(name, ',' ORDER BY name) FROM outreach_migration") == "pg1-tables,pg2-leads-security,pg3-note-partnership-links\n")
        }
    }

    @Test func sessionNumbersStayUniqueAcrossLeads() throws {
        let database = try TestPostgres.server().freshDatabase()
        let first = try database.openAsOwner()
        defer { first.closeCleanly() }
        let partner = try first.addPartner(Partner(name: "Clinic", sector: "health"))
        let teams = try (0..<4).map { _ in try database.openAsOwner() }
        defer { teams.forEach { $0.closeCleanly() } }
        let numbers = NumberBox()
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            let session = Session(partnerID: partner.id, playbookID: "dash", playbookVersion: "1", playbookDigest: "d", snapshot: Data("{}".utf8))
            if let number = try? teams[index % teams.count].createSession(session).number { numbers.append(number) }
        }
        #expect(numbers.values.sorted() == Array(1...40))
    }

    @Test func aServerThatIsDownIsReportedAndTheLineCanBeTriedAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-pg-\(UUID().uuidString.prefix(8))")
        defer { TestPostgres.shutDown(folder: folder); try? FileManager.default.removeItem(at: folder) }
        let server = try TestPostgres.privateServer(in: folder)
        let database = try server.freshDatabase()
        let team = try database.openAsOwner()
        defer { team.closeCleanly() }
        let partner = try team.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let session = try team.createSession(Session(partnerID: partner.id, playbookID: "dash", playbookVersion: "1",
                                                     playbookDigest: "d", snapshot: Data("{}".utf8)))
        try server.stop()
        do {
            try team.recordAnswer(sessionID: session.id, questionID: "q1", value: "Families", nextPosition: 1)
            Issue.record("an answer was saved with the server down")
        } catch let error as StoreError {
            #expect(error == .lostConnection(path: team.path, server: "127.0.0.1:\(server.port)"))
            #expect(error.localizedDescription.contains("nothing was saved for this line"))
            #expect(error.localizedDescription.contains("press Enter to send it again"))
        }
        try server.start()
        try team.recordAnswer(sessionID: session.id, questionID: "q1", value: "Families", nextPosition: 1)
        #expect(try team.answers(sessionID: session.id).map(\.value) == ["Families"])
    }
}

/// Numbers gathered from several threads.
final class NumberBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int64] = []
    func append(_ number: Int64?) { if let number { lock.withLock { stored.append(number) } } }
    var values: [Int64] { lock.withLock { stored } }
}

/// Errors from several threads, kept for the test's message.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ error: any Error) { lock.withLock { stored.append(String(reflecting: error)) } }
    var values: [String] { lock.withLock { stored } }
}
