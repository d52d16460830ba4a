import Foundation
import OutreachCatalog
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachShell

/// `playbook import` keeps imported playbooks private, like everything else in the data folder.
@Suite struct PlaybookImportTests {
    func mode(_ url: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
    }

    @Test func anImportedPlaybookAndItsFolderArePrivateToTheUser() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let harness = try ShellHarness(catalog: Catalog(paths: SearchPaths(builtin: repositoryRoot, dataDirectory: data)))
        let source = repositoryRoot.appendingPathComponent("Tests/Fixtures/playbooks/good/library-intro.yaml").path

        #expect(harness.run(["playbook import \(Tokenizer.quote(source))"]) == 0)
        #expect(harness.text.contains("Imported library-intro"))
        let playbooks = data.appendingPathComponent("playbooks")
        #expect(try mode(playbooks) == 0o700)
        #expect(try mode(playbooks.appendingPathComponent("library-intro.yaml")) == 0o600)
    }

    @Test func aFolderLeftOpenByAnOlderVersionIsMadePrivateOnImport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let playbooks = data.appendingPathComponent("playbooks")
        try FileManager.default.createDirectory(at: playbooks, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let harness = try ShellHarness(catalog: Catalog(paths: SearchPaths(builtin: repositoryRoot, dataDirectory: data)))
        let source = repositoryRoot.appendingPathComponent("Tests/Fixtures/playbooks/good/library-intro.yaml").path

        #expect(harness.run(["playbook import \(Tokenizer.quote(source))"]) == 0)
        #expect(try mode(playbooks) == 0o700)
        #expect(try mode(playbooks.appendingPathComponent("library-intro.yaml")) == 0o600)
    }
}
