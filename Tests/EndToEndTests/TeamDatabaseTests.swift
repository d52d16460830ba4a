import Foundation
import OutreachTestSupport
import Testing

/// The real binary against a PostgreSQL team database on the throwaway server `make test` runs:
/// several leads at once, private notes held back by the server, and a server that goes away.
@Suite struct TeamDatabaseEndToEndTests {
    /// A playbook of `count` free-text questions, written to a folder the binary searches.
    static func longPlaybook(count: Int, in folder: URL) throws -> URL {
        let playbooks = folder.appendingPathComponent("playbooks")
        try FileManager.default.createDirectory(at: playbooks, withIntermediateDirectories: true)
        var yaml = "format: 1\nid: long-listen\nversion: 1.0.0\ntitle: A long listening session\nsummary: Many short questions.\nsectors: [any]\nsteps:\n  - id: listen\n    title: Listen\n    questions:\n"
        for index in 1...count {
            yaml += "      - id: long.q\(index)\n        text: What is point \(index) on their mind?\n"
        }
        try yaml.write(to: playbooks.appendingPathComponent("long-listen.yaml"), atomically: true, encoding: .utf8)
        return playbooks
    }

    @Test func fourLeadsAnswering250QuestionsEachAtOnceLoseNoAnswer() throws {
        let database = try TestPostgres.server().freshDatabase()
        let owner = OutreachBinary()
        let setUp = try owner.run(["--db", database.ownerAddress, "-c", #"partner add "Riverside HA" --sector housing"#],
                                  extraEnvironment: database.ownerEnvironment)
        #expect(setUp.status == 0, "\(setUp.errors)")
        try withTemporaryFolder { folder in
            let playbooks = try Self.longPlaybook(count: 250, in: folder)
            let script = ([#"start long-listen --partner "Riverside HA""#] + (1...250).map { "Answer \($0)" } + ["/finish"])
                .joined(separator: "\n") + "\n"
            let results = ResultsBox()
            DispatchQueue.concurrentPerform(iterations: 4) { lead in
                let binary = OutreachBinary()
                let result = Result {
                    try binary.run(["--db", database.ownerAddress], stdin: script,
                                   extraEnvironment: database.ownerEnvironment.merging(["OUTREACH_PLAYBOOK_PATH": playbooks.path]) { $1 },
                                   timeout: 300)
                }
                results.append(lead, result)
            }
            for (lead, result) in results.all {
                let run = try result.get()
                #expect(run.status == 0, "lead \(lead): \(run.errors)")
            }
        }
        #expect(try database.psqlAsOwner("SELECT count(*) FROM answer").trimmingCharacters(in: .whitespacesAndNewlines) == "1000")
        #expect(try database.psqlAsOwner("SELECT count(DISTINCT number) FROM session").trimmingCharacters(in: .whitespacesAndNewlines) == "4")
        let perSession = try database.psqlAsOwner("SELECT count(*) FROM answer GROUP BY sessionid ORDER BY 1")
        #expect(perSession.split(separator: "\n") == ["250", "250", "250", "250"])
    }

    @Test func anotherLeadCannotReadAPrivateNoteThroughOutreachOrPsql() throws {
        let database = try TestPostgres.server().freshDatabase()
        let owner = OutreachBinary()
        let roles = ["ann", "ben"].map { "\($0)_\(database.name)" }
        for role in roles {
            let added = try owner.run(["--db", database.ownerAddress, "-c", "db add-lead \(role)"], extraEnvironment: database.ownerEnvironment)
            #expect(added.status == 0, "\(added.errors)")
            try database.setPassword("secret-\(role)", for: role)
        }
        let ann = roles[0], ben = roles[1]
        let asAnn = try OutreachBinary().run(
            ["--db", database.server.address(role: ann, database: database.name),
             "-c", #"partner add "Metro PD" --sector police"#,
             "-c", #"note "Chief shares arrest data with us" --partner "Metro PD""#,
             "-c", #"note "Chief keeps a private list of informants" --private --partner "Metro PD""#],
            extraEnvironment: ["PGPASSWORD": "secret-\(ann)"])
        #expect(asAnn.status == 0, "\(asAnn.errors)")

        let benAddress = database.server.address(role: ben, database: database.name)
        let asBen = try OutreachBinary().run(["--db", benAddress, "-c", "notes --all", "-c", "search informants", "-c", "search chief"],
                                             extraEnvironment: ["PGPASSWORD": "secret-\(ben)"])
        #expect(asBen.status == 0, "\(asBen.errors)")
        #expect(asBen.output.contains("Chief shares arrest data with us"))
        #expect(!asBen.output.contains("private list"), "\(asBen.output)")

        let throughPsql = try database.server.psql("SELECT text FROM note ORDER BY text", role: ben, password: "secret-\(ben)", database: database.name)
        #expect(throughPsql.trimmingCharacters(in: .whitespacesAndNewlines) == "Chief shares arrest data with us")
        let annPsql = try database.server.psql("SELECT count(*) FROM note", role: ann, password: "secret-\(ann)", database: database.name)
        #expect(annPsql.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
    }

    @Test func theAddressCarriesNoPasswordAndAWrongPasswordSaysWhatToDo() throws {
        let database = try TestPostgres.server().freshDatabase()
        let withPassword = database.ownerAddress.replacingOccurrences(of: "outreach_owner@", with: "outreach_owner:hunter2@")
        let refused = try OutreachBinary().run(["--db", withPassword, "-c", "partners"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("PGPASSWORD"), "\(refused.errors)")
        #expect(!refused.errors.contains("hunter2"), "\(refused.errors)")

        let wrong = try OutreachBinary().run(["--db", database.ownerAddress, "-c", "partners"], extraEnvironment: ["PGPASSWORD": "Xq7-not-this-one"])
        #expect(wrong.status != 0)
        #expect(wrong.errors.contains("PGPASSWORD"), "\(wrong.errors)")
        #expect(!wrong.errors.contains("Xq7-not-this-one"), "the password is never echoed: \(wrong.errors)")
    }

    @Test func copyingASQLiteFileInTwiceChangesNothingTheSecondTime() throws {
        let database = try TestPostgres.server().freshDatabase()
        let lead = OutreachBinary()
        let filled = try lead.run(["-c", #"partner add "Riverside HA" --sector housing"#, "-c", #"note "Board meets monthly" --partner "Riverside HA""#,
                                   "-c", #"term PHA "public housing authority""#])
        #expect(filled.status == 0, "\(filled.errors)")
        let first = try lead.run(["db", "copy", "--from", lead.databasePath, "--to", database.ownerAddress], extraEnvironment: database.ownerEnvironment)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("0 updated"), "\(first.output)")
        let second = try lead.run(["db", "copy", "--from", lead.databasePath, "--to", database.ownerAddress], extraEnvironment: database.ownerEnvironment)
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.output.contains(": 0 added, 0 updated,"), "\(second.output)")
        let listed = try lead.run(["--db", database.ownerAddress, "-c", "notes"], extraEnvironment: database.ownerEnvironment)
        #expect(listed.output.contains("Board meets monthly"), "\(listed.output)")
    }

    @Test func aPublishedPlaybookIsListedForAnotherLeadAsFromTheTeamDatabase() throws {
        let database = try TestPostgres.server().freshDatabase()
        try withTemporaryFolder { folder in
            let playbooks = try Self.longPlaybook(count: 3, in: folder)
            let file = playbooks.appendingPathComponent("long-listen.yaml").path
            let published = try OutreachBinary().run(["--db", database.ownerAddress, "-c", "playbook publish \(file)"],
                                                     extraEnvironment: database.ownerEnvironment)
            #expect(published.status == 0, "\(published.errors)")
            #expect(published.output.contains("Published long-listen 1.0.0 to the team database"), "\(published.output)")
            let again = try OutreachBinary().run(["--db", database.ownerAddress, "-c", "playbook publish \(file)"],
                                                 extraEnvironment: database.ownerEnvironment)
            #expect(again.output.contains("already published"), "\(again.output)")
            try (String(contentsOfFile: file, encoding: .utf8) + "      - id: long.q4\n        text: One more?\n")
                .write(toFile: file, atomically: true, encoding: .utf8)
            let changed = try OutreachBinary().run(["--db", database.ownerAddress, "-c", "playbook publish \(file)"],
                                                   extraEnvironment: database.ownerEnvironment)
            #expect(changed.status != 0)
            #expect(changed.errors.contains("version"), "\(changed.errors)")
        }
        let other = try OutreachBinary().run(["--db", database.ownerAddress, "-c", "playbooks"], extraEnvironment: database.ownerEnvironment)
        #expect(other.output.contains("long-listen"), "\(other.output)")
        #expect(other.output.contains("team database"), "\(other.output)")
    }
}

/// Results gathered from several threads.
final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [(Int, Result<(status: Int32, output: String, errors: String), any Error>)] = []

    func append(_ lead: Int, _ result: Result<(status: Int32, output: String, errors: String), any Error>) {
        lock.withLock { results.append((lead, result)) }
    }

    var all: [(Int, Result<(status: Int32, output: String, errors: String), any Error>)] { lock.withLock { results.sorted { $0.0 < $1.0 } } }
}
