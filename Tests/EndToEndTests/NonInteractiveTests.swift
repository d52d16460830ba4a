import Foundation
import OutreachStore
import Testing

/// The same command language without a terminal: -c, --script, standard input, exit codes.
@Suite struct NonInteractiveTests {
    static let session = [
        #"partner add "Riverside Housing Authority" --sector housing"#,
        #"start dash --partner "Riverside Housing Authority""#,
        "Families on the waitlist",
        "/skip",
        "Landlord and tenant records",
        "/pause",
    ]

    func rows(in binary: OutreachBinary) throws -> [String] {
        let database = try AppDatabase.open(path: binary.databasePath)
        let session = try database.session(number: 1)
        // Revisions stamped in the same millisecond are ordered by id (the merge rule), so compare in question order.
        return try database.answers(sessionID: session.id).map { "\($0.questionID)=\($0.value ?? "(skipped)")" }.sorted()
    }

    @Test func scriptAndStandardInputGiveTheSameRows() throws {
        let viaScript = OutreachBinary()
        try FileManager.default.createDirectory(at: viaScript.dataFolder, withIntermediateDirectories: true)
        let script = viaScript.dataFolder.appendingPathComponent("session.txt")
        try Self.session.joined(separator: "\n").write(to: script, atomically: true, encoding: .utf8)
        let scripted = try viaScript.run(["--script", script.path])
        #expect(scripted.status == 0, "\(scripted.errors)")

        let viaStdin = OutreachBinary()
        let piped = try viaStdin.run([], stdin: Self.session.joined(separator: "\n") + "\n")
        #expect(piped.status == 0, "\(piped.errors)")
        #expect(!piped.output.contains("outreach > "), "a prompt was printed without a terminal")

        let expected = ["dash.homework.shared-population=Families on the waitlist", "dash.homework.responsibilities=(skipped)",
                        "dash.homework.data-holdings=Landlord and tenant records"].sorted()
        #expect(try rows(in: viaScript) == expected)
        #expect(try rows(in: viaStdin) == expected)
        #expect(!FileManager.default.fileExists(atPath: viaStdin.dataFolder.appendingPathComponent("outreach/history").path))
    }

    @Test func bailExitsOneAtTheFirstBadCommandWithNothingAfterItRun() throws {
        let binary = OutreachBinary()
        let result = try binary.run(["--bail", "-c", "partner add Metro --sector police", "-c", "partnr list", "-c", "partner add Second --sector housing"])
        #expect(result.status == 1)
        #expect(result.errors.contains("error: unknown command 'partnr'; did you mean 'partner' or 'partners'?"))
        let names = try AppDatabase.open(path: binary.databasePath).partners().map(\.name)
        #expect(names == ["Metro"])
    }

    @Test func withoutBailEveryCommandRunsAndTheStatusIsStillOne() throws {
        let binary = OutreachBinary()
        let result = try binary.run(["-c", "partnr list", "-c", "partner add Metro --sector police"])
        #expect(result.status == 1)
        #expect(try AppDatabase.open(path: binary.databasePath).partners().map(\.name) == ["Metro"])
    }

    @Test func badUsageExits64() throws {
        let result = try OutreachBinary().run(["--no-such-flag"])
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("error: unknown option '--no-such-flag'.\nusage: outreach "))
    }

    /// Plain command lines skip swift-argument-parser; anything else still gets its messages.
    @Test func unusualCommandLinesKeepTheParsersMessages() throws {
        let usage = "\nusage: outreach [-c <command> ...] [--script <file>] [--bail] [--db <path>] <subcommand>\nSee 'outreach --help'.\n"
        let cases: [([String], String)] = [
            (["-c", "partners", "--script", "lines.txt"], "error: use either -c or --script, not both."),
            (["--db"], "error: missing value for '--db <path>'."),
            (["-c", "--help"], "error: missing value for '-c <command>'."),
            (["--bail", "-c", "quit", "extra"], "error: unexpected argument 'extra'."),
        ]
        for (arguments, message) in cases {
            let result = try OutreachBinary().run(arguments)
            #expect(result.status == 64)
            #expect(result.errors == message + usage)
        }
        let plain = try OutreachBinary().run(["--bail", "--db", ":memory:", "-c", "partner add Metro --sector police", "-c", "partners", "-c", "quit"])
        #expect(plain.status == 0)
        #expect(plain.output.contains("Metro"))
    }

    @Test func versionAndInMemoryDatabase() throws {
        let binary = OutreachBinary()
        #expect(try binary.run(["--version"]).output == "0.1.0\n")
        let result = try binary.run(["--db", ":memory:", "-c", "partner add Metro --sector police", "-c", "partners"])
        #expect(result.status == 0)
        #expect(result.output.contains("Metro"))
        #expect(!FileManager.default.fileExists(atPath: binary.databasePath))
    }

    @Test func theDatabaseCanComeFromTheEnvironment() throws {
        let binary = OutreachBinary()
        try FileManager.default.createDirectory(at: binary.dataFolder, withIntermediateDirectories: true)
        let path = binary.dataFolder.appendingPathComponent("team.sqlite").path
        let result = try binary.run(["-c", "partner add Metro --sector police"], extraEnvironment: ["OUTREACH_DB": path])
        #expect(result.status == 0)
        #expect(try AppDatabase.open(path: path).partners().map(\.name) == ["Metro"])
    }

    @Test func theBinaryFindsItsPluginsFromAnyWorkingDirectory() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: OutreachBinary.path)
        process.arguments = ["--db", ":memory:", "-c", "plugins"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.environment = OutreachBinary().environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for id in ["dash", "food-banks", "hospitals", "housing", "police", "public-health", "value-creation", "value-loop"] {
            #expect(text.contains(id), "plugin \(id) not found")
        }
    }

    @Test func runRecordsIntoTheDatabaseItIsGiven() throws {
        let binary = OutreachBinary()
        try FileManager.default.createDirectory(at: binary.dataFolder, withIntermediateDirectories: true)
        let answers = OutreachBinary.repositoryRoot.appendingPathComponent("Tests/Fixtures/answers/complete.yaml").path
        for (index, arguments) in [["run", "--answers", answers, "--training", "--db"], ["--db", "PATH", "run", "--answers", answers]].enumerated() {
            let path = binary.dataFolder.appendingPathComponent("practice\(index).sqlite").path
            let full = arguments.last == "--db" ? arguments + [path] : arguments.map { $0 == "PATH" ? path : $0 }
            let result = try binary.run(full)
            #expect(result.status == 0, "\(result.errors)")
            #expect(try AppDatabase.open(path: path).partners().map(\.name) == ["Harbor Food Network"])
        }
        #expect(!FileManager.default.fileExists(atPath: binary.databasePath), "the default database was used")
    }

    @Test func runWithMissingAnswersExitsOneAndBadUsage64() throws {
        let binary = OutreachBinary()
        let missing = OutreachBinary.repositoryRoot.appendingPathComponent("Tests/Fixtures/answers/missing-required.yaml").path
        #expect(try binary.run(["run", "--answers", missing, "--training"]).status == 1)
        #expect(try binary.run(["run", "--training"]).status == 64)
        #expect(try binary.run(["run", "--answers", "/nonexistent/answers.yaml", "--training"]).status == 64)
    }

    /// The catalog is read when a command first needs it: a broken playbook is reported by a run
    /// that uses playbooks, once, and not by one that only lists sessions.
    @Test func aBrokenPlaybookIsReportedOnlyByRunsThatReadTheCatalog() throws {
        let binary = OutreachBinary()
        let playbooks = binary.dataFolder.appendingPathComponent("outreach/playbooks")
        try FileManager.default.createDirectory(at: playbooks, withIntermediateDirectories: true)
        try "id: broken\nsteps: [".write(to: playbooks.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)

        let listing = try binary.run(["-c", "sessions"])
        #expect(listing.status == 0, "\(listing.errors)")
        #expect(!listing.errors.contains("skipped"), "\(listing.errors)")

        let catalog = try binary.run(["-c", "sectors", "-c", "sectors"])
        #expect(catalog.status == 0, "\(catalog.errors)")
        #expect(catalog.errors.components(separatedBy: "warning: skipped ").count == 2, "\(catalog.errors)")
        #expect(catalog.errors.contains("broken.yaml"), "\(catalog.errors)")
    }
}
