import Foundation
import OutreachCatalog
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachShell

/// A session keeps the questions it started with, even when its playbook file changes.
@Suite struct PlaybookChangeTests {
    @Test func resumingAChangedPlaybookWarnsAndKeepsTheSnapshot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-change-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let playbooks = folder.appendingPathComponent("playbooks")
        try FileManager.default.createDirectory(at: playbooks, withIntermediateDirectories: true)
        let file = playbooks.appendingPathComponent("team-intro.yaml")
        func write(version: String, question: String) throws {
            try """
                format: 1
                id: team-intro
                title: Team introduction
                version: \(version)
                steps:
                  - id: listen
                    questions:
                      - id: team-intro.first
                        text: \(question)
                      - id: team-intro.second
                        text: Who else should we meet?
                """.write(to: file, atomically: true, encoding: .utf8)
        }
        try write(version: "1.0.0", question: "What is your biggest worry this year?")
        let paths = SearchPaths(builtin: repositoryRoot, dataDirectory: folder.appendingPathComponent("data"), extraPlaybookFolders: [playbooks])
        let database = try AppDatabase.inMemory()

        let before = try ShellHarness(catalog: Catalog(paths: paths), database: database)
        before.run(["partner add Metro --sector police", "start team-intro --partner Metro", "/pause"])
        let session = try database.session(number: 1)
        #expect(session.playbookVersion == "1.0.0")
        #expect(session.playbookDigest.count == 64)

        try write(version: "2.0.0", question: "Which budget line worries you most?")
        let after = try ShellHarness(catalog: Catalog(paths: paths), database: database)
        #expect(after.run(["resume 1"]) == 0)
        #expect(after.errors.contains("warning: the playbook 'team-intro' has changed since this session started (it was version 1.0.0); the session keeps the questions it started with."))
        #expect(after.text.contains("What is your biggest worry this year?"))
        #expect(!after.text.contains("Which budget line"))
    }
}

@Suite struct PlaybookSectorTests {
    @Test func aPlaybookForOtherSectorsWarnsButStarts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-sectors-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            format: 1
            id: hospital-only
            title: Hospital conversation
            version: 1.0.0
            sectors: [hospitals]
            steps:
              - id: listen
                questions:
                  - id: hospital-only.first
                    text: Which readmissions worry you most?
            """.write(to: folder.appendingPathComponent("hospital-only.yaml"), atomically: true, encoding: .utf8)
        let catalog = Catalog(paths: SearchPaths(builtin: repositoryRoot, dataDirectory: folder.appendingPathComponent("data"), extraPlaybookFolders: [folder]))
        let harness = try ShellHarness(catalog: catalog)
        #expect(harness.run(["partner add Metro --sector police", "start hospital-only --partner Metro"]) == 0)
        #expect(harness.errors.contains("warning: the playbook 'hospital-only' is written for hospitals; Metro is in police."))
        let suited = try ShellHarness(catalog: catalog)
        #expect(suited.run(["partner add \"St Brigid\" --sector hospitals", "start hospital-only --partner \"St Brigid\""]) == 0)
        #expect(suited.errors.isEmpty)
    }
}
