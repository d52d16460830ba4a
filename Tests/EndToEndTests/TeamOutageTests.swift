import Foundation
import OutreachTestSupport
import Testing

/// The team database's server stops in the middle of a session, with a person at the terminal:
/// the shell says so, keeps the line, and saves it once the server is back.
@Suite(.serialized) struct TeamOutageTests {
    @Test func anAnswerTypedWhileTheServerIsDownIsSavedWhenItReturns() throws {
        try withTemporaryFolder { folder in
            let server = try TestPostgres.privateServer(in: folder.appendingPathComponent("pg"))
            defer { TestPostgres.shutDown(folder: folder.appendingPathComponent("pg")) }
            let database = try server.freshDatabase()
            let binary = OutreachBinary()
            let terminal = try PseudoTerminal(executable: OutreachBinary.path, arguments: ["--db", database.ownerAddress],
                                              environment: binary.environment.merging(database.ownerEnvironment) { $1 })
            #expect(terminal.waitFor("outreach > "), "no prompt: \(terminal.screen)")
            terminal.send("partner add \"Riverside HA\" --sector housing\r")
            #expect(terminal.waitFor("it is now the current partner"), "\(terminal.screen)")
            terminal.send("start first-meeting\r")
            #expect(terminal.waitFor("answered > "), "\(terminal.screen)")
            terminal.send("Families on the waitlist\r")
            #expect(terminal.waitFor("1/"), "\(terminal.screen)")

            try server.stop()
            terminal.clear()
            terminal.send("Eviction filings, weekly\r")
            #expect(terminal.waitFor("cannot be reached", timeout: 60), "the shell says the server is gone: \(terminal.screen)")
            #expect(terminal.waitFor("the line is kept"), "\(terminal.screen)")
            terminal.send("Shelter counts\r")
            #expect(terminal.waitFor("2 lines are kept", timeout: 60), "\(terminal.screen)")

            try server.start()
            terminal.clear()
            terminal.send("\r")
            #expect(terminal.waitFor("3/20 answered", timeout: 60), "the kept lines were sent: \(terminal.screen)")
            terminal.send("/pause\r")
            terminal.send("quit\r")
            #expect(terminal.waitForExit(timeout: 30) == 0)

            let saved = try database.psqlAsOwner("SELECT value FROM answer ORDER BY createdat")
            #expect(saved.split(separator: "\n").map(String.init) == ["Families on the waitlist", "Eviction filings, weekly", "Shelter counts"])
        }
    }
}
