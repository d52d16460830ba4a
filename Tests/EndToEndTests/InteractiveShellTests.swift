import Foundation
import OutreachStore
import Testing

/// The real binary in a pseudo-terminal, driven key by key as a person would.
@Suite(.serialized) struct InteractiveShellTests {
    let binary = OutreachBinary()

    func open() throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(executable: OutreachBinary.path, arguments: [], environment: binary.environment)
        #expect(terminal.waitFor("outreach > "), "no prompt: \(terminal.screen)")
        return terminal
    }

    @Test func tabCompletesACommandWordAndASectorID() throws {
        let terminal = try open()
        terminal.send("secto\t")
        #expect(terminal.waitFor("outreach > sector"), "\(terminal.transcript.debugDescription)")
        terminal.send("s\r")
        #expect(terminal.waitFor("public-health"), "\(terminal.screen)")
        terminal.clear()
        terminal.send("partner add Metro --sector pol\t\r")
        #expect(terminal.waitFor("Added Metro (police); it is now the current partner."), "\(terminal.screen)")
        terminal.send("quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func aLineIsRecalledWithUpInTheNextRun() throws {
        let first = try open()
        first.send("partner add \"Tāngata Whenua Trust\" --sector public-health\r")
        #expect(first.waitFor("Added Tāngata Whenua Trust (public-health); it is now the current partner."), "\(first.screen)")
        first.send("\u{04}")
        #expect(first.waitForExit() == 0)
        let historyMode = try FileManager.default.attributesOfItem(
            atPath: binary.dataFolder.appendingPathComponent("outreach/history").path)[.posixPermissions] as? Int
        #expect(historyMode == 0o600)

        let second = try open()
        second.send("\u{1B}[A")
        #expect(second.waitFor("partner add \"Tāngata Whenua Trust\""), "\(second.screen)")
        second.send("\u{15}quit\r")
        #expect(second.waitForExit() == 0)
    }

    @Test func ctrlCOnAHalfTypedLineLeavesTheShellRunning() throws {
        let terminal = try open()
        terminal.send("partner add Half")
        #expect(terminal.waitFor("partner add Half"))
        terminal.clear()
        terminal.send("\u{03}")
        // A person sees the line cleared and a fresh prompt before typing on.
        #expect(terminal.waitFor("^C\noutreach > "), "\(terminal.screen)")
        terminal.send("sectors\r")
        #expect(terminal.waitFor("food-banks"), "\(terminal.screen)")
        terminal.send("partners\r")
        #expect(terminal.waitFor("No partners yet"), "\(terminal.screen)")
        terminal.send("quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func anAnswerTypedAtThePromptIsInTheDatabase() throws {
        let terminal = try open()
        terminal.send("partner add \"Riverside Housing Authority\" --sector housing\r")
        #expect(terminal.waitFor("Added Riverside"))
        terminal.send("start dash --partner Riv\t\r")
        #expect(terminal.waitFor("housing · Riverside Housing Authority · 1/4 homework · 0/"), "\(terminal.screen)")
        terminal.send("Families on our waitlist also use the county clinics\r")
        #expect(terminal.waitFor("homework · 1/"), "\(terminal.screen)")
        // Killed, not quit: the answer was committed when Enter was pressed.
        kill(terminal.process, SIGKILL)
        let database = try AppDatabase.open(path: binary.databasePath)
        let session = try database.session(number: 1)
        let state = try database.answerState(sessionID: session.id)
        #expect(state.answers["dash.homework.shared-population"] == "Families on our waitlist also use the county clinics")
    }
}
