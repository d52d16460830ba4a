import Foundation
import OutreachSessions
import OutreachTestSupport
import Testing
@testable import OutreachShell

/// `outreach run`: scripted playbook runs for training.
@Suite struct ScriptedRunTests {
    private let temporary = TemporaryFolder("run")
    var dataFolder: URL { temporary.url }

    var environment: [String: String] { ["OUTREACH_HOME": repositoryRoot.path, "XDG_DATA_HOME": dataFolder.path] }

    func fixture(_ name: String) -> String { repositoryRoot.appendingPathComponent("Tests/Fixtures/answers/\(name).yaml").path }

    func run(_ name: String, database: String? = nil, transcript: String? = nil, training: Bool = true) -> (status: Int32, output: BufferOutput) {
        let output = BufferOutput()
        let status = ScriptedRunCommand.execute(
            ScriptedRunOptions(playbook: nil, answersPath: fixture(name), partner: nil, sector: nil,
                               transcriptPath: transcript, database: database, training: training),
            environment: environment, output: output)
        return (status, output)
    }

    @Test func aCompleteRunExitsZeroAndShowsQuestionsTipsAnswersAndAttachments() {
        let result = run("complete")
        #expect(result.status == 0, "\(result.output.errors)")
        let text = result.output.text
        #expect(text.hasPrefix("DASH outreach conversation (dash 1.1.0)\nPartner: Harbor Food Network · food-banks"))
        #expect(text.contains("== Step 1 of 4: Do your homework =="))
        #expect(text.contains("[1/"))
        #expect(text.contains("Tip: "))
        #expect(text.contains("Answer: A data use agreement with the county for the food insecurity survey"))
        #expect(text.contains("Answer: the partner\n        the people we both serve"))
        #expect(text.contains("Note (private): [left out; run with --include-private to show it]"))
        #expect(!text.contains("Coordinator worried"), "private note text stays out of a transcript unless asked for")
        #expect(text.contains("Term: TEFAP = The federal commodity program with its own eligibility rules"))
        #expect(text.contains("Answer: Send the draft agreement; Priya; 2026-12-10\nCaptured: Saved the action Send the draft agreement (Priya, due 2026-12-10)."))
        #expect(text.contains("== Also recorded ==\nNote: Warm first call; they asked for our referral numbers"))
        #expect(text.contains("Value: Fewer clients turned away at the end of the month (for pantry clients, the partner; paid by the partner; altruistic, long term)\n"))
        #expect(text.contains("== Coaching ==\n- No one has asked what failure would cost them. Type 'resume' with this\n  session's number (see 'sessions')"))
        #expect(text.contains("- Your own organisation has not answered these questions yet."))
        #expect(text.hasSuffix("== Result ==\nAll 5 required questions answered.\n"))
    }

    @Test func twoRunsOfTheSameInputsAreByteIdentical() throws {
        let first = run("complete").output.text
        let second = run("complete").output.text
        #expect(first == second)
        // Also when both runs go into one database, where session numbers and ids differ.
        let path = dataFolder.appendingPathComponent("shared.sqlite").path
        try FileManager.default.createDirectory(at: dataFolder, withIntermediateDirectories: true)
        let third = run("complete", database: path).output.text
        let fourth = run("complete", database: path).output.text
        #expect(third == first)
        #expect(fourth == first)
    }

    @Test func missingRequiredQuestionsExitOneAndAreListed() {
        let result = run("missing-required")
        #expect(result.status == 1)
        #expect(result.output.text.contains("Missing 3 of 5 required questions:\n- dash.pb.next-steps\n- dash.pb.follow-up-owner\n- dash.pb.follow-up-date\n"))
        #expect(result.output.errors == "error: 3 required question(s) unanswered: dash.pb.next-steps, dash.pb.follow-up-owner, dash.pb.follow-up-date.\n")
    }

    @Test func everyProblemOfTheAnswersFileIsReportedWithItsLine() {
        let result = run("errors")
        #expect(result.status == 64)
        #expect(result.output.text.isEmpty)
        let file = fixture("errors")
        #expect(result.output.errors == """
            error: \(file):7:3: the playbook 'dash' has no question 'dash.homework.shared-populaton'; did you mean 'dash.homework.shared-population'?
            error: \(file):9:3: 'dash.pb.agreement' is never asked with these answers (it is asked only when dash.pb.shared-before = yes); remove the answer or change the earlier one.
            error: \(file):10:3: 'someday' is not one of the choices. Type a number or the text of a choice: 1) short term  2) long term  3) both
            error: \(file):12:5: 'at': the playbook 'dash' has no question 'dash.nowhere'.

            """)
    }

    @Test func malformedYAMLAndUnknownKeysAreUsageErrorsWithFileLineColumn() {
        let malformed = run("malformed")
        #expect(malformed.status == 64)
        #expect(malformed.output.errors.hasPrefix("error: \(fixture("malformed")):3:36: the YAML is malformed"))
        let unknown = run("unknown-key")
        #expect(unknown.status == 64)
        #expect(unknown.output.errors == "error: \(fixture("unknown-key")):4:3: unknown key 'sectr'; did you mean 'sector'? The keys allowed here are: name, sector.\n")
    }

    @Test func trainingLeavesNoFileBehind() throws {
        #expect(run("complete").status == 0)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: dataFolder.path)) ?? []
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func theTranscriptFileHoldsWhatWasPrinted() throws {
        try FileManager.default.createDirectory(at: dataFolder, withIntermediateDirectories: true)
        let path = dataFolder.appendingPathComponent("transcript.txt").path
        let result = run("complete", transcript: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == result.output.text)
    }

    /// Each training pack in playbooks/training runs to its committed transcript.
    /// Re-record with OUTREACH_RECORD_GOLDENS=1 after a deliberate change, and review the diff.
    @Test(arguments: trainingPacks())
    func trainingPackMatchesItsGoldenTranscript(_ pack: String) throws {
        let output = BufferOutput()
        let packPath = repositoryRoot.appendingPathComponent("playbooks/training/\(pack).yaml").path
        let status = ScriptedRunCommand.execute(
            ScriptedRunOptions(playbook: nil, answersPath: packPath, partner: nil, sector: nil, transcriptPath: nil, database: nil, training: true),
            environment: environment, output: output)
        #expect(status == 0, "\(output.errors)")
        Golden.expect(output.text, matches: repositoryRoot.appendingPathComponent("playbooks/training/\(pack).transcript.txt"))
    }

    static func trainingPacks() -> [String] {
        let folder = repositoryRoot.appendingPathComponent("playbooks/training")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }
}

/// A transcript file is private, never replaces a file unless asked, and shows private notes only on request.
@Suite struct TranscriptFileTests {
    let environment: [String: String]

    init() {
        environment = ["XDG_DATA_HOME": "/nonexistent/outreach-tests", "OUTREACH_HOME": repositoryRoot.path]
    }

    func run(transcript: String, force: Bool = false, includePrivate: Bool = false) -> (Int32, BufferOutput) {
        let output = BufferOutput()
        let answers = repositoryRoot.appendingPathComponent("Tests/Fixtures/answers/complete.yaml").path
        let status = ScriptedRunCommand.execute(
            ScriptedRunOptions(playbook: nil, answersPath: answers, partner: nil, sector: nil, transcriptPath: transcript,
                               database: nil, training: true, force: force, includePrivate: includePrivate),
            environment: environment, output: output)
        return (status, output)
    }

    @Test func theFileIsPrivateAndLeavesPrivateNotesOut() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("transcript.txt").path
            #expect(run(transcript: path).0 == 0)
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("Coordinator worried"))
        }
    }

    @Test func anExistingFileIsKeptUnlessForced() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("transcript.txt").path
            try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
            let (status, output) = run(transcript: path)
            #expect(status == 64)
            #expect(output.errors.contains("already exists; add --force to replace it"))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
            #expect(run(transcript: path, force: true, includePrivate: true).0 == 0)
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Note (private): Coordinator worried about client dignity #privacy"))
        }
    }
}
