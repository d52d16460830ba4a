import Foundation
import OutreachStore
import Testing

/// Promises of the session engine as the real binary keeps them: what the history file holds,
/// bare command names inside a playbook, and the database file after a run.
@Suite(.serialized) struct SessionRulesTests {
    let binary = OutreachBinary()

    func open() throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(executable: OutreachBinary.path, arguments: [], environment: binary.environment)
        #expect(terminal.waitFor("outreach > "), "no prompt: \(terminal.screen)")
        return terminal
    }

    @Test func theHistoryKeepsCommandsButNeverAnswersOrNotes() throws {
        let terminal = try open()
        terminal.send("partner add \"Riverside Housing Authority\" --sector housing\r")
        #expect(terminal.waitFor("it is now the current partner."))
        terminal.send("start dash\r")
        #expect(terminal.waitFor("homework · 0/"), "\(terminal.screen)")
        terminal.send("Mrs Okafor's family is on the waitlist\r")
        #expect(terminal.waitFor("homework · 1/"), "\(terminal.screen)")
        terminal.send("/note The director distrusts the county --private\r")
        #expect(terminal.waitFor("(private): note "), "\(terminal.screen)")
        terminal.send("help\r")
        #expect(terminal.waitFor("'/answer help' to save it as the answer."), "\(terminal.screen)")
        terminal.send("/pause\r")
        #expect(terminal.waitFor("Paused session 1"), "\(terminal.screen)")
        terminal.send("quit\r")
        #expect(terminal.waitForExit() == 0)

        let history = try String(contentsOf: binary.dataFolder.appendingPathComponent("outreach/history"), encoding: .utf8)
        #expect(history.contains("start"), "\(history)")
        #expect(history.contains("pause"), "\(history)")
        #expect(!history.contains("Okafor"), "an answer reached the history file")
        #expect(!history.contains("distrusts"), "a note reached the history file")
        let database = try AppDatabase.open(path: binary.databasePath)
        let state = try database.answerState(sessionID: try database.session(number: 1).id)
        #expect(!state.answers.values.contains("help"), "a bare command name was saved as an answer")
    }

    @Test func aBareCommandNameInAScriptRunsThatCommand() throws {
        let setup = try binary.run(["-c", #"partner add "Riverside Housing Authority" --sector housing"#,
                                    "-c", "start dash", "-c", "Families on the waitlist", "-c", "/pause"])
        #expect(setup.status == 0, "\(setup.errors)")
        let result = try binary.run(["-c", "resume 1", "-c", "sessions", "-c", "/answer sessions", "-c", "/pause"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Riverside Housing Authority  dash 1.1.0"), "\(result.output)")
        let database = try AppDatabase.open(path: binary.databasePath)
        let state = try database.answerState(sessionID: try database.session(number: 1).id)
        #expect(state.answers["dash.homework.responsibilities"] == "sessions", "'/answer' saves the literal word")
        #expect(state.answers.count == 2)
    }

    @Test func afterACleanExitTheDatabaseFileAloneHoldsEverything() throws {
        let result = try binary.run(["-c", #"partner add "Riverside Housing Authority" --sector housing"#,
                                     "-c", #"note "Met the director" --partner "Riverside Housing Authority""#])
        #expect(result.status == 0, "\(result.errors)")
        // The log was copied in and SQLite removed it and the shared-memory file at the close.
        for companion in ["-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: binary.databasePath + companion), "\(companion) was left beside the database")
        }
        let copy = binary.dataFolder.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: binary.databasePath, toPath: copy)
        let database = try AppDatabase.open(path: copy)
        #expect(try database.notes().map(\.text) == ["Met the director"])
    }

    @Test func aReadOnlyCommandLeavesTheFileUnchanged() throws {
        let setup = try binary.run(["-c", #"partner add "Riverside Housing Authority" --sector housing"#])
        #expect(setup.status == 0, "\(setup.errors)")
        let before = try Data(contentsOf: URL(fileURLWithPath: binary.databasePath))
        for command in ["partners", "sessions", "notes", "coverage", "check"] {
            let result = try binary.run(["-c", command])
            #expect(result.status == 0, "\(command): \(result.errors)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: binary.databasePath)) == before)
    }

    @Test func aDatabaseOthersCouldReadIsMadePrivateAndTheShellSaysSo() throws {
        #expect(try binary.run(["-c", "partners"]).status == 0)
        chmod(binary.databasePath, 0o644)
        let result = try binary.run(["-c", "partners"])
        #expect(result.errors.contains("could be read by other users (mode 644); outreach made it and its -wal and -shm files private to you (mode 600)."))
        let mode = try FileManager.default.attributesOfItem(atPath: binary.databasePath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try binary.run(["-c", "partners"]).errors.isEmpty, "said once")
    }

    @Test func aScriptLineThatIsNotUTF8StopsTheScriptWithAMessage() throws {
        try FileManager.default.createDirectory(at: binary.dataFolder, withIntermediateDirectories: true)
        let script = binary.dataFolder.appendingPathComponent("latin1.txt")
        try (Data("partner add Metro --sector police\n".utf8) + Data([0x43, 0x61, 0x66, 0xE9, 0x0A]) + Data("partners\n".utf8)).write(to: script)
        let result = try binary.run(["--script", script.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot read the script '\(script.path)': line 2 is not UTF-8 text; save the file as UTF-8."))
        #expect(result.output.contains("Added Metro"))
        #expect(!result.output.contains("Metro    police"), "nothing after the unreadable line runs")
    }
}
